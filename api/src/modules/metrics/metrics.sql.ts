import type { EntityManager } from '@mikro-orm/postgresql';
import { query, raw, sql, type Conditions, type Fragment } from '../../db/sql.js';
import type { SatisfactionCountsRow } from '../surveys/satisfaction.sql.js';
import { MetricDimension } from './metrics.inputs.js';

/**
 * The SQL of the metrics report: one statement per metric family, each grouped by bucket and —
 * when the dimension applies to the family — by group too, with GROUPING SETS so the totals
 * come from the same statement. Buckets are keyed by the epoch milliseconds of their start.
 */
export interface Bucket {
  /** Epoch milliseconds of the bucket's start in the report time zone, as text. */
  key: string;
  start: Date;
  end: Date;
}

export interface ReportScope {
  from: Date;
  to: Date;
  unit: 'day' | 'week' | 'month' | null;
  timeZone: string;
  currency: string;
  now: Date;
  /** Conditions on `c`, the customer, from the report's customer filter. */
  customers: Conditions;
  /** No filter beyond the default scope (every customer not archived): what the rollups hold. */
  allCustomers: boolean;
  groupBy: MetricDimension | null;
  /** The report's buckets, in order (see `reportBuckets`); set before any family runs. */
  buckets: Bucket[];
}

/** The group value rows carry when their dimension value is missing (e.g. an answer without a team). */
export const UNSPECIFIED = 'UNSPECIFIED';

const CUSTOMER_DIMENSIONS: Partial<Record<MetricDimension, string>> = {
  [MetricDimension.SEGMENT]: 'c.segment',
  [MetricDimension.ACQUISITION_CHANNEL]: 'c.acquisition_channel',
  [MetricDimension.OWNER]: 'c.owner_id::text',
};

/** Per family: the SQL of each dimension that applies to it. */
const DIMENSIONS = {
  satisfaction: { ...CUSTOMER_DIMENSIONS, TEAM: 's.team', CHANNEL: 's.channel', JOURNEY_STAGE: 's.journey_stage' },
  responseSla: { ...CUSTOMER_DIMENSIONS, TEAM: 'i.team', CHANNEL: 'i.channel', JOURNEY_STAGE: 'i.journey_stage' },
  handoffs: { ...CUSTOMER_DIMENSIONS, TEAM: 'h.to_team' },
  customers: CUSTOMER_DIMENSIONS,
  spend: { ACQUISITION_CHANNEL: 'a.channel' },
} satisfies Record<string, Partial<Record<MetricDimension, string>>>;

export type MetricFamily = keyof typeof DIMENSIONS;

export function appliesTo(family: MetricFamily, dimension: MetricDimension | null): boolean {
  return dimension !== null && dimension in DIMENSIONS[family];
}

/**
 * The key of the bucket holding `column` (a moment inside the report period): a binary search of
 * the bucket starts, far cheaper per row than truncating every moment in the report time zone.
 */
function bucketOf(scope: ReportScope, column: string): Fragment {
  if (scope.buckets.length === 1) return sql`${scope.buckets[0]!.key}::text`;
  const keys = `{${scope.buckets.map((b) => b.key).join(',')}}`;
  const starts = `{${scope.buckets.map((b) => b.start.toISOString()).join(',')}}`;
  return sql`(${keys}::text[])[width_bucket(${raw(column)}, ${starts}::timestamptz[])]`;
}

/**
 * Joins the row (`rowAlias`) to its customer `c` and applies the customer filter. With no filter
 * beyond the default scope and no grouping by a customer dimension, an anti-join on the few
 * archived customers says the same and spares reading every customer.
 */
function customerRows(scope: ReportScope, family: MetricFamily, rowAlias: string): Fragment {
  const byCustomer = scope.groupBy !== null && scope.groupBy in CUSTOMER_DIMENSIONS && appliesTo(family, scope.groupBy);
  if (scope.allCustomers && !byCustomer) {
    return sql`where not exists (select 1 from customer a where a.id = ${raw(rowAlias)}.customer_id and a.archived_at is not null)`;
  }
  return sql`join customer c on c.id = ${raw(rowAlias)}.customer_id where ${customerScope(scope)}`;
}

