import { Migration } from '@mikro-orm/migrations';

/** Orders the cross-customer lists offer: purchases by amount, survey answers by score. */
export class Migration20261123124000_list_orders extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "purchase_amount_id" on "purchase" ("amount", "id");`);
    this.addSql(`create index "survey_response_score_id" on "survey_response" ("score", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "purchase_amount_id";`);
    this.addSql(`drop index "survey_response_score_id";`);
  }

}
