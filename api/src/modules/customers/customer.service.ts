import type { EntityManager } from '@mikro-orm/postgresql';
import { Conditions, isTimestampText, isUuid, likeContains, query, rowsByIds } from '../../db/sql.js';
import { decodeCursor, MAX_PAGE_SIZE, pageSize, toConnection, type Connection } from '../../graphql/connection.js';
import { SortDirection } from '../../graphql/enums.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { healthSelectMany } from '../health/health.sql.js';
import { customersWithOpenBreach } from '../sla/sla.sql.js';
import { NpsCategory } from '../surveys/satisfaction.type.js';
import { CustomerActivityKind, CustomerOrderField, type CustomerActivityFilter, type CustomerFilter, type CustomersArgs } from './customer.inputs.js';
import { toCustomer, type CustomerRow, type CustomerType } from './customer.type.js';

const DECIMAL = /^-?\d{1,15}(\.\d{1,4})?$/;
const INTEGER = /^-?\d{1,9}$/;

interface SortColumn {
  /** SQL expression of the sort key; `h` is the health row when the query joins it. */
  expression: string;
  cast: string;
  /** Whether a cursor's sort value can be compared with this column. */
  accepts(value: string): boolean;
  needsHealth?: boolean;
}

const SORT_COLUMNS: Record<CustomerOrderField, SortColumn> = {
  [CustomerOrderField.NAME]: { expression: 'c.name', cast: 'text', accepts: () => true },
  [CustomerOrderField.CREATED_AT]: { expression: 'c.created_at', cast: 'timestamptz', accepts: isTimestampText },
  [CustomerOrderField.LIFETIME_VALUE]: { expression: 'c.historical_value', cast: 'numeric', accepts: (v) => DECIMAL.test(v) },
  [CustomerOrderField.LAST_INTERACTION_AT]: {
    // Matches the customer_last_interaction_id index expression.
    expression: `coalesce(c.last_interaction_at, '-infinity'::timestamptz)`,
    cast: 'timestamptz',
    accepts: (v) => v === '-infinity' || isTimestampText(v),
  },
  [CustomerOrderField.HEALTH]: { expression: 'h.score', cast: 'int', accepts: (v) => INTEGER.test(v), needsHealth: true },
};

const MAX_OFFSET = 1_000_000;
/** The database's text of each listed customer's sort key (keeps microseconds and exact decimals). */
const sortKeys = new WeakMap<CustomerType, string>();

const NPS_RANGES: Record<NpsCategory, string> = {
  [NpsCategory.PROMOTER]: 'c.latest_nps_score >= 9',
  [NpsCategory.PASSIVE]: 'c.latest_nps_score between 7 and 8',
  [NpsCategory.DETRACTOR]: 'c.latest_nps_score <= 6',
};

export async function findCustomersByIds(em: EntityManager, ids: readonly string[]): Promise<CustomerType[]> {
  return (await rowsByIds<CustomerRow>(em, 'customer', ids)).map(toCustomer);
}

/** Why a customer cannot take new rows (interactions, purchases, answers, handoffs), if it cannot. */
export interface CustomerWriteProblem {
  code: ErrorCode;
  message: string;
}

/**
 * The customers among `ids` that cannot take new rows, with the reason: unknown (NOT_FOUND) or
 * erased (INVALID_TRANSITION — after a privacy erasure nothing new may be recorded about the
 * person). One statement for the whole batch; ids absent from the answer are fine.
 */
export async function customerWriteProblems(em: EntityManager, ids: readonly string[]): Promise<Map<string, CustomerWriteProblem>> {
  const unique = [...new Set(ids)];
  const found = new Map((unique.length ? await findCustomersByIds(em, unique) : []).map((c) => [c.id, c] as const));
  const problems = new Map<string, CustomerWriteProblem>();
  for (const id of unique) {
    const customer = found.get(id);
    if (!customer) problems.set(id, { code: ErrorCode.NOT_FOUND, message: 'does not exist' });
    else if (customer.erasedAt) {
      problems.set(id, { code: ErrorCode.INVALID_TRANSITION, message: "this customer's personal data was erased: nothing new can be recorded about them" });
    }
  }
  return problems;
}

