import DataLoader from 'dataloader';
import { perRequest, type Context } from '../../graphql/context.js';
import { perParentPageLoaders } from '../../graphql/per-parent-pages.js';
import { findInteractionsByIds, interactionsOfCustomer } from './interaction.service.js';
import type { InteractionType } from './interaction.type.js';

const KEY = Symbol('interaction.loaders');

export function interactionLoaders(context: Context) {
  return perRequest(context, KEY, () => ({
    byCustomer: perParentPageLoaders(context.em, interactionsOfCustomer),
    byId: new DataLoader<string, InteractionType | null>(async (ids) => {
      const found = new Map((await findInteractionsByIds(context.em, ids)).map((item) => [item.id, item]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  }));
}
