import type { EntityManager } from '@mikro-orm/postgresql';
import { rowsByIds } from '../../db/sql.js';
import type { ChildListing } from '../../graphql/per-parent-pages.js';
import { toHandoff, type HandoffRow, type HandoffType } from './handoff.type.js';

/** A customer's handoffs, newest first. */
export const handoffsOfCustomer: ChildListing<HandoffRow, HandoffType> = {
  table: 'handoff',
  parentColumn: 'customer_id',
  timeColumn: 'requested_at',
  toItem: toHandoff,
  idOf: (item) => item.id,
};

export async function findHandoffsByIds(em: EntityManager, ids: readonly string[]): Promise<HandoffType[]> {
  return (await rowsByIds<HandoffRow>(em, 'handoff', ids)).map(toHandoff);
}