/**
 * Whether the hourly rollups answer this report exactly: no customer filter beyond the default
 * (rollups hold every customer not archived, not per customer), no grouping by a customer dimension, and every bucket boundary on a whole UTC
 * hour (true for whole-hour time zones and periods starting on an hour).
 */
function rollupsApply(scope: ReportScope): boolean {
  if (!scope.allCustomers) return false;
  if (scope.groupBy !== null && scope.groupBy in CUSTOMER_DIMENSIONS) return false;
  return scope.buckets.every((b) => b.start.getTime() % HOUR_MS === 0 && b.end.getTime() % HOUR_MS === 0);
}

const HOUR_MS = 3_600_000;

/** Select list and GROUP BY for a family: totals always, groups when the dimension applies. */
function grouping(scope: ReportScope, family: MetricFamily, keys: string[]): { select: ReturnType<typeof raw>; groupBy: ReturnType<typeof raw> } {
  const dimension = scope.groupBy ? (DIMENSIONS[family] as Partial<Record<MetricDimension, string>>)[scope.groupBy] : undefined;
  const list = keys.join(', ');
  if (!dimension) return { select: raw(`true as is_total, null::text as grp`), groupBy: raw(`group by ${list}`) };
  return {
    select: raw(`grouping(${dimension}) = 1 as is_total, coalesce((${dimension})::text, '${UNSPECIFIED}') as grp`),
    groupBy: raw(`group by grouping sets ((${list}, ${dimension}), (${list}))`),
  };
}

const customerScope = (scope: ReportScope): Fragment => ({
  sql: scope.customers.sql ? scope.customers.sql.replace(/^where /, '') : 'true',
  params: scope.customers.params,
});

interface Grouped {
  bucket: string;
  is_total: boolean;
  grp: string | null;
}

/** The buckets of the report: [{ key, start, end }], starts clipped to `from`, ends to `to`. */
export async function reportBuckets(em: EntityManager, scope: Omit<ReportScope, 'buckets'>): Promise<Bucket[]> {
  if (!scope.unit) return [{ key: String(scope.from.getTime()), start: scope.from, end: scope.to }];
  const unit = raw(`'1 ${scope.unit}'`);
  const statement = sql`
    select floor(extract(epoch from local_start at time zone ${scope.timeZone}) * 1000)::bigint::text as key,
           greatest(local_start at time zone ${scope.timeZone}, ${scope.from}::timestamptz) as start,
           least((local_start + interval ${unit}) at time zone ${scope.timeZone}, ${scope.to}::timestamptz) as "end"
      from generate_series(date_trunc(${raw(`'${scope.unit}'`)}, ${scope.from}::timestamptz at time zone ${scope.timeZone}),
                           ${scope.to}::timestamptz at time zone ${scope.timeZone}, interval ${unit}) as local_start
     where local_start at time zone ${scope.timeZone} < ${scope.to}::timestamptz
     order by 1`;
  const rows = await query<{ key: string; start: string; end: string }>(em, statement.sql, statement.params);
  return rows.map((r) => ({ key: r.key, start: new Date(r.start), end: new Date(r.end) }));
}

/** Answer counts of a bucket and group (no latest NPS answer: a report has no use for it). */
export type SatisfactionRow = Grouped & Omit<SatisfactionCountsRow, 'customer_id' | 'dimension' | 'latest_nps'>;

