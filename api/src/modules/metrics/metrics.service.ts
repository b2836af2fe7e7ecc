import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import { Validator } from '../../graphql/validation.js';
import { ErrorCode } from '../../graphql/errors.js';
import { customerScope } from '../customers/customer.service.js';
import { percent, satisfactionScores } from '../surveys/satisfaction.js';
import { MetricInterval, type MetricsArgs } from './metrics.inputs.js';
import {
  acquiredValueFamily,
  appliesTo,
  churnReasonFamily,
  customerHistogram,
  handoffFamily,
  reportBuckets,
  responseSlaFamily,
  revenueFamily,
  satisfactionFamily,
  spendFamily,
  type MetricFamily,
  type ReportScope,
} from './metrics.sql.js';
import type { MetricPoint, MetricSeries, MetricsReport } from './metrics.type.js';

const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
const DAY_MS = 86_400_000;
const MAX_BUCKETS = 1000;
const UNITS = { [MetricInterval.DAY]: 'day', [MetricInterval.WEEK]: 'week', [MetricInterval.MONTH]: 'month' } as const;
const APPROXIMATE_BUCKET_DAYS = { [MetricInterval.DAY]: 1, [MetricInterval.WEEK]: 7, [MetricInterval.MONTH]: 28 };

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Checks the report's arguments; every problem names its argument. */
export function validatePeriod(args: { from: Date; to: Date; timeZone: string }, now: Date, field: string[] = []): Validator {
  const v = new Validator(field);
  const from = v.moment('from', args.from, now, { required: true, maxAheadMs: 50 * 365 * DAY_MS });
  const to = v.moment('to', args.to, now, { required: true, maxAheadMs: 50 * 365 * DAY_MS });
  if (from && to && from >= to) v.fail('to', ErrorCode.INVALID, 'must be after from (the period is [from, to))');
  if (from && to && to.getTime() - from.getTime() > 20 * 366 * DAY_MS) v.fail('to', ErrorCode.INVALID, 'the period must be at most 20 years');
  if (!isTimeZone(args.timeZone)) v.fail('timeZone', ErrorCode.INVALID, 'must be an IANA time zone such as "UTC" or "Europe/Paris"');
  return v;
}

interface Grouped {
  bucket?: string;
  is_total: boolean;
  grp: string | null;
}

/** Rows of one series: the totals (group null) or one group value. */
function rowsOf<T extends Grouped>(rows: T[], group: string | null): T[] {
  return rows.filter((row) => (group === null ? row.is_total : !row.is_total && row.grp === group));
}

/** Metric fields of MetricPoint; a report computes only the families behind the requested ones. */
export type MetricField = 'satisfaction' | 'customers' | 'churn' | 'revenue' | 'acquisition' | 'responseSla' | 'handoffs' | 'churnReasons';
const ALL_FIELDS: ReadonlySet<string> = new Set<MetricField>(['satisfaction', 'customers', 'churn', 'revenue', 'acquisition', 'responseSla', 'handoffs', 'churnReasons']);

