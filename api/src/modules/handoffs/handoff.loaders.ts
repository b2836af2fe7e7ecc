import DataLoader from 'dataloader';
import { perRequest, type Context } from '../../graphql/context.js';
import { perParentPageLoaders } from '../../graphql/per-parent-pages.js';
import { findHandoffsByIds, handoffsOfCustomer } from './handoff.service.js';
import type { HandoffType } from './handoff.type.js';

const KEY = Symbol('handoff.loaders');

export function handoffLoaders(context: Context) {
  return perRequest(context, KEY, () => ({
    byCustomer: perParentPageLoaders(context.em, handoffsOfCustomer),
    byId: new DataLoader<string, HandoffType | null>(async (ids) => {
      const found = new Map((await findHandoffsByIds(context.em, ids)).map((item) => [item.id, item]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  }));
}
