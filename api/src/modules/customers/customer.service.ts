import type { EntityManager } from '@mikro-orm/postgresql';
import { Conditions, isTimestampText, isUuid, likeContains, query, uuidArray } from '../../db/sql.js';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../graphql/connection.js';
import { SortDirection } from '../../graphql/enums.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { CustomerOrderField, type CustomerFilter, type CustomersArgs } from './customer.inputs.js';
import { toCustomer, type CustomerRow, type CustomerType } from './customer.type.js';

interface SortColumn {
  column: string;
  cursorValue(customer: CustomerType): string;
  /** Whether a cursor's sort value can be compared with this column. */
  accepts(value: string): boolean;
}

const SORT_COLUMNS: Record<CustomerOrderField, SortColumn> = {
  [CustomerOrderField.NAME]: { column: 'c.name', cursorValue: (c) => c.name, accepts: () => true },
  [CustomerOrderField.CREATED_AT]: {
    column: 'c.created_at',
    // The database's text keeps microseconds, which a JS Date would drop.
    cursorValue: (c) => createdAtKeys.get(c) ?? c.createdAt.toISOString(),
    accepts: isTimestampText,
  },
};

const MAX_OFFSET = 1_000_000;
const createdAtKeys = new WeakMap<CustomerType, string>();

export async function findCustomersByIds(em: EntityManager, ids: readonly string[]): Promise<CustomerType[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  const rows = await query<CustomerRow>(em, 'select c.* from customer c where c.id = any(?::uuid[])', [uuidArray(valid)]);
  return rows.map(toCustomer);
}

function filterConditions(filter: CustomerFilter | null | undefined): Conditions {
  const where = new Conditions();
  if (!filter?.includeArchived) where.add('c.archived_at is null');
  if (!filter) return where;
  if (filter.lifecycleStages?.length) where.add('c.lifecycle_stage = any(?::text[])', filter.lifecycleStages);
  if (filter.segments?.length) where.add('c.segment = any(?::text[])', filter.segments);
  if (filter.acquisitionChannels?.length) where.add('c.acquisition_channel = any(?::text[])', filter.acquisitionChannels);
  if (filter.ownerIds?.length) {
    const bad = filter.ownerIds.findIndex((id) => !isUuid(id));
    if (bad >= 0) throw new DomainError(ErrorCode.INVALID, 'must be a staff user id', ['filter', 'ownerIds', String(bad)]);
    where.add('c.owner_id = any(?::uuid[])', filter.ownerIds);
  }
  const search = filter.search?.trim();
  if (search) {
    if (search.length > 200) throw new DomainError(ErrorCode.INVALID, 'must be at most 200 characters', ['filter', 'search']);
    where.add(`lower(c.name || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.company, '')) like ?`, likeContains(search));
  }
  return where;
}

/**
 * One page of customers: filtered, ordered by the chosen column with id as tie-break, paged by
 * keyset cursor (or by offset for page jumps). The total is counted only if asked for.
 */
export async function listCustomers(em: EntityManager, args: CustomersArgs): Promise<Connection<CustomerType>> {
  const limit = pageSize(args.first);
  if (args.offset != null && (args.offset < 0 || args.offset > MAX_OFFSET)) {
    throw new DomainError(ErrorCode.INVALID, `must be between 0 and ${MAX_OFFSET}`, ['offset']);
  }
  if (args.offset != null && args.after != null) {
    throw new DomainError(ErrorCode.INVALID, 'cannot be combined with after: page by cursor or by offset', ['offset']);
  }
  const order = SORT_COLUMNS[args.orderBy?.field ?? CustomerOrderField.NAME];
  const descending = args.orderBy?.direction === SortDirection.DESC;
  const filter = filterConditions(args.filter);
  const page = filterConditions(args.filter);
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    if (typeof value !== 'string' || !isUuid(id) || !order.accepts(value)) {
      throw new DomainError(ErrorCode.INVALID, 'is not a cursor of this ordering', ['after']);
    }
    page.add(`(${order.column}, c.id) ${descending ? '<' : '>'} (?, ?::uuid)`, value, id);
  }
  const direction = descending ? 'desc' : 'asc';
  const rows = await query<CustomerRow & { created_at_key: string }>(
    em,
    `select c.*, c.created_at::text as created_at_key from customer c ${page.sql} order by ${order.column} ${direction}, c.id ${direction} limit ? offset ?`,
    [...page.params, limit + 1, args.offset ?? 0],
  );
  const customers = rows.map((row) => {
    const customer = toCustomer(row);
    createdAtKeys.set(customer, row.created_at_key);
    return customer;
  });
  return toConnection(
    customers,
    limit,
    (c) => [order.cursorValue(c), c.id],
    async () => {
      const [{ count }] = (await query<{ count: string }>(em, `select count(*) from customer c ${filter.sql}`, filter.params)) as [{ count: string }];
      return Number(count);
    },
    Boolean(args.after) || (args.offset ?? 0) > 0,
  );
}
