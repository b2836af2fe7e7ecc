import { PurchaseKind, Segment } from '../../domain/enums.js';
import type { Random } from './random.js';
import { DAY, HOUR, iso, money, type CustomerPlan, type DemoContext, type PurchaseRow } from './demo-types.js';

const MONTH = 30.44 * DAY;

/** Chance per month that a customer buys more seats (or, for consumers, upgrades). */
const EXPANSION_PER_MONTH: Record<Segment, number> = { CONSUMER: 0.012, SMALL_BUSINESS: 0.02, MID_MARKET: 0.035, ENTERPRISE: 0.045 };

/** Setup work sold with a new subscription: [product, chance, price in cents]. */
const ONBOARDING: Record<Segment, readonly [string, number, (rng: Random) => number]> = {
  CONSUMER: ['Premium template pack', 0.1, () => 2900],
  SMALL_BUSINESS: ['Onboarding package', 0.4, () => 49900],
  MID_MARKET: ['Onboarding package', 0.7, (rng) => rng.pick([250000, 350000, 500000])],
  ENTERPRISE: ['Implementation services', 0.9, (rng) => rng.int(30, 80) * 50000],
};

const EXTRAS: Record<Segment, readonly (readonly [string, (rng: Random) => number])[]> = {
  CONSUMER: [['Extra storage (100 GB)', () => 900], ['Premium template pack', () => 2900]],
  SMALL_BUSINESS: [['Training workshop', () => 29900], ['Extra storage (1 TB)', () => 4900]],
  MID_MARKET: [['Training workshop', (rng) => rng.pick([150000, 250000])], ['Data migration service', (rng) => rng.int(4, 12) * 50000]],
  ENTERPRISE: [['Training workshop', (rng) => rng.pick([400000, 600000])], ['Custom integration', (rng) => rng.int(10, 40) * 100000]],
};

/**
 * A customer's purchase history from its first subscription to now (or its churn): renewals each
 * term, occasional expansions and add-ons, and now and then a refund of an earlier purchase.
 */
export function generatePurchases(rng: Random, plan: CustomerPlan, ctx: DemoContext): PurchaseRow[] {
  if (plan.acquiredMs === null) return [];
  const startMs = plan.acquiredMs;
  const endMs = Math.min(plan.churnedMs ?? ctx.nowMs, ctx.nowMs);
  const business = plan.segment !== Segment.CONSUMER;
  const annual = plan.billing === 'ANNUAL';
  let { seats, seatPriceCents: price, tier } = plan;
  const rows: PurchaseRow[] = [];
  const termProduct = () => `${tier} plan (${annual ? 'annual' : 'monthly'}${seats > 1 ? `, ${seats} seats` : ''})`;
  const termCents = () => seats * price * (annual ? 10 : 1);
  const add = (kind: PurchaseKind, atMs: number, cents: number, product: string, refundOf: PurchaseRow | null = null) => {
    const at = iso(Math.floor(atMs / 1000) * 1000);
    const imported = rng.chance(business ? 0.5 : 0.4);
    rows.push({
      id: rng.uuid(), created_at: at, updated_at: at, customer_id: plan.id,
      amount: money(cents), currency: plan.currency, product, kind, purchased_at: at,
      refund_of_id: refundOf?.id ?? null,
      external_id: imported ? `${business ? 'inv' : 'ord'}-${String(++ctx.counters.order).padStart(7, '0')}` : null,
    });
  };

  add(PurchaseKind.SUBSCRIPTION, startMs, termCents(), termProduct());
  const [setup, setupChance, setupPrice] = ONBOARDING[plan.segment];
  const setupAt = startMs + rng.float(0.5, 72) * HOUR;
  if (setupAt < endMs && rng.chance(setupChance)) add(PurchaseKind.ONE_TIME, setupAt, setupPrice(rng), setup);

  const expansionChance = EXPANSION_PER_MONTH[plan.segment] * (plan.sentiment > -0.2 ? 1 : 0.2);
  for (let month = 0; startMs + month * MONTH < endMs; month++) {
    const monthStart = startMs + month * MONTH;
    const termStart = month > 0 && (!annual || month % 12 === 0);
    if (termStart && monthStart < endMs - 4 * DAY) {
      if (annual && rng.chance(0.3)) price = Math.round((price * 1.05) / 100) * 100;
      add(PurchaseKind.RENEWAL, monthStart, termCents(), termProduct());
    }
    const midMonth = monthStart + rng.days(3, 27);
    if (midMonth >= endMs) continue;
    if (rng.chance(expansionChance)) {
      const remaining = annual ? 1 - (month % 12) / 12 : 1;
      if (!business && tier === 'Starter') {
        const from = price;
        tier = 'Plus';
        price = Math.round(from * 39 / 19 / 100) * 100;
        add(PurchaseKind.EXPANSION, midMonth, (price - from) * (annual ? 10 : 1) * remaining, 'Upgrade from Starter to Plus');
      } else if (business) {
        const added = Math.max(1, Math.round(seats * rng.float(0.1, 0.4)));
        seats += added;
        add(PurchaseKind.EXPANSION, midMonth, added * price * (annual ? 10 : 1) * remaining, `${tier} plan: ${added} more seat${added > 1 ? 's' : ''}`);
      }
    } else if (rng.chance(0.012)) {
      const [product, extraPrice] = rng.pick(EXTRAS[plan.segment]);
      add(PurchaseKind.ONE_TIME, midMonth, extraPrice(rng), product);
    }
  }

  const refundChance = (plan.churnedMs !== null ? 0.18 : 0.04) * (plan.sentiment < 0 ? 1.5 : 1);
  if (rng.chance(refundChance)) refund(rng, rows, endMs, plan.churnedMs !== null, add);
  return rows;
}

/** Refunds one earlier purchase, fully or in part, within a few weeks and never after churn. */
function refund(
  rng: Random, rows: PurchaseRow[], endMs: number, churned: boolean,
  add: (kind: PurchaseKind, atMs: number, cents: number, product: string, refundOf: PurchaseRow) => void,
): void {
  const target = churned ? rows[rows.length - 1]! : rng.pick(rows);
  const paidMs = Date.parse(target.purchased_at);
  const atMs = Math.min(paidMs + rng.days(1, 20), endMs);
  if (atMs - paidMs < HOUR) return;
  const paidCents = Math.round(Number(target.amount) * 100);
  const cents = rng.chance(0.55) ? paidCents : Math.max(1, Math.round(paidCents * rng.float(0.2, 0.8)));
  add(PurchaseKind.REFUND, atMs, cents, target.product ?? 'Refund', target);
}
