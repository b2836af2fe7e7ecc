import type { EntityManager } from '@mikro-orm/postgresql';
import { preparedQuery, uuidArray } from '../../db/sql.js';

/** One customer's purchases in one currency, summed up to `asOf` (exclusive). */
export interface PurchaseTotalsRow {
  customer_id: string;
  currency: string;
  /** Purchases that are not refunds. */
  purchase_count: string;
  refund_count: string;
  /** Sum of non-refund amounts, numeric text. */
  gross: string;
  /** Sum of refund amounts (positive), numeric text. */
  refunds: string;
  first_purchase_at: string | null;
  last_purchase_at: string | null;
}

export function purchaseTotals(em: EntityManager, customerIds: readonly string[], asOf: Date): Promise<PurchaseTotalsRow[]> {
  return preparedQuery<PurchaseTotalsRow>(
    em,
    `select customer_id, currency,
            count(*) filter (where kind <> 'REFUND') as purchase_count,
            count(*) filter (where kind = 'REFUND') as refund_count,
            coalesce(sum(amount) filter (where kind <> 'REFUND'), 0)::text as gross,
            coalesce(sum(amount) filter (where kind = 'REFUND'), 0)::text as refunds,
            min(purchased_at) filter (where kind <> 'REFUND') as first_purchase_at,
            max(purchased_at) filter (where kind <> 'REFUND') as last_purchase_at
       from purchase
      where customer_id = any(?::uuid[]) and purchased_at < ?
      group by customer_id, currency`,
    [uuidArray(customerIds), asOf],
  );
}
