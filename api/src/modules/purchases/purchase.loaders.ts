import DataLoader from 'dataloader';
import { perRequest, type Context } from '../../graphql/context.js';
import { perParentPageLoaders } from '../../graphql/per-parent-pages.js';
import { findPurchasesByIds, purchasesOfCustomer } from './purchase.service.js';
import type { PurchaseType } from './purchase.type.js';

const KEY = Symbol('purchase.loaders');

export function purchaseLoaders(context: Context) {
  return perRequest(context, KEY, () => ({
    byCustomer: perParentPageLoaders(context.em, purchasesOfCustomer),
    byId: new DataLoader<string, PurchaseType | null>(async (ids) => {
      const found = new Map((await findPurchasesByIds(context.em, ids)).map((item) => [item.id, item]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  }));
}
