import type { EntityManager } from '@mikro-orm/postgresql';
import { isTimestampText, isUuid, query, type Conditions } from '../db/sql.js';
import { decodeCursor, pageSize, toConnection, type Connection } from './connection.js';
import { SortDirection } from './enums.js';
import { DomainError, ErrorCode } from './errors.js';

/** A list's sort column (never null) and how its values read back from a cursor. */
export interface KeysetOrder {
  column: string;
  type: 'timestamptz' | 'numeric';
  direction: SortDirection;
}

export interface KeysetListing<Row, Item extends object> {
  /** `table alias`, e.g. `interaction i`; the alias owns the `id` tie-break column. */
  from: string;
  alias: string;
  where: Conditions;
  order: KeysetOrder;
  toItem: (row: Row) => Item;
}

const NUMERIC_TEXT = /^-?\d{1,30}(\.\d{1,10})?$/;

/**
 * One page of a list across customers, in `order` with id as tie-break, continued by keyset
 * cursor (the database's text of the sort value, so microseconds and decimals survive). The
 * total is counted only when a client asks for it.
 */
export async function keysetPage<Row, Item extends object>(
  em: EntityManager,
  listing: KeysetListing<Row, Item>,
  page: { first?: number | null; after?: string | null },
): Promise<Connection<Item>> {
  const limit = pageSize(page.first);
  const { alias, order, where } = listing;
  const direction = order.direction === SortDirection.DESC ? 'desc' : 'asc';
  const counted = { sql: where.sql, params: [...where.params] };
  if (page.after) {
    const [value, id] = decodeCursor(page.after);
    const valid = typeof value === 'string' && (order.type === 'timestamptz' ? isTimestampText(value) : NUMERIC_TEXT.test(value));
    if (!valid || !isUuid(id)) throw new DomainError(ErrorCode.INVALID, 'is not a cursor of this ordering', ['after']);
    where.add(`(${order.column}, ${alias}.id) ${direction === 'desc' ? '<' : '>'} (?::${order.type}, ?::uuid)`, value, id);
  }
  const rows = await query<Row & { sort_key: string }>(
    em,
    `select ${alias}.*, ${order.column}::text as sort_key from ${listing.from} ${where.sql}
      order by ${order.column} ${direction}, ${alias}.id ${direction} limit ?`,
    [...where.params, limit + 1],
  );
  const sortKeys = new Map<Item, string>();
  const items = rows.map((row) => {
    const item = listing.toItem(row);
    sortKeys.set(item, row.sort_key);
    return item;
  });
  return toConnection(
    items,
    limit,
    (item) => [sortKeys.get(item) ?? null, (item as { id: string }).id],
    async () => Number((await query<{ count: string }>(em, `select count(*) from ${listing.from} ${counted.sql}`, counted.params))[0]!.count),
    Boolean(page.after),
  );
}

/** `column = id` for an id argument, or INVALID naming the argument when it is not an id. */
export function addIdCondition(where: Conditions, column: string, id: string | null | undefined, field: string[]): void {
  if (id == null) return;
  if (!isUuid(id)) throw new DomainError(ErrorCode.INVALID, 'must be an id returned by this API', field);
  where.add(`${column} = ?::uuid`, id);
}

/** `[after, before)` on a time column; INVALID on `before` when the range is empty. */
export function addTimeRange(where: Conditions, column: string, after: Date | null | undefined, before: Date | null | undefined, field: string[]): void {
  if (after && before && after >= before) throw new DomainError(ErrorCode.INVALID, 'must be later than the "after" moment', field);
  if (after) where.add(`${column} >= ?`, after);
  if (before) where.add(`${column} < ?`, before);
}
