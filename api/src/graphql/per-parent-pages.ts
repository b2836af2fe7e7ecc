import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isTimestampText, isUuid, query, uuidArray } from '../db/sql.js';
import { DomainError, ErrorCode } from './errors.js';
import { decodeCursor, pageSize, toConnection, type Connection, type PageArgs } from './connection.js';

/** A child table listed per parent, newest first, e.g. a customer's interactions. */
export interface ChildListing<Row, Item extends object> {
  /** Table name (trusted: written in code, never from input). */
  table: string;
  /** Foreign-key column naming the parent. */
  parentColumn: string;
  /** Timestamp column that orders the list (newest first, id breaks ties). */
  timeColumn: string;
  toItem(row: Row): Item;
  idOf(item: Item): string;
}

// PostgreSQL keeps microseconds, a JS Date only milliseconds: cursors carry the database's own
// text of the timestamp so paging never skips or repeats rows that share a millisecond.
const cursorTimes = new WeakMap<object, string>();

/**
 * Per-request loaders that answer "page P of the children of each of these parents" with one
 * statement per distinct page shape (a lateral join walking the (parent, time, id) index), and
 * the lazy totals with one grouped count — however many parents a GraphQL list resolves.
 */
export function perParentPageLoaders<Row, Item extends object>(em: EntityManager, listing: ChildListing<Row, Item>) {
  const { table, parentColumn, timeColumn } = listing;

  const counts = new DataLoader<string, number>(async (parentIds) => {
    const rows = await query<{ parent_id: string; count: string }>(
      em,
      `select ${parentColumn} as parent_id, count(*) from ${table} where ${parentColumn} = any(?::uuid[]) group by ${parentColumn}`,
      [uuidArray(parentIds)],
    );
    const byParent = new Map(rows.map((r) => [r.parent_id, Number(r.count)]));
    return parentIds.map((id) => byParent.get(id) ?? 0);
  });

  interface PageKey {
    parentId: string;
    limit: number;
    after: string | null;
  }

  const pages = new DataLoader<PageKey, Item[], string>(
    async (keys) => {
      // Keys sharing a page shape (size and cursor) are fetched together.
      const shapes = new Map<string, PageKey[]>();
      for (const key of keys) {
        const shape = `${key.limit}|${key.after ?? ''}`;
        shapes.set(shape, [...(shapes.get(shape) ?? []), key]);
      }
      const found = new Map<string, Item[]>();
      for (const group of shapes.values()) {
        const { limit, after } = group[0]!;
        const params: unknown[] = [uuidArray([...new Set(group.map((k) => k.parentId))])];
        let cursorCondition = '';
        if (after) {
          const [time, id] = decodeCursor(after);
          cursorCondition = `and (t.${timeColumn}, t.id) < (?::timestamptz, ?::uuid)`;
          params.push(time, id);
        }
        params.push(limit + 1);
        const rows = await query<Row & { parent_key: string; cursor_time: string }>(
          em,
          `select p.parent_key, t.${timeColumn}::text as cursor_time, t.* from unnest(?::uuid[]) as p(parent_key)
           cross join lateral (
             select * from ${table} t where t.${parentColumn} = p.parent_key ${cursorCondition}
             order by t.${timeColumn} desc, t.id desc limit ?
           ) t`,
          params,
        );
        for (const row of rows) {
          const key = `${row.parent_key}|${limit}|${after ?? ''}`;
          const item = listing.toItem(row);
          cursorTimes.set(item, row.cursor_time);
          found.set(key, [...(found.get(key) ?? []), item]);
        }
      }
      return keys.map((k) => found.get(`${k.parentId}|${k.limit}|${k.after ?? ''}`) ?? []);
    },
    { cacheKeyFn: (k) => `${k.parentId}|${k.limit}|${k.after ?? ''}` },
  );

  return {
    async page(parentId: string, args: PageArgs): Promise<Connection<Item>> {
      const limit = pageSize(args.first);
      const after = args.after ?? null;
      if (after) {
        // Reject a malformed or foreign cursor before it reaches SQL.
        const [time, id] = decodeCursor(after);
        if (typeof time !== 'string' || !isTimestampText(time) || !isUuid(id)) {
          throw new DomainError(ErrorCode.INVALID, 'is not a cursor returned by this list', ['after']);
        }
      }
      const rows = await pages.load({ parentId, limit, after });
      return toConnection(
        rows,
        limit,
        (item) => [cursorTimes.get(item) ?? null, listing.idOf(item)],
        () => counts.load(parentId),
        Boolean(after),
      );
    },
  };
}
