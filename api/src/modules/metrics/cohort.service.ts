import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import { query, sql } from '../../db/sql.js';
import { ErrorCode } from '../../graphql/errors.js';
import { customerScope } from '../customers/customer.service.js';
import type { CohortRetentionArgs } from './metrics.inputs.js';
import { validatePeriod } from './metrics.service.js';
import type { CohortRetention } from './metrics.type.js';

const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/**
 * Cohorts by acquisition month (in the time zone): size, and for k = 1…months the customers not
 * churned before the start of their acquisition month + k months. Moments after now are null.
 */
export async function cohortRetention(em: EntityManager, args: CohortRetentionArgs, now: Date): Promise<CohortRetention> {
  const v = validatePeriod(args, now);
  v.integer('months', args.months, 1, 60);
  if (!v.errors.length && args.to.getTime() - args.from.getTime() > 10 * 366 * 86_400_000) v.fail('to', ErrorCode.INVALID, 'cohorts span at most 10 years');
  v.check();
  const scope = customerScope(args.filter, now);
  const tz = args.timeZone;
  const statement = sql`
    with customers as (
      select date_trunc('month', c.acquired_at at time zone ${tz}) as month, c.churned_at
        from customer c
       where ${{ sql: scope.sql ? scope.sql.replace(/^where /, '') : 'true', params: scope.params }}
         and c.acquired_at >= ${args.from} and c.acquired_at < ${args.to}
    ),
    horizons as (select generate_series(1, ${args.months}) as k)
    select floor(extract(epoch from m.month at time zone ${tz}) * 1000)::bigint::text as month,
           m.size, h.k,
           case when (m.month + h.k * interval '1 month') at time zone ${tz} > ${now} then null
                else (select count(*) from customers c where c.month = m.month
                        and (c.churned_at is null or c.churned_at >= (m.month + h.k * interval '1 month') at time zone ${tz})) end as retained
      from (select month, count(*) as size from customers group by month) as m cross join horizons h
     order by m.month, h.k`;
  const rows = await query<{ month: string; size: string; k: number; retained: string | null }>(em, statement.sql, statement.params);
  const cohorts = new Map<string, { month: Date; size: number; retained: (number | null)[] }>();
  for (const row of rows) {
    const cohort = cohorts.get(row.month) ?? { month: new Date(Number(row.month)), size: Number(row.size), retained: [] };
    cohort.retained[row.k - 1] = row.retained === null ? null : Number(row.retained);
    cohorts.set(row.month, cohort);
  }
  return {
    months: args.months,
    timeZone: tz,
    cohorts: [...cohorts.values()].map((c) => ({
      ...c,
      retention: c.retained.map((n) => (n === null ? null : new Exact(n).times(100).dividedBy(c.size).toFixed(2))),
    })),
  };
}
