import { AcquisitionChannel, CustomerKind, LifecycleStage, Segment, Team } from '../../domain/enums.js';
import type { Random } from './random.js';
import { DAY, iso, type CustomerPlan, type CustomerRow, type DemoContext } from './demo-types.js';
import { company, personalEmail, phone, person, workEmail, type Locale } from './demo-identity.js';
import { BUSINESS_CHURN_REASONS, BUSINESS_PERSONAS, CONSUMER_CHURN_REASONS, CONSUMER_PERSONAS, CONTACT_TITLES } from './vocabulary/texts.js';

const C = AcquisitionChannel;
const MONTH = 30.44 * DAY;

const SEGMENT_WEIGHTS = [[Segment.CONSUMER, 45], [Segment.SMALL_BUSINESS, 30], [Segment.MID_MARKET, 17], [Segment.ENTERPRISE, 8]] as const;

/** Where each segment's customers come from: consumers find us, enterprises are found by us. */
const CHANNEL_WEIGHTS: Record<Segment, readonly (readonly [AcquisitionChannel, number])[]> = {
  [Segment.CONSUMER]: [[C.ORGANIC_SEARCH, 26], [C.PAID_SEARCH, 22], [C.SOCIAL_ADS, 20], [C.REFERRAL, 12], [C.EMAIL_CAMPAIGN, 8], [C.DIRECT, 10], [C.EVENTS, 0.5], [C.PARTNER, 1], [C.OUTBOUND_SALES, 0.5]],
  [Segment.SMALL_BUSINESS]: [[C.ORGANIC_SEARCH, 22], [C.PAID_SEARCH, 20], [C.SOCIAL_ADS, 10], [C.REFERRAL, 14], [C.EMAIL_CAMPAIGN, 10], [C.DIRECT, 8], [C.EVENTS, 5], [C.PARTNER, 7], [C.OUTBOUND_SALES, 4]],
  [Segment.MID_MARKET]: [[C.ORGANIC_SEARCH, 12], [C.PAID_SEARCH, 12], [C.SOCIAL_ADS, 4], [C.REFERRAL, 12], [C.EMAIL_CAMPAIGN, 10], [C.DIRECT, 4], [C.EVENTS, 14], [C.PARTNER, 14], [C.OUTBOUND_SALES, 18]],
  [Segment.ENTERPRISE]: [[C.ORGANIC_SEARCH, 4], [C.PAID_SEARCH, 4], [C.SOCIAL_ADS, 1], [C.REFERRAL, 10], [C.EMAIL_CAMPAIGN, 5], [C.DIRECT, 3], [C.EVENTS, 20], [C.PARTNER, 20], [C.OUTBOUND_SALES, 33]],
};

/** How well leads from a channel convert, relative to the segment's rate. */
const CHANNEL_CONVERSION: Record<AcquisitionChannel, number> = {
  ORGANIC_SEARCH: 1, PAID_SEARCH: 0.9, SOCIAL_ADS: 0.8, REFERRAL: 1.25, EMAIL_CAMPAIGN: 0.95,
  EVENTS: 0.9, PARTNER: 1.1, OUTBOUND_SALES: 0.8, DIRECT: 1.15,
};

interface SegmentProfile {
  conversion: number;
  salesCycleDays: number;
  monthlyChurn: number;
  tiers: readonly (readonly [string, number])[];
  seatsMedian: number;
  seatsRange: readonly [number, number];
  annualShare: number;
  maxDiscount: number;
}

/** Plans are priced per seat per month in cents; a year paid upfront costs ten months. */
const PROFILES: Record<Segment, SegmentProfile> = {
  [Segment.CONSUMER]: { conversion: 0.62, salesCycleDays: 3, monthlyChurn: 0.03, tiers: [['Starter', 1900], ['Plus', 3900]], seatsMedian: 1, seatsRange: [1, 1], annualShare: 0.35, maxDiscount: 0 },
  [Segment.SMALL_BUSINESS]: { conversion: 0.56, salesCycleDays: 14, monthlyChurn: 0.02, tiers: [['Growth', 2900]], seatsMedian: 6, seatsRange: [2, 25], annualShare: 0.45, maxDiscount: 0.1 },
  [Segment.MID_MARKET]: { conversion: 0.5, salesCycleDays: 40, monthlyChurn: 0.011, tiers: [['Pro', 4500]], seatsMedian: 50, seatsRange: [20, 200], annualShare: 0.8, maxDiscount: 0.15 },
  [Segment.ENTERPRISE]: { conversion: 0.45, salesCycleDays: 75, monthlyChurn: 0.006, tiers: [['Enterprise', 6500]], seatsMedian: 400, seatsRange: [150, 2000], annualShare: 1, maxDiscount: 0.35 },
};