function invalid(field: string[], message: string): DomainError {
  return new DomainError(ErrorCode.INVALID, message, field);
}

type ActivityNarrowing = 'teams' | 'channels' | 'journeyStages' | 'surveyKinds' | 'currency';

/** Per activity kind: its table, time column, extra condition and the column of each narrowing that applies. */
const ACTIVITY_TABLES: Record<CustomerActivityKind, { table: string; time: string; where?: string; columns: Partial<Record<ActivityNarrowing, string>> }> = {
  [CustomerActivityKind.SURVEY_ANSWER]: {
    table: 'survey_response',
    time: 'responded_at',
    columns: { teams: 'team', channels: 'channel', journeyStages: 'journey_stage', surveyKinds: 'kind' },
  },
  [CustomerActivityKind.PURCHASE]: { table: 'purchase', time: 'purchased_at', columns: { currency: 'currency' } },
  [CustomerActivityKind.INBOUND_INTERACTION]: {
    table: 'interaction',
    time: 'occurred_at',
    where: `x.direction = 'INBOUND'`,
    columns: { teams: 'team', channels: 'channel', journeyStages: 'journey_stage' },
  },
  [CustomerActivityKind.HANDOFF_REQUEST]: { table: 'handoff', time: 'requested_at', columns: { teams: 'to_team' } },
};

/** "Has at least one such row in [after, before)": an exists on the child table's (customer_id, time, id) index. */
function addActivityCondition(where: Conditions, activity: CustomerActivityFilter): void {
  const field = (name: string) => ['filter', 'activity', name];
  const spec = ACTIVITY_TABLES[activity.kind];
  if (!(activity.after.getTime() < activity.before.getTime())) throw invalid(field('before'), 'must be later than after');
  const conditions = [`x.customer_id = c.id`, `x.${spec.time} >= ?`, `x.${spec.time} < ?`];
  const params: unknown[] = [activity.after, activity.before];
  if (spec.where) conditions.push(spec.where);
  for (const name of ['teams', 'channels', 'journeyStages', 'surveyKinds', 'currency'] as const) {
    const value = activity[name];
    if (value == null) continue;
    const column = spec.columns[name];
    if (!column) throw invalid(field(name), `does not apply to ${activity.kind} activity`);
    if (name === 'currency') {
      if (!/^[A-Z]{3}$/.test(value as string)) throw invalid(field(name), 'must be an ISO 4217 code in capitals, e.g. "USD"');
      conditions.push(`x.${column} = ?`);
      params.push(value);
    } else if ((value as string[]).length) {
      conditions.push(`x.${column} = any(?::text[])`);
      params.push(value);
    }
  }
  where.add(`exists (select 1 from ${spec.table} x where ${conditions.join(' and ')})`, ...params);
}

