import DataLoader from 'dataloader';
import { perRequest, type Context } from '../../graphql/context.js';
import { perParentPageLoaders } from '../../graphql/per-parent-pages.js';
import { findSurveyResponsesByIds, surveyResponsesOfCustomer } from './survey-response.service.js';
import type { SurveyResponseType } from './survey-response.type.js';

const KEY = Symbol('survey-response.loaders');

export function surveyResponseLoaders(context: Context) {
  return perRequest(context, KEY, () => ({
    byCustomer: perParentPageLoaders(context.em, surveyResponsesOfCustomer),
    byId: new DataLoader<string, SurveyResponseType | null>(async (ids) => {
      const found = new Map((await findSurveyResponsesByIds(context.em, ids)).map((item) => [item.id, item]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  }));
}
