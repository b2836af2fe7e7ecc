import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * One change made through the API: who, what, when, and the fields before and after. Written in
 * the same transaction as the change, so an audit row exists exactly when the change does.
 * Append-only: nothing updates or deletes audit events.
 */
@Entity({ tableName: 'audit_event' })
@Index({ name: 'audit_event_customer_time', properties: ['customerId', 'occurredAt', 'id'] })
@Index({ name: 'audit_event_actor_time', properties: ['actorId', 'occurredAt', 'id'] })
@Index({ name: 'audit_event_entity', properties: ['entityType', 'entityId', 'occurredAt'] })
@Index({ name: 'audit_event_time', properties: ['occurredAt', 'id'] })
export class AuditEvent {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt: Date = new Date();

  /** The staff member who made the change (no foreign key: the trail outlives accounts). */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'string', length: 254 })
  actorLabel!: string;

  /** The API key the change was made with (its creator is the actor); null for a signed-in person. */
  @Property({ type: 'uuid', nullable: true })
  apiKeyId: string | null = null;

  /** Object-first action name, e.g. "customerUpdate". */
  @Property({ type: 'string', length: 100 })
  action!: string;

  @Property({ type: 'string', length: 50 })
  entityType!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'uuid', nullable: true })
  customerId: string | null = null;

  /** The changed fields as they were (null when the entity was created). */
  @Property({ type: 'json', nullable: true })
  before: Record<string, unknown> | null = null;

  /** The changed fields as they became. */
  @Property({ type: 'json', nullable: true })
  after: Record<string, unknown> | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  requestId: string | null = null;
}
