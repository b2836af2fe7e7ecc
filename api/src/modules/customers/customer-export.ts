import { coerceInputValue, isInputType, type GraphQLSchema } from 'graphql';
import { query, timestamp, uuidArray } from '../../db/sql.js';
import type { Context } from '../../graphql/context.js';
import { viewerOf } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { csvLine } from '../../import/csv-reader.js';
import { MASKED, seesPersonalData } from '../access/masking.js';
import { visibleListArgs } from './customer-visibility.js';
import { requirePermission } from '../access/permissions.js';
import { healthOf } from '../health/health.sql.js';
import { toHealth } from '../health/health.js';
import type { CustomerFilter, CustomerOrder, CustomersArgs } from './customer.inputs.js';
import { listCustomers } from './customer.service.js';
import type { CustomerType } from './customer.type.js';

/** What one export spends of the caller's rate-limit budget: as much as a batch of 1,000 writes. */
export const EXPORT_COST = 1_000;

/** Customers per round trip while streaming: large enough to keep the statements few. */
export const EXPORT_BATCH = 1000;

/**
 * The export's arguments as the customers query takes them (JSON in the URL's `filter` and
 * `orderBy`), coerced by the schema's own input types so they mean exactly what they mean in
 * GraphQL — the same enums, dates and decimals, the same errors naming the field.
 */
export function exportArguments(schema: GraphQLSchema, raw: { filter?: unknown; orderBy?: unknown }): { filter: CustomerFilter | null; orderBy: CustomerOrder | null } {
  const coerce = (name: 'filter' | 'orderBy', typeName: string) => {
    const text = raw[name];
    if (text === undefined || text === '') return null;
    if (typeof text !== 'string') throw new DomainError(ErrorCode.INVALID, 'must be given once, as JSON', [name]);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new DomainError(ErrorCode.INVALID, `must be JSON, as the ${typeName} input of the customers query`, [name]);
    }
    const type = schema.getType(typeName);
    if (!type || !isInputType(type)) throw new Error(`the schema has no input type ${typeName}`);
    return coerceInputValue(value, type, (path, _invalid, error) => {
      throw new DomainError(ErrorCode.INVALID, error.message, [name, ...path.map(String)]);
    }) as never;
  };
  return { filter: coerce('filter', 'CustomerFilter'), orderBy: coerce('orderBy', 'CustomerOrder') };
}

const COLUMNS = [
  'id', 'externalId', 'name', 'company', 'email', 'phone', 'kind', 'segment', 'lifecycleStage', 'acquisitionChannel', 'owner', 'tags',
  'acquiredAt', 'churnedAt', 'churnReason', 'historicalLifetimeValue', 'currency', 'healthScore', 'churnRisk', 'latestNpsScore',
  'lastInteractionAt', 'createdAt', 'archivedAt',
] as const;
type Column = (typeof COLUMNS)[number];
const PERSONAL: ReadonlySet<Column> = new Set(['externalId', 'name', 'company', 'email', 'phone']);
const TEXT: ReadonlySet<Column> = new Set(['externalId', 'name', 'company', 'email', 'phone', 'owner', 'tags', 'churnReason']);

/**
 * Free text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first)
 * gets a leading apostrophe, so opening an export never executes what a customer typed.
 */
export function formulaSafe(value: string | null): string | null {
  return value !== null && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

interface ExportRow {
  id: string;
  historical_value: string;
  value_currency: string | null;
  latest_nps_score: number | null;
}

/**
 * Streams every customer the filter selects, in the order asked, as CSV lines: a header, then
 * batches of EXPORT_BATCH customers through the customers list itself (so the file holds exactly
 * what the list shows), each batch with its figures in two more statements. `write` returns a
 * promise that settles when the consumer is ready for more (back-pressure).
 */
export async function exportCustomersCsv(
  context: Context,
  args: { filter: CustomerFilter | null; orderBy: CustomerOrder | null },
  write: (chunk: string) => Promise<void>,
): Promise<number> {
  const viewer = viewerOf(context);
  requirePermission(viewer, 'read', 'customers');
  const personal = seesPersonalData(viewer);
  // The customers list's own refusal of personal search and name order, before the first byte.
  const visible = visibleListArgs(viewer, { filter: args.filter, orderBy: args.orderBy } as CustomersArgs);
  const owners = new Map(
    (await query<{ id: string; name: string }>(context.em, 'select id, name from staff_user')).map((s) => [s.id, s.name] as const),
  );
  await write(csvLine(COLUMNS));
  let after: string | null = null;
  let written = 0;
  for (;;) {
    const page = await listCustomers(context.em, { ...visible, first: EXPORT_BATCH, after } as CustomersArgs, context.now, {
      maxPageSize: EXPORT_BATCH,
    });
    if (!page.nodes.length) break;
    const ids = page.nodes.map((c) => c.id);
    const [figures, health] = await Promise.all([
      query<ExportRow>(context.em, 'select id, historical_value::text, value_currency, latest_nps_score from customer where id = any(?::uuid[])', [uuidArray(ids)]),
      healthOf(context.em, ids, context.now),
    ]);
    const figuresById = new Map(figures.map((f) => [f.id, f]));
    const healthById = new Map(health.map((h) => [h.customer_id, toHealth(h, context.now)]));
    const lines = page.nodes.map((customer) => {
      const values = cells(customer, figuresById.get(customer.id)!, healthById.get(customer.id) ?? null, owners);
      return csvLine(COLUMNS.map((column) => (!personal && PERSONAL.has(column) && values[column] !== null ? MASKED : TEXT.has(column) ? formulaSafe(values[column]) : values[column])));
    });
    await write(lines.join(''));
    written += lines.length;
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return written;
}

function cells(
  customer: CustomerType,
  figures: ExportRow,
  health: { score: number; churnRisk: string } | null,
  owners: Map<string, string>,
): Record<Column, string | null> {
  const iso = (value: Date | string | null) => (value === null ? null : timestamp(value).toISOString());
  return {
    id: customer.id,
    externalId: customer.externalId,
    name: customer.name,
    company: customer.company,
    email: customer.email,
    phone: customer.phone,
    kind: customer.kind,
    segment: customer.segment,
    lifecycleStage: customer.lifecycleStage,
    acquisitionChannel: customer.acquisitionChannel,
    owner: customer.ownerId ? (owners.get(customer.ownerId) ?? null) : null,
    // JSON: a tag may hold any separator a spreadsheet would split on.
    tags: JSON.stringify(customer.tags),
    acquiredAt: iso(customer.acquiredAt),
    churnedAt: iso(customer.churnedAt),
    churnReason: customer.churnReason,
    historicalLifetimeValue: figures.historical_value,
    currency: figures.value_currency,
    healthScore: health ? String(health.score) : null,
    churnRisk: health?.churnRisk ?? null,
    latestNpsScore: figures.latest_nps_score === null ? null : String(figures.latest_nps_score),
    lastInteractionAt: iso(customer.lastInteractionAt),
    createdAt: iso(customer.createdAt),
    archivedAt: iso(customer.archivedAt),
  };
}
