import type { EntityManager } from '@mikro-orm/postgresql';
import { preparedQuery, uuidArray } from '../../db/sql.js';

/** Answer counts of one group of survey responses: the inputs of CSAT, NPS and CES. */
export interface SatisfactionCountsRow {
  customer_id: string;
  /** The breakdown value (team or journey stage) when grouped by one. */
  dimension: string | null;
  csat_total: string;
  csat_satisfied: string;
  nps_total: string;
  promoters: string;
  passives: string;
  detractors: string;
  ces_total: string;
  ces_sum: string | null;
  high_effort: string;
  latest_nps: number | null;
}

/**
 * Aggregates over survey_response rows — the inputs of CSAT, NPS and CES — with the table's
 * columns read through `alias` (e.g. "s"), so callers that join other tables stay unambiguous.
 */
export function satisfactionCountsSql(alias: string): string {
  const c = (column: string) => `${alias}.${column}`;
  return `
  count(*) filter (where ${c('kind')} = 'CSAT') as csat_total,
  count(*) filter (where ${c('kind')} = 'CSAT' and ${c('score')} >= 4) as csat_satisfied,
  count(*) filter (where ${c('kind')} = 'NPS') as nps_total,
  count(*) filter (where ${c('kind')} = 'NPS' and ${c('score')} >= 9) as promoters,
  count(*) filter (where ${c('kind')} = 'NPS' and ${c('score')} between 7 and 8) as passives,
  count(*) filter (where ${c('kind')} = 'NPS' and ${c('score')} <= 6) as detractors,
  count(*) filter (where ${c('kind')} = 'CES') as ces_total,
  sum(${c('score')}) filter (where ${c('kind')} = 'CES') as ces_sum,
  count(*) filter (where ${c('kind')} = 'CES' and ${c('score')} <= 3) as high_effort,
  (array_agg(${c('score')} order by ${c('responded_at')} desc, ${c('id')} desc) filter (where ${c('kind')} = 'NPS'))[1] as latest_nps`;
}

export type SatisfactionDimension = 'team' | 'journey_stage';

/**
 * Counts per customer (and per team or journey stage when `dimension` is given) of answers given
 * at or after `since` (all when null). Answers without the dimension are left out of a breakdown.
 */
export function satisfactionCounts(
  em: EntityManager,
  customerIds: readonly string[],
  since: Date | null,
  dimension: SatisfactionDimension | null = null,
): Promise<SatisfactionCountsRow[]> {
  const params: unknown[] = [uuidArray(customerIds)];
  let window = '';
  if (since) {
    window = 'and responded_at >= ?';
    params.push(since);
  }
  const group = dimension ? `${dimension}::text` : 'null::text';
  // One of six texts (with or without `since`, three groupings): prepared.
  return preparedQuery<SatisfactionCountsRow>(
    em,
    `select customer_id, ${group} as dimension, ${satisfactionCountsSql('survey_response')}
       from survey_response
      where customer_id = any(?::uuid[]) ${window} ${dimension ? `and ${dimension} is not null` : ''}
      group by customer_id${dimension ? `, ${dimension}` : ''}
      order by customer_id${dimension ? `, ${dimension}` : ''}`,
    params,
  );
}
