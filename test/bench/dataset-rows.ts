import { Random } from '../../api/src/db/seed/random.js';
import { COMPANY_INDUSTRIES, COMPANY_PREFIXES, FIRST_NAMES, LAST_NAMES } from '../../api/src/db/seed/vocabulary/names.js';
import { AcquisitionChannel, Channel, JourneyStage, Segment, Team } from '../../api/src/domain/enums.js';

/*
 * The benchmark dataset as lines of PostgreSQL's COPY text format, generated from a seed and a
 * moment alone (same options, same bytes). Child rows are spread over customers by weight with
 * exact totals; every value respects the schema's CHECK constraints and SPEC's rules: survey
 * scores in range per kind, churned ⇔ churnedAt, purchases only by acquired customers and before
 * churn, a refund never more than the purchase it refunds, handoff timestamps matching their
 * status, at most one open handoff per customer.
 */

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** History spans three years before `now`. */
export const HISTORY_DAYS = 3 * 365;

export interface DatasetOptions {
  customers: number;
  seed: number;
  /** The dataset's present: nothing happens after it. */
  now: Date;
}

export interface DatasetCounts {
  staff_user: number;
  customer: number;
  interaction: number;
  purchase: number;
  survey_response: number;
  handoff: number;
  acquisition_spend: number;
}

/** 100,000 customers → 1,000,000 interactions, 200,000 purchases, 150,000 survey answers, 20,000 handoffs. */
export function datasetScale(customers: number) {
  return {
    customers,
    interactions: customers * 10,
    purchases: customers * 2,
    surveyResponses: Math.round(customers * 1.5),
    handoffs: Math.round(customers / 5),
  };
}

const STAGES = ['LEAD', 'PROSPECT', 'CUSTOMER', 'CHURNED'] as const;
const ACQUISITION_CHANNELS = Object.values(AcquisitionChannel);
const CHANNELS = Object.values(Channel);
const TEAMS = Object.values(Team);
const JOURNEY_STAGES = Object.values(JourneyStage);
const TAGS = ['vip', 'newsletter', 'beta', 'partner', 'at-risk', 'upsell', 'renewal-due', 'event-lead'];
const PRODUCTS = ['Starter plan', 'Team plan', 'Business plan', 'Enterprise plan', 'Onboarding package', 'Support add-on', 'Extra seats', 'Training day'];
const PURCHASE_KINDS = [['ONE_TIME', 3], ['SUBSCRIPTION', 4], ['RENEWAL', 2], ['EXPANSION', 1]] as const;
const TOPICS = ['Billing question', 'Login problem', 'Feature request', 'Renewal terms', 'Onboarding call', 'Invoice copy', 'Product demo', 'Price quote', 'Integration help', 'Follow-up'];
const HANDOFF_ROUTES = [['SALES', 'SERVICE'], ['SALES', 'SUCCESS'], ['MARKETING', 'SALES'], ['SERVICE', 'SUCCESS'], ['SUCCESS', 'SERVICE']] as const;
const CHURN_REASONS = ['Price too high', 'Moved to a competitor', 'No longer needed', 'Poor support experience', 'Company closed'];
const SEGMENT_MEDIAN_CENTS: Record<Segment, number> = { CONSUMER: 6_000, SMALL_BUSINESS: 40_000, MID_MARKET: 250_000, ENTERPRISE: 1_500_000 };
const CURRENCIES = [['USD', 90], ['EUR', 7], ['GBP', 3]] as const;

/** COPY text escaping: backslash, tab and line breaks; `\N` is NULL. */
function text(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : value;
}
const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? '\\N' : iso(ms));
const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** Splits `total` over items in proportion to their weights, exactly (largest-remainder by running sums). */
function allocate(weights: Float64Array, total: number): Int32Array {
  let sum = 0;
  for (const w of weights) sum += w;
  const counts = new Int32Array(weights.length);
  if (sum === 0) return counts;
  let running = 0;
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    running += weights[i]!;
    const upTo = i === weights.length - 1 ? total : Math.floor((running * total) / sum);
    counts[i] = upTo - given;
    given = upTo;
  }
  return counts;
}