/** Conditions on the customer row itself (and its own indexed rollups). */
function customerConditions(filter: CustomerFilter | null | undefined, now: Date): Conditions {
  const where = new Conditions();
  if (!filter?.includeArchived) where.add('c.archived_at is null');
  if (!filter) return where;
  const path = (...rest: string[]) => ['filter', ...rest];
  if (filter.lifecycleStages?.length) where.add('c.lifecycle_stage = any(?::text[])', filter.lifecycleStages);
  if (filter.segments?.length) where.add('c.segment = any(?::text[])', filter.segments);
  if (filter.acquisitionChannels?.length) where.add('c.acquisition_channel = any(?::text[])', filter.acquisitionChannels);
  if (filter.ownerIds?.length) {
    const bad = filter.ownerIds.findIndex((id) => !isUuid(id));
    if (bad >= 0) throw invalid(path('ownerIds', String(bad)), 'must be a staff user id');
    where.add('c.owner_id = any(?::uuid[])', filter.ownerIds);
  }
  if (filter.teams?.length) where.add('c.owner_id in (select s.id from staff_user s where s.team = any(?::text[]))', filter.teams);
  if (filter.tags?.length) {
    const bad = filter.tags.findIndex((tag) => !tag.trim() || tag.length > 50);
    if (bad >= 0) throw invalid(path('tags', String(bad)), 'must be 1 to 50 characters');
    where.add('c.tags && ?::text[]', filter.tags);
  }
  const search = filter.search?.trim();
  if (search) {
    if (search.length > 200) throw invalid(path('search'), 'must be at most 200 characters');
    where.add(`lower(c.name || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.company, '')) like ?`, likeContains(search));
  }
  if (filter.lifetimeValueMin != null) where.add('c.historical_value >= ?::numeric', filter.lifetimeValueMin);
  if (filter.lifetimeValueMax != null) where.add('c.historical_value <= ?::numeric', filter.lifetimeValueMax);
  if (filter.latestNpsCategories?.length) {
    where.add(`(${filter.latestNpsCategories.map((category) => NPS_RANGES[category]).join(' or ')})`);
  }
  if (filter.lastInteractionAfter) where.add('c.last_interaction_at >= ?', filter.lastInteractionAfter);
  if (filter.lastInteractionBefore) where.add('(c.last_interaction_at is null or c.last_interaction_at < ?)', filter.lastInteractionBefore);
  if (filter.acquiredAfter) where.add('c.acquired_at >= ?', filter.acquiredAfter);
  if (filter.acquiredBefore) where.add('c.acquired_at < ?', filter.acquiredBefore);
  if (filter.churnedAfter) where.add('c.churned_at >= ?', filter.churnedAfter);
  if (filter.churnedBefore) where.add('c.churned_at < ?', filter.churnedBefore);
  if (filter.notChurnedBefore) where.add('(c.churned_at is null or c.churned_at >= ?)', filter.notChurnedBefore);
  if (filter.hasOpenSlaBreach != null) {
    const breached = customersWithOpenBreach(now);
    where.add(`c.id ${filter.hasOpenSlaBreach ? 'in' : 'not in'} (${breached.sql})`, ...breached.params);
  }
  if (filter.csatBelow) {
    const { score, withinDays } = filter.csatBelow;
    if (withinDays < 1 || withinDays > 3650) throw invalid(path('csatBelow', 'withinDays'), 'must be between 1 and 3650');
    if (Number(score) < 0 || Number(score) > 100) throw invalid(path('csatBelow', 'score'), 'must be between 0 and 100');
    where.add(
      `(select 100.0 * count(*) filter (where s.score >= 4) / nullif(count(*), 0) from survey_response s
         where s.customer_id = c.id and s.kind = 'CSAT' and s.responded_at >= ? and s.responded_at < ?) < ?::numeric`,
      new Date(now.getTime() - withinDays * 86_400_000),
      now,
      score,
    );
  }
  if (filter.activity) addActivityCondition(where, filter.activity);
  return where;
}

/** Conditions on the health row `h`, or null when the filter does not need health. */
function healthConditions(filter: CustomerFilter | null | undefined): Conditions | null {
  if (!filter || (!filter.churnRisks?.length && filter.healthMin == null && filter.healthMax == null)) return null;
  for (const [name, value] of [['healthMin', filter.healthMin], ['healthMax', filter.healthMax]] as const) {
    if (value != null && (value < 0 || value > 100)) throw invalid(['filter', name], 'must be between 0 and 100');
  }
  const where = new Conditions();
  if (filter.churnRisks?.length) where.add('h.churn_risk = any(?::text[])', filter.churnRisks);
  if (filter.healthMin != null) where.add('h.score >= ?', filter.healthMin);
  if (filter.healthMax != null) where.add('h.score <= ?', filter.healthMax);
  return where;
}

