import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { isUuid, query, textArray, timestamp } from '../../db/sql.js';
import type { Context, Viewer } from '../../graphql/context.js';
import { ErrorCode, type DomainError } from '../../graphql/errors.js';
import { checkBatchSize } from '../../graphql/batch.js';
import type { MutationResult } from '../../graphql/mutation.js';
import { Validator } from '../../graphql/validation.js';
import { changedFields, recordAudit, type AuditEntry } from '../audit/audit.service.js';
import { findStaffByIds } from '../staff/staff.service.js';
import { customerCreateValues, snapshot } from './customer-writes.js';
import type { CustomerCreateInput } from './customer.mutations.js';
import { toCustomer, type CustomerRow, type CustomerType } from './customer.type.js';
import { batchWrite, mutateAllowed } from '../access/guard.js';

/** What a valid item did: inserted a customer, changed the one with its externalId, or found it already so. */
export type CustomerItemOutcome = 'created' | 'updated' | 'unchanged';

export interface CustomerItemResult {
  customer: CustomerType | null;
  outcome: CustomerItemOutcome | null;
  errors: DomainError[];
}

type Values = ReturnType<typeof customerCreateValues>;

interface Draft {
  v: Validator;
  values: Values;
  /** The input named no acquiredAt, so the rules defaulted it to now. */
  acquiredAtDefaulted: boolean;
}

/**
 * Columns the batch writes, in the order of the unnest() arrays. Every array travels as text[]:
 * `required` cells are never empty, the others turn '' back into NULL, then into their type.
 */
const COLUMNS = [
  ['kind', 'required'],
  ['name', 'required'],
  ['company', 'text'],
  ['email', 'text'],
  ['phone', 'text'],
  ['segment', 'required'],
  ['persona', 'text'],
  ['lifecycle_stage', 'required'],
  ['acquisition_channel', 'required'],
  ['acquired_at', 'timestamptz'],
  ['churned_at', 'timestamptz'],
  ['churn_reason', 'text'],
  ['owner_id', 'uuid'],
  ['tags', 'text[]'],
  ['locale', 'required'],
  ['external_id', 'text'],
] as const satisfies readonly (readonly [keyof Values, 'required' | 'text' | 'timestamptz' | 'uuid' | 'text[]'])[];

function selectExpression([name, type]: (typeof COLUMNS)[number]): string {
  switch (type) {
    case 'required': return `t.${name}`;
    case 'text': return `nullif(t.${name}, '')`;
    case 'text[]': return `t.${name}::text[]`;
    default: return `nullif(t.${name}, '')::${type}`;
  }
}

/** Text for one cell of the unnest() arrays: '' stands for NULL (validated text is never empty). */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return textArray(value as string[]);
  return String(value);
}

function sameValue(stored: unknown, next: unknown): boolean {
  if (next instanceof Date) return stored !== null && timestamp(stored as string).getTime() === next.getTime();
  if (Array.isArray(next)) return JSON.stringify(stored) === JSON.stringify(next);
  return (stored ?? null) === (next ?? null);
}

/** Every rule of customerCreate, for every item; owners checked with one query for the batch. */
async function validate(tx: EntityManager, inputs: CustomerCreateInput[], rootOf: (index: number) => string[], now: Date): Promise<Draft[]> {
  const drafts = inputs.map((input, index) => {
    const v = new Validator(rootOf(index));
    return { v, values: customerCreateValues(v, input, now), acquiredAtDefaulted: !input.acquiredAt };
  });
  // The same checks, in the same order, as customerCreate's requireActiveOwner.
  const ownerIds = [...new Set(drafts.flatMap((d) => (d.values.owner_id && d.v.id('ownerId', d.values.owner_id) ? [d.values.owner_id] : [])))];
  const activeOwners = new Set(ownerIds.length ? (await findStaffByIds(tx, ownerIds)).filter((s) => s.active).map((s) => s.id) : []);
  const firstWithExternalId = new Map<string, number>();
  drafts.forEach((d, index) => {
    const ownerId = d.values.owner_id;
    if (ownerId && isUuid(ownerId) && !activeOwners.has(ownerId)) d.v.fail('ownerId', ErrorCode.NOT_FOUND, 'is not an active staff member');
    const externalId = d.values.external_id;
    if (!externalId) return;
    const first = firstWithExternalId.get(externalId);
    // One statement cannot upsert a row twice; two items for one customer is the caller's mix-up.
    if (first !== undefined) d.v.fail('externalId', ErrorCode.CONFLICT, `repeats the externalId of item ${first} of this batch`);
    else if (!d.v.errors.length) firstWithExternalId.set(externalId, index);
  });
  return drafts;
}

/** The stored customers the valid drafts name by externalId, locked for this transaction. */
async function lockByExternalId(tx: EntityManager, drafts: Draft[]): Promise<Map<string, CustomerRow>> {
  const externalIds = drafts.flatMap((d) => (d.values.external_id ? [d.values.external_id] : []));
  if (!externalIds.length) return new Map();
  const rows = await query<CustomerRow>(tx, 'select * from customer where external_id = any(?::text[]) order by id for update', [textArray(externalIds)]);
  return new Map(rows.map((row) => [row.external_id!, row]));
}

