import type { EntityManager } from '@mikro-orm/postgresql';
import { rowsByIds } from '../../db/sql.js';
import type { ChildListing } from '../../graphql/per-parent-pages.js';
import { toSurveyResponse, type SurveyResponseRow, type SurveyResponseType } from './survey-response.type.js';

/** A customer's surveyResponses, newest first. */
export const surveyResponsesOfCustomer: ChildListing<SurveyResponseRow, SurveyResponseType> = {
  table: 'survey_response',
  parentColumn: 'customer_id',
  timeColumn: 'responded_at',
  toItem: toSurveyResponse,
  idOf: (item) => item.id,
};

export async function findSurveyResponsesByIds(em: EntityManager, ids: readonly string[]): Promise<SurveyResponseType[]> {
  return (await rowsByIds<SurveyResponseRow>(em, 'survey_response', ids)).map(toSurveyResponse);
}
