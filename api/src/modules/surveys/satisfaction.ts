import { Decimal } from 'decimal.js';
import type { SatisfactionCountsRow } from './satisfaction.sql.js';
import { NpsCategory, type SatisfactionScores } from './satisfaction.type.js';

const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** 100 × part ÷ whole with 2 decimals, or null over zero answers (never 0, never NaN). */
export function percent(part: number | Decimal, whole: number): string | null {
  return whole === 0 ? null : new Exact(part).times(100).dividedBy(whole).toFixed(2);
}

export function npsCategory(score: number | null): NpsCategory | null {
  if (score === null) return null;
  if (score >= 9) return NpsCategory.PROMOTER;
  if (score >= 7) return NpsCategory.PASSIVE;
  return NpsCategory.DETRACTOR;
}

const EMPTY: Omit<SatisfactionCountsRow, 'customer_id' | 'dimension'> = {
  csat_total: '0', csat_satisfied: '0', nps_total: '0', promoters: '0', passives: '0', detractors: '0',
  ces_total: '0', ces_sum: null, high_effort: '0', latest_nps: null,
};

/** CSAT, NPS and CES from answer counts, as SPEC defines them. */
export function satisfactionScores(counts: Omit<SatisfactionCountsRow, 'customer_id' | 'dimension' | 'latest_nps'> = EMPTY): SatisfactionScores {
  const csatTotal = Number(counts.csat_total);
  const satisfied = Number(counts.csat_satisfied);
  const npsTotal = Number(counts.nps_total);
  const promoters = Number(counts.promoters);
  const detractors = Number(counts.detractors);
  const cesTotal = Number(counts.ces_total);
  const highEffort = Number(counts.high_effort);
  return {
    csat: { score: percent(satisfied, csatTotal), satisfied, total: csatTotal },
    nps: {
      score: percent(promoters - detractors, npsTotal),
      promoters,
      passives: Number(counts.passives),
      detractors,
      total: npsTotal,
    },
    ces: {
      average: cesTotal === 0 ? null : new Exact(counts.ces_sum ?? 0).dividedBy(cesTotal).toFixed(2),
      highEffortRate: percent(highEffort, cesTotal),
      highEffort,
      total: cesTotal,
    },
  };
}
