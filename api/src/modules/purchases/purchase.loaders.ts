import DataLoader from 'dataloader';
import { groupKeys, perRequest, type Context } from '../../graphql/context.js';
import { perParentPageLoaders } from '../../graphql/per-parent-pages.js';
import { findPurchasesByIds, purchasesOfCustomer } from './purchase.service.js';
import type { PurchaseType } from './purchase.type.js';
import type { CustomerType } from '../customers/customer.type.js';
import { customerLoaders } from '../customers/customer.loaders.js';
import { lifetimeValue } from './lifetime-value.js';
import { purchaseTotals, type PurchaseTotalsRow } from './lifetime-value.sql.js';
import type { LifetimeValue } from './lifetime-value.type.js';

interface LifetimeValueKey {
  customer: CustomerType;
  asOf: Date;
  /**
   * Whether the figures that need the segment's annual churn (segmentAnnualChurnRate,
   * expectedLifespanYears, predictedValue) are asked for: the churn counts scan every customer,
   * so a request that does not show them does not pay for them (they are then null). Default: true.
   */
  withChurn?: boolean;
}

const withChurn = (k: LifetimeValueKey) => k.withChurn !== false;
const keyOf = (k: LifetimeValueKey) => `${k.customer.id}|${k.asOf.getTime()}|${withChurn(k)}`;

const KEY = Symbol('purchase.loaders');

export function purchaseLoaders(context: Context) {
  return perRequest(context, KEY, () => ({
    byCustomer: perParentPageLoaders(context.em, purchasesOfCustomer),
    byId: new DataLoader<string, PurchaseType | null>(async (ids) => {
      const found = new Map((await findPurchasesByIds(context.em, ids)).map((item) => [item.id, item]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    lifetimeValue: new DataLoader<LifetimeValueKey, LifetimeValue, string>(
      async (keys) => {
        const byMoment = groupKeys(keys, (key) => key.asOf.getTime());
        const results = new Map<string, LifetimeValue>();
        for (const [moment, group] of byMoment) {
          const asOf = new Date(moment);
          const [totals, churn] = await Promise.all([
            purchaseTotals(context.em, [...new Set(group.map((k) => k.customer.id))], asOf),
            group.some(withChurn) ? customerLoaders(context).annualChurnBySegment.load(moment) : null,
          ]);
          const byCustomer = new Map<string, PurchaseTotalsRow[]>();
          for (const row of totals) {
            const rows = byCustomer.get(row.customer_id);
            if (rows) rows.push(row);
            else byCustomer.set(row.customer_id, [row]);
          }
          for (const key of group) {
            const segmentChurn = withChurn(key) ? churn!.get(key.customer.segment) : null;
            results.set(keyOf(key), lifetimeValue(key.customer, byCustomer.get(key.customer.id) ?? [], segmentChurn, asOf));
          }
        }
        return keys.map((k) => results.get(keyOf(k))!);
      },
      { cacheKeyFn: keyOf },
    ),
  }));
}