export function satisfactionFamily(em: EntityManager, scope: ReportScope): Promise<SatisfactionRow[]> {
  // Answers first counted per (bucket, group value, kind, score) — a few hundred rows — then the
  // scores computed from those counts: cheaper than ten filtered aggregates over every answer.
  const dimension = scope.groupBy ? (DIMENSIONS.satisfaction as Partial<Record<MetricDimension, string>>)[scope.groupBy] : undefined;
  const groupValue = raw(dimension ? `coalesce((${dimension})::text, '${UNSPECIFIED}')` : 'null::text');
  const outer = dimension
    ? { select: raw('grouping(grp) = 1 as is_total, grp'), groupBy: raw('group by grouping sets ((bucket, grp), (bucket))') }
    : { select: raw('true as is_total, null::text as grp'), groupBy: raw('group by bucket') };
  const statement = sql`
    select bucket, ${outer.select},
           coalesce(sum(n) filter (where kind = 'CSAT'), 0) as csat_total,
           coalesce(sum(n) filter (where kind = 'CSAT' and score >= 4), 0) as csat_satisfied,
           coalesce(sum(n) filter (where kind = 'NPS'), 0) as nps_total,
           coalesce(sum(n) filter (where kind = 'NPS' and score >= 9), 0) as promoters,
           coalesce(sum(n) filter (where kind = 'NPS' and score between 7 and 8), 0) as passives,
           coalesce(sum(n) filter (where kind = 'NPS' and score <= 6), 0) as detractors,
           coalesce(sum(n) filter (where kind = 'CES'), 0) as ces_total,
           sum(n * score) filter (where kind = 'CES') as ces_sum,
           coalesce(sum(n) filter (where kind = 'CES' and score <= 3), 0) as high_effort
      from (select bucket, ${groupValue} as grp, s.kind, s.score, count(*) as n
              from (select s.*, ${bucketOf(scope, 's.responded_at')} as bucket from survey_response s
                     where s.responded_at >= ${scope.from} and s.responded_at < ${scope.to}) as s
              ${customerRows(scope, 'satisfaction', 's')}
             group by 1, 2, 3, 4) as counted
     ${outer.groupBy}`;
  return query<SatisfactionRow>(em, statement.sql, statement.params);
}

export interface CustomerHistogramRow extends Grouped {
  acquired: string;
  churned: string;
  customers: string;
}

/**
 * Customers relevant to the period (acquired before its end, not churned before its start) by
 * the bucket they were acquired in ('-inf': before the period) and churned in ('+inf': not
 * inside the period). Every count of the customers and churn metrics follows from it exactly.
 */
export function customerHistogram(em: EntityManager, scope: ReportScope): Promise<CustomerHistogramRow[]> {
  const { select, groupBy } = grouping(scope, 'customers', ['acquired', 'churned']);
  const statement = sql`
    select acquired, churned, ${select}, count(*) as customers
      from (select c.*,
                   case when c.acquired_at < ${scope.from} then '-inf' else ${bucketOf(scope, 'c.acquired_at')} end as acquired,
                   case when c.churned_at is null or c.churned_at >= ${scope.to} then '+inf' else ${bucketOf(scope, 'c.churned_at')} end as churned
              from customer c
             where ${customerScope(scope)} and c.acquired_at < ${scope.to} and (c.churned_at is null or c.churned_at >= ${scope.from})) as c
     ${groupBy}`;
  return query<CustomerHistogramRow>(em, statement.sql, statement.params);
}

export interface RevenueRow extends Grouped {
  net: string;
  purchases: string;
  refunds: string;
}

/** Net revenue (refunds subtracted) and counts per bucket: from the hourly rollup when it applies. */
export function revenueFamily(em: EntityManager, scope: ReportScope): Promise<RevenueRow[]> {
  if (rollupsApply(scope)) {
    const statement = sql`
      select bucket, true as is_total, null::text as grp, sum(r.net)::numeric(19, 4)::text as net,
             sum(r.purchases) as purchases, sum(r.refunds) as refunds
        from (select r.*, ${bucketOf(scope, 'r.hour')} as bucket from revenue_hourly r
               where r.currency = ${scope.currency} and r.hour >= ${scope.from} and r.hour < ${scope.to}) as r
       group by bucket`;
    return query<RevenueRow>(em, statement.sql, statement.params);
  }
  const { select, groupBy } = grouping(scope, 'customers', ['bucket']);
  const statement = sql`
    select bucket, ${select},
           coalesce(sum(case when p.kind = 'REFUND' then -p.amount else p.amount end), 0)::numeric(19, 4)::text as net,
           count(*) filter (where p.kind <> 'REFUND') as purchases,
           count(*) filter (where p.kind = 'REFUND') as refunds
      from (select p.*, ${bucketOf(scope, 'p.purchased_at')} as bucket from purchase p
             where p.currency = ${scope.currency} and p.purchased_at >= ${scope.from} and p.purchased_at < ${scope.to}) as p
      ${customerRows(scope, 'customers', 'p')}
     ${groupBy}`;
  return query<RevenueRow>(em, statement.sql, statement.params);
}

