import { HttpError, type GetListParams } from 'react-admin';
import { can } from '../auth/permissions';
import { readSession } from '../auth/session';
import { graphqlRequest, type RequestOptions } from '../graphql/client';
import { enumValues, type Channel, type ChurnRisk, type JourneyStage, type NpsCategory, type SurveyKind, type Team } from '../graphql/enums';
import type { Connection, Customer, Customer360, CustomerListRow } from '../graphql/types';
import { CUSTOMER_360_FIELDS, recentSatisfactionSince, wantsCustomer360 } from './customer360';
import { asList, MAX_PAGE_SIZE, type ResourceReader } from './types';

export const CUSTOMER_FIELDS = /* GraphQL */ `
  fragment CustomerFields on Customer {
    id kind name company email phone segment persona lifecycleStage acquisitionChannel
    acquiredAt churnedAt churnReason tags locale externalId archivedAt createdAt updatedAt version
    owner { id name email } lastInteractionAt
  }
`;

const CUSTOMERS = /* GraphQL */ `
  query Customers($first: Int, $offset: Int, $filter: CustomerFilter, $orderBy: CustomerOrder) {
    customers(first: $first, offset: $offset, filter: $filter, orderBy: $orderBy) {
      nodes { ...CustomerFields health { score churnRisk } lifetimeValue { historicalValue currency } }
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

const CUSTOMER_360 = /* GraphQL */ `
  query Customer360($id: ID!, $recentSince: DateTimeISO!) {
    customer(id: $id) { ...CustomerFields ${CUSTOMER_360_FIELDS} }
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
  teams?: Team[];
  tags?: string[];
  churnRisks?: ChurnRisk[];
  healthMin?: number;
  healthMax?: number;
  lifetimeValueMin?: string;
  lifetimeValueMax?: string;
  latestNpsCategories?: NpsCategory[];
  hasOpenSlaBreach?: boolean;
  lastInteractionAfter?: string;
  lastInteractionBefore?: string;
  csatBelow?: { score: string; withinDays: number };
  acquiredAfter?: string;
  acquiredBefore?: string;
  churnedAfter?: string;
  churnedBefore?: string;
  notChurnedBefore?: string;
  activity?: CustomerActivity;
}

export const ACTIVITY_KINDS = ['SURVEY_ANSWER', 'PURCHASE', 'INBOUND_INTERACTION', 'HANDOFF_REQUEST'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The API's CustomerActivityFilter: customers with at least one such row in [after, before) (ISO instants). */
export interface CustomerActivity {
  kind: ActivityKind;
  after: string;
  before: string;
  teams?: Team[];
  channels?: Channel[];
  journeyStages?: JourneyStage[];
  surveyKinds?: SurveyKind[];
  currency?: string;
}

/** A health bound the API accepts (an integer 0–100), or nothing. */
function healthBound(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 0 && number <= 100 ? number : undefined;
}

/** A non-negative decimal typed into a filter, kept as the exact string the API's Decimal takes. */
function decimalBound(value: unknown): string | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^\d+(\.\d+)?$/.test(text) ? text : undefined;
}

/** A DateInput's "YYYY-MM-DD" as the start of that day in the browser's time zone. */
function startOfDay(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const day = new Date(`${value.slice(0, 10)}T00:00:00`);
  return Number.isNaN(day.getTime()) ? undefined : day.toISOString();
}

/**
 * A moment: an ISO instant as the dashboard's drill-down puts it in the URL, a DateTimeInput's
 * local "YYYY-MM-DDTHH:mm" or a Date, sent as the exact instant.
 */
function instant(value: unknown): string | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' && value.trim() !== '' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

function csatBelow(value: unknown): CustomerFilter['csatBelow'] {
  if (typeof value !== 'object' || value === null) return undefined;
  const { score, withinDays } = value as { score?: unknown; withinDays?: unknown };
  const exactScore = decimalBound(score);
  const days = typeof withinDays === 'string' ? Number(withinDays) : withinDays;
  if (exactScore === undefined || typeof days !== 'number' || !Number.isInteger(days) || days < 1) return undefined;
  return { score: exactScore, withinDays: days };
}

function yesOrNo(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/** The values of `value` that are of the enum, or nothing when none is. */
function enumList<T extends string>(value: unknown, allowed: readonly T[]): T[] | undefined {
  const list = (Array.isArray(value) ? value : [value]).filter((item): item is T => allowed.includes(item as T));
  return list.length ? list : undefined;
}

/**
 * The activity filter a dashboard drill-down puts in the URL (dashboard/drillDown.ts), or nothing
 * when it is not one: an unknown kind or a missing moment drops it whole, unknown narrowing values
 * are left out. Whether a narrowing applies to the kind is the API's rule (it answers INVALID).
 */
export function customerActivity(value: unknown): CustomerActivity | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const input = value as Record<string, unknown>;
  const kind = ACTIVITY_KINDS.find((candidate) => candidate === input.kind);
  const after = instant(input.after);
  const before = instant(input.before);
  if (!kind || !after || !before) return undefined;
  const activity: CustomerActivity = { kind, after, before };
  const teams = enumList(input.teams, enumValues.Team);
  const channels = enumList(input.channels, enumValues.Channel);
  const journeyStages = enumList(input.journeyStages, enumValues.JourneyStage);
  const surveyKinds = enumList(input.surveyKinds, enumValues.SurveyKind);
  if (teams) activity.teams = teams;
  if (channels) activity.channels = channels;
  if (journeyStages) activity.journeyStages = journeyStages;
  if (surveyKinds) activity.surveyKinds = surveyKinds;
  if (typeof input.currency === 'string' && /^[A-Z]{3}$/.test(input.currency)) activity.currency = input.currency;
  return activity;
}

