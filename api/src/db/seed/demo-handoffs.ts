import { AcquisitionChannel, HandoffStatus, LifecycleStage, Segment, Team } from '../../domain/enums.js';
import type { Random } from './random.js';
import { assignee } from './demo-staff.js';
import { DAY, HOUR, MINUTE, fillTemplate, iso, type CustomerPlan, type DemoContext, type HandoffRow } from './demo-types.js';
import { HANDOFF_CONTEXT, HANDOFF_REJECTION_REASONS, HANDOFF_RISKS } from './vocabulary/texts.js';

/** Receiving teams must accept within this; the product's default handoff SLA. */
const HANDOFF_SLA_MS = 24 * HOUR;

const MARKETING_SOURCED = new Set<AcquisitionChannel>([
  AcquisitionChannel.ORGANIC_SEARCH, AcquisitionChannel.PAID_SEARCH, AcquisitionChannel.SOCIAL_ADS,
  AcquisitionChannel.EMAIL_CAMPAIGN, AcquisitionChannel.EVENTS, AcquisitionChannel.DIRECT,
]);

/** Which handoffs a customer's story calls for, and when each was requested. */
function routes(rng: Random, plan: CustomerPlan, ctx: DemoContext): [Team, Team, number][] {
  const list: [Team, Team, number][] = [];
  const latest = ctx.nowMs - MINUTE;
  // A window that has not opened yet gives NaN, which the final filter drops.
  const at = (from: number, to: number) => (Math.min(to, latest) > from ? rng.between(from, Math.min(to, latest)) : NaN);
  const age = ctx.nowMs - plan.createdMs;
  const mqlChance = plan.stage === LifecycleStage.LEAD ? (age < 14 * DAY ? 0.5 : 0.05) : 0.35;
  if (MARKETING_SOURCED.has(plan.channel) && rng.chance(mqlChance)) {
    list.push([Team.MARKETING, Team.SALES, at(plan.createdMs + 2 * HOUR, Math.min(plan.createdMs + 5 * DAY, plan.acquiredMs ?? latest))]);
  }
  const happened = (route: [Team, Team, number]) => route[2] >= plan.createdMs && route[2] <= latest;
  if (plan.acquiredMs === null) return list.filter(happened);
  const end = Math.min(plan.churnedMs ?? latest, latest);
  const { segment, sentiment } = plan;
  const business = segment !== Segment.CONSUMER;
  const toSuccess = { CONSUMER: 0.03, SMALL_BUSINESS: 0.4, MID_MARKET: 0.85, ENTERPRISE: 0.9 }[segment];
  if (rng.chance(toSuccess)) list.push([Team.SALES, Team.SUCCESS, at(plan.acquiredMs, plan.acquiredMs + 2 * DAY)]);
  else if (rng.chance(segment === Segment.SMALL_BUSINESS ? 0.25 : segment === Segment.CONSUMER ? 0.06 : 0)) {
    list.push([Team.SALES, Team.SERVICE, at(plan.acquiredMs, plan.acquiredMs + 2 * DAY)]);
  }
  const settled = plan.acquiredMs + 45 * DAY;
  if (settled < end) {
    if (sentiment < -0.3 && rng.chance(0.3)) list.push([Team.SERVICE, Team.SUCCESS, at(settled, end)]);
    if (business && sentiment > 0.3 && rng.chance(0.2)) list.push([Team.SUCCESS, Team.SALES, at(settled, end)]);
    if (rng.chance(0.03)) list.push([Team.SERVICE, Team.SALES, at(settled, end)]);
    if (business && rng.chance(0.05)) list.push([Team.SUCCESS, Team.SERVICE, at(settled, end)]);
  }
  return list.filter(happened);
}

interface Outcome {
  status: HandoffStatus;
  acceptedMs: number | null;
  completedMs: number | null;
  rejectedMs: number | null;
  cancelledMs: number | null;
}

