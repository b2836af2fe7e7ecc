import type { GetManyReferenceParams, GetManyReferenceResult } from 'react-admin';
import { graphqlRequest, type RequestOptions } from '../graphql/client';
import type { Connection } from '../graphql/types';
import { MAX_PAGE_SIZE, type ResourceReader } from './types';

/**
 * A customer's interactions, purchases, survey responses and handoffs. The API offers them only as
 * connections on Customer (newest first, `first`/`after` cursors, no offset), so a react-admin page
 * N is reached by walking cursors; the cursor found at each offset is remembered so that paging on
 * costs one request.
 */
const NODE_FIELDS = {
  interactions: `id channel direction team journeyStage subject summary occurredAt respondedAt resolvedAt externalId staff { id name email }`,
  purchases: `id amount currency product kind purchasedAt externalId`,
  surveyResponses: `id kind score comment team channel journeyStage respondedAt externalId`,
  handoffs: `id fromTeam toTeam fromStaff { id name email } toStaff { id name email } summary customerGoals commitments keyContacts risks
    status rejectionReason requestedAt dueAt acceptedAt completedAt rejectedAt cancelledAt`,
} as const;

export type CustomerRelation = keyof typeof NODE_FIELDS;

function connectionQuery(relation: CustomerRelation, withNodes: boolean): string {
  return `
    query Customer_${relation}($customerId: ID!, $first: Int!, $after: String) {
      customer(id: $customerId) {
        id
        connection: ${relation}(first: $first, after: $after) {
          ${withNodes ? `nodes { ${NODE_FIELDS[relation]} }` : ''}
          pageInfo { hasNextPage endCursor }
          totalCount
        }
      }
    }
  `;
}

type Page = Connection<{ id: string }>;

async function fetchConnection(
  relation: CustomerRelation,
  customerId: string,
  first: number,
  after: string | null,
  withNodes: boolean,
  options: RequestOptions,
): Promise<Page | null> {
  const { customer } = await graphqlRequest<{ customer: { connection: Page } | null }>(
    connectionQuery(relation, withNodes),
    { customerId, first, after },
    options,
  );
  if (customer === null) return null;
  return { ...customer.connection, nodes: customer.connection.nodes ?? [] };
}

/** Per customer and relation: the cursor after the first `offset` items, and the total they were seen with. */
interface CursorMemo {
  totalCount: number;
  cursorAfter: Map<number, string>;
}
const cursorMemos = new Map<string, CursorMemo>();
const MAX_MEMOS = 200;

function memoFor(relation: CustomerRelation, customerId: string, totalCount: number): CursorMemo {
  const key = `${relation}:${customerId}`;
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
function nearestKnownCursor(relation: CustomerRelation, customerId: string, offset: number) {
  const memo = cursorMemos.get(`${relation}:${customerId}`);
  let best = { position: 0, cursor: null as string | null, seenTotal: null as number | null };
  for (const [position, cursor] of memo?.cursorAfter ?? []) {
    if (position <= offset && position > best.position) best = { position, cursor, seenTotal: memo!.totalCount };
  }
  return best;
}

export async function customerRelationPage(
  relation: CustomerRelation,
  customerId: string,
  offset: number,
  perPage: number,
  options: RequestOptions,
): Promise<GetManyReferenceResult> {
  const start = nearestKnownCursor(relation, customerId, offset);
  const result = await walkFrom(relation, customerId, offset, perPage, start.position, start.cursor, options);
  // The list changed since that cursor was remembered, so the position may be off: walk again from the start.
  if (start.seenTotal !== null && result.total !== start.seenTotal) {
    return walkFrom(relation, customerId, offset, perPage, 0, null, options);
  }
  return result;
}

async function walkFrom(
  relation: CustomerRelation,
  customerId: string,
  offset: number,
  perPage: number,
  position: number,
  cursor: string | null,
  options: RequestOptions,
): Promise<GetManyReferenceResult & { total: number }> {
  // Skip to the offset, asking only for cursors.
  while (position < offset) {
    const skipped = await fetchConnection(relation, customerId, Math.min(MAX_PAGE_SIZE, offset - position), cursor, false, options);
    if (skipped === null) return { data: [], total: 0 };
    if (!skipped.pageInfo.hasNextPage || skipped.pageInfo.endCursor === null) {
      return { data: [], total: skipped.totalCount, pageInfo: { hasNextPage: false, hasPreviousPage: offset > 0 } };
    }
    position += Math.min(MAX_PAGE_SIZE, offset - position);
    cursor = skipped.pageInfo.endCursor;
    memoFor(relation, customerId, skipped.totalCount).cursorAfter.set(position, cursor);
  }

  const data: { id: string }[] = [];
  let total = 0;
  let hasNextPage = false;
  do {
    const page = await fetchConnection(relation, customerId, Math.min(MAX_PAGE_SIZE, perPage - data.length), cursor, true, options);
    if (page === null) return { data: [], total: 0 };
    data.push(...page.nodes);
    total = page.totalCount;
    hasNextPage = page.pageInfo.hasNextPage;
    cursor = page.pageInfo.endCursor;
    if (cursor !== null) memoFor(relation, customerId, total).cursorAfter.set(offset + data.length, cursor);
  } while (hasNextPage && data.length < perPage);

  return { data, total, pageInfo: { hasNextPage, hasPreviousPage: offset > 0 } };
}

function relationReader(relation: CustomerRelation): ResourceReader {
  return {
    async getManyReference({ target, id, pagination, signal }: GetManyReferenceParams & { signal?: AbortSignal }) {
      if (target !== 'customerId') throw new Error(`${relation} can only be listed by customerId, not "${target}"`);
      const { page, perPage } = pagination;
      return customerRelationPage(relation, String(id), (page - 1) * perPage, perPage, { signal });
    },
  };
}

export const interactions = relationReader('interactions');
export const purchases = relationReader('purchases');
export const surveyResponses = relationReader('surveyResponses');
export const handoffs = relationReader('handoffs');
