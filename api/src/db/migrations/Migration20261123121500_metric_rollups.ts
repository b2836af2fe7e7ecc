import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand: hourly rollups for the metrics report's two heaviest families, kept exact by
 * statement-level triggers (one aggregate upsert per statement, so a batch of 1,000 rows costs one
 * upsert), and covering indexes for the families read from raw rows.
 *
 * Like the report without a customer filter, the rollups leave archived customers out: archiving or
 * restoring a customer moves its rows out of or back into them (customer trigger).
 *
 * - revenue_hourly: net revenue, purchase and refund counts per UTC hour and currency.
 * - inbound_response_hourly: answered inbound interactions and those answered after the team's
 *   response SLA, per UTC hour and per value of each dimension the report groups them by
 *   (TEAM, CHANNEL, JOURNEY_STAGE); every answered interaction counts once per dimension, so
 *   summing one dimension's values gives the total. Lateness depends on team_sla, so a change of a
 *   team's SLA re-counts that team's answered interactions (team_sla trigger). Unanswered inbound
 *   interactions are few and their breach depends on the clock: the report reads them raw.
 */
export class Migration20261123121500_metric_rollups extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "revenue_hourly" (
      "currency" char(3) not null,
      "hour" timestamptz not null,
      "net" numeric(19,4) not null default 0,
      "purchases" integer not null default 0,
      "refunds" integer not null default 0,
      primary key ("currency", "hour"));`);
    this.addSql(`create table "inbound_response_hourly" (
      "dimension" text not null check ("dimension" in ('TEAM', 'CHANNEL', 'JOURNEY_STAGE')),
      "hour" timestamptz not null,
      "value" text not null,
      "answered" integer not null default 0,
      "late" integer not null default 0,
      primary key ("dimension", "hour", "value"));`);

    // Rows of customers that are archived (now) do not count. (A customer with rows cannot be
    // deleted: the foreign keys refuse it.)
    const counted = (alias: string) => `not exists (select 1 from customer a where a.id = ${alias}.customer_id and a.archived_at is not null)`;
    const revenueRows = (source: string, sign: number | string, where = counted('p')) => `
      select p.currency, date_trunc('hour', p.purchased_at, 'UTC') as hour,
             ${sign} * case when p.kind = 'REFUND' then -p.amount else p.amount end as net,
             ${sign} * (p.kind <> 'REFUND')::int as purchases, ${sign} * (p.kind = 'REFUND')::int as refunds
        from ${source} p where ${where}`;
    const revenueUpsert = (rows: string) => `
      insert into revenue_hourly as r (currency, hour, net, purchases, refunds)
      select currency, hour, sum(net), sum(purchases), sum(refunds) from (${rows}) as d
       group by currency, hour having sum(net) <> 0 or sum(purchases) <> 0 or sum(refunds) <> 0 order by currency, hour
      on conflict (currency, hour) do update
        set net = r.net + excluded.net, purchases = r.purchases + excluded.purchases, refunds = r.refunds + excluded.refunds;`;

    // One row per answered inbound interaction and dimension, with its lateness under the team's SLA.
    const responseRows = (source: string, sign: number | string, where = counted('i')) => `
      select d.dimension, date_trunc('hour', i.occurred_at, 'UTC') as hour, d.value, ${sign} as answered,
             ${sign} * (i.responded_at > i.occurred_at + t.response_sla_minutes * interval '1 minute')::int as late
        from ${source} i join team_sla t on t.team = i.team
        cross join lateral (values ('TEAM', i.team::text), ('CHANNEL', i.channel::text),
                                   ('JOURNEY_STAGE', coalesce(i.journey_stage::text, 'UNSPECIFIED'))) as d(dimension, value)
       where i.direction = 'INBOUND' and i.responded_at is not null and ${where}`;
    const responseUpsert = (rows: string) => `
      insert into inbound_response_hourly as r (dimension, hour, value, answered, late)
      select dimension, hour, value, sum(answered), sum(late) from (${rows}) as d
       group by dimension, hour, value having sum(answered) <> 0 or sum(late) <> 0 order by dimension, hour, value
      on conflict (dimension, hour, value) do update
        set answered = r.answered + excluded.answered, late = r.late + excluded.late;`;

    for (const [table, rows, upsert] of [
      ['purchase', revenueRows, revenueUpsert],
      ['interaction', responseRows, responseUpsert],
    ] as const) {
      this.addSql(`create function ${table}_metric_rollup_trigger() returns trigger language plpgsql as $$
        begin
          if tg_op = 'INSERT' then
            ${upsert(rows('new_rows', 1))}
          elsif tg_op = 'UPDATE' then
            ${upsert(`${rows('new_rows', 1)} union all ${rows('old_rows', -1)}`)}
          else
            ${upsert(rows('old_rows', -1))}
          end if;
          return null;
        end
      $$;`);
      this.addSql(`create trigger ${table}_metric_rollup_insert after insert on ${table} referencing new table as new_rows for each statement execute function ${table}_metric_rollup_trigger();`);
      this.addSql(`create trigger ${table}_metric_rollup_update after update on ${table} referencing old table as old_rows new table as new_rows for each statement execute function ${table}_metric_rollup_trigger();`);
      this.addSql(`create trigger ${table}_metric_rollup_delete after delete on ${table} referencing old table as old_rows for each statement execute function ${table}_metric_rollup_trigger();`);
    }

    // Archiving takes a customer's rows out of the rollups, restoring puts them back.
    const changed = `(select n.id, case when n.archived_at is null then 1 else -1 end as sign
                        from new_rows n join old_rows o on o.id = n.id
                       where (n.archived_at is null) <> (o.archived_at is null))`;
    this.addSql(`create function customer_metric_rollup_trigger() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from new_rows n join old_rows o on o.id = n.id where (n.archived_at is null) <> (o.archived_at is null)) then
          ${revenueUpsert(revenueRows(`(select p.*, ch.sign from purchase p join ${changed} as ch on ch.id = p.customer_id)`, 'p.sign', 'true'))}
          ${responseUpsert(responseRows(`(select i.*, ch.sign from interaction i join ${changed} as ch on ch.id = i.customer_id)`, 'i.sign', 'true'))}
        end if;
        return null;
      end
    $$;`);
    this.addSql(`create trigger customer_metric_rollup_update after update on customer referencing old table as old_rows new table as new_rows for each statement execute function customer_metric_rollup_trigger();`);
    // A team's new response SLA re-counts lateness of that team's answered interactions: the
    // difference between the lateness under the new and the old minutes, per hour and dimension.
    this.addSql(`create function team_sla_metric_rollup_trigger() returns trigger language plpgsql as $$
      begin
        insert into inbound_response_hourly as r (dimension, hour, value, answered, late)
        select d.dimension, date_trunc('hour', i.occurred_at, 'UTC'), d.value, 0,
               sum((i.responded_at > i.occurred_at + n.response_sla_minutes * interval '1 minute')::int
                 - (i.responded_at > i.occurred_at + o.response_sla_minutes * interval '1 minute')::int)
          from new_rows n join old_rows o on o.team = n.team and o.response_sla_minutes <> n.response_sla_minutes
          join interaction i on i.team = n.team and i.direction = 'INBOUND' and i.responded_at is not null
           and not exists (select 1 from customer a where a.id = i.customer_id and a.archived_at is not null)
          cross join lateral (values ('TEAM', i.team::text), ('CHANNEL', i.channel::text),
                                     ('JOURNEY_STAGE', coalesce(i.journey_stage::text, 'UNSPECIFIED'))) as d(dimension, value)
         group by 1, 2, 3 having sum((i.responded_at > i.occurred_at + n.response_sla_minutes * interval '1 minute')::int
                                  - (i.responded_at > i.occurred_at + o.response_sla_minutes * interval '1 minute')::int) <> 0
         order by 1, 2, 3
        on conflict (dimension, hour, value) do update set late = r.late + excluded.late;
        return null;
      end
    $$;`);
    this.addSql(`create trigger team_sla_metric_rollup_update after update on team_sla referencing old table as old_rows new table as new_rows for each statement execute function team_sla_metric_rollup_trigger();`);

    this.addSql(revenueUpsert(revenueRows('purchase', 1)));
    this.addSql(responseUpsert(responseRows('interaction', 1)));

    // Covering indexes: the families read from raw rows scan a period without touching the heap.
    this.addSql(`create index "customer_archived" on "customer" ("id") where archived_at is not null;`);
    this.addSql(`create index "interaction_inbound_open_time" on "interaction" ("occurred_at") include ("team", "channel", "journey_stage") where direction = 'INBOUND' and responded_at is null;`);
    this.addSql(`create index "interaction_inbound_time" on "interaction" ("occurred_at") include ("team", "channel", "journey_stage", "responded_at", "customer_id") where direction = 'INBOUND';`);
    this.addSql(`create index "survey_response_time_scores" on "survey_response" ("responded_at") include ("kind", "score", "team", "channel", "journey_stage", "customer_id");`);
    this.addSql(`create index "purchase_time_amounts" on "purchase" ("purchased_at") include ("currency", "kind", "amount", "customer_id");`);
    this.addSql(`create index "purchase_customer_currency_time" on "purchase" ("customer_id", "currency", "purchased_at") include ("kind", "amount");`);
  }

  override async down(): Promise<void> {
    for (const index of ['customer_archived', 'interaction_inbound_open_time', 'interaction_inbound_time', 'survey_response_time_scores', 'purchase_time_amounts', 'purchase_customer_currency_time']) {
      this.addSql(`drop index "${index}";`);
    }
    this.addSql(`drop trigger team_sla_metric_rollup_update on team_sla; drop function team_sla_metric_rollup_trigger();`);
    this.addSql(`drop trigger customer_metric_rollup_update on customer; drop function customer_metric_rollup_trigger();`);
    for (const table of ['purchase', 'interaction']) {
      this.addSql(`drop trigger ${table}_metric_rollup_insert on ${table}; drop trigger ${table}_metric_rollup_update on ${table}; drop trigger ${table}_metric_rollup_delete on ${table};`);
      this.addSql(`drop function ${table}_metric_rollup_trigger();`);
    }
    this.addSql(`drop table "inbound_response_hourly"; drop table "revenue_hourly";`);
  }

}
