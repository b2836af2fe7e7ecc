import type { EntityManager } from '@mikro-orm/postgresql';
import { preparedQuery, uuidArray } from '../../db/sql.js';
import { openBreachJoins } from '../sla/sla.sql.js';

/**
 * The health score, in SQL once, so a customer's score, the customers list's health filter and
 * its ordering can never disagree. Inputs are read as of a moment; every contribution is a column.
 *
 *   score = clamp(0, 100, 50 + lifecycle + latest NPS + recent CSAT + engagement + service + spend trend)
 *   lifecycle        churned before asOf: −100 (a churned customer scores 0), else 0
 *   latest NPS       most recent NPS answer: promoter +20, passive +5, detractor −20, none 0
 *   recent CSAT      CSAT of the last 90 days: ≥ 80 +10, 50–80 0, < 50 −15, no answers 0
 *   engagement       days since the last interaction: ≤ 30 +15, ≤ 90 +5, ≤ 180 −10, older or never −20
 *   service          open SLA breaches: −10 each, at most −30
 *   spend trend      net purchases of the last 90 days against the 90 before: both 0 → 0,
 *                    not lower → +5, down to half or less → −15, otherwise lower → −5
 *   churn risk       score ≥ 70 LOW, 40–69 MEDIUM, < 40 HIGH
 */
export const HEALTH_BASELINE = 50;

export interface HealthRow {
  customer_id: string;
  churned: boolean;
  latest_nps: number | null;
  csat_satisfied: string;
  csat_total: string;
  last_interaction_at: string | null;
  days_since_last_interaction: string | null;
  open_breaches: string;
  recent_spend: string;
  previous_spend: string;
  lifecycle_points: number;
  nps_points: number;
  csat_points: number;
  engagement_points: number;
  service_points: number;
  spend_points: number;
  score: number;
  churn_risk: 'LOW' | 'MEDIUM' | 'HIGH';
}

/** The points, score and risk from the `inputs` CTE: the formula, once. */
const SCORE = `
    points as (
      select inputs.*,
             floor(extract(epoch from (as_of - last_interaction_at)) / 86400)::int as days_since_last_interaction,
             case when churned then -100 else 0 end as lifecycle_points,
             case when latest_nps is null then 0 when latest_nps >= 9 then 20 when latest_nps >= 7 then 5 else -20 end as nps_points,
             case when csat_total = 0 then 0 when csat_satisfied * 100 >= 80 * csat_total then 10
                  when csat_satisfied * 100 >= 50 * csat_total then 0 else -15 end as csat_points,
             case when last_interaction_at is null then -20
                  when as_of - last_interaction_at <= interval '30 days' then 15
                  when as_of - last_interaction_at <= interval '90 days' then 5
                  when as_of - last_interaction_at <= interval '180 days' then -10 else -20 end as engagement_points,
             greatest(-30, -10 * open_breaches)::int as service_points,
             case when recent_spend = 0 and previous_spend = 0 then 0 when recent_spend >= previous_spend then 5
                  when recent_spend * 2 <= previous_spend then -15 else -5 end as spend_points
        from inputs
    ),
    scored as (
      select points.*,
             greatest(0, least(100, ${HEALTH_BASELINE} + lifecycle_points + nps_points + csat_points + engagement_points + service_points + spend_points))::int as score
        from points
    )
    select customer_id, churned, latest_nps, csat_satisfied, csat_total, last_interaction_at, days_since_last_interaction,
           open_breaches, recent_spend::text as recent_spend, previous_spend::text as previous_spend,
           lifecycle_points, nps_points, csat_points, engagement_points, service_points, spend_points, score,
           case when score >= 70 then 'LOW' when score >= 40 then 'MEDIUM' else 'HIGH' end as churn_risk
      from scored`;

const windows = (asOf: Date) => ({
  ninetyDaysAgo: new Date(asOf.getTime() - 90 * 86_400_000),
  hundredEightyDaysAgo: new Date(asOf.getTime() - 180 * 86_400_000),
});

/**
 * Health of a few customers (a page): each input is an index probe per customer (lateral joins).
 * `source` is a FROM item exposing `c`, the customer row, with `sourceParams` for its placeholders.
 */