export async function metricsReport(em: EntityManager, args: MetricsArgs, now: Date, requested: ReadonlySet<string> = ALL_FIELDS): Promise<MetricsReport> {
  const v = validatePeriod(args, now);
  v.currency('currency', args.currency);
  if (args.interval && !v.errors.length) {
    const buckets = (args.to.getTime() - args.from.getTime()) / DAY_MS / APPROXIMATE_BUCKET_DAYS[args.interval];
    if (buckets > MAX_BUCKETS) v.fail('interval', ErrorCode.INVALID, `would make about ${Math.ceil(buckets)} buckets; at most ${MAX_BUCKETS}`);
  }
  v.check();

  const groupBy = args.groupBy ?? null;
  const customers = customerScope(args.filter, now);
  const period = {
    from: args.from,
    to: args.to,
    unit: args.interval ? UNITS[args.interval] : null,
    timeZone: args.timeZone,
    currency: args.currency,
    now,
    customers,
    allCustomers: customers.sql === customerScope(null, now).sql,
    groupBy,
  };
  const buckets = await reportBuckets(em, period);
  const scope: ReportScope = { ...period, buckets };
  const wants = (...fields: MetricField[]) => fields.some((field) => requested.has(field));
  const none = async <T>(): Promise<T[]> => [];
  const [satisfaction, histogram, revenue, acquiredValue, spend, responseSla, handoffs, churnReasons] = await Promise.all([
    wants('satisfaction') ? satisfactionFamily(em, scope) : none<Awaited<ReturnType<typeof satisfactionFamily>>[number]>(),
    wants('customers', 'churn', 'acquisition') ? customerHistogram(em, scope) : none<Awaited<ReturnType<typeof customerHistogram>>[number]>(),
    wants('revenue') ? revenueFamily(em, scope) : none<Awaited<ReturnType<typeof revenueFamily>>[number]>(),
    wants('acquisition') ? acquiredValueFamily(em, scope) : none<Awaited<ReturnType<typeof acquiredValueFamily>>[number]>(),
    wants('acquisition') ? spendFamily(em, scope, args.filter?.acquisitionChannels ?? null) : none<Awaited<ReturnType<typeof spendFamily>>[number]>(),
    wants('responseSla') ? responseSlaFamily(em, scope) : none<Awaited<ReturnType<typeof responseSlaFamily>>[number]>(),
    wants('handoffs') ? handoffFamily(em, scope) : none<Awaited<ReturnType<typeof handoffFamily>>[number]>(),
    wants('churnReasons') ? churnReasonFamily(em, scope) : none<Awaited<ReturnType<typeof churnReasonFamily>>[number]>(),
  ]);

  const groups = new Set<string>();
  if (groupBy) {
    for (const rows of [satisfaction, histogram, revenue, acquiredValue, spend, responseSla, handoffs, churnReasons] as Grouped[][]) {
      for (const row of rows) if (!row.is_total && row.grp !== null) groups.add(row.grp);
    }
  }
  const index = new Map(buckets.map((b, i) => [b.key, i]));

  const seriesOf = (group: string | null): MetricSeries => {
    const applies = (family: MetricFamily) => group === null || appliesTo(family, groupBy);
    // Customer counts per bucket from the (acquired bucket, churned bucket) histogram.
    const counts = buckets.map(() => ({ active: 0, new: 0, churned: 0, activeAtStart: 0, churnedOfActive: 0 }));
    for (const row of rowsOf(histogram, group)) {
      const acquired = row.acquired === '-inf' ? -1 : index.get(row.acquired)!;
      const churned = row.churned === '+inf' ? buckets.length : index.get(row.churned)!;
      const n = Number(row.customers);
      counts.forEach((c, i) => {
        if (acquired < i && churned >= i) c.activeAtStart += n;
        if (acquired < i && churned === i) c.churnedOfActive += n;
        if (acquired === i) c.new += n;
        if (churned === i) c.churned += n;
        if (acquired <= i && churned > i) c.active += n;
      });
    }
    const byBucket = <T extends Grouped>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const row of rowsOf(rows, group)) map.set(row.bucket!, [...(map.get(row.bucket!) ?? []), row]);
      return map;
    };
    const satisfactionRows = byBucket(satisfaction);
    const revenueRows = byBucket(revenue);
    const valueRows = byBucket(acquiredValue);
    const spendRows = byBucket(spend);
    const slaRows = byBucket(responseSla);
    const handoffRows = byBucket(handoffs);
    const reasonRows = byBucket(churnReasons);
    const spendKnown = group === null || appliesTo('spend', groupBy);

    const points = buckets.map((bucket, i): MetricPoint => {
      const c = counts[i]!;
      const churnRate = c.activeAtStart === 0 ? null : new Exact(c.churnedOfActive).times(100).dividedBy(c.activeAtStart);
      const value = valueRows.get(bucket.key)?.[0];
      const averageValue = value && Number(value.customers) > 0 ? new Exact(value.total_value).dividedBy(value.customers) : null;
      const spent = spendKnown ? new Exact(spendRows.get(bucket.key)?.[0]?.spend ?? 0) : null;
      const cac = spent && spent.gt(0) && c.new > 0 ? spent.dividedBy(c.new) : null;
      const sla = slaRows.get(bucket.key)?.[0];
      const handoff = handoffRows.get(bucket.key)?.[0];
      const money = revenueRows.get(bucket.key)?.[0];
      return {
        start: bucket.start,
        end: bucket.end,
        satisfaction: applies('satisfaction') ? satisfactionScores(satisfactionRows.get(bucket.key)?.[0]) : null,
        customers: applies('customers') ? { active: c.active, new: c.new, churned: c.churned } : null,
        churn: applies('customers')
          ? {
              rate: churnRate?.toFixed(2) ?? null,
              retentionRate: churnRate ? new Exact(100).minus(churnRate).toFixed(2) : null,
              activeAtStart: c.activeAtStart,
              churnedOfActive: c.churnedOfActive,
            }
          : null,
        revenue: applies('customers')
          ? { net: new Exact(money?.net ?? 0).toFixed(4), purchases: Number(money?.purchases ?? 0), refunds: Number(money?.refunds ?? 0) }
          : null,
        acquisition: applies('customers')
          ? {
              spend: spent?.toFixed(4) ?? null,
              newCustomers: c.new,
              averageHistoricalLifetimeValue: averageValue?.toFixed(4) ?? null,
              cac: cac?.toFixed(4) ?? null,
              ltvToCac: cac && averageValue ? averageValue.dividedBy(cac).toFixed(2) : null,
            }
          : null,
        responseSla: applies('responseSla')
          ? { breachRate: percent(Number(sla?.breached ?? 0), Number(sla?.inbound ?? 0)), breached: Number(sla?.breached ?? 0), inbound: Number(sla?.inbound ?? 0) }
          : null,
        handoffs: applies('handoffs')
          ? {
              requested: Number(handoff?.requested ?? 0),
              accepted: Number(handoff?.accepted ?? 0),
              acceptanceRate: percent(Number(handoff?.accepted ?? 0), Number(handoff?.requested ?? 0)),
              medianHoursToAccept: handoff?.median_hours ?? null,
              p90HoursToAccept: handoff?.p90_hours ?? null,
            }
          : null,
        churnReasons: applies('customers')
          ? (reasonRows.get(bucket.key) ?? [])
              .map((r) => ({ reason: r.reason, customers: Number(r.customers) }))
              .sort((a, b) => b.customers - a.customers || a.reason.localeCompare(b.reason))
          : null,
      };
    });
    return { group, points };
  };

  return {
    from: args.from,
    to: args.to,
    interval: args.interval ?? null,
    timeZone: args.timeZone,
    currency: args.currency,
    groupBy,
    series: [seriesOf(null), ...[...groups].sort().map(seriesOf)],
  };
}
