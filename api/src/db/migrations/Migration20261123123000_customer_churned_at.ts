import { Migration } from '@mikro-orm/migrations';

/** The customers list's churned-date filters (the metrics drill-down into churned customers). */
export class Migration20261123123000_customer_churned_at extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "customer_churned_at" on "customer" ("churned_at") where churned_at is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "customer_churned_at";`);
  }

}
