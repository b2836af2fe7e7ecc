import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand: the customer trigger of the metric rollups finds the customers whose archived
 * state a statement changed by grouping the transition tables' rows by id, instead of joining
 * new_rows to old_rows. Transition tables carry no index and the join sat under EXISTS, so the
 * planner chose a nested loop: every rollup refresh that updates many customers at once (a
 * 1,000,000-interaction COPY refreshes 100,000 customers' last_interaction_at) compared every new
 * row with every old row — 10^10 comparisons, minutes of CPU, although no archived state changed.
 * Grouping is linear in the rows the statement updated. Same answer: a customer counts when its
 * archived state (archived_at null or not) differs before and after the statement.
 */
const changed = `(select x.id, case when bool_or(x.is_new and x.active) then 1 else -1 end as sign
                    from (select n.id, n.archived_at is null as active, true as is_new from new_rows n
                          union all
                          select o.id, o.archived_at is null as active, false as is_new from old_rows o) as x
                   group by x.id having count(*) = 2 and bool_and(x.active) <> bool_or(x.active))`;

// The upserts of Migration20261123121500_metric_rollups, with `changed` computed as above.
const revenueUpsert = `
      insert into revenue_hourly as r (currency, hour, net, purchases, refunds)
      select currency, hour, sum(net), sum(purchases), sum(refunds) from (
        select p.currency, date_trunc('hour', p.purchased_at, 'UTC') as hour,
               p.sign * case when p.kind = 'REFUND' then -p.amount else p.amount end as net,
               p.sign * (p.kind <> 'REFUND')::int as purchases, p.sign * (p.kind = 'REFUND')::int as refunds
          from (select p.*, ch.sign from purchase p join changed_customers as ch on ch.id = p.customer_id) p) as d
       group by currency, hour having sum(net) <> 0 or sum(purchases) <> 0 or sum(refunds) <> 0 order by currency, hour
      on conflict (currency, hour) do update
        set net = r.net + excluded.net, purchases = r.purchases + excluded.purchases, refunds = r.refunds + excluded.refunds;`;
const responseUpsert = `
      insert into inbound_response_hourly as r (dimension, hour, value, answered, late)
      select dimension, hour, value, sum(answered), sum(late) from (
        select d.dimension, date_trunc('hour', i.occurred_at, 'UTC') as hour, d.value, i.sign as answered,
               i.sign * (i.responded_at > i.occurred_at + t.response_sla_minutes * interval '1 minute')::int as late
          from (select i.*, ch.sign from interaction i join changed_customers as ch on ch.id = i.customer_id) i
          join team_sla t on t.team = i.team
          cross join lateral (values ('TEAM', i.team::text), ('CHANNEL', i.channel::text),
                                     ('JOURNEY_STAGE', coalesce(i.journey_stage::text, 'UNSPECIFIED'))) as d(dimension, value)
         where i.direction = 'INBOUND' and i.responded_at is not null) as d
       group by dimension, hour, value having sum(answered) <> 0 or sum(late) <> 0 order by dimension, hour, value
      on conflict (dimension, hour, value) do update
        set answered = r.answered + excluded.answered, late = r.late + excluded.late;`;

export class Migration20261123130000_customer_rollup_trigger_linear extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace function customer_metric_rollup_trigger() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from ${changed} as ch) then
          ${revenueUpsert.replaceAll('changed_customers', changed)}
          ${responseUpsert.replaceAll('changed_customers', changed)}
        end if;
        return null;
      end
    $$;`);
  }

  override async down(): Promise<void> {
    const joined = `(select n.id, case when n.archived_at is null then 1 else -1 end as sign
                        from new_rows n join old_rows o on o.id = n.id
                       where (n.archived_at is null) <> (o.archived_at is null))`;
    this.addSql(`create or replace function customer_metric_rollup_trigger() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from new_rows n join old_rows o on o.id = n.id where (n.archived_at is null) <> (o.archived_at is null)) then
          ${revenueUpsert.replaceAll('changed_customers', joined)}
          ${responseUpsert.replaceAll('changed_customers', joined)}
        end if;
        return null;
      end
    $$;`);
  }

}