export function healthSelect(source: string, sourceParams: unknown[], asOf: Date): { sql: string; params: unknown[] } {
  const breaches = openBreachJoins('c.id', asOf);
  const { ninetyDaysAgo, hundredEightyDaysAgo } = windows(asOf);
  const sql = `
    with inputs as (
      select c.id as customer_id,
             (c.churned_at is not null and c.churned_at < ?::timestamptz) as churned,
             nps.score as latest_nps,
             coalesce(csat.satisfied, 0) as csat_satisfied,
             coalesce(csat.total, 0) as csat_total,
             last_touch.at as last_interaction_at,
             coalesce(interaction_breach.n, 0) + coalesce(handoff_breach.n, 0) as open_breaches,
             coalesce(spend.recent, 0)::numeric(19, 4) as recent_spend,
             coalesce(spend.previous, 0)::numeric(19, 4) as previous_spend,
             ?::timestamptz as as_of
        from ${source}
        left join lateral (
          select s.score from survey_response s
           where s.customer_id = c.id and s.kind = 'NPS' and s.responded_at < ?
           order by s.responded_at desc, s.id desc limit 1
        ) as nps on true
        left join lateral (
          select count(*) filter (where s.score >= 4) as satisfied, count(*) as total from survey_response s
           where s.customer_id = c.id and s.kind = 'CSAT' and s.responded_at >= ? and s.responded_at < ?
        ) as csat on true
        left join lateral (
          select max(i.occurred_at) as at from interaction i where i.customer_id = c.id and i.occurred_at < ?
        ) as last_touch on true
        ${breaches.sql}
        left join lateral (
          select sum(case when p.kind = 'REFUND' then -p.amount else p.amount end) filter (where p.purchased_at >= ?) as recent,
                 sum(case when p.kind = 'REFUND' then -p.amount else p.amount end) filter (where p.purchased_at < ?) as previous
            from purchase p where p.customer_id = c.id and p.purchased_at >= ? and p.purchased_at < ?
        ) as spend on true
    ),${SCORE}`;
  return {
    sql,
    params: [asOf, asOf, ...sourceParams, asOf, ninetyDaysAgo, asOf, asOf, ...breaches.params, ninetyDaysAgo, ninetyDaysAgo, hundredEightyDaysAgo, asOf],
  };
}

/**
 * Health of many customers (the whole list, for its health filter and order): the same inputs,
 * read set-based — windowed aggregates over the time indexes, the rollup columns where they
 * already answer (latest NPS and last interaction when they lie before asOf), the open-SLA
 * partial indexes — instead of one probe per customer and input.
 */
export function healthSelectMany(source: string, sourceParams: unknown[], asOf: Date): { sql: string; params: unknown[] } {
  const { ninetyDaysAgo, hundredEightyDaysAgo } = windows(asOf);
  const sql = `
    with inputs as (
      select c.id as customer_id,
             (c.churned_at is not null and c.churned_at < ?::timestamptz) as churned,
             case when c.latest_nps_at < ?::timestamptz then c.latest_nps_score
                  when c.latest_nps_at is null then null
                  else (select s.score from survey_response s where s.customer_id = c.id and s.kind = 'NPS' and s.responded_at < ?
                         order by s.responded_at desc, s.id desc limit 1) end as latest_nps,
             coalesce(csat.satisfied, 0) as csat_satisfied,
             coalesce(csat.total, 0) as csat_total,
             case when c.last_interaction_at < ?::timestamptz then c.last_interaction_at
                  when c.last_interaction_at is null then null
                  else (select max(i.occurred_at) from interaction i where i.customer_id = c.id and i.occurred_at < ?) end as last_interaction_at,
             coalesce(interaction_breach.n, 0) + coalesce(handoff_breach.n, 0) as open_breaches,
             coalesce(spend.recent, 0)::numeric(19, 4) as recent_spend,
             coalesce(spend.previous, 0)::numeric(19, 4) as previous_spend,
             ?::timestamptz as as_of
        from ${source}
        left join (
          select s.customer_id, count(*) filter (where s.score >= 4) as satisfied, count(*) as total from survey_response s
           where s.kind = 'CSAT' and s.responded_at >= ? and s.responded_at < ? group by s.customer_id
        ) as csat on csat.customer_id = c.id
        left join (
          select i.customer_id, count(*) as n from interaction i join team_sla t on t.team = i.team
           where i.direction = 'INBOUND' and (i.responded_at is null or i.responded_at > ?)
             and i.occurred_at + t.response_sla_minutes * interval '1 minute' < ?
           group by i.customer_id
        ) as interaction_breach on interaction_breach.customer_id = c.id
        left join (
          select h.customer_id, count(*) as n from handoff h
           where h.due_at < ? and (h.accepted_at is null or h.accepted_at > ?) and (h.rejected_at is null or h.rejected_at > ?)
             and (h.cancelled_at is null or h.cancelled_at > ?)
           group by h.customer_id
        ) as handoff_breach on handoff_breach.customer_id = c.id
        left join (
          select p.customer_id,
                 sum(case when p.kind = 'REFUND' then -p.amount else p.amount end) filter (where p.purchased_at >= ?) as recent,
                 sum(case when p.kind = 'REFUND' then -p.amount else p.amount end) filter (where p.purchased_at < ?) as previous
            from purchase p where p.purchased_at >= ? and p.purchased_at < ? group by p.customer_id
        ) as spend on spend.customer_id = c.id
    ),${SCORE}`;
  return {
    sql,
    params: [
      asOf, asOf, asOf, asOf, asOf, asOf, ...sourceParams,
      ninetyDaysAgo, asOf, asOf, asOf, asOf, asOf, asOf, asOf,
      ninetyDaysAgo, ninetyDaysAgo, hundredEightyDaysAgo, asOf,
    ],
  };
}

export function healthOf(em: EntityManager, customerIds: readonly string[], asOf: Date): Promise<HealthRow[]> {
  const select = healthSelect('unnest(?::uuid[]) as ids(id) join customer c on c.id = ids.id', [uuidArray(customerIds)], asOf);
  return preparedQuery<HealthRow>(em, select.sql, select.params);
}
