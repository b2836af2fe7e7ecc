import { HEALTH_BASELINE, type HealthRow } from './health.sql.js';
import { ChurnRisk, HealthFactorName, type Health, type HealthFactor } from './health.type.js';

function npsCategoryOf(score: number): string {
  return score >= 9 ? 'PROMOTER' : score >= 7 ? 'PASSIVE' : 'DETRACTOR';
}

/** Turns the SQL's inputs and points into the factors a person can read. */
export function toHealth(row: HealthRow, asOf: Date): Health {
  const csatTotal = Number(row.csat_total);
  const csatSatisfied = Number(row.csat_satisfied);
  const breaches = Number(row.open_breaches);
  const factors: HealthFactor[] = [
    {
      name: HealthFactorName.LIFECYCLE,
      rawValue: row.churned ? 'CHURNED' : 'ACTIVE',
      contribution: row.lifecycle_points,
      explanation: row.churned ? 'The customer has churned.' : 'The customer has not churned.',
    },
    {
      name: HealthFactorName.LATEST_NPS,
      rawValue: row.latest_nps === null ? null : npsCategoryOf(row.latest_nps),
      contribution: row.nps_points,
      explanation:
        row.latest_nps === null
          ? 'No NPS answer yet.'
          : `The latest NPS answer was ${row.latest_nps} (${npsCategoryOf(row.latest_nps).toLowerCase()}).`,
    },
    {
      name: HealthFactorName.RECENT_CSAT,
      rawValue: csatTotal === 0 ? null : ((csatSatisfied * 100) / csatTotal).toFixed(2),
      contribution: row.csat_points,
      explanation:
        csatTotal === 0
          ? 'No CSAT answer in the last 90 days.'
          : `${csatSatisfied} of ${csatTotal} CSAT answers in the last 90 days were satisfied (4 or 5).`,
    },
    {
      name: HealthFactorName.ENGAGEMENT,
      rawValue: row.days_since_last_interaction,
      contribution: row.engagement_points,
      explanation:
        row.days_since_last_interaction === null
          ? 'No interaction yet.'
          : `The last interaction was ${row.days_since_last_interaction} days ago.`,
    },
    {
      name: HealthFactorName.OPEN_SLA_BREACHES,
      rawValue: String(breaches),
      contribution: row.service_points,
      explanation: breaches === 0 ? 'No open SLA breach.' : `${breaches} open SLA breach${breaches === 1 ? '' : 'es'} (−10 each, at most −30).`,
    },
    {
      name: HealthFactorName.SPEND_TREND,
      rawValue: `${row.recent_spend} vs ${row.previous_spend}`,
      contribution: row.spend_points,
      explanation: `Net purchases of the last 90 days: ${row.recent_spend}; of the 90 days before: ${row.previous_spend}.`,
    },
  ];
  return { asOf, score: row.score, churnRisk: row.churn_risk as ChurnRisk, baseline: HEALTH_BASELINE, factors };
}
