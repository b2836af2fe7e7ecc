import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { Channel, Direction, JourneyStage, Team } from '../../domain/enums.js';
import { Customer } from '../customers/customer.entity.js';
import { StaffUser } from '../staff/staff-user.entity.js';

@Entity({ tableName: 'interaction' })
@Index({ name: 'interaction_customer_occurred', properties: ['customer', 'occurredAt', 'id'] })
@Index({ name: 'interaction_occurred_at', properties: ['occurredAt'] })
// Inbound interactions answered after a moment: the rest of "open at that moment".
@Index({
  name: 'interaction_inbound_responded',
  expression: `create index "interaction_inbound_responded" on "interaction" ("responded_at") where direction = 'INBOUND'`,
})
// Open response SLAs: the few inbound interactions still waiting for an answer.
@Index({
  name: 'interaction_unanswered',
  expression: `create index "interaction_unanswered" on "interaction" ("customer_id", "occurred_at") where direction = 'INBOUND' and responded_at is null`,
})
// The metrics report: unanswered inbound interactions of a period, and all inbound ones when a
// customer filter rules out the hourly rollup; both read from the index alone (customer_id: to
// leave out archived customers).
@Index({
  name: 'interaction_inbound_open_time',
  expression: `create index "interaction_inbound_open_time" on "interaction" ("occurred_at") include ("team", "channel", "journey_stage", "customer_id") where direction = 'INBOUND' and responded_at is null`,
})
@Index({
  name: 'interaction_inbound_time',
  expression: `create index "interaction_inbound_time" on "interaction" ("occurred_at") include ("team", "channel", "journey_stage", "responded_at", "customer_id") where direction = 'INBOUND'`,
})
export class Interaction extends BaseEntity<'journeyStage' | 'subject' | 'summary' | 'staff' | 'respondedAt' | 'resolvedAt' | 'externalId'> {
  @ManyToOne({ entity: () => Customer })
  customer!: Customer;

  @Enum({ items: () => Channel, type: 'string' })
  channel!: Channel;

  @Enum({ items: () => Direction, type: 'string' })
  direction!: Direction;

  @Enum({ items: () => Team, type: 'string' })
  team!: Team;

  @Enum({ items: () => JourneyStage, type: 'string', nullable: true })
  journeyStage: JourneyStage | null = null;

  @Property({ type: 'string', length: 300, nullable: true })
  subject: string | null = null;

  @Property({ type: 'text', nullable: true })
  summary: string | null = null;

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @ManyToOne({ entity: () => StaffUser, nullable: true, index: true })
  staff: StaffUser | null = null;

  @Property({ type: 'datetime', nullable: true })
  respondedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  resolvedAt: Date | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Unique({ name: 'interaction_external_id_unique' })
  externalId: string | null = null;
}
