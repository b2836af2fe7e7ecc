import { Migration } from '@mikro-orm/migrations';

export class Migration20261123102430_health_inputs extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "customer" add column "latest_nps_at" timestamptz null;`);

    this.addSql(`create index "interaction_inbound_responded" on "interaction" ("responded_at") where direction = 'INBOUND';`);

    // Added by hand: the NPS rollup also keeps when the latest answer was given, so the health
    // score of many customers reads it from the row instead of searching their answers.
    this.addSql(`create or replace function refresh_customer_latest_nps(ids uuid[]) returns void language sql as $$
      update customer c set latest_nps_score = latest.score, latest_nps_at = latest.responded_at
        from unnest(ids) as touched(id)
        left join lateral (
          select s.score, s.responded_at from survey_response s where s.customer_id = touched.id and s.kind = 'NPS'
           order by s.responded_at desc, s.id desc limit 1
        ) as latest on true
       where c.id = touched.id;
    $$;`);
    this.addSql(`select refresh_customer_latest_nps(array(select distinct customer_id from survey_response where kind = 'NPS'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customer" drop column "latest_nps_at";`);

    this.addSql(`drop index "interaction_inbound_responded";`);
  }

}
