import { Channel, Direction, LifecycleStage, Segment, Team } from '../../domain/enums.js';
import type { Random } from './random.js';
import { assignee } from './demo-staff.js';
import { DAY, HOUR, MINUTE, fillTemplate, iso, type CustomerPlan, type DemoContext, type InteractionRow } from './demo-types.js';
import * as T from './vocabulary/touches.js';
import type { Touch } from './vocabulary/touches.js';

/** One generated interaction with its times as numbers, for the surveys that follow it. */
export interface InteractionDraft {
  row: InteractionRow;
  occurredMs: number;
  resolvedMs: number | null;
  /** Minutes the customer waited for an answer; null when outbound or unanswered. */
  waitMinutes: number | null;
}

type Weighted = readonly (readonly [Touch, number])[];

/** Typical minutes to a first answer on each channel (phone and face to face are answered live). */
const RESPONSE_MINUTES: Record<Channel, number> = {
  PHONE: 0, IN_PERSON: 0, WEBINAR: 5, CHAT: 3, SMS: 30, WHATSAPP: 25, WECHAT: 20,
  FACEBOOK_MESSENGER: 45, IN_APP: 60, SOCIAL: 120, EMAIL: 180,
};
const TEAM_PACE: Record<Team, number> = { SERVICE: 1, SALES: 0.8, SUCCESS: 1.5, MARKETING: 2.5 };
const AUTOMATED = new Set<Channel>([Channel.EMAIL, Channel.SMS, Channel.WHATSAPP, Channel.WEBINAR, Channel.SOCIAL]);
const PER_MONTH: Record<Segment, number> = { CONSUMER: 0.5, SMALL_BUSINESS: 0.9, MID_MARKET: 1.5, ENTERPRISE: 2.6 };

function count(rng: Random, expected: number): number {
  return Math.max(0, Math.round(expected + rng.float(-0.5, 0.5)));
}

function prospectingTouches(plan: CustomerPlan): Weighted {
  const business = plan.segment !== Segment.CONSUMER;
  const closing = plan.stage !== LifecycleStage.LEAD;
  return [
    [T.NURTURE_EMAIL, business ? 15 : 30], [T.MARKETING_WEBINAR, business ? 10 : 5], [T.SOCIAL_INQUIRY, business ? 4 : 12],
    [T.WEBSITE_INQUIRY, business ? 10 : 20], [T.SALES_OUTREACH, business ? 25 : 5], [T.SALES_INQUIRY, business ? 12 : 5],
    [T.SALES_CLOSING, closing ? (business ? 12 : 2) : 0], [T.BUYER_QUESTIONS, closing ? (business ? 8 : 4) : 0],
  ];
}

function adoptionTouches(plan: CustomerPlan): Weighted {
  const business = plan.segment !== Segment.CONSUMER;
  const fan = plan.sentiment > 0.5;
  return [
    [T.SUPPORT_REQUEST, 40], [T.SUPPORT_FOLLOW_UP, 8], [T.SUCCESS_CHECK_IN, business ? 15 : 3], [T.SUCCESS_QUESTION, 8],
    [T.EXPANSION_TALK, business ? 5 : 0.5], [T.ADVOCACY_ASK, fan ? 6 : 2], [T.ADVOCACY_SHOUT_OUT, fan ? 3 : 0.3],
  ];
}

