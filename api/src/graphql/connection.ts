import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { ErrorCode, DomainError } from './errors.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Where a page sits in its connection (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 0–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (an endCursor from an earlier page).' })
  after?: string | null;
}

/** Cursor contents: the sort key of an item and its id as tie-break. */
export type CursorKey = [sortValue: string | number | null, id: string];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, field: string[] = ['after']): CursorKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === 2 && typeof key[1] === 'string') return key as CursorKey;
  } catch {
    // fall through to the error below
  }
  throw new DomainError(ErrorCode.INVALID, 'is not a cursor returned by this API', field);
}

/** `max` is above MAX_PAGE_SIZE only for the server's own streaming (the CSV export), never for a client. */
export function pageSize(first: number | null | undefined, field: string[] = ['first'], max = MAX_PAGE_SIZE): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (first < 0 || first > max) {
    throw new DomainError(ErrorCode.INVALID, `must be between 0 and ${max}, got ${first}`, field);
  }
  return first;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Lazy: the count runs only when a client asks for it (graphql-js awaits the thenable). */
  totalCount: PromiseLike<number>;
}

/** A promise-like value that starts `work` on first `then`, so unrequested fields cost nothing. */
export function lazy<T>(work: () => Promise<T>): PromiseLike<T> {
  let started: Promise<T> | null = null;
  return {
    then(onFulfilled, onRejected) {
      started ??= work();
      return started.then(onFulfilled, onRejected);
    },
  };
}

/**
 * Builds a connection from `limit + 1` fetched rows: the extra row only tells whether another
 * page exists. Cursors are encoded only when read: a page that asks for `nodes` (the 360 page's
 * timelines) encodes none, one asking for `endCursor` encodes one.
 */
export function toConnection<T>(
  rows: T[],
  limit: number,
  cursorOf: (item: T) => CursorKey,
  totalCount: () => Promise<number>,
  hasPreviousPage: boolean,
): Connection<T> {
  const page = rows.slice(0, limit);
  const cursorAt = (index: number): string | null => (index >= 0 && index < page.length ? encodeCursor(cursorOf(page[index]!)) : null);
  let edges: Edge<T>[] | undefined;
  return {
    get edges() {
      return (edges ??= page.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node })));
    },
    nodes: page,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage,
      get startCursor() {
        return cursorAt(0);
      },
      get endCursor() {
        return cursorAt(page.length - 1);
      },
    },
    totalCount: lazy(totalCount),
  };
}

/** Declares `XConnection` and `XEdge` GraphQL types for an item type. */
export function ConnectionType<T extends object>(itemType: new () => T, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String, { description: 'Opaque; pass it as `after` to continue after this item.' })
    cursor!: string;

    @Field(() => itemType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [itemType], { description: 'The items of this page, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items match, across all pages.' })
    totalCount!: number;
  }
  return ConnectionClass;
}
