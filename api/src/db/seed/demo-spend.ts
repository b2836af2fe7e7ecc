import { AcquisitionChannel, Segment } from '../../domain/enums.js';
import type { Random } from './random.js';
import { iso, money, type AcquisitionSpendRow, type CustomerPlan } from './demo-types.js';

/** What it costs to win one customer of a segment, in dollars, before the channel's factor. */
const SEGMENT_COST: Record<Segment, number> = { CONSUMER: 120, SMALL_BUSINESS: 1000, MID_MARKET: 10000, ENTERPRISE: 60000 };

/** Paid channels cost more per customer; organic, referral and direct cost little (content, SEO, bonuses). */
const CHANNEL_FACTOR: Record<AcquisitionChannel, number> = {
  PAID_SEARCH: 1.3, SOCIAL_ADS: 1.1, EMAIL_CAMPAIGN: 0.5, EVENTS: 1.4, PARTNER: 1, OUTBOUND_SALES: 1.5,
  ORGANIC_SEARCH: 0.25, REFERRAL: 0.35, DIRECT: 0.1,
};

/** Fixed monthly cost of running each channel for a 10,000-customer business, in dollars. */
const MONTHLY_BASE: Record<AcquisitionChannel, number> = {
  PAID_SEARCH: 6000, SOCIAL_ADS: 4000, EMAIL_CAMPAIGN: 800, EVENTS: 3000, PARTNER: 1000, OUTBOUND_SALES: 8000,
  ORGANIC_SEARCH: 1500, REFERRAL: 300, DIRECT: 200,
};

function monthStart(ms: number): Date {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * One spend row per acquisition channel per calendar month, from 24 months before `now`'s month
 * up to and including it (month to date). Spend follows the customers each channel actually won,
 * so CAC and LTV:CAC come out believable.
 */
export function generateAcquisitionSpend(rng: Random, plans: readonly CustomerPlan[], nowMs: number): AcquisitionSpendRow[] {
  const first = addMonths(monthStart(nowMs), -24);
  const won = new Map<string, number>();
  for (const plan of plans) {
    if (plan.acquiredMs === null) continue;
    const key = `${day(monthStart(plan.acquiredMs))}/${plan.channel}`;
    won.set(key, (won.get(key) ?? 0) + SEGMENT_COST[plan.segment] * CHANNEL_FACTOR[plan.channel]);
  }
  const scale = Math.max(plans.length, 1) / 10_000;
  const rows: AcquisitionSpendRow[] = [];
  for (let start = first; start.getTime() <= nowMs; start = addMonths(start, 1)) {
    const end = addMonths(start, 1);
    const elapsed = Math.min(1, (nowMs - start.getTime()) / (end.getTime() - start.getTime()));
    for (const channel of Object.values(AcquisitionChannel)) {
      const variable = won.get(`${day(start)}/${channel}`) ?? 0;
      const dollars = (MONTHLY_BASE[channel] * scale * elapsed + variable) * rng.float(0.85, 1.15);
      const at = iso(Math.min(end.getTime(), nowMs));
      rows.push({
        id: rng.uuid(), created_at: at, updated_at: at, channel,
        period_start: day(start), period_end: day(end), amount: money(dollars * 100), currency: 'USD',
      });
    }
  }
  return rows;
}
