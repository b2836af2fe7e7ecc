import { Channel, Direction, JourneyStage, SurveyKind, SURVEY_SCORE_RANGE, Team } from '../../domain/enums.js';
import type { Random } from './random.js';
import type { InteractionDraft } from './demo-interactions.js';
import { DAY, HOUR, iso, type CustomerPlan, type DemoContext, type SurveyResponseRow } from './demo-types.js';
import { SURVEY_COMMENTS, SURVEY_COMMENTS_ZH } from './vocabulary/texts.js';

/** Channels that can carry a survey themselves; anything else is surveyed by email. */
const IN_CHANNEL = new Set<Channel>([Channel.CHAT, Channel.IN_APP, Channel.SMS, Channel.WHATSAPP, Channel.WECHAT]);

/** Score as a function of mood (about −2…2): centre and slope per kind, clamped to the kind's range. */
const SCALE: Record<SurveyKind, readonly [number, number]> = {
  [SurveyKind.CSAT]: [4.0, 1.1],
  [SurveyKind.NPS]: [7.6, 2.3],
  [SurveyKind.CES]: [5.3, 1.3],
};

function score(kind: SurveyKind, mood: number): number {
  const [centre, slope] = SCALE[kind];
  const { min, max } = SURVEY_SCORE_RANGE[kind];
  return Math.max(min, Math.min(max, Math.round(centre + slope * mood)));
}

function bucket(kind: SurveyKind, value: number): 'good' | 'fair' | 'poor' {
  const [good, fair] = kind === SurveyKind.CSAT ? [4, 3] : kind === SurveyKind.NPS ? [9, 7] : [5, 4];
  return value >= good ? 'good' : value >= fair ? 'fair' : 'poor';
}

interface Occasion {
  kind: SurveyKind;
  afterMs: number;
  team: Team | null;
  channel: Channel;
  stage: JourneyStage | null;
  interaction: InteractionDraft | null;
}

/** When the customer is asked: after resolved service contacts, after onboarding and buying, and twice a year for NPS. */
function occasions(rng: Random, plan: CustomerPlan, ctx: DemoContext, interactions: readonly InteractionDraft[]): Occasion[] {
  const list: Occasion[] = [];
  for (const draft of interactions) {
    const { row } = draft;
    const surveyChannel = IN_CHANNEL.has(row.channel) ? row.channel : Channel.EMAIL;
    const after = (kind: SurveyKind, afterMs: number) =>
      list.push({ kind, afterMs, team: row.team, channel: surveyChannel, stage: row.journey_stage, interaction: draft });
    if (draft.resolvedMs !== null && row.team === Team.SERVICE) {
      if (rng.chance(0.3)) after(SurveyKind.CSAT, draft.resolvedMs);
      if (rng.chance(0.12)) after(SurveyKind.CES, draft.resolvedMs);
    } else if (draft.resolvedMs !== null && rng.chance(0.08)) {
      after(SurveyKind.CSAT, draft.resolvedMs);
    } else if (row.team === Team.SUCCESS && row.journey_stage === JourneyStage.ONBOARDING && row.direction === Direction.OUTBOUND && rng.chance(0.2)) {
      after(SurveyKind.CSAT, draft.occurredMs);
    }
  }
  if (plan.acquiredMs === null) return list;
  if (rng.chance(0.2)) {
    const lastSale = interactions.filter((d) => d.row.team === Team.SALES && d.occurredMs <= plan.acquiredMs!).at(-1) ?? null;
    list.push({ kind: SurveyKind.CES, afterMs: plan.acquiredMs, team: Team.SALES, channel: Channel.EMAIL, stage: JourneyStage.PURCHASE, interaction: lastSale });
  }
  const end = Math.min(plan.churnedMs ?? ctx.nowMs, ctx.nowMs);
  for (let at = plan.acquiredMs + 90 * DAY; at < end; at += 182 * DAY) {
    if (!rng.chance(0.35)) continue;
    list.push({
      kind: SurveyKind.NPS, afterMs: at + rng.days(0, 10), team: rng.chance(0.7) ? Team.SUCCESS : null,
      channel: rng.chance(0.6) ? Channel.EMAIL : Channel.IN_APP,
      stage: rng.weighted([[JourneyStage.ADOPTION, 6], [JourneyStage.RENEWAL, 2], [JourneyStage.ADVOCACY, 2]]), interaction: null,
    });
  }
  return list;
}

/** How the customer feels when answering: their baseline, the wait they just had, and whether they are about to leave. */
function mood(rng: Random, plan: CustomerPlan, occasion: Occasion, answeredMs: number): number {
  let value = plan.sentiment + rng.normal(0, 0.6);
  const wait = occasion.interaction?.waitMinutes;
  if (wait != null) value += wait > 24 * 60 ? -0.8 : wait > 240 ? -0.3 : wait < 10 ? 0.2 : 0;
  if (plan.churnedMs !== null && answeredMs > plan.churnedMs - 120 * DAY) value -= 0.6;
  return value;
}

function comment(rng: Random, plan: CustomerPlan, kind: SurveyKind, value: number): string | null {
  if (!rng.chance(0.35)) return null;
  const comments = plan.locale !== 'en' && rng.chance(0.6) ? SURVEY_COMMENTS_ZH[plan.locale] : SURVEY_COMMENTS[kind];
  return rng.pick(comments[bucket(kind, value)]);
}

export function generateSurveyResponses(rng: Random, plan: CustomerPlan, ctx: DemoContext, interactions: readonly InteractionDraft[]): SurveyResponseRow[] {
  const rows: SurveyResponseRow[] = [];
  for (const occasion of occasions(rng, plan, ctx, interactions)) {
    const answeredMs = Math.floor((occasion.afterMs + rng.logNormal(2, 1.2) * HOUR) / 1000) * 1000;
    if (answeredMs > ctx.nowMs) continue;
    const value = score(occasion.kind, mood(rng, plan, occasion, answeredMs));
    const at = iso(answeredMs);
    rows.push({
      id: rng.uuid(), created_at: at, updated_at: at, customer_id: plan.id,
      kind: occasion.kind, score: value, comment: comment(rng, plan, occasion.kind, value),
      team: occasion.team, channel: occasion.channel, journey_stage: occasion.stage,
      interaction_id: occasion.interaction?.row.id ?? null, responded_at: at,
      external_id: rng.chance(0.2) ? `srv-${String(++ctx.counters.survey).padStart(7, '0')}` : null,
    });
  }
  return rows.sort((a, b) => (a.responded_at < b.responded_at ? -1 : a.responded_at > b.responded_at ? 1 : 0));
}
