import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { timestamp } from '../../db/sql.js';
import { ConnectionType, PageArgs } from '../../graphql/connection.js';

@ObjectType('AuditEvent', { description: 'One change made through the API, recorded in the same transaction as the change.' })
export class AuditEventType {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The staff member who made the change.' })
  actorId!: string | null;

  @Field(() => String, { description: "The actor's email at the time." })
  actorLabel!: string;

  @Field(() => ID, { nullable: true, description: 'The API key the change was made with (the actor is its creator); null when a person signed in made it.' })
  apiKeyId!: string | null;

  @Field(() => String, { description: 'The mutation, e.g. "customerUpdate".' })
  action!: string;

  @Field(() => String, { description: 'The kind of object changed, e.g. "Customer".' })
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => ID, { nullable: true })
  customerId!: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The changed fields before; null for a creation.' })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The changed fields after.' })
  after!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  requestId!: string | null;
}

export const AuditEventConnection = ConnectionType(AuditEventType, 'AuditEvent');

export interface AuditEventRow {
  id: string;
  occurred_at: string;
  actor_id: string | null;
  actor_label: string;
  api_key_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  customer_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
}

export function toAuditEvent(row: AuditEventRow): AuditEventType {
  return {
    id: row.id,
    occurredAt: timestamp(row.occurred_at),
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    apiKeyId: row.api_key_id ?? null,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    customerId: row.customer_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
  };
}

@InputType({ description: 'Narrows the audit trail; every given condition must hold.' })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "Customer", "Purchase", "Handoff".' })
  entityType?: string | null;

  @Field(() => ID, { nullable: true })
  entityId?: string | null;

  @Field(() => Date, { nullable: true, description: 'At or after this moment.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this moment.' })
  until?: Date | null;
}

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => AuditEventFilter, { nullable: true })
  filter?: AuditEventFilter | null;
}