/** The FROM clause: customers, joined to their health now when a filter or the order needs it. */
function source(customers: Conditions, needsHealth: boolean, now: Date): { sql: string; params: unknown[] } {
  // A subquery PostgreSQL flattens, so outer conditions (cursor, health) can follow.
  if (!needsHealth) return { sql: `(select * from customer c ${customers.sql}) as c`, params: customers.params };
  // Health is computed only for the customers the other conditions let through.
  const health = healthSelectMany(`(select * from customer c ${customers.sql}) as c`, customers.params, now);
  return { sql: `(${health.sql}) as h join customer c on c.id = h.customer_id`, params: health.params };
}

/**
 * One page of customers: filtered, ordered by the chosen key with id as tie-break, paged by
 * keyset cursor (or by offset for page jumps). The total is counted only if asked for.
 */
export async function listCustomers(
  em: EntityManager,
  args: CustomersArgs,
  now: Date,
  { maxPageSize = MAX_PAGE_SIZE }: { maxPageSize?: number } = {},
): Promise<Connection<CustomerType>> {
  const limit = pageSize(args.first, ['first'], maxPageSize);
  if (args.offset != null && (args.offset < 0 || args.offset > MAX_OFFSET)) {
    throw invalid(['offset'], `must be between 0 and ${MAX_OFFSET}`);
  }
  if (args.offset != null && args.after != null) {
    throw invalid(['offset'], 'cannot be combined with after: page by cursor or by offset');
  }
  const order = SORT_COLUMNS[args.orderBy?.field ?? CustomerOrderField.NAME];
  const descending = args.orderBy?.direction === SortDirection.DESC;
  const health = healthConditions(args.filter);
  const from = source(customerConditions(args.filter, now), Boolean(health || order.needsHealth), now);

  const page = new Conditions();
  for (const condition of [health]) if (condition) page.add(condition.sql.replace(/^where /, ''), ...condition.params);
  const pageCount = page.params.length;
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    if (typeof value !== 'string' || !isUuid(id) || !order.accepts(value)) {
      throw invalid(['after'], 'is not a cursor of this ordering');
    }
    page.add(`(${order.expression}, c.id) ${descending ? '<' : '>'} (?::${order.cast}, ?::uuid)`, value, id);
  }
  const direction = descending ? 'desc' : 'asc';
  const rows = await query<CustomerRow & { sort_key: string }>(
    em,
    `select c.*, (${order.expression})::text as sort_key from ${from.sql} ${page.sql}
      order by ${order.expression} ${direction}, c.id ${direction} limit ? offset ?`,
    [...from.params, ...page.params, limit + 1, args.offset ?? 0],
  );
  const customers = rows.map((row) => {
    const customer = toCustomer(row);
    sortKeys.set(customer, row.sort_key);
    return customer;
  });
  const counted = new Conditions();
  if (pageCount) counted.add(health!.sql.replace(/^where /, ''), ...health!.params);
  return toConnection(
    customers,
    limit,
    (c) => [sortKeys.get(c) ?? null, c.id],
    async () => {
      const [{ count }] = (await query<{ count: string }>(em, `select count(*) from ${from.sql} ${counted.sql}`, [...from.params, ...counted.params])) as [
        { count: string },
      ];
      return Number(count);
    },
    Boolean(args.after) || (args.offset ?? 0) > 0,
  );
}

/**
 * Conditions on `c` selecting the customers a filter describes, health conditions included: the
 * scope of reports (metrics), which must mean exactly what the customers list means.
 */
export function customerScope(filter: CustomerFilter | null | undefined, now: Date): Conditions {
  const where = customerConditions(filter, now);
  const health = healthConditions(filter);
  if (health) {
    const select = healthSelectMany('customer c', [], now);
    where.add(`c.id in (select h.customer_id from (${select.sql}) as h ${health.sql})`, ...select.params, ...health.params);
  }
  return where;
}
