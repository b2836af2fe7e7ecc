import type { EntityManager } from '@mikro-orm/postgresql';
import { rowsByIds } from '../../db/sql.js';
import type { ChildListing } from '../../graphql/per-parent-pages.js';
import { toPurchase, type PurchaseRow, type PurchaseType } from './purchase.type.js';

/** A customer's purchases, newest first. */
export const purchasesOfCustomer: ChildListing<PurchaseRow, PurchaseType> = {
  table: 'purchase',
  parentColumn: 'customer_id',
  timeColumn: 'purchased_at',
  toItem: toPurchase,
  idOf: (item) => item.id,
};

export async function findPurchasesByIds(em: EntityManager, ids: readonly string[]): Promise<PurchaseType[]> {
  return (await rowsByIds<PurchaseRow>(em, 'purchase', ids)).map(toPurchase);
}