interface WrittenRow extends CustomerRow {
  inserted: boolean;
}

/**
 * Inserts new customers and updates known ones with one statement; results in the drafts' order.
 * `inserted` tells the two apart even when a concurrent caller inserted the externalId after it was
 * looked up; the id sent for each draft finds the inserted rows, the externalId the updated ones.
 */
async function upsert(tx: EntityManager, drafts: Draft[]): Promise<WrittenRow[]> {
  if (!drafts.length) return [];
  const ids = drafts.map(() => randomUUID());
  const names = COLUMNS.map(([name]) => name);
  const rows = await query<WrittenRow>(
    tx,
    `insert into customer (id, ${names.join(', ')})
     select t.id::uuid, ${COLUMNS.map(selectExpression).join(', ')}
       from unnest(?::text[], ${names.map(() => '?::text[]').join(', ')}) with ordinality as t(id, ${names.join(', ')}, position)
      order by t.position
     on conflict (external_id) do update set ${names
       .filter((c) => c !== 'external_id')
       .map((c) => `${c} = excluded.${c}`)
       .join(', ')}, version = customer.version + 1, updated_at = now()
     returning *, (xmax = 0) as inserted`,
    [textArray(ids), ...COLUMNS.map(([name]) => textArray(drafts.map((d) => cell(d.values[name]))))],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const byExternalId = new Map(rows.flatMap((row) => (row.external_id ? [[row.external_id, row] as const] : [])));
  return drafts.map((d, i) => {
    const row = byId.get(ids[i]!) ?? byExternalId.get(d.values.external_id!);
    if (!row) throw new Error(`customer batch: no row came back for item with externalId ${d.values.external_id}`);
    return row;
  });
}

/**
 * Creates or updates customers set-based: every item checked with customerCreate's rules, then one
 * lock of the customers named by externalId, one upsert of the items that change something and one
 * audit statement — however many items. An item matching its stored customer field for field
 * writes nothing (retries change nothing). A known customer keeps its acquiredAt when the item
 * names none (the rules' default of "now" is for new customers).
 */
export async function writeCustomers(
  tx: EntityManager,
  context: Context,
  viewer: Viewer,
  action: string,
  inputs: CustomerCreateInput[],
  rootOf: (index: number) => string[],
): Promise<CustomerItemResult[]> {
  const drafts = await validate(tx, inputs, rootOf, context.now);
  const valid = drafts.filter((d) => d.v.errors.length === 0);
  const stored = await lockByExternalId(tx, valid);
  const changing: Draft[] = [];
  const unchanged = new Map<Draft, CustomerRow>();
  for (const d of valid) {
    const before = d.values.external_id ? stored.get(d.values.external_id) : undefined;
    if (before && d.acquiredAtDefaulted && before.acquired_at) d.values.acquired_at = new Date(before.acquired_at);
    if (before && COLUMNS.every(([name]) => sameValue(before[name], d.values[name]))) unchanged.set(d, before);
    else changing.push(d);
  }
  const written = await upsert(tx, changing);
  const audit: AuditEntry[] = written.map(({ inserted, ...row }) => {
    const before = inserted ? undefined : stored.get(row.external_id!);
    const diff = before ? changedFields(snapshot(before), snapshot(row)) : { before: null, after: snapshot(row) };
    return { action, entityType: 'Customer', entityId: row.id, customerId: row.id, before: diff.before, after: diff.after };
  });
  await recordAudit(tx, viewer, context.requestId, audit);
  const results = new Map<Draft, CustomerItemResult>();
  changing.forEach((d, i) => {
    const { inserted, ...row } = written[i]!;
    results.set(d, { customer: toCustomer(row), outcome: inserted ? 'created' : 'updated', errors: [] });
  });
  for (const [d, row] of unchanged) results.set(d, { customer: toCustomer(row), outcome: 'unchanged', errors: [] });
  return drafts.map((d) => results.get(d) ?? { customer: null, outcome: null, errors: d.v.errors });
}

/** customerCreateBatch: up to 1,000 items in one transaction; each item written or reported on its own. */
export function createCustomerBatch(
  context: Context,
  items: CustomerCreateInput[],
  via: 'api' | 'import' = 'api',
): Promise<MutationResult<CustomerItemResult[]>> {
  return mutateAllowed(context, batchWrite('customers', via, ['personalData']), async (tx, viewer) => {
    checkBatchSize(items);
    return writeCustomers(tx, context, viewer, 'customerCreateBatch', items, (index) => ['input', 'items', String(index)]);
  });
}

/** Customer ids by externalId, for writers that reference customers the way an integrator's system does. */
export async function customerIdsByExternalId(em: EntityManager, externalIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(externalIds)];
  if (!unique.length) return new Map();
  const rows = await query<{ id: string; external_id: string }>(em, 'select id, external_id from customer where external_id = any(?::text[])', [
    textArray(unique),
  ]);
  return new Map(rows.map((row) => [row.external_id, row.id]));
}
