import { Migration } from '@mikro-orm/migrations';

export class Migration20261123122500_access_sessions_api_keys extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "login_attempt" ("id" uuid not null default gen_random_uuid(), "email" varchar(254) not null, "client_address" varchar(100) not null, "attempted_at" timestamptz not null default now(), constraint "login_attempt_pkey" primary key ("id"));`);
    this.addSql(`create index "login_attempt_time" on "login_attempt" ("attempted_at");`);
    this.addSql(`create index "login_attempt_address_time" on "login_attempt" ("client_address", "attempted_at");`);
    this.addSql(`create index "login_attempt_email_time" on "login_attempt" ("email", "attempted_at");`);

    this.addSql(`create table "staff_session" ("id" uuid not null default gen_random_uuid(), "staff_user_id" uuid not null, "created_at" timestamptz not null default now(), "refreshed_at" timestamptz not null default now(), "revoked_at" timestamptz null, "revoked_reason" varchar(30) null, "client_address" varchar(100) null, constraint "staff_session_pkey" primary key ("id"));`);
    this.addSql(`create index "staff_session_staff_open" on "staff_session" ("staff_user_id", "revoked_at");`);
    this.addSql(`alter table "staff_session" add constraint "staff_session_revoked_with_reason" check ((revoked_at is null) = (revoked_reason is null));`);

    this.addSql(`create table "refresh_token" ("id" uuid not null default gen_random_uuid(), "session_id" uuid not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, "rotated_at" timestamptz null, constraint "refresh_token_pkey" primary key ("id"));`);
    this.addSql(`alter table "refresh_token" add constraint "refresh_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "refresh_token_session" on "refresh_token" ("session_id");`);

    this.addSql(`create table "api_key" ("id" uuid not null default gen_random_uuid(), "name" varchar(100) not null, "prefix" varchar(16) not null, "secret_hash" varchar(64) not null, "scopes" text[] not null, "resources" text[] null, "expires_at" timestamptz null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, "created_by" uuid not null, "created_at" timestamptz not null default now(), constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);
    this.addSql(`alter table "api_key" add constraint "api_key_secret_hash_unique" unique ("secret_hash");`);
    this.addSql(`create index "api_key_created_by" on "api_key" ("created_by");`);
    this.addSql(`alter table "api_key" add constraint "api_key_scopes_known" check (cardinality(scopes) > 0 and scopes <@ array['READ', 'WRITE', 'IMPORT']::text[]);`);

    this.addSql(`alter table "staff_session" add constraint "staff_session_staff_user_id_foreign" foreign key ("staff_user_id") references "staff_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "refresh_token" add constraint "refresh_token_session_id_foreign" foreign key ("session_id") references "staff_session" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_key" add constraint "api_key_created_by_foreign" foreign key ("created_by") references "staff_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "audit_event" add column "api_key_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "refresh_token" drop constraint "refresh_token_session_id_foreign";`);

    this.addSql(`drop table if exists "login_attempt" cascade;`);

    this.addSql(`drop table if exists "staff_session" cascade;`);

    this.addSql(`drop table if exists "refresh_token" cascade;`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`alter table "audit_event" drop column "api_key_id";`);
  }

}
