import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand: two more rollup columns kept by refresh_customer_value (the purchase trigger),
 * so the metrics report can take a customer's value from its historical_value instead of summing
 * its purchases, whenever that is exact:
 * - purchase_currencies: every currency the customer has purchases in;
 * - last_purchased_at: the moment of its latest purchase or refund.
 */
export class Migration20261123125000_customer_purchase_rollups extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "customer" add column "purchase_currencies" text[] not null default '{}', add column "last_purchased_at" timestamptz null;`);
    this.addSql(`create or replace function refresh_customer_value(ids uuid[]) returns void language sql as $$
      update customer c set historical_value = coalesce(main.value, 0), value_currency = main.currency,
             purchase_currencies = coalesce(every.currencies, '{}'), last_purchased_at = every.latest
        from unnest(ids) as touched(id)
        left join lateral (
          select p.currency, sum(case when p.kind = 'REFUND' then -p.amount else p.amount end) as value
            from purchase p where p.customer_id = touched.id
           group by p.currency
           order by count(*) filter (where p.kind <> 'REFUND') desc,
                    coalesce(sum(p.amount) filter (where p.kind <> 'REFUND'), 0) desc, p.currency
           limit 1
        ) as main on true
        left join lateral (
          select array_agg(distinct p.currency::text order by p.currency::text) as currencies, max(p.purchased_at) as latest
            from purchase p where p.customer_id = touched.id
        ) as every on true
       where c.id = touched.id;
    $$;`);
    this.addSql(`select refresh_customer_value(array(select distinct customer_id from purchase));`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function refresh_customer_value(ids uuid[]) returns void language sql as $$
      update customer c set historical_value = coalesce(main.value, 0), value_currency = main.currency
        from unnest(ids) as touched(id)
        left join lateral (
          select p.currency, sum(case when p.kind = 'REFUND' then -p.amount else p.amount end) as value
            from purchase p where p.customer_id = touched.id
           group by p.currency
           order by count(*) filter (where p.kind <> 'REFUND') desc,
                    coalesce(sum(p.amount) filter (where p.kind <> 'REFUND'), 0) desc, p.currency
           limit 1
        ) as main on true
       where c.id = touched.id;
    $$;`);
    this.addSql(`alter table "customer" drop column "purchase_currencies", drop column "last_purchased_at";`);
  }

}