export interface CohortValueRow extends Grouped {
  customers: string;
  /** Σ historical value (before the report end) of the customers acquired in the bucket. */
  total_value: string;
}

export function acquiredValueFamily(em: EntityManager, scope: ReportScope): Promise<CohortValueRow[]> {
  const { select, groupBy } = grouping(scope, 'customers', ['bucket']);
  const statement = sql`
    select bucket, ${select}, count(*) as customers, coalesce(sum(v.value), 0)::numeric(19, 4)::text as total_value
      from (select c.*, ${bucketOf(scope, 'c.acquired_at')} as bucket from customer c
             where ${customerScope(scope)} and c.acquired_at >= ${scope.from} and c.acquired_at < ${scope.to}) as c
      -- A customer's value before the report end is its historical_value when that is exact (main
      -- currency = the report's, no purchase since the end); no purchase in the currency is 0; only
      -- the rest (other main currency, purchases after the end) sums its purchases.
      left join lateral (
        select case
                 when not (${scope.currency} = any(c.purchase_currencies)) then 0
                 when c.value_currency = ${scope.currency} and c.last_purchased_at < ${scope.to} then c.historical_value
                 else (select sum(case when p.kind = 'REFUND' then -p.amount else p.amount end)
                         from purchase p where p.customer_id = c.id and p.currency = ${scope.currency} and p.purchased_at < ${scope.to})
               end as value
      ) as v on true
     ${groupBy}`;
  return query<CohortValueRow>(em, statement.sql, statement.params);
}

export interface SpendRow extends Grouped {
  spend: string;
}

/**
 * Acquisition spend per bucket: each monthly row (a calendar month in the report time zone)
 * counts in proportion to the part of it inside the bucket. Spend belongs to channels, not
 * customers: of the customer filter only acquisitionChannels applies to it.
 */
export function spendFamily(em: EntityManager, scope: ReportScope, channels: string[] | null): Promise<SpendRow[]> {
  const { select, groupBy } = grouping(scope, 'spend', ['b.key']);
  const bucketList = JSON.stringify(scope.buckets.map((b) => ({ key: b.key, start: b.start.toISOString(), end: b.end.toISOString() })));
  const channelCondition = channels?.length ? sql`and a.channel = any(${`{${channels.join(',')}}`}::text[])` : raw('');
  const statement = sql`
    select b.key as bucket, ${select},
           round(coalesce(sum(a.amount * extract(epoch from least(a.e, b."end") - greatest(a.s, b.start))
                             / extract(epoch from a.e - a.s)), 0), 4)::text as spend
      from jsonb_to_recordset(${bucketList}::jsonb) as b(key text, start timestamptz, "end" timestamptz)
      join (select a.*, a.period_start::timestamp at time zone ${scope.timeZone} as s, a.period_end::timestamp at time zone ${scope.timeZone} as e
              from acquisition_spend a where a.currency = ${scope.currency}) as a
        on a.s < b."end" and a.e > b.start ${channelCondition}
     ${groupBy}`;
  return query<SpendRow>(em, statement.sql, statement.params);
}

export interface ResponseSlaRow extends Grouped {
  inbound: string;
  breached: string;
}

/** Dimension values as the response-SLA rollup stores them (missing journey stage: UNSPECIFIED). */
const RESPONSE_ROLLUP_VALUE: Partial<Record<MetricDimension, string>> = {
  [MetricDimension.TEAM]: 'i.team::text',
  [MetricDimension.CHANNEL]: 'i.channel::text',
  [MetricDimension.JOURNEY_STAGE]: `coalesce(i.journey_stage::text, '${UNSPECIFIED}')`,
};

/**
 * Inbound interactions of the period and those whose response SLA is breached: answered after
 * their due time, or unanswered and overdue now. With the rollup, answered interactions come
 * from inbound_response_hourly (one dimension's rows; TEAM's for the totals) and only the
 * unanswered ones, whose breach depends on the clock, are read raw.
 */
