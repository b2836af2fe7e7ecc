import { Migration } from '@mikro-orm/migrations';

export class Migration20261123102718_handoff_inbox extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "handoff" add column "completion_note" text null, add column "cancellation_reason" text null;`);
    this.addSql(`create index "handoff_waiting_due" on "handoff" ("due_at", "id") where status = 'REQUESTED';`);
    this.addSql(`create index "handoff_from_team_status_due" on "handoff" ("from_team", "status", "due_at");`);
    this.addSql(`create index "handoff_requested" on "handoff" ("requested_at", "id");`);
    this.addSql(`create index "handoff_due" on "handoff" ("due_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "handoff_waiting_due";`);
    this.addSql(`drop index "handoff_from_team_status_due";`);
    this.addSql(`drop index "handoff_requested";`);
    this.addSql(`drop index "handoff_due";`);
    this.addSql(`alter table "handoff" drop column "completion_note", drop column "cancellation_reason";`);
  }

}
