import type { EntityManager } from '@mikro-orm/postgresql';
import { rowsByIds } from '../../db/sql.js';
import type { ChildListing } from '../../graphql/per-parent-pages.js';
import { toInteraction, type InteractionRow, type InteractionType } from './interaction.type.js';

/** A customer's interactions, newest first. */
export const interactionsOfCustomer: ChildListing<InteractionRow, InteractionType> = {
  table: 'interaction',
  parentColumn: 'customer_id',
  timeColumn: 'occurred_at',
  toItem: toInteraction,
  idOf: (item) => item.id,
};

export async function findInteractionsByIds(em: EntityManager, ids: readonly string[]): Promise<InteractionType[]> {
  return (await rowsByIds<InteractionRow>(em, 'interaction', ids)).map(toInteraction);
}
