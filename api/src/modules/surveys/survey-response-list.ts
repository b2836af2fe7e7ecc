import type { EntityManager } from '@mikro-orm/postgresql';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { Conditions } from '../../db/sql.js';
import { Channel, JourneyStage, SurveyKind, Team } from '../../domain/enums.js';
import { PageArgs, type Connection } from '../../graphql/connection.js';
import { SortDirection } from '../../graphql/enums.js';
import { addIdCondition, addTimeRange, keysetPage, type KeysetOrder } from '../../graphql/keyset-list.js';
import { toSurveyResponse, type SurveyResponseRow, type SurveyResponseType } from './survey-response.type.js';

@InputType({ description: 'Survey answers across customers; every condition given must hold.' })
export class SurveyResponseListFilter {
  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => [SurveyKind], { nullable: true })
  kinds?: SurveyKind[] | null;

  @Field(() => [Team], { nullable: true, description: 'The team whose touchpoint was rated.' })
  teams?: Team[] | null;

  @Field(() => [Channel], { nullable: true })
  channels?: Channel[] | null;

  @Field(() => [JourneyStage], { nullable: true })
  journeyStages?: JourneyStage[] | null;

  @Field(() => Int, { nullable: true, description: 'Score at least this.' })
  scoreMin?: number | null;

  @Field(() => Int, { nullable: true, description: 'Score at most this (e.g. NPS detractors: kinds [NPS], scoreMax 6).' })
  scoreMax?: number | null;

  @Field(() => Date, { nullable: true, description: 'Answered at or after this moment.' })
  respondedAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Answered before this moment.' })
  respondedBefore?: Date | null;
}

export enum SurveyResponseOrderField {
  RESPONDED_AT = 'RESPONDED_AT',
  SCORE = 'SCORE',
}
registerEnumType(SurveyResponseOrderField, { name: 'SurveyResponseOrderField' });

@InputType()
export class SurveyResponseOrder {
  @Field(() => SurveyResponseOrderField)
  field!: SurveyResponseOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction!: SortDirection;
}

@ArgsType()
export class SurveyResponsesArgs extends PageArgs {
  @Field(() => SurveyResponseListFilter, { nullable: true })
  filter?: SurveyResponseListFilter | null;

  @Field(() => SurveyResponseOrder, { nullable: true, description: 'Default: newest first. Ties are broken by id.' })
  orderBy?: SurveyResponseOrder | null;
}

const ORDER_COLUMNS: Record<SurveyResponseOrderField, Omit<KeysetOrder, 'direction'>> = {
  [SurveyResponseOrderField.RESPONDED_AT]: { column: 's.responded_at', type: 'timestamptz' },
  [SurveyResponseOrderField.SCORE]: { column: 's.score', type: 'numeric' },
};

/** Survey answers of every customer, filtered and ordered, by keyset cursor. */
export function listSurveyResponses(em: EntityManager, args: SurveyResponsesArgs): Promise<Connection<SurveyResponseType>> {
  const filter = args.filter ?? {};
  const where = new Conditions();
  const field = (name: string) => ['filter', name];
  addIdCondition(where, 's.customer_id', filter.customerId, field('customerId'));
  if (filter.kinds?.length) where.add('s.kind = any(?::text[])', filter.kinds);
  if (filter.teams?.length) where.add('s.team = any(?::text[])', filter.teams);
  if (filter.channels?.length) where.add('s.channel = any(?::text[])', filter.channels);
  if (filter.journeyStages?.length) where.add('s.journey_stage = any(?::text[])', filter.journeyStages);
  if (filter.scoreMin != null) where.add('s.score >= ?', filter.scoreMin);
  if (filter.scoreMax != null) where.add('s.score <= ?', filter.scoreMax);
  addTimeRange(where, 's.responded_at', filter.respondedAfter, filter.respondedBefore, field('respondedBefore'));
  const order = ORDER_COLUMNS[args.orderBy?.field ?? SurveyResponseOrderField.RESPONDED_AT];
  return keysetPage<SurveyResponseRow, SurveyResponseType>(
    em,
    { from: 'survey_response s', alias: 's', where, order: { ...order, direction: args.orderBy?.direction ?? SortDirection.DESC }, toItem: toSurveyResponse },
    args,
  );
}
