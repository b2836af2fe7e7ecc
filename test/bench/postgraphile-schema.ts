import { SATISFACTION_SQL, healthSql, lifetimeValueSql, slaStateSql, timelineSql } from './figures-sql.js';

/*
 * What PostGraphile serves: a `bench_pg` schema created by the bench in the benchmark database
 * (our own schema untouched) — the active customers as a view, and the customer-360 figures as
 * SQL functions taking the customer row, which PostGraphile exposes as computed fields. The
 * functions compute the same formulas as the floor (figures-sql.ts), one row at a time, as a
 * PostGraphile user would write them.
 */
export const POSTGRAPHILE_SCHEMA = 'bench_pg';

export function postgraphileSchemaSql(): string {
  const s = POSTGRAPHILE_SCHEMA;
  return `
drop schema if exists ${s} cascade;
create schema ${s};
create view ${s}.customer as select * from public.customer where archived_at is null;
comment on view ${s}.customer is E'@primaryKey id';

create type ${s}.lifetime_value as (currency text, historical_value text, purchase_count int, average_purchase_value text);
create function ${s}.customer_lifetime_value(c ${s}.customer, as_of timestamptz) returns ${s}.lifetime_value
  language sql stable as $$ select x.currency, x.historical_value, x.purchase_count::int, x.average_purchase_value from ${lifetimeValueSql('as_of')} as x $$;

create type ${s}.satisfaction as (latest_nps_category text, csat_score text, nps_score text, ces_average text);
create function ${s}.customer_satisfaction(c ${s}.customer) returns ${s}.satisfaction
  language sql stable as $$ select x.latest_nps_category, x.csat_score, x.nps_score, x.ces_average from ${SATISFACTION_SQL} as x $$;

create type ${s}.health as (score int, churn_risk text);
create function ${s}.customer_health(c ${s}.customer, as_of timestamptz) returns ${s}.health
  language sql stable as $$ select x.score, x.churn_risk from ${healthSql('as_of')} as x $$;

create type ${s}.sla_state as (open_breaches int, oldest_breach_due_at text);
create function ${s}.customer_sla_state(c ${s}.customer, as_of timestamptz) returns ${s}.sla_state
  language sql stable as $$ select x.open_breaches::int, x.oldest_breach_due_at from ${slaStateSql('as_of')} as x $$;

create type ${s}.timeline_event as (id text, kind text, occurred_at text);
create function ${s}.customer_timeline(c ${s}.customer, max_events int) returns setof ${s}.timeline_event
  language sql stable as $$ select x.id, x.kind, x.occurred_at from ${timelineSql('max_events')} as x order by x.position $$;

create function ${s}.search_customers(term text, segments text[], stages text[]) returns setof ${s}.customer
  language sql stable as $$
    select c.* from ${s}.customer c
     where c.segment = any(segments) and c.lifecycle_stage = any(stages)
       and lower(c.name || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.company, '')) like '%' || replace(replace(replace(lower(term), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'
     order by c.name, c.id $$;
`;
}
