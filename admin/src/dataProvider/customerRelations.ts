import type { GetManyReferenceParams } from 'react-admin';
import { graphqlRequest, type RequestOptions } from '../graphql/client';
import type { Connection } from '../graphql/types';
import { pageAtOffset } from './cursorPages';
import type { ResourceReader } from './types';

/**
 * A customer's interactions, purchases, survey responses and handoffs. The API offers them only as
 * connections on Customer (newest first, `first`/`after` cursors, no offset): cursorPages.ts turns
 * react-admin's pages into cursor walks.
 */
const NODE_FIELDS = {
  interactions: `id channel direction team journeyStage subject summary occurredAt respondedAt resolvedAt externalId staff { id name email }`,
  purchases: `id amount currency product kind purchasedAt externalId`,
  surveyResponses: `id kind score comment team channel journeyStage respondedAt externalId`,
  handoffs: `id fromTeam toTeam fromStaff { id name email } toStaff { id name email } summary customerGoals commitments keyContacts risks
    status rejectionReason requestedAt dueAt acceptedAt completedAt rejectedAt cancelledAt version completionNote cancellationReason slaStatus`,
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

export function customerRelationPage(relation: CustomerRelation, customerId: string, offset: number, perPage: number, options: RequestOptions) {
  return pageAtOffset(`${relation}:${customerId}`, offset, perPage, (first, after, withNodes) =>
    fetchConnection(relation, customerId, first, after, withNodes, options),
  );
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
