import { Migration } from '@mikro-orm/migrations';

export class Migration20261123090545_initial extends Migration {

  override async up(): Promise<void> {
    // Added by hand: the trigram index on customer search needs pg_trgm.
    this.addSql(`create extension if not exists pg_trgm;`);

    this.addSql(`create table "acquisition_spend" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "channel" text check ("channel" in ('ORGANIC_SEARCH', 'PAID_SEARCH', 'SOCIAL_ADS', 'REFERRAL', 'EMAIL_CAMPAIGN', 'EVENTS', 'PARTNER', 'OUTBOUND_SALES', 'DIRECT')) not null, "period_start" date not null, "period_end" date not null, "amount" numeric(19,4) not null, "currency" char(3) not null, constraint "acquisition_spend_pkey" primary key ("id"), constraint acquisition_spend_amount_not_negative check (amount >= 0), constraint acquisition_spend_period_ordered check (period_end > period_start));`);
    this.addSql(`alter table "acquisition_spend" add constraint "acquisition_spend_channel_period_unique" unique ("channel", "period_start");`);

    this.addSql(`create table "staff_user" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "email" varchar(254) not null, "name" varchar(200) not null, "role" text check ("role" in ('ADMIN', 'MANAGER', 'SALES', 'SERVICE', 'SUCCESS', 'MARKETING', 'ANALYST')) not null, "team" text check ("team" in ('MARKETING', 'SALES', 'SERVICE', 'SUCCESS')) null, "active" boolean not null default true, "password_hash" text not null, constraint "staff_user_pkey" primary key ("id"));`);
    this.addSql(`create index "staff_user_team_index" on "staff_user" ("team");`);
    this.addSql(`create unique index "staff_user_email_unique" on "staff_user" (lower("email"));`);

    this.addSql(`create table "customer" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "kind" text check ("kind" in ('PERSON', 'BUSINESS')) not null default 'PERSON', "name" varchar(200) not null, "company" varchar(200) null, "email" varchar(254) null, "phone" varchar(40) null, "segment" text check ("segment" in ('CONSUMER', 'SMALL_BUSINESS', 'MID_MARKET', 'ENTERPRISE')) not null, "persona" varchar(100) null, "lifecycle_stage" text check ("lifecycle_stage" in ('LEAD', 'PROSPECT', 'CUSTOMER', 'CHURNED')) not null, "acquisition_channel" text check ("acquisition_channel" in ('ORGANIC_SEARCH', 'PAID_SEARCH', 'SOCIAL_ADS', 'REFERRAL', 'EMAIL_CAMPAIGN', 'EVENTS', 'PARTNER', 'OUTBOUND_SALES', 'DIRECT')) not null, "acquired_at" timestamptz null, "churned_at" timestamptz null, "churn_reason" varchar(500) null, "owner_id" uuid null, "tags" text[] not null default '{}', "locale" varchar(35) not null default 'en', "external_id" varchar(200) null, "archived_at" timestamptz null, constraint "customer_pkey" primary key ("id"), constraint customer_churn_consistent check ((lifecycle_stage = 'CHURNED') = (churned_at is not null)));`);
    this.addSql(`create index "customer_segment_index" on "customer" ("segment");`);
    this.addSql(`create index "customer_lifecycle_stage_index" on "customer" ("lifecycle_stage");`);
    this.addSql(`create index "customer_acquisition_channel_index" on "customer" ("acquisition_channel");`);
    this.addSql(`create index "customer_owner_id_index" on "customer" ("owner_id");`);
    this.addSql(`alter table "customer" add constraint "customer_external_id_unique" unique ("external_id");`);
    this.addSql(`create index "customer_tags_gin" on "customer" using gin ("tags");`);
    this.addSql(`create index "customer_acquired_at_id" on "customer" ("acquired_at", "id");`);
    this.addSql(`create index "customer_created_at_id" on "customer" ("created_at", "id");`);
    this.addSql(`create index "customer_name_id" on "customer" ("name", "id");`);
    this.addSql(`create index "customer_search_trgm" on "customer" using gin ((lower(name || ' ' || coalesce(email, '') || ' ' || coalesce(company, ''))) gin_trgm_ops);`);

    this.addSql(`create table "purchase" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "customer_id" uuid not null, "amount" numeric(19,4) not null, "currency" char(3) not null, "product" varchar(200) null, "kind" text check ("kind" in ('ONE_TIME', 'SUBSCRIPTION', 'RENEWAL', 'EXPANSION', 'REFUND')) not null, "purchased_at" timestamptz not null, "refund_of_id" uuid null, "external_id" varchar(200) null, constraint "purchase_pkey" primary key ("id"), constraint purchase_currency_iso check (currency ~ '^[A-Z]{3}\$'), constraint purchase_amount_not_negative check (amount >= 0));`);
    this.addSql(`create index "purchase_refund_of_id_index" on "purchase" ("refund_of_id");`);
    this.addSql(`alter table "purchase" add constraint "purchase_external_id_unique" unique ("external_id");`);
    this.addSql(`create index "purchase_purchased_at" on "purchase" ("purchased_at");`);
    this.addSql(`create index "purchase_customer_purchased" on "purchase" ("customer_id", "purchased_at", "id");`);

    this.addSql(`create table "interaction" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "customer_id" uuid not null, "channel" text check ("channel" in ('EMAIL', 'PHONE', 'CHAT', 'SMS', 'WHATSAPP', 'FACEBOOK_MESSENGER', 'WECHAT', 'SOCIAL', 'IN_APP', 'IN_PERSON', 'WEBINAR')) not null, "direction" text check ("direction" in ('INBOUND', 'OUTBOUND')) not null, "team" text check ("team" in ('MARKETING', 'SALES', 'SERVICE', 'SUCCESS')) not null, "journey_stage" text check ("journey_stage" in ('AWARENESS', 'CONSIDERATION', 'PURCHASE', 'ONBOARDING', 'ADOPTION', 'SUPPORT', 'RENEWAL', 'ADVOCACY')) null, "subject" varchar(300) null, "summary" text null, "occurred_at" timestamptz not null, "staff_id" uuid null, "responded_at" timestamptz null, "resolved_at" timestamptz null, "external_id" varchar(200) null, constraint "interaction_pkey" primary key ("id"));`);
    this.addSql(`create index "interaction_staff_id_index" on "interaction" ("staff_id");`);
    this.addSql(`alter table "interaction" add constraint "interaction_external_id_unique" unique ("external_id");`);
    this.addSql(`create index "interaction_occurred_at" on "interaction" ("occurred_at");`);
    this.addSql(`create index "interaction_customer_occurred" on "interaction" ("customer_id", "occurred_at", "id");`);

    this.addSql(`create table "handoff" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "customer_id" uuid not null, "from_team" text check ("from_team" in ('MARKETING', 'SALES', 'SERVICE', 'SUCCESS')) not null, "to_team" text check ("to_team" in ('MARKETING', 'SALES', 'SERVICE', 'SUCCESS')) not null, "from_staff_id" uuid null, "to_staff_id" uuid null, "summary" text not null, "customer_goals" text not null, "commitments" text not null, "key_contacts" text null, "risks" text null, "status" text check ("status" in ('REQUESTED', 'ACCEPTED', 'COMPLETED', 'REJECTED', 'CANCELLED')) not null default 'REQUESTED', "rejection_reason" text null, "requested_at" timestamptz not null, "due_at" timestamptz not null, "accepted_at" timestamptz null, "completed_at" timestamptz null, "rejected_at" timestamptz null, "cancelled_at" timestamptz null, constraint "handoff_pkey" primary key ("id"), constraint handoff_rejection_has_reason check (status <> 'REJECTED' or rejection_reason is not null), constraint handoff_due_after_request check (due_at >= requested_at), constraint handoff_teams_differ check (from_team <> to_team));`);
    this.addSql(`create index "handoff_to_team_status_due" on "handoff" ("to_team", "status", "due_at");`);
    this.addSql(`create index "handoff_customer_requested" on "handoff" ("customer_id", "requested_at", "id");`);

    this.addSql(`create table "survey_response" ("id" uuid not null default gen_random_uuid(), "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "customer_id" uuid not null, "kind" text check ("kind" in ('CSAT', 'NPS', 'CES')) not null, "score" smallint not null, "comment" text null, "team" text check ("team" in ('MARKETING', 'SALES', 'SERVICE', 'SUCCESS')) null, "channel" text check ("channel" in ('EMAIL', 'PHONE', 'CHAT', 'SMS', 'WHATSAPP', 'FACEBOOK_MESSENGER', 'WECHAT', 'SOCIAL', 'IN_APP', 'IN_PERSON', 'WEBINAR')) null, "journey_stage" text check ("journey_stage" in ('AWARENESS', 'CONSIDERATION', 'PURCHASE', 'ONBOARDING', 'ADOPTION', 'SUPPORT', 'RENEWAL', 'ADVOCACY')) null, "interaction_id" uuid null, "responded_at" timestamptz not null, "external_id" varchar(200) null, constraint "survey_response_pkey" primary key ("id"), constraint survey_response_score_in_range check ((kind = 'CSAT' and score >= 1 and score <= 5) or (kind = 'NPS' and score >= 0 and score <= 10) or (kind = 'CES' and score >= 1 and score <= 7)));`);
    this.addSql(`create index "survey_response_interaction_id_index" on "survey_response" ("interaction_id");`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_external_id_unique" unique ("external_id");`);
    this.addSql(`create index "survey_response_kind_responded" on "survey_response" ("kind", "responded_at");`);
    this.addSql(`create index "survey_response_customer_responded" on "survey_response" ("customer_id", "responded_at", "id");`);

    this.addSql(`alter table "customer" add constraint "customer_owner_id_foreign" foreign key ("owner_id") references "staff_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "purchase" add constraint "purchase_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "purchase" add constraint "purchase_refund_of_id_foreign" foreign key ("refund_of_id") references "purchase" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "interaction" add constraint "interaction_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "interaction" add constraint "interaction_staff_id_foreign" foreign key ("staff_id") references "staff_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "handoff" add constraint "handoff_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "handoff" add constraint "handoff_from_staff_id_foreign" foreign key ("from_staff_id") references "staff_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "handoff" add constraint "handoff_to_staff_id_foreign" foreign key ("to_staff_id") references "staff_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "survey_response" add constraint "survey_response_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_interaction_id_foreign" foreign key ("interaction_id") references "interaction" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customer" drop constraint "customer_owner_id_foreign";`);

    this.addSql(`alter table "interaction" drop constraint "interaction_staff_id_foreign";`);

    this.addSql(`alter table "handoff" drop constraint "handoff_from_staff_id_foreign";`);

    this.addSql(`alter table "handoff" drop constraint "handoff_to_staff_id_foreign";`);

    this.addSql(`alter table "purchase" drop constraint "purchase_customer_id_foreign";`);

    this.addSql(`alter table "interaction" drop constraint "interaction_customer_id_foreign";`);

    this.addSql(`alter table "handoff" drop constraint "handoff_customer_id_foreign";`);

    this.addSql(`alter table "survey_response" drop constraint "survey_response_customer_id_foreign";`);

    this.addSql(`alter table "purchase" drop constraint "purchase_refund_of_id_foreign";`);

    this.addSql(`alter table "survey_response" drop constraint "survey_response_interaction_id_foreign";`);

    this.addSql(`drop table if exists "acquisition_spend" cascade;`);

    this.addSql(`drop table if exists "staff_user" cascade;`);

    this.addSql(`drop table if exists "customer" cascade;`);

    this.addSql(`drop table if exists "purchase" cascade;`);

    this.addSql(`drop table if exists "interaction" cascade;`);

    this.addSql(`drop table if exists "handoff" cascade;`);

    this.addSql(`drop table if exists "survey_response" cascade;`);
  }

}
