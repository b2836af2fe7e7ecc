import { HttpError, type GetListParams } from 'react-admin';
import { graphqlRequest, type RequestOptions } from '../graphql/client';
import type { Connection } from '../graphql/types';
import { pageAtOffset } from './cursorPages';
import type { ResourceReader } from './types';

/**
 * The lists across customers (interactions, purchases, survey responses): cursor connections with
 * a filter and an order, paged for react-admin by cursor walks (cursorPages.ts).
 * A show page reads its record by id (Query.interaction, .purchase, .surveyResponse).
 */
export interface ActivityListSpec {
  /** The Query field, e.g. "interactions". */
  field: string;
  /** The Query field of one record by id, e.g. "interaction". */
  singleField: string;
  filterType: string;
  orderType: string;
  /** The node selection. */
  fields: string;
  toFilter: (filter: Record<string, unknown>) => object;
  toOrder: (sort: GetListParams['sort'] | undefined) => { field: string; direction: string } | undefined;
}

function listQuery(spec: ActivityListSpec, withNodes: boolean): string {
  const name = `${spec.field[0]!.toUpperCase()}${spec.field.slice(1)}List`;
  return /* GraphQL */ `
    query ${name}($filter: ${spec.filterType}, $orderBy: ${spec.orderType}, $first: Int!, $after: String) {
      ${spec.field}(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        ${withNodes ? `nodes { ${spec.fields} }` : ''}
        pageInfo { hasNextPage endCursor }
        totalCount
      }
    }
  `;
}

async function fetchPage(
  spec: ActivityListSpec,
  variables: { filter: object; orderBy: unknown },
  first: number,
  after: string | null,
  withNodes: boolean,
  options: RequestOptions,
) {
  const data = await graphqlRequest<Record<string, Connection<{ id: string }>>>(listQuery(spec, withNodes), { ...variables, first, after }, options);
  const connection = data[spec.field]!;
  return { ...connection, nodes: connection.nodes ?? [] };
}

/** getList and getOne of a list across customers (getManyReference stays with the customer's own lists). */
export function activityListReader(spec: ActivityListSpec): Required<Pick<ResourceReader, 'getList' | 'getOne'>> {
  return {
    async getList({ pagination, sort, filter, signal }) {
      const variables = { filter: spec.toFilter(filter ?? {}), orderBy: spec.toOrder(sort) };
      const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
      return pageAtOffset(`${spec.field}:${JSON.stringify(variables)}`, (page - 1) * perPage, perPage, (first, after, withNodes) =>
        fetchPage(spec, variables, first, after, withNodes, { signal }),
      );
    },

    async getOne({ id, signal }) {
      const name = `${spec.singleField[0]!.toUpperCase()}${spec.singleField.slice(1)}`;
      const data = await graphqlRequest<Record<string, { id: string } | null>>(
        `query ${name}($id: ID!) { ${spec.singleField}(id: $id) { ${spec.fields} } }`,
        { id: String(id) },
        { signal },
      );
      const record = data[spec.singleField];
      if (!record) throw new HttpError('ra.notification.item_doesnt_exist', 404);
      return { data: record };
    },
  };
}
