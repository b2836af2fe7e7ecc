import { Decimal } from 'decimal.js';
import type { Segment } from '../../domain/enums.js';
import { timestamp } from '../../db/sql.js';
import type { SegmentChurn } from '../customers/churn.sql.js';
import type { LifetimeValue } from './lifetime-value.type.js';
import type { PurchaseTotalsRow } from './lifetime-value.sql.js';

const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const YEAR_MS = new Exact(365.25 * 24 * 3600 * 1000);
const MAX_LIFESPAN_YEARS = new Exact(10);

const PREDICTION_FIGURES = ['tenureYears', 'purchaseFrequencyPerYear', 'expectedLifespanYears', 'predictedValue'] as const;
type PredictionFigure = (typeof PREDICTION_FIGURES)[number];
/** The figures that need the segment's annual churn (a scan of every customer of the segment). */
export const CHURN_FIGURES = ['segmentAnnualChurnRate', 'expectedLifespanYears', 'predictedValue'] as const;

export interface LifetimeValueSubject {
  segment: Segment;
  churnedAt: Date | null;
}

/** The customer's main currency: most purchases, then the largest gross, then alphabetical. */
function mainCurrency(rows: PurchaseTotalsRow[]): PurchaseTotalsRow | null {
  const sorted = [...rows].sort(
    (a, b) =>
      Number(b.purchase_count) - Number(a.purchase_count) ||
      new Exact(b.gross).comparedTo(a.gross) ||
      a.currency.localeCompare(b.currency),
  );
  return sorted[0] ?? null;
}

/**
 * Computes a customer's lifetime value from its purchase totals (see LifetimeValue's field
 * descriptions). `churn`: the segment's churn counts (undefined when the segment has none); null
 * when they were not read because no CHURN_FIGURES was asked for — those figures are then null.
 */
export function lifetimeValue(
  subject: LifetimeValueSubject,
  totals: PurchaseTotalsRow[],
  churn: SegmentChurn | undefined | null,
  asOf: Date,
): LifetimeValue {
  const withChurn = churn !== null;
  const main = mainCurrency(totals);
  const gross = new Exact(main?.gross ?? 0);
  const refunds = new Exact(main?.refunds ?? 0);
  const historical = gross.minus(refunds);
  const purchaseCount = Number(main?.purchase_count ?? 0);
  const churned = subject.churnedAt !== null && subject.churnedAt < asOf;
  const churnRate =
    churn && churn.activeAtStart > 0 ? new Exact(churn.churned).times(100).dividedBy(churn.activeAtStart) : null;

  const result: LifetimeValue = {
    asOf,
    currency: main?.currency ?? null,
    historicalValue: historical.toFixed(4),
    grossPurchases: gross.toFixed(4),
    refunds: refunds.toFixed(4),
    purchaseCount,
    refundCount: Number(main?.refund_count ?? 0),
    firstPurchaseAt: main ? timestamp(main.first_purchase_at) : null,
    lastPurchaseAt: main ? timestamp(main.last_purchase_at) : null,
    averagePurchaseValue: null,
    tenureYears: null,
    purchaseFrequencyPerYear: null,
    segmentAnnualChurnRate: churnRate?.toFixed(2) ?? null,
    expectedLifespanYears: null,
    predictedValue: churned && withChurn ? historical.toFixed(4) : null,
    otherCurrencies: totals.filter((t) => t !== main).map((t) => t.currency).sort(),
  };
  if (purchaseCount === 0 || !result.firstPurchaseAt) return result;

  const firstPurchaseAt = result.firstPurchaseAt;
  const average = historical.dividedBy(purchaseCount);
  result.averagePurchaseValue = average.toFixed(4);
  // The prediction's 40-digit divisions are computed when one of its figures is first read: a
  // list showing historical values (most of them) never pays for them.
  let prediction: Pick<LifetimeValue, PredictionFigure> | undefined;
  const predict = (): Pick<LifetimeValue, PredictionFigure> => {
    if (prediction) return prediction;
    const end = churned ? subject.churnedAt! : asOf;
    const tenure = Exact.max(0, new Exact(end.getTime() - firstPurchaseAt.getTime()).dividedBy(YEAR_MS));
    const frequency = new Exact(purchaseCount).dividedBy(Exact.max(tenure, 1));
    const lifespan = churned
      ? tenure
      : Exact.min(MAX_LIFESPAN_YEARS, Exact.max(tenure, churnRate && churnRate.gt(0) ? new Exact(100).dividedBy(churnRate) : MAX_LIFESPAN_YEARS));
    return (prediction = {
      tenureYears: tenure.toFixed(4),
      purchaseFrequencyPerYear: frequency.toFixed(4),
      expectedLifespanYears: lifespan.toFixed(4),
      predictedValue: churned ? historical.toFixed(4) : average.times(frequency).times(lifespan).toFixed(4),
    });
  };
  for (const figure of PREDICTION_FIGURES) {
    if (withChurn || !(CHURN_FIGURES as readonly string[]).includes(figure)) Object.defineProperty(result, figure, { enumerable: true, get: () => predict()[figure] });
  }
  return result;
}
