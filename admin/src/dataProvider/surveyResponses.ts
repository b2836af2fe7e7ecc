import type { Channel, JourneyStage, SurveyKind, Team } from '../graphql/enums';
import { activityListReader } from './activityLists';
import { surveyResponses as customerSurveyResponses } from './customerRelations';
import { choices, idOrUndefined, integerBound, startOfDay, toOrder } from './listFilters';
import type { ResourceReader } from './types';

/** Survey answers across customers (Query.surveyResponses) and a customer's own (customerRelations.ts). */

export const SURVEY_RESPONSE_LIST_FIELDS = `id kind score comment team channel journeyStage respondedAt externalId version createdAt updatedAt
  customer { id name company } interaction { id subject channel occurredAt }`;

export interface SurveyResponseListFilter {
  customerId?: string;
  kinds?: SurveyKind[];
  teams?: Team[];
  channels?: Channel[];
  journeyStages?: JourneyStage[];
  scoreMin?: number;
  scoreMax?: number;
  respondedAfter?: string;
  respondedBefore?: string;
}

/** The list's filter form → the API's SurveyResponseListFilter (e.g. NPS detractors: kind NPS, score at most 6). */
export function toSurveyResponseListFilter(filter: Record<string, unknown> = {}): SurveyResponseListFilter {
  return {
    customerId: idOrUndefined(filter.customerId),
    kinds: choices<SurveyKind>(filter.kind),
    teams: choices<Team>(filter.team),
    channels: choices<Channel>(filter.channel),
    journeyStages: choices<JourneyStage>(filter.journeyStage),
    scoreMin: integerBound(filter.scoreMin),
    scoreMax: integerBound(filter.scoreMax),
    respondedAfter: startOfDay(filter.respondedAfter),
    respondedBefore: startOfDay(filter.respondedBefore),
  };
}

export const toSurveyResponseOrder = (sort: Parameters<typeof toOrder>[0]) => toOrder(sort, { respondedAt: 'RESPONDED_AT', score: 'SCORE' });

export const surveyResponses: ResourceReader = {
  ...customerSurveyResponses,
  ...activityListReader({
    field: 'surveyResponses',
    singleField: 'surveyResponse',
    filterType: 'SurveyResponseListFilter',
    orderType: 'SurveyResponseOrder',
    fields: SURVEY_RESPONSE_LIST_FIELDS,
    toFilter: toSurveyResponseListFilter,
    toOrder: toSurveyResponseOrder,
  }),
};
