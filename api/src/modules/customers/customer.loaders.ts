import DataLoader from 'dataloader';
import { perRequest, type Context } from '../../graphql/context.js';
import { churnBySegment, type SegmentChurn } from './churn.sql.js';
import { findCustomersByIds } from './customer.service.js';
import type { CustomerType } from './customer.type.js';

const KEY = Symbol('customer.loaders');
const YEAR_MS = 365 * 24 * 3600 * 1000;

export function customerLoaders(context: Context) {
  return perRequest(context, KEY, () => ({
    byId: new DataLoader<string, CustomerType | null>(async (ids) => {
      const found = new Map((await findCustomersByIds(context.em, ids)).map((c) => [c.id, c]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    /** S and L per segment over the 365 days before `asOf`, at most once per request and moment. */
    annualChurnBySegment: new DataLoader<number, Map<string, SegmentChurn>>(async (moments) =>
      Promise.all(
        moments.map(async (asOf) => {
          const rows = await churnBySegment(context.em, new Date(asOf - YEAR_MS), new Date(asOf));
          return new Map(rows.map((row) => [row.segment, row]));
        }),
      ),
    ),
  }));
}