export function responseSlaFamily(em: EntityManager, scope: ReportScope): Promise<ResponseSlaRow[]> {
  if (rollupsApply(scope)) {
    const dimension = scope.groupBy && scope.groupBy in RESPONSE_ROLLUP_VALUE ? scope.groupBy : null;
    const statement = sql`
      select bucket, ${raw(dimension ? 'grouping(value) = 1' : 'true')} as is_total, ${raw(dimension ? 'value' : 'null::text')} as grp,
             sum(inbound) as inbound, sum(breached) as breached
        from (select ${bucketOf(scope, 'r.hour')} as bucket, r.value, r.answered as inbound, r.late as breached
                from inbound_response_hourly r
               where r.dimension = ${dimension ?? MetricDimension.TEAM} and r.hour >= ${scope.from} and r.hour < ${scope.to}
              union all
              select ${bucketOf(scope, 'i.occurred_at')}, ${raw(RESPONSE_ROLLUP_VALUE[dimension ?? MetricDimension.TEAM]!)}, 1,
                     (i.occurred_at + t.response_sla_minutes * interval '1 minute' < ${scope.now})::int
                from interaction i join team_sla t on t.team = i.team
               where i.direction = 'INBOUND' and i.responded_at is null and i.occurred_at >= ${scope.from} and i.occurred_at < ${scope.to}
                 and not exists (select 1 from customer a where a.id = i.customer_id and a.archived_at is not null)
             ) as x
       ${raw(dimension ? 'group by grouping sets ((bucket, value), (bucket))' : 'group by bucket')}`;
    return query<ResponseSlaRow>(em, statement.sql, statement.params);
  }
  const { select, groupBy } = grouping(scope, 'responseSla', ['bucket']);
  const statement = sql`
    select bucket, ${select}, count(*) as inbound,
           count(*) filter (where (i.responded_at is not null and i.responded_at > i.due_at)
                               or (i.responded_at is null and i.due_at < ${scope.now})) as breached
      from (select i.*, ${bucketOf(scope, 'i.occurred_at')} as bucket, i.occurred_at + t.response_sla_minutes * interval '1 minute' as due_at
              from interaction i join team_sla t on t.team = i.team
             where i.direction = 'INBOUND' and i.occurred_at >= ${scope.from} and i.occurred_at < ${scope.to}) as i
      ${customerRows(scope, 'responseSla', 'i')}
     ${groupBy}`;
  return query<ResponseSlaRow>(em, statement.sql, statement.params);
}

export interface HandoffRow extends Grouped {
  requested: string;
  accepted: string;
  median_hours: string | null;
  p90_hours: string | null;
}

export function handoffFamily(em: EntityManager, scope: ReportScope): Promise<HandoffRow[]> {
  const { select, groupBy } = grouping(scope, 'handoffs', ['bucket']);
  const hours = 'extract(epoch from h.accepted_at - h.requested_at) / 3600';
  const statement = sql`
    select bucket, ${select}, count(*) as requested, count(h.accepted_at) as accepted,
           round((percentile_cont(0.5) within group (order by ${raw(hours)}) filter (where h.accepted_at is not null))::numeric, 2)::text as median_hours,
           round((percentile_cont(0.9) within group (order by ${raw(hours)}) filter (where h.accepted_at is not null))::numeric, 2)::text as p90_hours
      from (select h.*, ${bucketOf(scope, 'h.requested_at')} as bucket from handoff h
             where h.requested_at >= ${scope.from} and h.requested_at < ${scope.to}) as h
      ${customerRows(scope, 'handoffs', 'h')}
     ${groupBy}`;
  return query<HandoffRow>(em, statement.sql, statement.params);
}

export interface ChurnReasonRow extends Grouped {
  reason: string;
  customers: string;
}

export function churnReasonFamily(em: EntityManager, scope: ReportScope): Promise<ChurnReasonRow[]> {
  const { select, groupBy } = grouping(scope, 'customers', ['bucket', 'reason']);
  const statement = sql`
    select bucket, reason, ${select}, count(*) as customers
      from (select c.*, ${bucketOf(scope, 'c.churned_at')} as bucket, coalesce(c.churn_reason, 'Unknown') as reason from customer c
             where ${customerScope(scope)} and c.churned_at >= ${scope.from} and c.churned_at < ${scope.to}) as c
     ${groupBy}`;
  return query<ChurnReasonRow>(em, statement.sql, statement.params);
}
