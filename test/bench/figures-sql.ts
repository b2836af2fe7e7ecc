/*
 * The customer-360 figures written by hand in SQL, for the two systems our API is measured
 * against: the floor (one statement over node-postgres) and PostGraphile (SQL functions). They
 * restate the formulas of api/src/modules/{purchases,surveys,health,sla,timeline}/*.sql.ts and
 * the README, independently of our code, and must answer exactly what our API answers:
 *
 *   lifetime value  main currency (most purchases, then larger gross, then alphabetical) of the
 *                   purchases before asOf; historical = Σ non-refunds − Σ refunds (4 decimals);
 *                   average purchase value = historical ÷ purchase count (4 decimals, half up)
 *   satisfaction    every answer: CSAT = 100 × scores 4–5 ÷ answers, NPS = 100 × (9–10 − 0–6) ÷
 *                   answers, CES = mean (2 decimals, half up); category of the newest NPS answer
 *   health          50 + lifecycle + latest NPS + CSAT of 90 days + engagement + open breaches
 *                   + spend trend, clamped to 0–100; risk LOW ≥ 70, MEDIUM ≥ 40, else HIGH
 *   SLA state       inbound interactions unanswered at asOf past occurredAt + team SLA, and
 *                   handoffs neither accepted, rejected nor cancelled at asOf past dueAt
 *   timeline        the newest events over interactions, purchases, survey answers and the five
 *                   handoff steps: time desc, then the later step of a story first, then id desc
 *
 * `c` is the customer row and `asOf` an SQL expression of the moment (a parameter or argument).
 */

export function lifetimeValueSql(asOf: string): string {
  return `(select main.currency, coalesce(main.gross - main.refunds, 0)::numeric(19, 4)::text as historical_value,
            coalesce(main.purchase_count, 0) as purchase_count,
            round((main.gross - main.refunds)::numeric(40, 20) / nullif(main.purchase_count, 0), 4)::text as average_purchase_value
       from (select 1) as one left join lateral (
             select p.currency, count(*) filter (where p.kind <> 'REFUND') as purchase_count,
                    coalesce(sum(p.amount) filter (where p.kind <> 'REFUND'), 0) as gross,
                    coalesce(sum(p.amount) filter (where p.kind = 'REFUND'), 0) as refunds
               from purchase p where p.customer_id = c.id and p.purchased_at < ${asOf}
              group by p.currency
              order by purchase_count desc, gross desc, p.currency limit 1) as main on true)`;
}

const percent = (part: string, whole: string) => `case when ${whole} = 0 then null else round(100.0 * ${part} / ${whole}, 2)::text end`;

export const SATISFACTION_SQL = `(select ${percent('a.csat_satisfied', 'a.csat_total')} as csat_score,
            ${percent('(a.promoters - a.detractors)', 'a.nps_total')} as nps_score,
            case when a.ces_total = 0 then null else round(a.ces_sum::numeric / a.ces_total, 2)::text end as ces_average,
            case when a.latest_nps is null then null when a.latest_nps >= 9 then 'PROMOTER' when a.latest_nps >= 7 then 'PASSIVE' else 'DETRACTOR' end
              as latest_nps_category
       from (select count(*) filter (where s.kind = 'CSAT') as csat_total,
                    count(*) filter (where s.kind = 'CSAT' and s.score >= 4) as csat_satisfied,
                    count(*) filter (where s.kind = 'NPS') as nps_total,
                    count(*) filter (where s.kind = 'NPS' and s.score >= 9) as promoters,
                    count(*) filter (where s.kind = 'NPS' and s.score <= 6) as detractors,
                    count(*) filter (where s.kind = 'CES') as ces_total,
                    sum(s.score) filter (where s.kind = 'CES') as ces_sum,
                    (array_agg(s.score order by s.responded_at desc, s.id desc) filter (where s.kind = 'NPS'))[1] as latest_nps
               from survey_response s where s.customer_id = c.id) as a)`;

export function slaStateSql(asOf: string): string {
  return `(select coalesce(ib.n, 0) + coalesce(hb.n, 0) as open_breaches, to_char(least(ib.oldest, hb.oldest) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as oldest_breach_due_at
       from (select count(*) as n, min(i.occurred_at + t.response_sla_minutes * interval '1 minute') as oldest
               from interaction i join team_sla t on t.team = i.team
              where i.customer_id = c.id and i.direction = 'INBOUND' and (i.responded_at is null or i.responded_at > ${asOf})
                and i.occurred_at + t.response_sla_minutes * interval '1 minute' < ${asOf}) as ib,
            (select count(*) as n, min(h.due_at) as oldest from handoff h
              where h.customer_id = c.id and h.due_at < ${asOf} and (h.accepted_at is null or h.accepted_at > ${asOf})
                and (h.rejected_at is null or h.rejected_at > ${asOf}) and (h.cancelled_at is null or h.cancelled_at > ${asOf})) as hb)`;
}

