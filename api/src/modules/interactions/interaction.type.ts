import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Channel, Direction, JourneyStage, Team } from '../../domain/enums.js';
import { timestamp } from '../../db/sql.js';
import { ConnectionType } from '../../graphql/connection.js';
import { PersonalData } from '../access/masking.js';
import { instanceOf } from '../../graphql/instances.js';

@ObjectType('Interaction', { description: 'One contact with a customer on any channel: a call, an email, a chat, a meeting…' })
export class InteractionType {
  @Field(() => ID)
  id!: string;

  @Field(() => Channel)
  channel!: Channel;

  @Field(() => Direction, { description: 'INBOUND: the customer reached out; OUTBOUND: we did.' })
  direction!: Direction;

  @Field(() => Team, { description: 'The team that handled it.' })
  team!: Team;

  @Field(() => JourneyStage, { nullable: true })
  journeyStage!: JourneyStage | null;

  @Field(() => String, { nullable: true })
  @PersonalData()
  subject!: string | null;

  @Field(() => String, { nullable: true })
  @PersonalData()
  summary!: string | null;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When we first answered an inbound interaction.' })
  respondedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The interaction's id in the integrator's system; unique." })
  externalId!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Int)
  version!: number;

  customerId!: string;
  staffId!: string | null;
}

export const InteractionConnection = ConnectionType(InteractionType, 'Interaction');

export interface InteractionRow {
  id: string;
  customer_id: string;
  channel: Channel;
  direction: Direction;
  team: Team;
  journey_stage: JourneyStage | null;
  subject: string | null;
  summary: string | null;
  occurred_at: string;
  staff_id: string | null;
  responded_at: string | null;
  resolved_at: string | null;
  external_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export function toInteraction(row: InteractionRow): InteractionType {
  return instanceOf(InteractionType, {
    id: row.id,
    customerId: row.customer_id,
    channel: row.channel,
    direction: row.direction,
    team: row.team,
    journeyStage: row.journey_stage,
    subject: row.subject,
    summary: row.summary,
    occurredAt: timestamp(row.occurred_at),
    staffId: row.staff_id,
    respondedAt: timestamp(row.responded_at),
    resolvedAt: timestamp(row.resolved_at),
    externalId: row.external_id,
    createdAt: timestamp(row.created_at),
    updatedAt: timestamp(row.updated_at),
    version: row.version,
  });
}
