import DataLoader from 'dataloader';
import { perRequest, type Context } from '../../graphql/context.js';
import { findCustomersByIds } from './customer.service.js';
import type { CustomerType } from './customer.type.js';

const KEY = Symbol('customer.loaders');

export function customerLoaders(context: Context) {
  return perRequest(context, KEY, () => ({
    byId: new DataLoader<string, CustomerType | null>(async (ids) => {
      const found = new Map((await findCustomersByIds(context.em, ids)).map((c) => [c.id, c]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  }));
}