const TAG_RULES: readonly ((plan: CustomerPlan, rng: Random) => string | null)[] = [
  (p, r) => (p.segment === Segment.ENTERPRISE && r.chance(0.4)) || (p.segment === Segment.MID_MARKET && r.chance(0.1)) ? 'vip' : null,
  (_, r) => (r.chance(0.35) ? 'newsletter' : null),
  (p, r) => (p.stage === LifecycleStage.PROSPECT && r.chance(0.4) ? 'trial' : null),
  (p) => (p.acquiredMs !== null && p.billing === 'ANNUAL' ? 'annual-plan' : null),
  (p, r) => (p.channel === C.EVENTS && r.chance(0.7) ? 'event-lead' : null),
  (p, r) => (p.channel === C.PARTNER && r.chance(0.8) ? 'partner-referred' : null),
  (_, r) => (r.chance(0.05) ? 'beta-tester' : null),
  (p, r) => (p.stage === LifecycleStage.CUSTOMER && p.sentiment < -0.4 && r.chance(0.6) ? 'at-risk' : null),
  (p, r) => (p.stage === LifecycleStage.CUSTOMER && p.sentiment > 0.8 && r.chance(0.3) ? 'champion' : null),
  (p, r) => (p.segment === Segment.ENTERPRISE && r.chance(0.25) ? 'multi-region' : null),
];

function pickOwner(rng: Random, ctx: DemoContext, stage: LifecycleStage, segment: Segment): string | null {
  const team = rng.weighted<Team | null>(
    stage === LifecycleStage.LEAD ? [[null, 45], [Team.SALES, 55]]
    : stage === LifecycleStage.PROSPECT ? [[null, 10], [Team.SALES, 90]]
    : segment === Segment.CONSUMER ? [[null, 60], [Team.SUCCESS, 30], [Team.SALES, 10]]
    : segment === Segment.SMALL_BUSINESS ? [[null, 10], [Team.SUCCESS, 50], [Team.SALES, 40]]
    : [[Team.SUCCESS, 85], [Team.SALES, 15]],
  );
  return team ? rng.pick(ctx.staffByTeam.get(team)!).id : null;
}

interface Lifecycle {
  stage: LifecycleStage;
  acquiredMs: number | null;
  churnedMs: number | null;
}

function lifecycle(rng: Random, ctx: DemoContext, segment: Segment, channel: AcquisitionChannel, createdMs: number, sentiment: number, annual: boolean): Lifecycle {
  const profile = PROFILES[segment];
  const converts = rng.chance(Math.min(0.92, profile.conversion * CHANNEL_CONVERSION[channel] * (1 + 0.15 * sentiment)));
  const acquiredMs = createdMs + Math.round(rng.logNormal(profile.salesCycleDays, 0.8) * DAY / 1000) * 1000;
  if (!converts || acquiredMs >= ctx.nowMs) {
    const age = ctx.nowMs - createdMs;
    const qualified = converts || rng.chance(age < 45 * DAY ? 0.4 : 0.5);
    return { stage: qualified ? LifecycleStage.PROSPECT : LifecycleStage.LEAD, acquiredMs: null, churnedMs: null };
  }
  // Unhappy customers leave sooner; annual contracts end at a term boundary.
  const hazard = profile.monthlyChurn * Math.exp(-0.7 * sentiment);
  const months = Math.max(1, Math.ceil(rng.exponential(1 / hazard)));
  const churnedMs = annual
    ? acquiredMs + Math.ceil(months / 12) * 365 * DAY - rng.int(0, 7) * DAY
    : acquiredMs + months * MONTH + rng.between(0, 3 * DAY);
  if (churnedMs >= ctx.nowMs) return { stage: LifecycleStage.CUSTOMER, acquiredMs, churnedMs: null };
  return { stage: LifecycleStage.CHURNED, acquiredMs, churnedMs: Math.floor(churnedMs / 1000) * 1000 };
}

