import type { EntityManager } from '@mikro-orm/postgresql';
import { Conditions, isTimestampText, isUuid, query, rowsByIds } from '../../db/sql.js';
import { HandoffStatus } from '../../domain/enums.js';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../graphql/connection.js';
import { SortDirection } from '../../graphql/enums.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
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

/** The database's text of each listed handoff's sort time (keeps microseconds for the cursor). */
const sortKeys = new WeakMap<HandoffType, string>();

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
export async function listHandoffs(em: EntityManager, args: HandoffsArgs, now: Date): Promise<Connection<HandoffType>> {
  const limit = pageSize(args.first);
  const order = ORDER_COLUMNS[args.orderBy?.field ?? HandoffOrderField.DUE_AT];
  const direction = (args.orderBy?.direction ?? order.direction) === SortDirection.DESC ? 'desc' : 'asc';
  const where = inboxConditions(args.filter, now);
  const counted = { sql: where.sql, params: [...where.params] };
  if (args.after) {
    const [time, id] = decodeCursor(args.after);
    if (typeof time !== 'string' || !isTimestampText(time) || !isUuid(id)) {
      throw new DomainError(ErrorCode.INVALID, 'is not a cursor of this ordering', ['after']);
    }
    where.add(`(${order.column}, h.id) ${direction === 'desc' ? '<' : '>'} (?::timestamptz, ?::uuid)`, time, id);
  }
  const rows = await query<HandoffRow & { sort_key: string }>(
    em,
    `select h.*, ${order.column}::text as sort_key from handoff h ${where.sql} order by ${order.column} ${direction}, h.id ${direction} limit ?`,
    [...where.params, limit + 1],
  );
  const handoffs = rows.map((row) => {
    const handoff = toHandoff(row);
    sortKeys.set(handoff, row.sort_key);
    return handoff;
  });
  return toConnection(
    handoffs,
    limit,
    (h) => [sortKeys.get(h) ?? null, h.id],
    async () => Number((await query<{ count: string }>(em, `select count(*) from handoff h ${counted.sql}`, counted.params))[0]!.count),
    Boolean(args.after),
  );
}
