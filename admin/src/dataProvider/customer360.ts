/**
 * The customer 360 page's record: the profile and every figure of its cards in ONE request, so the
 * page never asks card by card. The Show view asks for it with `meta: CUSTOMER_360_META`, which also
 * keeps its cache entry apart from the plain records the list leaves in react-admin's getOne cache.
 */
export const CUSTOMER_360_META = { view: 'customer360' } as const;

export function wantsCustomer360(meta: unknown): boolean {
  return typeof meta === 'object' && meta !== null && (meta as { view?: unknown }).view === CUSTOMER_360_META.view;
}

/** The satisfaction card's second window: the last 90 days (as the health score's RECENT_CSAT). */
export const RECENT_SATISFACTION_DAYS = 90;

export function recentSatisfactionSince(now = new Date()): string {
  return new Date(now.getTime() - RECENT_SATISFACTION_DAYS * 86_400_000).toISOString();
}

const SCORES = `csat { score satisfied total } nps { score promoters passives detractors total } ces { average highEffortRate highEffort total }`;

const SATISFACTION = `
  since latestNpsCategory ${SCORES}
  byTeam { team ${SCORES} }
  byJourneyStage { journeyStage ${SCORES} }
`;

export const CUSTOMER_360_FIELDS = /* GraphQL */ `
  lifetimeValue {
    asOf currency historicalValue grossPurchases refunds purchaseCount refundCount averagePurchaseValue tenureYears
    purchaseFrequencyPerYear segmentAnnualChurnRate expectedLifespanYears predictedValue otherCurrencies firstPurchaseAt lastPurchaseAt
  }
  satisfaction { ${SATISFACTION} }
  recentSatisfaction: satisfaction(since: $recentSince) { ${SATISFACTION} }
  health { asOf score churnRisk baseline factors { name rawValue contribution explanation } }
  slaState { asOf openBreaches interactionBreaches handoffBreaches oldestBreachDueAt }
`;
