import DataLoader from 'dataloader';
import { groupKeys, perRequest, type Context } from '../../graphql/context.js';
import { perParentPageLoaders } from '../../graphql/per-parent-pages.js';
import { findSurveyResponsesByIds, surveyResponsesOfCustomer } from './survey-response.service.js';
import type { SurveyResponseType } from './survey-response.type.js';
import { satisfactionScores, npsCategory } from './satisfaction.js';
import { satisfactionCounts, type SatisfactionCountsRow, type SatisfactionDimension } from './satisfaction.sql.js';
import type { Satisfaction, SatisfactionScores } from './satisfaction.type.js';

interface SatisfactionKey {
  customerId: string;
  since: Date | null;
}

const keyOf = (k: SatisfactionKey) => `${k.customerId}|${k.since?.getTime() ?? ''}`;

/** Runs one counting statement per distinct window for all customers asking with that window. */
function countsLoader(context: Context, dimension: SatisfactionDimension | null) {
  return new DataLoader<SatisfactionKey, SatisfactionCountsRow[], string>(
    async (keys) => {
      const bySince = groupKeys(keys, (key) => key.since?.getTime() ?? null);
      const found = new Map<string, SatisfactionCountsRow[]>();
      for (const group of bySince.values()) {
        const rows = await satisfactionCounts(context.em, [...new Set(group.map((k) => k.customerId))], group[0]!.since, dimension);
        for (const row of rows) {
          const key = keyOf({ customerId: row.customer_id, since: group[0]!.since });
          found.set(key, [...(found.get(key) ?? []), row]);
        }
      }
      return keys.map((k) => found.get(keyOf(k)) ?? []);
    },
    { cacheKeyFn: keyOf },
  );
}

const KEY = Symbol('survey-response.loaders');

export function surveyResponseLoaders(context: Context) {
  return perRequest(context, KEY, () => ({
    byCustomer: perParentPageLoaders(context.em, surveyResponsesOfCustomer),
    byId: new DataLoader<string, SurveyResponseType | null>(async (ids) => {
      const found = new Map((await findSurveyResponsesByIds(context.em, ids)).map((item) => [item.id, item]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    satisfactionCounts: countsLoader(context, null),
    satisfactionByTeam: countsLoader(context, 'team'),
    satisfactionByJourneyStage: countsLoader(context, 'journey_stage'),
  }));
}

export async function customerSatisfaction(context: Context, customerId: string, since: Date | null): Promise<Satisfaction> {
  const [counts] = await surveyResponseLoaders(context).satisfactionCounts.load({ customerId, since });
  return {
    ...satisfactionScores(counts),
    since,
    latestNpsCategory: npsCategory(counts?.latest_nps ?? null),
    customerId,
  };
}

export async function satisfactionBreakdown(
  context: Context,
  satisfaction: Satisfaction,
  dimension: 'team' | 'journeyStage',
): Promise<(SatisfactionScores & { dimension: string })[]> {
  const loaders = surveyResponseLoaders(context);
  const loader = dimension === 'team' ? loaders.satisfactionByTeam : loaders.satisfactionByJourneyStage;
  const rows = await loader.load({ customerId: satisfaction.customerId, since: satisfaction.since });
  return rows.map((row) => ({ ...satisfactionScores(row), dimension: row.dimension! }));
}