/** A list of [from, to, touch] slots: when something happens and what kind of touch it is. */
function schedule(rng: Random, plan: CustomerPlan, ctx: DemoContext): [number, number, Touch][] {
  const slots: [number, number, Touch][] = [];
  const many = (from: number, to: number, n: number, touches: Weighted) => {
    if (to <= from) return;
    for (let i = 0; i < n; i++) slots.push([from, to, rng.weighted(touches)]);
  };
  const { segment, acquiredMs, churnedMs } = plan;
  const prospectingEnd = acquiredMs ?? ctx.nowMs;
  const prospecting = plan.stage === LifecycleStage.LEAD ? rng.int(1, 4)
    : plan.stage === LifecycleStage.PROSPECT ? rng.int(3, 9)
    : { CONSUMER: rng.int(1, 4), SMALL_BUSINESS: rng.int(3, 6), MID_MARKET: rng.int(4, 10), ENTERPRISE: rng.int(6, 14) }[segment];
  many(plan.createdMs, prospectingEnd, prospecting, prospectingTouches(plan));
  if (acquiredMs === null) return slots;

  const end = Math.min(churnedMs ?? ctx.nowMs, ctx.nowMs);
  if (segment !== Segment.CONSUMER) slots.push([Math.max(plan.createdMs, acquiredMs - 5 * DAY), acquiredMs, rng.pick([T.SALES_CLOSING, T.BUYER_QUESTIONS])]);
  const onboardingEnd = Math.min(end, acquiredMs + 45 * DAY);
  const onboarding = { CONSUMER: rng.int(0, 2), SMALL_BUSINESS: rng.int(1, 3), MID_MARKET: rng.int(2, 5), ENTERPRISE: rng.int(3, 7) }[segment];
  many(acquiredMs, onboardingEnd, onboarding, [[T.ONBOARDING_KICKOFF, segment === Segment.CONSUMER ? 1 : 5], [T.SETUP_HELP, 5]]);
  const months = (end - onboardingEnd) / (30.44 * DAY);
  many(onboardingEnd, end, count(rng, months * PER_MONTH[segment] * (1 - 0.2 * plan.sentiment)), adoptionTouches(plan));

  if (plan.billing === 'ANNUAL') {
    for (let renewal = acquiredMs + 365 * DAY; renewal - 20 * DAY < end; renewal += 365 * DAY) {
      if (rng.chance(0.6)) slots.push([renewal - 60 * DAY, renewal - 20 * DAY, T.RENEWAL_OUTREACH]);
      if (rng.chance(0.3)) slots.push([renewal - 40 * DAY, Math.min(renewal, end), T.RENEWAL_QUESTION]);
    }
  }
  if (churnedMs !== null) {
    if (rng.chance(0.8)) slots.push([churnedMs - 14 * DAY, churnedMs, T.CANCELLATION_REQUEST]);
    if (rng.chance(0.4)) slots.push([churnedMs - 10 * DAY, churnedMs, T.SAVE_ATTEMPT]);
    if (rng.chance(0.5)) slots.push([churnedMs + 30 * DAY, Math.min(ctx.nowMs, churnedMs + 200 * DAY), T.WIN_BACK]);
  }
  return slots.filter(([from, to]) => to > from);
}

/** Chinese-speaking customers reach us on WeChat rather than WhatsApp, SMS or Messenger. */
function localChannel(rng: Random, channel: Channel, locale: CustomerPlan['locale']): Channel {
  if (locale !== 'zh-Hans') return channel;
  if (channel === Channel.WHATSAPP || channel === Channel.SMS || channel === Channel.FACEBOOK_MESSENGER) return rng.chance(0.85) ? Channel.WECHAT : channel;
  if (channel === Channel.EMAIL || channel === Channel.CHAT) return rng.chance(0.3) ? Channel.WECHAT : channel;
  return channel;
}

/** Moves an instant into the customer's working day (US hours for English, China time otherwise). */
function workingHours(rng: Random, ms: number, locale: CustomerPlan['locale']): number {
  const offset = (locale === 'en' ? -rng.int(4, 8) : 8) * HOUR;
  const day = Math.floor((ms + offset) / DAY) * DAY;
  const hour = rng.weighted([[8, 4], [9, 8], [10, 10], [11, 10], [12, 6], [13, 8], [14, 10], [15, 9], [16, 8], [17, 5], [18, 3], [19, 2], [21, 1]]);
  return day - offset + hour * HOUR + rng.int(0, 3599) * 1000;
}

