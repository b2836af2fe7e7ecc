import { HttpError, type GetListParams } from 'react-admin';
import { graphqlRequest, type RequestOptions } from '../graphql/client';
import type { Connection, Customer } from '../graphql/types';
import { asList, MAX_PAGE_SIZE, type ResourceReader } from './types';

const CUSTOMER_FIELDS = /* GraphQL */ `
  fragment CustomerFields on Customer {
    id kind name company email phone segment persona lifecycleStage acquisitionChannel
    acquiredAt churnedAt churnReason tags locale externalId archivedAt createdAt updatedAt version
    owner { id name email }
  }
`;

const CUSTOMERS = /* GraphQL */ `
  query Customers($first: Int, $offset: Int, $filter: CustomerFilter, $orderBy: CustomerOrder) {
    customers(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {
      nodes { ...CustomerFields }
      pageInfo { hasNextPage }
      totalCount
    }
  }
  ${CUSTOMER_FIELDS}
`;

const CUSTOMER = /* GraphQL */ `
  query Customer($id: ID!) {
    customer(id: $id) { ...CustomerFields }
  }
  ${CUSTOMER_FIELDS}
`;

interface CustomerFilter {
  search?: string;
  lifecycleStages?: string[];
  segments?: string[];
  acquisitionChannels?: string[];
  ownerIds?: string[];
  includeArchived?: boolean;
}

/** react-admin's filter form values → the API's CustomerFilter. */
export function toCustomerFilter(filter: Record<string, unknown> = {}): CustomerFilter {
  const search = typeof filter.q === 'string' ? filter.q.trim() : '';
  return {
    search: search || undefined,
    lifecycleStages: asList(filter.lifecycleStage as string | string[]),
    segments: asList(filter.segment as string | string[]),
    acquisitionChannels: asList(filter.acquisitionChannel as string | string[]),
    ownerIds: asList(filter.ownerId as string | string[]),
    includeArchived: filter.includeArchived === true ? true : undefined,
  };
}

const ORDER_FIELDS: Record<string, string> = { name: 'NAME', createdAt: 'CREATED_AT' };

/** react-admin's sort → the API's CustomerOrder; fields the API cannot sort by fall back to its default. */
export function toCustomerOrder(sort: GetListParams['sort']) {
  const field = sort && ORDER_FIELDS[sort.field];
  return field ? { field, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' } : undefined;
}

/** One react-admin page of customers, in requests of at most 100 (the API's cap). */
async function customerPage(
  offset: number,
  perPage: number,
  variables: { filter: CustomerFilter; orderBy: ReturnType<typeof toCustomerOrder> },
  options: RequestOptions,
): Promise<{ data: Customer[]; total: number }> {
  const data: Customer[] = [];
  let total = 0;
  do {
    const first = Math.min(MAX_PAGE_SIZE, perPage - data.length);
    const { customers } = await graphqlRequest<{ customers: Connection<Customer> }>(
      CUSTOMERS,
      { ...variables, first, offset: offset + data.length },
      options,
    );
    data.push(...customers.nodes);
    total = customers.totalCount;
    if (!customers.pageInfo.hasNextPage || customers.nodes.length < first) break;
  } while (data.length < perPage);
  return { data, total };
}

async function customerById(id: string, options: RequestOptions): Promise<Customer | null> {
  const { customer } = await graphqlRequest<{ customer: Customer | null }>(CUSTOMER, { id }, options);
  return customer;
}

/** Several customers in one request, one aliased `customer(id)` field each; unknown ids are left out. */
async function customersByIds(ids: string[], options: RequestOptions): Promise<Customer[]> {
  if (ids.length === 0) return [];
  const variables = Object.fromEntries(ids.map((id, index) => [`id${index}`, id]));
  const query = `
    query CustomersByIds(${ids.map((_, index) => `$id${index}: ID!`).join(', ')}) {
      ${ids.map((_, index) => `c${index}: customer(id: $id${index}) { ...CustomerFields }`).join('\n')}
    }
    ${CUSTOMER_FIELDS}
  `;
  const found = await graphqlRequest<Record<string, Customer | null>>(query, variables, options);
  return ids.map((_, index) => found[`c${index}`]).filter((customer): customer is Customer => customer != null);
}

export const customers: ResourceReader = {
  async getList({ pagination, sort, filter, signal }) {
    const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
    return customerPage((page - 1) * perPage, perPage, { filter: toCustomerFilter(filter), orderBy: toCustomerOrder(sort) }, { signal });
  },

  async getOne({ id, signal }) {
    const customer = await customerById(String(id), { signal });
    if (customer === null) throw new HttpError('customer360.customers.not_found', 404);
    return { data: customer };
  },

  async getMany({ ids, signal }) {
    return { data: await customersByIds(ids.map(String), { signal }) };
  },

  async getManyReference({ target, id, pagination, sort, filter, signal }) {
    if (target !== 'ownerId') throw new Error(`Customers cannot be listed by "${target}"`);
    const { page, perPage } = pagination;
    const customerFilter = toCustomerFilter({ ...filter, ownerId: id });
    return customerPage((page - 1) * perPage, perPage, { filter: customerFilter, orderBy: toCustomerOrder(sort) }, { signal });
  },
};
