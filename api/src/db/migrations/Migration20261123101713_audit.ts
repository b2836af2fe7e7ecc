import { Migration } from '@mikro-orm/migrations';

export class Migration20261123101713_audit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_event" ("id" uuid not null default gen_random_uuid(), "occurred_at" timestamptz not null default now(), "actor_id" uuid null, "actor_label" varchar(254) not null, "action" varchar(100) not null, "entity_type" varchar(50) not null, "entity_id" uuid not null, "customer_id" uuid null, "before" jsonb null, "after" jsonb null, "request_id" varchar(100) null, constraint "audit_event_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_event_time" on "audit_event" ("occurred_at", "id");`);
    this.addSql(`create index "audit_event_entity" on "audit_event" ("entity_type", "entity_id", "occurred_at");`);
    this.addSql(`create index "audit_event_actor_time" on "audit_event" ("actor_id", "occurred_at", "id");`);
    this.addSql(`create index "audit_event_customer_time" on "audit_event" ("customer_id", "occurred_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_event" cascade;`);
  }

}
