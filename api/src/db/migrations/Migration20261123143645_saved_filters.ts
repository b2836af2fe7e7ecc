import { Migration } from '@mikro-orm/migrations';

/** Saved filters: a staff member's named list filters, one unique name (ignoring case) per person and list. */
export class Migration20261123143645_saved_filters extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "saved_filter" ("id" uuid not null default gen_random_uuid(), "staff_user_id" uuid not null, "resource" text check ("resource" in ('CUSTOMERS', 'INTERACTIONS', 'PURCHASES', 'SURVEY_RESPONSES', 'HANDOFFS', 'AUDIT_LOG')) not null, "name" varchar(80) not null, "filter" jsonb not null, "sort_field" varchar(50) null, "sort_order" text check ("sort_order" in ('ASC', 'DESC')) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "saved_filter_pkey" primary key ("id"), constraint saved_filter_sort_complete check ((sort_field is null) = (sort_order is null)), constraint saved_filter_filter_object check (jsonb_typeof(filter) = 'object'));`);
    this.addSql(`create index "saved_filter_owner_resource" on "saved_filter" ("staff_user_id", "resource");`);
    this.addSql(`create unique index "saved_filter_name_unique" on "saved_filter" ("staff_user_id", "resource", lower("name"));`);

    this.addSql(`alter table "saved_filter" add constraint "saved_filter_staff_user_id_foreign" foreign key ("staff_user_id") references "staff_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "saved_filter" cascade;`);
  }

}
