import { Migration } from '@mikro-orm/migrations';

export class Migration20261123115915_privacy_erasure extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "customer" add column "erased_at" timestamptz null;`);
    // An erased customer keeps no way to reach or re-identify the person, whatever writes it later.
    this.addSql(`alter table "customer" add constraint customer_erased_has_no_contacts check (erased_at is null or (email is null and phone is null and company is null and external_id is null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customer" drop constraint customer_erased_has_no_contacts;`);
    this.addSql(`alter table "customer" drop column "erased_at";`);
  }

}
