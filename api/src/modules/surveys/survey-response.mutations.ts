import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Channel, JourneyStage, SurveyKind, Team } from '../../domain/enums.js';
import { UserError } from '../../graphql/errors.js';
import { SurveyResponseType } from './survey-response.type.js';

@InputType({
  description:
    'A survey answer. Idempotent by externalId: sending an externalId that is already stored writes nothing and returns the stored response as it is (CONFLICT when it belongs to another customer).',
})
export class SurveyResponseRecordInput {
  @Field(() => ID, { description: 'The customer who answered; must exist.' })
  customerId!: string;

  @Field(() => SurveyKind)
  kind!: SurveyKind;

  @Field(() => Int, { description: 'CSAT 1–5, NPS 0–10, CES 1–7 (1 = very hard … 7 = very easy).' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'At most 5,000 characters; newlines allowed.' })
  comment?: string | null;

  @Field(() => Team, { nullable: true, description: "The team whose touchpoint was rated; default the interaction's team." })
  team?: Team | null;

  @Field(() => Channel, { nullable: true, description: "Default the interaction's channel." })
  channel?: Channel | null;

  @Field(() => JourneyStage, { nullable: true, description: "Default the interaction's journey stage." })
  journeyStage?: JourneyStage | null;

  @Field(() => ID, { nullable: true, description: 'The interaction this answer rates: must exist and be with the same customer.' })
  interactionId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Default now; not before the rated interaction occurred, not before 1970, not in the future.' })
  respondedAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "The response's id in your system (at most 200 characters): unique; sending it again returns the stored response unchanged.",
  })
  externalId?: string | null;
}

@InputType({
  description:
    'Up to 1,000 survey answers to record at once. Each item is judged on its own: valid items are written, invalid ones are reported in their result and skipped. Retrying the same batch with externalIds never duplicates.',
})
export class SurveyResponseRecordBatchInput {
  @Field(() => [SurveyResponseRecordInput], { description: 'At most 1,000 items (more: INVALID on input.items and nothing is written).' })
  items!: SurveyResponseRecordInput[];
}

@ObjectType({ description: 'The survey response as stored after the mutation, or userErrors and no change.' })
export class SurveyResponsePayload {
  @Field(() => SurveyResponseType, { nullable: true })
  surveyResponse!: SurveyResponseType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ description: 'The outcome of one item of a batch: the survey response, or the userErrors that kept it from being written.' })
export class SurveyResponseRecordBatchResult {
  @Field(() => Int, { description: 'Position of the item in input.items, from 0.' })
  index!: number;

  @Field(() => SurveyResponseType, { nullable: true, description: 'The written (or, for a known externalId, the stored) response; null when the item was rejected.' })
  surveyResponse!: SurveyResponseType | null;

  @Field(() => [UserError], { description: 'Why the item was rejected; fields are paths like ["input", "items", "3", "score"].' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'One result per item, in input order; userErrors here concern the whole batch (then nothing is written).' })
export class SurveyResponseRecordBatchPayload {
  @Field(() => [SurveyResponseRecordBatchResult])
  results!: SurveyResponseRecordBatchResult[];

  @Field(() => [UserError])
  userErrors!: UserError[];
}