/** One customer: the row to insert and the plan its interactions, purchases and surveys follow. */
export function generateCustomer(rng: Random, index: number, ctx: DemoContext): { row: CustomerRow; plan: CustomerPlan } {
  const id = rng.uuid();
  const segment = rng.weighted(SEGMENT_WEIGHTS);
  const profile = PROFILES[segment];
  const locale = rng.weighted<Locale>([['en', 85], ['zh-Hans', 9], ['zh-Hant', 6]]);
  const channel = rng.weighted(CHANNEL_WEIGHTS[segment]);
  // The business grows: more sign-ups in recent months than two years ago.
  const createdMs = Math.floor((ctx.startMs + (ctx.nowMs - 3600_000 - ctx.startMs) * Math.pow(rng.next(), 0.7)) / 1000) * 1000;
  const sentiment = Math.max(-1.5, Math.min(1.5, rng.normal(0.2, 0.6)));
  const annual = rng.chance(profile.annualShare);
  const { stage, acquiredMs, churnedMs } = lifecycle(rng, ctx, segment, channel, createdMs, sentiment, annual);

  const business = segment !== Segment.CONSUMER;
  const contact = person(rng, locale);
  const firm = business ? company(rng, segment, locale) : null;
  const email = rng.chance(stage === LifecycleStage.LEAD ? 0.08 : 0.02) ? null
    : firm ? workEmail(rng, contact, firm.domain, ctx.emails) : personalEmail(rng, contact, locale, ctx.emails);
  const [tier, listPrice] = rng.pick(profile.tiers);
  const seats = Math.max(profile.seatsRange[0], Math.min(profile.seatsRange[1], Math.round(rng.logNormal(profile.seatsMedian, 0.6))));
  const discount = Math.round(rng.float(0, profile.maxDiscount) * 20) / 20;
  const churnReasons = business ? BUSINESS_CHURN_REASONS : CONSUMER_CHURN_REASONS;

  const plan: CustomerPlan = {
    id, segment, locale,
    account: firm ? firm.name : contact.fullName,
    contactFirst: contact.firstName,
    contactName: contact.fullName,
    contactTitle: business ? rng.pick(CONTACT_TITLES) : null,
    email, stage, channel, createdMs, acquiredMs, churnedMs,
    ownerId: pickOwner(rng, ctx, stage, segment),
    sentiment, tier,
    billing: annual ? 'ANNUAL' : 'MONTHLY',
    seats,
    seatPriceCents: Math.round((listPrice * (1 - discount)) / 100) * 100,
    currency: rng.chance(0.03) ? 'EUR' : 'USD',
  };
  const tags = TAG_RULES.map((rule) => rule(plan, rng)).filter((tag): tag is string => tag !== null);
  const archivedMs = archivedAt(rng, ctx, plan);
  const updatedMs = Math.max(createdMs, acquiredMs ?? 0, churnedMs ?? 0, archivedMs ?? 0);

  const row: CustomerRow = {
    id, created_at: iso(createdMs), updated_at: iso(updatedMs),
    kind: business ? CustomerKind.BUSINESS : CustomerKind.PERSON,
    name: plan.account,
    company: firm ? firm.legalName : null,
    email,
    phone: rng.chance(stage === LifecycleStage.LEAD ? 0.5 : 0.75) ? phone(rng, locale) : null,
    segment,
    persona: rng.chance(0.85) ? rng.pick(business ? BUSINESS_PERSONAS : CONSUMER_PERSONAS) : null,
    lifecycle_stage: stage,
    acquisition_channel: channel,
    acquired_at: acquiredMs === null ? null : iso(acquiredMs),
    churned_at: churnedMs === null ? null : iso(churnedMs),
    churn_reason: churnedMs === null ? null : churnReason(rng, churnReasons, sentiment),
    owner_id: plan.ownerId,
    tags,
    locale,
    external_id: rng.chance(0.15) ? `crm-${String(index + 1).padStart(6, '0')}` : null,
    archived_at: archivedMs === null ? null : iso(archivedMs),
  };
  return { row, plan };
}

function churnReason(rng: Random, reasons: readonly (readonly [string, number])[], sentiment: number): string {
  if (sentiment < -0.5 && rng.chance(0.35)) return 'Poor support experience';
  return rng.weighted(reasons);
}

/** Stale leads and long-gone customers are sometimes archived to tidy the lists. */
function archivedAt(rng: Random, ctx: DemoContext, plan: CustomerPlan): number | null {
  const from = plan.stage === LifecycleStage.LEAD ? plan.createdMs + 180 * DAY
    : plan.stage === LifecycleStage.CHURNED ? plan.churnedMs! + 60 * DAY : null;
  if (from === null || from >= ctx.nowMs || !rng.chance(0.12)) return null;
  return rng.between(from, ctx.nowMs);
}
