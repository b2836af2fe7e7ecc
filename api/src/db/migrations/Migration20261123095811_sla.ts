import { Migration } from '@mikro-orm/migrations';

export class Migration20261123095811_sla extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "team_sla" ("team" text check ("team" in ('MARKETING', 'SALES', 'SERVICE', 'SUCCESS')) not null, "response_sla_minutes" int not null default 1440, "handoff_sla_minutes" int not null default 1440, "updated_at" timestamptz not null default now(), "version" int not null default 1, constraint "team_sla_pkey" primary key ("team"), constraint team_sla_handoff_positive check (handoff_sla_minutes > 0), constraint team_sla_response_positive check (response_sla_minutes > 0));`);

    // Added by hand: every team starts with the default service levels of 24 hours.
    this.addSql(`insert into "team_sla" ("team") values ('MARKETING'), ('SALES'), ('SERVICE'), ('SUCCESS');`);

    this.addSql(`create index "interaction_unanswered" on "interaction" ("customer_id", "occurred_at") where direction = 'INBOUND' and responded_at is null;`);

    this.addSql(`create index "handoff_waiting" on "handoff" ("customer_id", "due_at") where status = 'REQUESTED';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "team_sla" cascade;`);

    this.addSql(`drop index "handoff_waiting";`);

    this.addSql(`drop index "interaction_unanswered";`);
  }

}
