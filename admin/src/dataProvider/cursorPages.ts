import type { GetListResult } from 'react-admin';
import type { Connection } from '../graphql/types';
import { MAX_PAGE_SIZE } from './types';

/**
 * The API's lists on a customer are cursor connections (`first`/`after`, no offset), while
 * react-admin asks for page N. A page at an offset is reached by walking cursors; the cursor found
 * at each offset is remembered (per list, keyed by the caller) so that paging on costs one request.
 */

/** One request: `first` items after `after`, nodes only when asked (skipping needs only cursors); null when the customer is gone. */
export type ConnectionFetcher = (first: number, after: string | null, withNodes: boolean) => Promise<Connection<{ id: string }> | null>;

/** Per list: the cursor after the first `offset` items, and the total they were seen with. */
interface CursorMemo {
  totalCount: number;
  cursorAfter: Map<number, string>;
}
const cursorMemos = new Map<string, CursorMemo>();
const MAX_MEMOS = 200;

function memoFor(key: string, totalCount: number): CursorMemo {
  let memo = cursorMemos.get(key);
  // A changed total means items were added or removed: remembered positions no longer hold.
  if (!memo || memo.totalCount !== totalCount) {
    if (cursorMemos.size >= MAX_MEMOS) cursorMemos.delete(cursorMemos.keys().next().value!);
    memo = { totalCount, cursorAfter: new Map() };
    cursorMemos.set(key, memo);
  }
  return memo;
}

/** The remembered position closest before `offset`, with the total it was seen with (null: start). */
function nearestKnownCursor(key: string, offset: number) {
  const memo = cursorMemos.get(key);
  let best = { position: 0, cursor: null as string | null, seenTotal: null as number | null };
  for (const [position, cursor] of memo?.cursorAfter ?? []) {
    if (position <= offset && position > best.position) best = { position, cursor, seenTotal: memo!.totalCount };
  }
  return best;
}

/** `perPage` items from `offset` of the list `key` (any string naming the list and its filters). */
export async function pageAtOffset(key: string, offset: number, perPage: number, fetch: ConnectionFetcher): Promise<GetListResult & { total: number }> {
  const start = nearestKnownCursor(key, offset);
  const result = await walkFrom(key, offset, perPage, start.position, start.cursor, fetch);
  // The list changed since that cursor was remembered, so the position may be off: walk again from the start.
  if (start.seenTotal !== null && result.total !== start.seenTotal) {
    return walkFrom(key, offset, perPage, 0, null, fetch);
  }
  return result;
}

async function walkFrom(
  key: string,
  offset: number,
  perPage: number,
  position: number,
  cursor: string | null,
  fetch: ConnectionFetcher,
): Promise<GetListResult & { total: number }> {
  // Skip to the offset, asking only for cursors.
  while (position < offset) {
    const skipped = await fetch(Math.min(MAX_PAGE_SIZE, offset - position), cursor, false);
    if (skipped === null) return { data: [], total: 0 };
    if (!skipped.pageInfo.hasNextPage || skipped.pageInfo.endCursor === null) {
      return { data: [], total: skipped.totalCount, pageInfo: { hasNextPage: false, hasPreviousPage: offset > 0 } };
    }
    position += Math.min(MAX_PAGE_SIZE, offset - position);
    cursor = skipped.pageInfo.endCursor;
    memoFor(key, skipped.totalCount).cursorAfter.set(position, cursor);
  }

  const data: { id: string }[] = [];
  let total = 0;
  let hasNextPage = false;
  do {
    const page = await fetch(Math.min(MAX_PAGE_SIZE, perPage - data.length), cursor, true);
    if (page === null) return { data: [], total: 0 };
    data.push(...page.nodes);
    total = page.totalCount;
    hasNextPage = page.pageInfo.hasNextPage;
    cursor = page.pageInfo.endCursor;
    if (cursor !== null) memoFor(key, total).cursorAfter.set(offset + data.length, cursor);
  } while (hasNextPage && data.length < perPage);

  return { data, total, pageInfo: { hasNextPage, hasPreviousPage: offset > 0 } };
}
