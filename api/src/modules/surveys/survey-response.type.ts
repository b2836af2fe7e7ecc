import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Channel, JourneyStage, SurveyKind, Team } from '../../domain/enums.js';
import { timestamp } from '../../db/sql.js';
import { ConnectionType } from '../../graphql/connection.js';
import { PersonalData } from '../access/masking.js';
import { instanceOf } from '../../graphql/instances.js';

@ObjectType('SurveyResponse', { description: 'A customer\'s answer to a CSAT (1–5), NPS (0–10) or CES (1–7) question.' })
export class SurveyResponseType {
  @Field(() => ID)
  id!: string;

  @Field(() => SurveyKind)
  kind!: SurveyKind;

  @Field(() => Int, { description: 'CSAT 1–5, NPS 0–10, CES 1–7.' })
  score!: number;

  @Field(() => String, { nullable: true })
  @PersonalData()
  comment!: string | null;

  @Field(() => Team, { nullable: true, description: 'The team whose touchpoint was rated.' })
  team!: Team | null;

  @Field(() => Channel, { nullable: true })
  channel!: Channel | null;

  @Field(() => JourneyStage, { nullable: true, description: 'The touchpoint of the journey that was rated.' })
  journeyStage!: JourneyStage | null;

  @Field(() => Date)
  respondedAt!: Date;

  @Field(() => String, { nullable: true, description: "The response's id in the integrator's system; unique." })
  externalId!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Int)
  version!: number;

  customerId!: string;
  interactionId!: string | null;
}

export const SurveyResponseConnection = ConnectionType(SurveyResponseType, 'SurveyResponse');

export interface SurveyResponseRow {
  id: string;
  customer_id: string;
  kind: SurveyKind;
  score: number;
  comment: string | null;
  team: Team | null;
  channel: Channel | null;
  journey_stage: JourneyStage | null;
  interaction_id: string | null;
  responded_at: string;
  external_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export function toSurveyResponse(row: SurveyResponseRow): SurveyResponseType {
  return instanceOf(SurveyResponseType, {
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    score: row.score,
    comment: row.comment,
    team: row.team,
    channel: row.channel,
    journeyStage: row.journey_stage,
    interactionId: row.interaction_id,
    respondedAt: timestamp(row.responded_at),
    externalId: row.external_id,
    createdAt: timestamp(row.created_at),
    updatedAt: timestamp(row.updated_at),
    version: row.version,
  });
}
