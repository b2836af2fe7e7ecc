import type { EntityManager } from '@mikro-orm/postgresql';
import { query, textArray } from '../db/sql.js';
import type { Context } from '../graphql/context.js';
import { ErrorCode, type DomainError } from '../graphql/errors.js';
import { createCustomerBatch, customerIdsByExternalId } from '../modules/customers/customer-batch.js';
import type { CustomerCreateInput } from '../modules/customers/customer.mutations.js';
import { logInteractionBatch } from '../modules/interactions/interaction-writes.js';
import type { InteractionLogInput } from '../modules/interactions/interaction.mutations.js';
import { recordPurchaseBatch } from '../modules/purchases/purchase-writes.js';
import type { PurchaseRecordInput } from '../modules/purchases/purchase.mutations.js';
import type { StaffUserType } from '../modules/staff/staff-user.type.js';
import { recordSurveyResponseBatch } from '../modules/surveys/survey-response-writes.js';
import type { SurveyResponseRecordInput } from '../modules/surveys/survey-response.mutations.js';
import type { FieldProblem } from './mapping.js';
import type { ImportKindName } from './targets.js';

/*
 * Each kind's rows go through the same set-based batch service as its GraphQL batch mutation, so
 * an imported row meets exactly the rules an API call meets, and is audited the same way; the
 * services check, inside each batch's transaction, that the importer may `write` imports.
 */

export type Outcome = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface ItemOutcome {
  outcome: Outcome;
  /** Rules the item broke, each with the input field (below the item) it concerns. */
  problems: FieldProblem[];
}

export type Row = Record<string, unknown>;

/** Staff by lowercased email, read once per import (staff lists are short). */
export type StaffDirectory = Map<string, StaffUserType>;

/** The batch mutations report fields as ["input", "items", "3", "email"]; the report wants "email". */
function problemsOf(errors: readonly DomainError[]): FieldProblem[] {
  return errors.map((e) => ({ field: (e.field ?? []).slice(3).join('.'), code: e.code, message: e.message }));
}

function unwrap<T>(kind: string, result: { value: T | null; userErrors: { message: string }[] }): T {
  if (result.userErrors.length || !result.value) throw new Error(`${kind} batch refused: ${result.userErrors.map((e) => e.message).join('; ')}`);
  return result.value;
}

/**
 * Turns the integrator's keys into ids: customerExternalId → customerId (one query per batch),
 * ownerEmail / staffEmail → ownerId / staffId. Returns the problems per row; rows with problems
 * are not written.
 */
export async function resolveReferences(em: EntityManager, rows: Row[], staff: StaffDirectory): Promise<FieldProblem[][]> {
  const externalIds = rows.flatMap((row) => (typeof row.customerExternalId === 'string' ? [row.customerExternalId] : []));
  const customers = externalIds.length ? await customerIdsByExternalId(em, externalIds) : new Map<string, string>();
  return rows.map((row) => {
    const problems: FieldProblem[] = [];
    if (typeof row.customerExternalId === 'string') {
      const id = customers.get(row.customerExternalId);
      if (id && row.customerId === undefined) row.customerId = id;
      else if (!id) problems.push({ field: 'customerExternalId', code: ErrorCode.NOT_FOUND, message: 'no customer has this externalId (import the customers first)' });
      delete row.customerExternalId;
    }
    for (const [emailField, idField] of [['ownerEmail', 'ownerId'], ['staffEmail', 'staffId']] as const) {
      if (typeof row[emailField] !== 'string') continue;
      const member = staff.get((row[emailField] as string).toLowerCase());
      if (member) row[idField] ??= member.id;
      else problems.push({ field: emailField, code: ErrorCode.NOT_FOUND, message: 'no staff member has this email' });
      delete row[emailField];
    }
    return problems;
  });
}

const TABLES: Record<Exclude<ImportKindName, 'customers'>, string> = {
  purchases: 'purchase',
  interactions: 'interaction',
  'survey-responses': 'survey_response',
};

/**
 * The externalIds among `rows` already stored, to tell created rows from known ones: those batch
 * services answer both with the stored record and do not say which it was.
 */
async function storedExternalIds(em: EntityManager, kind: keyof typeof TABLES, rows: Row[]): Promise<Set<string>> {
  const ids = rows.flatMap((row) => (typeof row.externalId === 'string' ? [row.externalId.trim()] : []));
  if (!ids.length) return new Set();
  const found = await query<{ external_id: string }>(em, `select external_id from ${TABLES[kind]} where external_id = any(?::text[])`, [textArray(ids)]);
  return new Set(found.map((row) => row.external_id));
}

async function insertOnly<T>(
  context: Context,
  kind: keyof typeof TABLES,
  rows: Row[],
  write: () => Promise<{ value: { value: T | null; errors: DomainError[] }[] | null; userErrors: { message: string }[] }>,
): Promise<ItemOutcome[]> {
  const known = await storedExternalIds(context.em, kind, rows);
  const results = unwrap(kind, await write());
  return results.map((item, index) => {
    if (item.errors.length) return { outcome: 'rejected', problems: problemsOf(item.errors) };
    const externalId = rows[index]!.externalId;
    return { outcome: typeof externalId === 'string' && known.has(externalId.trim()) ? 'unchanged' : 'created', problems: [] };
  });
}

export const WRITERS: Record<ImportKindName, (context: Context, rows: Row[]) => Promise<ItemOutcome[]>> = {
  async customers(context, rows) {
    const results = unwrap('customers', await createCustomerBatch(context, rows as unknown as CustomerCreateInput[], 'import'));
    return results.map((item) => (item.outcome ? { outcome: item.outcome, problems: [] } : { outcome: 'rejected', problems: problemsOf(item.errors) }));
  },
  purchases: (context, rows) =>
    insertOnly(context, 'purchases', rows, () => recordPurchaseBatch(context, { items: rows as unknown as PurchaseRecordInput[] }, 'import')),
  interactions: (context, rows) =>
    insertOnly(context, 'interactions', rows, () => logInteractionBatch(context, { items: rows as unknown as InteractionLogInput[] }, 'import')),
  'survey-responses': (context, rows) =>
    insertOnly(context, 'survey-responses', rows, () => recordSurveyResponseBatch(context, { items: rows as unknown as SurveyResponseRecordInput[] }, 'import')),
};