/** How the handoff went, as far as the clock has got: a step that would lie in the future has not happened yet. */
function outcome(rng: Random, requestedMs: number, nowMs: number): Outcome {
  const result: Outcome = { status: HandoffStatus.REQUESTED, acceptedMs: null, completedMs: null, rejectedMs: null, cancelledMs: null };
  const after = (from: number, medianHours: number, spread: number) => Math.floor((from + rng.logNormal(medianHours, spread) * HOUR) / 1000) * 1000;
  let plan = rng.weighted<HandoffStatus | 'STUCK'>([
    [HandoffStatus.COMPLETED, 62], [HandoffStatus.ACCEPTED, 14], [HandoffStatus.REJECTED, 8], [HandoffStatus.CANCELLED, 6], ['STUCK', 4],
  ]);
  // Nobody leaves a handoff unanswered for months: old forgotten ones were cancelled.
  if (plan === 'STUCK' && requestedMs < nowMs - 21 * DAY) plan = HandoffStatus.CANCELLED;
  if (plan === HandoffStatus.REJECTED) {
    const rejected = after(requestedMs, 6, 1);
    if (rejected <= nowMs) Object.assign(result, { status: HandoffStatus.REJECTED, rejectedMs: rejected });
  } else if (plan === HandoffStatus.CANCELLED) {
    const cancelled = after(requestedMs, 36, 1);
    if (cancelled <= nowMs) Object.assign(result, { status: HandoffStatus.CANCELLED, cancelledMs: cancelled });
  } else if (plan !== 'STUCK') {
    const accepted = after(requestedMs, 5, 1.1);
    if (accepted <= nowMs) {
      Object.assign(result, { status: HandoffStatus.ACCEPTED, acceptedMs: accepted });
      const completed = after(accepted, 72, 0.8);
      if (plan === HandoffStatus.COMPLETED && completed <= nowMs) Object.assign(result, { status: HandoffStatus.COMPLETED, completedMs: completed });
    }
  }
  return result;
}

function keyContacts(rng: Random, plan: CustomerPlan): string | null {
  const reach = plan.email ?? 'no email on file';
  if (plan.contactTitle !== null) return rng.chance(0.75) ? `${plan.contactName}, ${plan.contactTitle} (${reach})` : null;
  return rng.chance(0.2) ? `${plan.contactName} (${reach})` : null;
}

export function generateHandoffs(rng: Random, plan: CustomerPlan, ctx: DemoContext): HandoffRow[] {
  return routes(rng, plan, ctx).map(([fromTeam, toTeam, requestedMs]) => {
    const result = outcome(rng, requestedMs, ctx.nowMs);
    const [summary, goals, commitments] = rng.pick(HANDOFF_CONTEXT[`${fromTeam}>${toTeam}`]!);
    const decided = result.status !== HandoffStatus.REQUESTED && result.status !== HandoffStatus.CANCELLED;
    const fromStaff = rng.chance(fromTeam === Team.MARKETING ? 0.6 : 0.9) ? assignee(rng, ctx.staffByTeam, fromTeam, plan.ownerId) : null;
    const toStaff = decided || rng.chance(0.3) ? assignee(rng, ctx.staffByTeam, toTeam, plan.ownerId) : null;
    const times = [requestedMs, result.acceptedMs, result.completedMs, result.rejectedMs, result.cancelledMs];
    const stamp = (ms: number | null) => (ms === null ? null : iso(ms));
    return {
      id: rng.uuid(),
      created_at: iso(requestedMs),
      updated_at: iso(Math.max(...times.map((t) => t ?? 0))),
      customer_id: plan.id,
      from_team: fromTeam,
      to_team: toTeam,
      from_staff_id: fromStaff,
      to_staff_id: toStaff,
      summary: fillTemplate(summary, plan),
      customer_goals: fillTemplate(goals, plan),
      commitments: fillTemplate(commitments, plan),
      key_contacts: keyContacts(rng, plan),
      risks: rng.chance(plan.sentiment < 0 ? 0.7 : 0.35) ? rng.pick(HANDOFF_RISKS) : null,
      status: result.status,
      rejection_reason: result.status === HandoffStatus.REJECTED ? rng.pick(HANDOFF_REJECTION_REASONS) : null,
      requested_at: iso(requestedMs),
      due_at: iso(requestedMs + HANDOFF_SLA_MS),
      accepted_at: stamp(result.acceptedMs),
      completed_at: stamp(result.completedMs),
      rejected_at: stamp(result.rejectedMs),
      cancelled_at: stamp(result.cancelledMs),
    };
  });
}