/** Lines per chunk of a COPY stream. */
export const CHUNK_LINES = 2000;

/** Lines batched into chunks for the COPY stream. */
function* chunked(lines: Iterable<string>, size = CHUNK_LINES): Generator<string> {
  let batch: string[] = [];
  for (const line of lines) {
    batch.push(line);
    if (batch.length === size) {
      yield batch.join('\n') + '\n';
      batch = [];
    }
  }
  if (batch.length) yield batch.join('\n') + '\n';
}

interface Staff {
  id: string;
  team: Team;
}

/** What child rows need to know about each customer, kept in flat arrays. */
export interface Population {
  nowMs: number;
  staff: Staff[];
  staffByTeam: Record<Team, Staff[]>;
  ids: string[];
  stage: Uint8Array;
  segment: Segment[];
  createdMs: Float64Array;
  /** NaN when not acquired. */
  acquiredMs: Float64Array;
  /** NaN when not churned. */
  churnedMs: Float64Array;
  /** 0 (unhappy) … 1 (delighted): steers survey scores, so health varies. */
  mood: Float32Array;
  currency: string[];
}

export interface TableStream {
  table: keyof DatasetCounts;
  columns: string[];
  rows: number;
  chunks: () => Iterable<string>;
}

/** Staff and customers are drawn first: every child table reads them. */
export function drawPopulation(options: DatasetOptions): Population {
  const nowMs = Math.floor(options.now.getTime() / 1000) * 1000;
  const rng = new Random(`${options.seed}/population`);
  const staff: Staff[] = [];
  for (const team of TEAMS) for (let i = 0; i < 12; i++) staff.push({ id: rng.uuid(), team });
  const staffByTeam = Object.fromEntries(TEAMS.map((team) => [team, staff.filter((s) => s.team === team)])) as Record<Team, Staff[]>;
  const n = options.customers;
  const population: Population = {
    nowMs, staff, staffByTeam, ids: [], stage: new Uint8Array(n), segment: [], createdMs: new Float64Array(n),
    acquiredMs: new Float64Array(n), churnedMs: new Float64Array(n), mood: new Float32Array(n), currency: [],
  };
  const start = nowMs - HISTORY_DAYS * DAY_MS;
  for (let i = 0; i < n; i++) {
    population.ids.push(rng.uuid());
    const stage = rng.weighted([[0, 10], [1, 10], [2, 65], [3, 15]] as const);
    population.stage[i] = stage;
    population.segment.push(rng.weighted([[Segment.CONSUMER, 45], [Segment.SMALL_BUSINESS, 30], [Segment.MID_MARKET, 18], [Segment.ENTERPRISE, 7]]));
    const created = rng.between(start, nowMs - DAY_MS);
    population.createdMs[i] = created;
    const acquired = stage >= 2 ? Math.min(nowMs - HOUR_MS, created + Math.floor(rng.exponential(30 * DAY_MS) / 1000) * 1000) : NaN;
    population.acquiredMs[i] = acquired;
    population.churnedMs[i] = stage === 3 ? rng.between(acquired + 1000, nowMs) : NaN;
    population.mood[i] = rng.next();
    population.currency.push(rng.weighted(CURRENCIES));
  }
  return population;
}

export function staffStream(p: Population, passwordHash: string): TableStream {
  return {
    table: 'staff_user',
    columns: ['id', 'email', 'name', 'role', 'team', 'password_hash'],
    rows: p.staff.length,
    chunks: () =>
      chunked(p.staff.map((s, i) => `${s.id}\tbench.staff${i}@customer360.bench\tBench ${s.team.toLowerCase()} ${i}\t${s.team}\t${s.team}\t${text(passwordHash)}`)),
  };
}