export function healthSql(asOf: string): string {
  const points = `(select case when x.churned then -100 else 0 end
                + case when x.nps is null then 0 when x.nps >= 9 then 20 when x.nps >= 7 then 5 else -20 end
                + case when x.csat_total = 0 then 0 when x.csat_satisfied * 100 >= 80 * x.csat_total then 10
                       when x.csat_satisfied * 100 >= 50 * x.csat_total then 0 else -15 end
                + case when x.last_at is null then -20 when ${asOf} - x.last_at <= interval '30 days' then 15
                       when ${asOf} - x.last_at <= interval '90 days' then 5 when ${asOf} - x.last_at <= interval '180 days' then -10 else -20 end
                + greatest(-30, -10 * x.breaches)
                + case when x.recent = 0 and x.previous = 0 then 0 when x.recent >= x.previous then 5
                       when x.recent * 2 <= x.previous then -15 else -5 end)`;
  return `(select y.score, case when y.score >= 70 then 'LOW' when y.score >= 40 then 'MEDIUM' else 'HIGH' end as churn_risk
       from (select greatest(0, least(100, 50 + ${points}))::int as score
               from (select c.churned_at is not null and c.churned_at < ${asOf} as churned,
                            (select s.score from survey_response s where s.customer_id = c.id and s.kind = 'NPS' and s.responded_at < ${asOf}
                              order by s.responded_at desc, s.id desc limit 1) as nps,
                            csat.total as csat_total, csat.satisfied as csat_satisfied,
                            (select max(i.occurred_at) from interaction i where i.customer_id = c.id and i.occurred_at < ${asOf}) as last_at,
                            (select sla.open_breaches from ${slaStateSql(asOf)} as sla) as breaches,
                            coalesce(spend.recent, 0) as recent, coalesce(spend.previous, 0) as previous
                       from (select count(*) as total, count(*) filter (where s.score >= 4) as satisfied from survey_response s
                              where s.customer_id = c.id and s.kind = 'CSAT' and s.responded_at >= ${asOf} - interval '90 days' and s.responded_at < ${asOf}) as csat,
                            (select sum(case when p.kind = 'REFUND' then -p.amount else p.amount end) filter (where p.purchased_at >= ${asOf} - interval '90 days') as recent,
                                    sum(case when p.kind = 'REFUND' then -p.amount else p.amount end) filter (where p.purchased_at < ${asOf} - interval '90 days') as previous
                               from purchase p where p.customer_id = c.id and p.purchased_at >= ${asOf} - interval '180 days' and p.purchased_at < ${asOf}) as spend
                    ) as x) as y)`;
}

const STEPS = [
  ['HANDOFF_CANCELLED', 'handoff', 'cancelled_at'],
  ['HANDOFF_REJECTED', 'handoff', 'rejected_at'],
  ['HANDOFF_COMPLETED', 'handoff', 'completed_at'],
  ['HANDOFF_ACCEPTED', 'handoff', 'accepted_at'],
  ['HANDOFF_REQUESTED', 'handoff', 'requested_at'],
  ['SURVEY_RESPONSE', 'survey_response', 'responded_at'],
  ['PURCHASE', 'purchase', 'purchased_at'],
  ['INTERACTION', 'interaction', 'occurred_at'],
] as const;

/** The customer's newest `limit` events (kind, occurred_at as ISO text, id "<kind>:<row id>", position 1…), each source walking its own index. */
export function timelineSql(limit: string): string {
  const branches = STEPS.map(
    ([kind, table, column], rank) => `(select '${kind}'::text as kind, ${rank} as rank, t.${column} as at, t.id as row_id from ${table} t
        where t.customer_id = c.id and t.${column} is not null order by t.${column} desc, t.id desc limit ${limit})`,
  );
  return `(select u.kind, to_char(u.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at, u.kind || ':' || u.row_id as id,
            row_number() over (order by u.at desc, u.rank, u.row_id desc) as position
       from (${branches.join(' union all ')}) as u order by u.at desc, u.rank, u.row_id desc limit ${limit})`;
}
