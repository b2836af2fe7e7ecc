import type { EntityManager } from '@mikro-orm/postgresql';
import { Conditions, isUuid, rowsByIds } from '../../db/sql.js';
import { HandoffStatus } from '../../domain/enums.js';
import type { Connection } from '../../graphql/connection.js';
import { SortDirection } from '../../graphql/enums.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { keysetPage } from '../../graphql/keyset-list.js';
import type { ChildListing } from '../../graphql/per-parent-pages.js';
import { HandoffOrderField, type HandoffFilter, type HandoffsArgs } from './handoff.inputs.js';
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

const ORDER_COLUMNS: Record<HandoffOrderField, { column: string; direction: SortDirection }> = {
  [HandoffOrderField.DUE_AT]: { column: 'h.due_at', direction: SortDirection.ASC },
  [HandoffOrderField.REQUESTED_AT]: { column: 'h.requested_at', direction: SortDirection.DESC },
};


function inboxConditions(filter: HandoffFilter | null | undefined, now: Date): Conditions {
  const where = new Conditions();
  if (!filter) return where;
  if (filter.toTeams) where.add('h.to_team = any(?::text[])', filter.toTeams);
  if (filter.fromTeams) where.add('h.from_team = any(?::text[])', filter.fromTeams);
  if (filter.statuses) where.add('h.status = any(?::text[])', filter.statuses);
  if (filter.customerId != null) {
    if (!isUuid(filter.customerId)) throw new DomainError(ErrorCode.INVALID, 'must be a customer id', ['filter', 'customerId']);
    where.add('h.customer_id = ?::uuid', filter.customerId);
  }
  // Same moment rule as Handoff.slaStatus: exactly at dueAt a handoff is not yet breached.
  const breached = `(h.status = '${HandoffStatus.REQUESTED}' and h.due_at < ?)`;
  if (filter.breached === true) where.add(breached, now);
  if (filter.breached === false) where.add(`not ${breached}`, now);
  return where;
}

/**
 * The handoff inbox: handoffs of every customer, filtered, by SLA urgency (dueAt ascending) or
 * another order with id as tie-break, paged by keyset cursor. The total is counted only if asked.
 */
export function listHandoffs(em: EntityManager, args: HandoffsArgs, now: Date): Promise<Connection<HandoffType>> {
  const order = ORDER_COLUMNS[args.orderBy?.field ?? HandoffOrderField.DUE_AT];
  return keysetPage<HandoffRow, HandoffType>(
    em,
    {
      from: 'handoff h',
      alias: 'h',
      where: inboxConditions(args.filter, now),
      order: { column: order.column, type: 'timestamptz', direction: args.orderBy?.direction ?? order.direction },
      toItem: toHandoff,
    },
    args,
  );
}
