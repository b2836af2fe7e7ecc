import { Migration } from '@mikro-orm/migrations';

export class Migration20261123100750_rollups extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "customer" add column "historical_value" numeric(19,4) not null default 0, add column "value_currency" char(3) null, add column "last_interaction_at" timestamptz null, add column "latest_nps_score" smallint null;`);
    this.addSql(`create index "customer_latest_nps_score" on "customer" ("latest_nps_score");`);
    this.addSql(`create index "customer_last_interaction_id" on "customer" ((coalesce(last_interaction_at, '-infinity'::timestamptz)), "id");`);
    this.addSql(`create index "customer_historical_value_id" on "customer" ("historical_value", "id");`);

    // Added by hand: the triggers that keep the rollups, one refresh function per rollup and one
    // statement-level trigger per event (transition tables allow a single event each), so a
    // batch import refreshes each touched customer once. Then fill the rollups of existing rows.
    this.addSql(`create function refresh_customer_value(ids uuid[]) returns void language sql as $$
      update customer c set historical_value = coalesce(main.value, 0), value_currency = main.currency
        from unnest(ids) as touched(id)
        left join lateral (
          select p.currency, sum(case when p.kind = 'REFUND' then -p.amount else p.amount end) as value
            from purchase p where p.customer_id = touched.id
           group by p.currency
           order by count(*) filter (where p.kind <> 'REFUND') desc,
                    coalesce(sum(p.amount) filter (where p.kind <> 'REFUND'), 0) desc, p.currency
           limit 1
        ) as main on true
       where c.id = touched.id;
    $$;`);
    this.addSql(`create function refresh_customer_last_interaction(ids uuid[]) returns void language sql as $$
      update customer c set last_interaction_at = (select max(i.occurred_at) from interaction i where i.customer_id = c.id)
       where c.id = any(ids);
    $$;`);
    this.addSql(`create function refresh_customer_latest_nps(ids uuid[]) returns void language sql as $$
      update customer c set latest_nps_score = (
        select s.score from survey_response s where s.customer_id = c.id and s.kind = 'NPS'
         order by s.responded_at desc, s.id desc limit 1)
       where c.id = any(ids);
    $$;`);
    for (const [table, refresh] of [['purchase', 'refresh_customer_value'], ['interaction', 'refresh_customer_last_interaction'], ['survey_response', 'refresh_customer_latest_nps']]) {
      this.addSql(`create function ${table}_rollup_trigger() returns trigger language plpgsql as $$
        begin
          if tg_op = 'INSERT' then
            perform ${refresh}(array(select distinct customer_id from new_rows));
          elsif tg_op = 'UPDATE' then
            perform ${refresh}(array(select customer_id from new_rows union select customer_id from old_rows));
          else
            perform ${refresh}(array(select distinct customer_id from old_rows));
          end if;
          return null;
        end
      $$;`);
      this.addSql(`create trigger ${table}_rollup_insert after insert on ${table} referencing new table as new_rows for each statement execute function ${table}_rollup_trigger();`);
      this.addSql(`create trigger ${table}_rollup_update after update on ${table} referencing old table as old_rows new table as new_rows for each statement execute function ${table}_rollup_trigger();`);
      this.addSql(`create trigger ${table}_rollup_delete after delete on ${table} referencing old table as old_rows for each statement execute function ${table}_rollup_trigger();`);
    }
    this.addSql(`select refresh_customer_value(array(select distinct customer_id from purchase));`);
    this.addSql(`select refresh_customer_last_interaction(array(select distinct customer_id from interaction));`);
    this.addSql(`select refresh_customer_latest_nps(array(select distinct customer_id from survey_response where kind = 'NPS'));`);
  }

  override async down(): Promise<void> {
    for (const table of ['purchase', 'interaction', 'survey_response']) {
      this.addSql(`drop trigger ${table}_rollup_insert on ${table}; drop trigger ${table}_rollup_update on ${table}; drop trigger ${table}_rollup_delete on ${table};`);
      this.addSql(`drop function ${table}_rollup_trigger();`);
    }
    this.addSql(`drop function refresh_customer_value(uuid[]); drop function refresh_customer_last_interaction(uuid[]); drop function refresh_customer_latest_nps(uuid[]);`);
    this.addSql(`drop index "customer_latest_nps_score";`);
    this.addSql(`drop index "customer_last_interaction_id";`);
    this.addSql(`drop index "customer_historical_value_id";`);
    this.addSql(`alter table "customer" drop column "historical_value", drop column "value_currency", drop column "last_interaction_at", drop column "latest_nps_score";`);
  }

}