/** react-admin's filter form values → the API's CustomerFilter; incomplete or invalid values are left out. */
export function toCustomerFilter(filter: Record<string, unknown> = {}): CustomerFilter {
  const search = typeof filter.q === 'string' ? filter.q.trim() : '';
  const tags = asList(filter.tags as string | string[])
    ?.map((tag) => tag.trim())
    .filter(Boolean);
  return {
    search: search || undefined,
    lifecycleStages: asList(filter.lifecycleStage as string | string[]),
    segments: asList(filter.segment as string | string[]),
    acquisitionChannels: asList(filter.acquisitionChannel as string | string[]),
    ownerIds: asList(filter.ownerId as string | string[]),
    includeArchived: filter.includeArchived === true ? true : undefined,
    teams: asList(filter.ownerTeam as Team | Team[]),
    tags: tags?.length ? tags : undefined,
    churnRisks: asList(filter.churnRisk as ChurnRisk | ChurnRisk[]),
    healthMin: healthBound(filter.healthMin),
    healthMax: healthBound(filter.healthMax),
    lifetimeValueMin: decimalBound(filter.lifetimeValueMin),
    lifetimeValueMax: decimalBound(filter.lifetimeValueMax),
    latestNpsCategories: asList(filter.latestNpsCategory as NpsCategory | NpsCategory[]),
    hasOpenSlaBreach: yesOrNo(filter.hasOpenSlaBreach),
    lastInteractionAfter: startOfDay(filter.lastInteractionAfter),
    lastInteractionBefore: startOfDay(filter.lastInteractionBefore),
    csatBelow: csatBelow(filter.csatBelow),
    acquiredAfter: instant(filter.acquiredAfter),
    acquiredBefore: instant(filter.acquiredBefore),
    churnedAfter: instant(filter.churnedAfter),
    churnedBefore: instant(filter.churnedBefore),
    notChurnedBefore: instant(filter.notChurnedBefore),
    activity: customerActivity(filter.activity),
  };
}

/** Columns of the list the API can sort by (each column's `source` or `sortBy`). */
const ORDER_FIELDS: Record<string, string> = {
  name: 'NAME',
  createdAt: 'CREATED_AT',
  health: 'HEALTH',
  lifetimeValue: 'LIFETIME_VALUE',
  lastInteractionAt: 'LAST_INTERACTION_AT',
};

/** react-admin's sort → the API's CustomerOrder; fields the API cannot sort by fall back to its default. */
export function toCustomerOrder(sort: GetListParams['sort']) {
  const field = sort && ORDER_FIELDS[sort.field];
  return field ? { field, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' } : undefined;
}

/**
 * The sort to send: ordering by name reveals names, so the API refuses it to a role that may not
 * read personal data (an ANALYST); theirs falls back to the API's default order.
 */
function permittedSort(sort: GetListParams['sort']): GetListParams['sort'] | undefined {
  const role = readSession()?.staffUser.role;
  return sort?.field === 'name' && !can(role, 'read', 'personalData') ? undefined : sort;
}

/** One react-admin page of customers, in requests of at most 100 (the API's cap). */
async function customerPage(
  offset: number,
  perPage: number,
  variables: { filter: CustomerFilter; orderBy: ReturnType<typeof toCustomerOrder> },
  options: RequestOptions,
): Promise<{ data: CustomerListRow[]; total: number }> {
  const data: CustomerListRow[] = [];
  let total = 0;
  do {
    const first = Math.min(MAX_PAGE_SIZE, perPage - data.length);
    const { customers } = await graphqlRequest<{ customers: Connection<CustomerListRow> }>(
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

async function customer360ById(id: string, options: RequestOptions): Promise<Customer360 | null> {
  const { customer } = await graphqlRequest<{ customer: Customer360 | null }>(CUSTOMER_360, { id, recentSince: recentSatisfactionSince() }, options);
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
    return customerPage((page - 1) * perPage, perPage, { filter: toCustomerFilter(filter), orderBy: toCustomerOrder(permittedSort(sort)) }, { signal });
  },

  /** With `meta: CUSTOMER_360_META`: the customer with every figure of the 360 page (see customer360.ts). */
  async getOne({ id, meta, signal }) {
    const customer = wantsCustomer360(meta) ? await customer360ById(String(id), { signal }) : await customerById(String(id), { signal });
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
    return customerPage((page - 1) * perPage, perPage, { filter: customerFilter, orderBy: toCustomerOrder(permittedSort(sort)) }, { signal });
  },
};