function build(rng: Random, plan: CustomerPlan, ctx: DemoContext, touch: Touch, from: number, to: number): InteractionDraft {
  const channel = localChannel(rng, rng.weighted(touch.channels), plan.locale);
  let occurredMs = rng.between(from, Math.min(to, ctx.nowMs - MINUTE));
  const inHours = workingHours(rng, occurredMs, plan.locale);
  if (inHours >= from && inHours < Math.min(to, ctx.nowMs - MINUTE)) occurredMs = inHours;
  const inbound = touch.direction === Direction.INBOUND;

  let respondedMs: number | null = null;
  let resolvedMs: number | null = null;
  let waitMinutes: number | null = null;
  // A few recent inbound messages still wait for an answer; older ones were all answered at some
  // point, as in a company that works its backlog (otherwise open SLA breaches pile up for years).
  const recent = occurredMs > ctx.nowMs - 30 * DAY;
  if (inbound && (!recent || !rng.chance(touch.team === Team.MARKETING || channel === Channel.SOCIAL ? 0.12 : 0.04))) {
    const typical = RESPONSE_MINUTES[channel] * TEAM_PACE[touch.team] * Math.exp(-0.35 * plan.sentiment);
    const wait = typical === 0 ? rng.float(0, 1.5) : rng.logNormal(typical, channel === Channel.EMAIL ? 1.3 : 1.1);
    const answered = occurredMs + Math.max(1000, Math.round(wait * 60) * 1000);
    if (answered <= ctx.nowMs) {
      respondedMs = answered;
      waitMinutes = wait;
      const resolves = touch.team === Team.SERVICE ? 0.85 : 0.5;
      if (rng.chance(resolves)) {
        const live = channel === Channel.PHONE || channel === Channel.CHAT || channel === Channel.IN_PERSON;
        const solved = answered + Math.round(rng.logNormal(live ? 20 : 360, 1.3) * 60) * 1000;
        if (solved <= ctx.nowMs) resolvedMs = solved;
      }
    }
  }
  const automated = touch.team === Team.MARKETING && !inbound && AUTOMATED.has(channel) && rng.chance(0.6);
  const unattended = inbound && respondedMs === null && rng.chance(0.7);
  const externalPrefix = channel === Channel.PHONE ? 'call' : channel === Channel.CHAT ? 'chat' : null;
  const [subject, summary] = rng.pick(touch.lines);
  const row: InteractionRow = {
    id: rng.uuid(),
    created_at: iso(occurredMs),
    updated_at: iso(Math.max(occurredMs, respondedMs ?? 0, resolvedMs ?? 0)),
    customer_id: plan.id,
    channel,
    direction: touch.direction,
    team: touch.team,
    journey_stage: rng.chance(0.05) ? null : touch.stage,
    subject: fillTemplate(subject, plan),
    summary: rng.chance(0.04) ? null : fillTemplate(summary, plan),
    occurred_at: iso(occurredMs),
    staff_id: automated || unattended ? null : assignee(rng, ctx.staffByTeam, touch.team, plan.ownerId),
    responded_at: respondedMs === null ? null : iso(respondedMs),
    resolved_at: resolvedMs === null ? null : iso(resolvedMs),
    external_id: externalPrefix && rng.chance(0.5) ? `${externalPrefix}-${String(++ctx.counters.interaction).padStart(7, '0')}` : null,
  };
  return { row, occurredMs, resolvedMs, waitMinutes };
}

/** Every touchpoint of one customer, oldest first. */
export function generateInteractions(rng: Random, plan: CustomerPlan, ctx: DemoContext): InteractionDraft[] {
  return schedule(rng, plan, ctx)
    .map(([from, to, touch]) => build(rng, plan, ctx, touch, from, to))
    .sort((a, b) => a.occurredMs - b.occurredMs);
}