export function customerStream(p: Population, seed: number): TableStream {
  const rng = new Random(`${seed}/customers`);
  function* lines(): Generator<string> {
    for (let i = 0; i < p.ids.length; i++) {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const segment = p.segment[i]!;
      const business = segment !== Segment.CONSUMER;
      const company = business ? `${rng.pick(COMPANY_PREFIXES)} ${rng.pick(COMPANY_INDUSTRIES)}` : null;
      const stage = STAGES[p.stage[i]!]!;
      const churned = stage === 'CHURNED';
      const owner = rng.chance(0.85) ? rng.pick(p.staff).id : null;
      const tags = TAGS.filter(() => rng.chance(0.12));
      const archived = rng.chance(0.005) ? iso(p.nowMs - DAY_MS) : '\\N';
      const email = `${first}.${last}.${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@-]/g, '');
      yield [
        p.ids[i], iso(p.createdMs[i]!), iso(p.createdMs[i]!), business ? 'BUSINESS' : 'PERSON', text(`${first} ${last}`), text(company), email,
        `+1555${String(i).padStart(7, '0')}`, segment, stage, rng.pick(ACQUISITION_CHANNELS), isoOrNull(Number.isNaN(p.acquiredMs[i]) ? null : p.acquiredMs[i]!),
        isoOrNull(churned ? p.churnedMs[i]! : null), churned ? rng.pick(CHURN_REASONS) : '\\N', owner ?? '\\N', `{${tags.join(',')}}`, `bench-customer-${i}`, archived,
      ].join('\t');
    }
  }
  return {
    table: 'customer',
    columns: ['id', 'created_at', 'updated_at', 'kind', 'name', 'company', 'email', 'phone', 'segment', 'lifecycle_stage', 'acquisition_channel',
      'acquired_at', 'churned_at', 'churn_reason', 'owner_id', 'tags', 'external_id', 'archived_at'],
    rows: p.ids.length,
    chunks: () => chunked(lines()),
  };
}

/** Where a customer's activity can happen: from creation to now, or to 60 days after churning. */
function activeUntil(p: Population, i: number): number {
  const churned = p.churnedMs[i]!;
  return Number.isNaN(churned) ? p.nowMs : Math.min(p.nowMs, churned + 60 * DAY_MS);
}

function weights(p: Population, rng: Random, eligible: (i: number) => boolean): Float64Array {
  const w = new Float64Array(p.ids.length);
  for (let i = 0; i < w.length; i++) w[i] = eligible(i) ? rng.logNormal(1, 0.8) : 0;
  return w;
}

export function interactionStream(p: Population, seed: number, total: number): TableStream {
  function* lines(): Generator<string> {
    const rng = new Random(`${seed}/interactions`);
    const counts = allocate(weights(p, rng, () => true), total);
    for (let i = 0; i < counts.length; i++) {
      const from = p.createdMs[i]!;
      const until = activeUntil(p, i);
      for (let k = 0; k < counts[i]!; k++) {
        // Skewed towards the recent past: most customers were in touch lately.
        const occurred = rng.between(Math.max(from, until - (rng.chance(0.5) ? 120 : HISTORY_DAYS) * DAY_MS), until);
        const inbound = rng.chance(0.55);
        const team = rng.pick(TEAMS);
        const staff = rng.chance(0.9) ? rng.pick(p.staffByTeam[team]).id : '\\N';
        let responded: number | null = null;
        let resolved: number | null = null;
        if (inbound) {
          const answered = occurred < p.nowMs - 3 * DAY_MS ? rng.chance(0.985) : rng.chance(0.6);
          const at = occurred + Math.floor(rng.exponential(8 * HOUR_MS) / 1000) * 1000;
          if (answered && at <= p.nowMs) {
            responded = at;
            const closed = at + Math.floor(rng.exponential(DAY_MS) / 1000) * 1000;
            if (rng.chance(0.7) && closed <= p.nowMs) resolved = closed;
          }
        }
        const topic = rng.pick(TOPICS);
        yield [
          rng.uuid(), p.ids[i], rng.pick(CHANNELS), inbound ? 'INBOUND' : 'OUTBOUND', team, rng.pick(JOURNEY_STAGES), topic,
          `${topic} (${team.toLowerCase()})`, iso(occurred), staff, isoOrNull(responded), isoOrNull(resolved),
        ].join('\t');
      }
    }
  }
  return {
    table: 'interaction',
    columns: ['id', 'customer_id', 'channel', 'direction', 'team', 'journey_stage', 'subject', 'summary', 'occurred_at', 'staff_id', 'responded_at', 'resolved_at'],
    rows: total,
    chunks: () => chunked(lines()),
  };
}

export function purchaseStream(p: Population, seed: number, total: number): TableStream {
  function* lines(): Generator<string> {
    const rng = new Random(`${seed}/purchases`);
    const counts = allocate(weights(p, rng, (i) => p.stage[i]! >= 2), total);
    let serial = 0;
    for (let i = 0; i < counts.length; i++) {
      const from = p.acquiredMs[i]!;
      const until = Number.isNaN(p.churnedMs[i]!) ? p.nowMs : p.churnedMs[i]!;
      const refundable: { id: string; cents: number; currency: string; at: number }[] = [];
      for (let k = 0; k < counts[i]!; k++) {
        const id = rng.uuid();
        serial += 1;
        const original = refundable.length && rng.chance(0.05) ? refundable.splice(rng.int(0, refundable.length - 1), 1)[0]! : null;
        if (original) {
          // A refund of an earlier purchase: the whole of it or a part, same currency, later.
          const cents = rng.chance(0.5) ? original.cents : Math.max(1, Math.floor(original.cents * rng.float(0.1, 0.9)));
          const at = rng.between(original.at, Math.min(until, original.at + 30 * DAY_MS));
          yield [id, p.ids[i], money(cents), original.currency, 'Refund', 'REFUND', iso(at), original.id, `bench-purchase-${serial}`].join('\t');
          continue;
        }
        const cents = Math.max(100, Math.round(rng.logNormal(SEGMENT_MEDIAN_CENTS[p.segment[i]!], 0.7)));
        const currency = rng.chance(0.95) ? p.currency[i]! : rng.weighted(CURRENCIES);
        const at = rng.between(from, until);
        refundable.push({ id, cents, currency, at });
        yield [id, p.ids[i], money(cents), currency, rng.pick(PRODUCTS), rng.weighted(PURCHASE_KINDS), iso(at), '\\N', `bench-purchase-${serial}`].join('\t');
      }
    }
  }
  return {
    table: 'purchase',
    columns: ['id', 'customer_id', 'amount', 'currency', 'product', 'kind', 'purchased_at', 'refund_of_id', 'external_id'],
    rows: total,
    chunks: () => chunked(lines()),
  };
}

export function surveyStream(p: Population, seed: number, total: number): TableStream {
  function* lines(): Generator<string> {
    const rng = new Random(`${seed}/surveys`);
    const counts = allocate(weights(p, rng, () => true), total);
    for (let i = 0; i < counts.length; i++) {
      const mood = p.mood[i]!;
      for (let k = 0; k < counts[i]!; k++) {
        const kind = rng.weighted([['CSAT', 5], ['NPS', 3], ['CES', 2]] as const);
        const [min, max] = kind === 'CSAT' ? [1, 5] : kind === 'NPS' ? [0, 10] : [1, 7];
        // Mostly near the customer's mood, sometimes anything in range.
        const position = rng.chance(0.8) ? Math.min(1, Math.max(0, rng.normal(mood, 0.15))) : rng.next();
        const score = min + Math.round(position * (max - min));
        const at = rng.between(Math.max(p.createdMs[i]!, p.nowMs - HISTORY_DAYS * DAY_MS), activeUntil(p, i));
        yield [rng.uuid(), p.ids[i], kind, score, rng.pick(TEAMS), rng.pick(CHANNELS), rng.pick(JOURNEY_STAGES), iso(at)].join('\t');
      }
    }
  }
  return {
    table: 'survey_response',
    columns: ['id', 'customer_id', 'kind', 'score', 'team', 'channel', 'journey_stage', 'responded_at'],
    rows: total,
    chunks: () => chunked(lines()),
  };
}

export function handoffStream(p: Population, seed: number, total: number): TableStream {
  function* lines(): Generator<string> {
    const rng = new Random(`${seed}/handoffs`);
    const counts = allocate(weights(p, rng, (i) => p.stage[i]! >= 1), total);
    const clamp = (ms: number) => Math.min(p.nowMs, Math.floor(ms / 1000) * 1000);
    for (let i = 0; i < counts.length; i++) {
      const times: number[] = [];
      for (let k = 0; k < counts[i]!; k++) times.push(rng.between(p.createdMs[i]!, activeUntil(p, i)));
      times.sort((a, b) => a - b);
      for (let k = 0; k < times.length; k++) {
        const requested = times[k]!;
        const [fromTeam, toTeam] = rng.pick(HANDOFF_ROUTES);
        const due = requested + DAY_MS;
        // Only a customer's newest handoff may still be open (at most one per customer and team).
        const newest = k === times.length - 1;
        const recent = requested > p.nowMs - 3 * DAY_MS;
        const status = newest && recent ? rng.weighted([['REQUESTED', 6], ['ACCEPTED', 4]] as const)
          : newest && rng.chance(0.1) ? 'ACCEPTED'
          : rng.weighted([['COMPLETED', 70], ['REJECTED', 15], ['CANCELLED', 15]] as const);
        const acceptedAt = status === 'ACCEPTED' || status === 'COMPLETED' ? clamp(requested + rng.exponential(10 * HOUR_MS)) : null;
        const completedAt = status === 'COMPLETED' ? clamp(acceptedAt! + rng.exponential(5 * DAY_MS)) : null;
        const rejectedAt = status === 'REJECTED' ? clamp(requested + rng.exponential(8 * HOUR_MS)) : null;
        const cancelledAt = status === 'CANCELLED' ? clamp(requested + rng.exponential(8 * HOUR_MS)) : null;
        const toStaff = acceptedAt !== null ? rng.pick(p.staffByTeam[toTeam]).id : '\\N';
        yield [
          rng.uuid(), p.ids[i], fromTeam, toTeam, rng.pick(p.staffByTeam[fromTeam]).id, toStaff, `Handing over ${rng.pick(PRODUCTS).toLowerCase()}`,
          'Get value from the product quickly', 'Quarterly review promised', status, status === 'REJECTED' ? 'Not our team' : '\\N',
          status === 'CANCELLED' ? 'No longer needed' : '\\N', iso(requested), iso(due), isoOrNull(acceptedAt), isoOrNull(completedAt),
          isoOrNull(rejectedAt), isoOrNull(cancelledAt),
        ].join('\t');
      }
    }
  }
  return {
    table: 'handoff',
    columns: ['id', 'customer_id', 'from_team', 'to_team', 'from_staff_id', 'to_staff_id', 'summary', 'customer_goals', 'commitments', 'status',
      'rejection_reason', 'cancellation_reason', 'requested_at', 'due_at', 'accepted_at', 'completed_at', 'rejected_at', 'cancelled_at'],
    rows: total,
    chunks: () => chunked(lines()),
  };
}

/** Three years of monthly spend per acquisition channel, in USD. */
export function spendStream(p: Population, seed: number): TableStream {
  const rng = new Random(`${seed}/spend`);
  const now = new Date(p.nowMs);
  const rows: string[] = [];
  for (let m = 36; m >= 1; m--) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - m, 1));
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - m + 1, 1));
    for (const channel of ACQUISITION_CHANNELS) {
      const cents = Math.round(rng.float(0.5, 1.5) * p.ids.length * 40);
      rows.push([rng.uuid(), channel, start.toISOString().slice(0, 10), end.toISOString().slice(0, 10), money(cents), 'USD'].join('\t'));
    }
  }
  return { table: 'acquisition_spend', columns: ['id', 'channel', 'period_start', 'period_end', 'amount', 'currency'], rows: rows.length, chunks: () => chunked(rows) };
}
