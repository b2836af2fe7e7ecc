import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import { query, textArray, uuidArray } from '../../db/sql.js';
import { PurchaseKind } from '../../domain/enums.js';
import type { Context } from '../../graphql/context.js';
import { ErrorCode } from '../../graphql/errors.js';
import { checkBatchSize, onlyItem, type ItemResult } from '../../graphql/batch.js';
import type { MutationResult } from '../../graphql/mutation.js';
import { Validator } from '../../graphql/validation.js';
import { recordDrafts, type DraftRecorder } from '../audit/record-drafts.js';
import { customerWriteProblems } from '../customers/customer.service.js';
import type { PurchaseRecordBatchInput, PurchaseRecordInput } from './purchase.mutations.js';
import { toPurchase, type PurchaseRow, type PurchaseType } from './purchase.type.js';
import { batchWrite, mutateAllowed } from '../access/guard.js';

interface Draft {
  v: Validator;
  id: string;
  customerId: string | null;
  amount: string | null;
  currency: string | null;
  product: string | null;
  kind: PurchaseKind;
  purchasedAt: Date;
  externalId: string | null;
}

/** The fields an audit row shows for a purchase. */
export function purchaseSnapshot(purchase: PurchaseType): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = purchase;
  return fields;
}

/** Whether a stored purchase is the same fact as a draft: a retry, not a reused externalId. */
export function sameFact(stored: PurchaseType, fact: { customerId: string | null; kind: PurchaseKind; amount: string | null; currency: string | null }): boolean {
  return (
    stored.customerId === fact.customerId &&
    stored.kind === fact.kind &&
    stored.currency === fact.currency &&
    fact.amount !== null &&
    new Decimal(stored.amount).equals(fact.amount)
  );
}

function draft(input: PurchaseRecordInput, root: string[], now: Date): Draft {
  const v = new Validator(root);
  const customerId = v.id('customerId', input.customerId);
  const currency = v.currency('currency', input.currency);
  if (input.kind === PurchaseKind.REFUND) v.fail('kind', ErrorCode.INVALID, 'must not be REFUND here: use purchaseRefund, which names the purchase refunded');
  return {
    v,
    id: randomUUID(),
    customerId,
    amount: v.money('amount', input.amount, currency),
    currency,
    product: v.text('product', input.product, { max: 200 }),
    kind: input.kind,
    purchasedAt: (input.purchasedAt ? v.moment('purchasedAt', input.purchasedAt, now) : now) ?? now,
    externalId: v.text('externalId', input.externalId, { max: 200 }),
  };
}

async function checkCustomers(tx: EntityManager, drafts: Draft[]): Promise<void> {
  const ids = [...new Set(drafts.flatMap((d) => (d.customerId ? [d.customerId] : [])))];
  const problems = await customerWriteProblems(tx, ids);
  for (const d of drafts) {
    const problem = d.customerId ? problems.get(d.customerId) : undefined;
    if (problem) d.v.fail('customerId', problem.code, problem.message);
  }
}

/**
 * Inserts every draft with one statement. An externalId already stored (earlier, concurrently, or
 * by an earlier item of this batch) inserts nothing: the item gets the stored purchase, unless
 * that one records a different fact (CONFLICT).
 */
async function insertDrafts(tx: EntityManager, drafts: Draft[]): Promise<Map<Draft, PurchaseType>> {
  const stored = new Map<Draft, PurchaseType>();
  if (!drafts.length) return stored;
  // textArray has no NULL, so '' stands for it in the nullable columns (validated text is never '').
  const text = (pick: (d: Draft) => string | null) => textArray(drafts.map((d) => pick(d) ?? ''));
  const inserted = await query<PurchaseRow>(
    tx,
    `insert into purchase (id, customer_id, amount, currency, product, kind, purchased_at, external_id)
     select t.id, t.customer_id, t.amount, t.currency, nullif(t.product, ''), t.kind, t.purchased_at, nullif(t.external_id, '')
       from unnest(?::uuid[], ?::uuid[], ?::numeric[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[]) with ordinality
            as t(id, customer_id, amount, currency, product, kind, purchased_at, external_id, position)
      order by t.position
     on conflict (external_id) do nothing
     returning *`,
    [
      uuidArray(drafts.map((d) => d.id)),
      uuidArray(drafts.map((d) => d.customerId!)),
      text((d) => d.amount),
      text((d) => d.currency),
      text((d) => d.product),
      text((d) => d.kind),
      text((d) => d.purchasedAt.toISOString()),
      text((d) => d.externalId),
    ],
  );
  const byId = new Map(inserted.map((row) => [row.id, toPurchase(row)]));
  const skipped = drafts.filter((d) => !byId.has(d.id));
  const existing = skipped.length
    ? await query<PurchaseRow>(tx, 'select * from purchase where external_id = any(?::text[])', [textArray(skipped.map((d) => d.externalId!))])
    : [];
  const byExternalId = new Map(existing.map((row) => [row.external_id!, toPurchase(row)]));
  for (const d of drafts) {
    const row = byId.get(d.id) ?? byExternalId.get(d.externalId!);
    if (!row) throw new Error(`purchase ${d.id} was neither inserted nor found by its externalId`);
    if (sameFact(row, d)) stored.set(d, row);
    else d.v.fail('externalId', ErrorCode.CONFLICT, `is already used by purchase ${row.id} with another customer, kind, amount or currency`);
  }
  return stored;
}

/** Purchases and refunds of purchases recorded set-based (see recordDrafts). */
const purchases: DraftRecorder<PurchaseRecordInput, Draft, PurchaseType> = {
  entityType: 'Purchase',
  draft,
  checkReferences: checkCustomers,
  insert: insertDrafts,
  snapshot: purchaseSnapshot,
};


export function recordPurchase(context: Context, input: PurchaseRecordInput): Promise<MutationResult<PurchaseType>> {
  return mutateAllowed(context, 'purchases', async (tx, viewer) => {
    return onlyItem(await recordDrafts(tx, context, viewer, purchases, 'purchaseRecord', [input], () => ['input']));
  });
}

export function recordPurchaseBatch(
  context: Context,
  input: PurchaseRecordBatchInput,
  via: 'api' | 'import' = 'api',
): Promise<MutationResult<ItemResult<PurchaseType>[]>> {
  return mutateAllowed(context, batchWrite('purchases', via), async (tx, viewer) => {
    checkBatchSize(input.items);
    return recordDrafts(tx, context, viewer, purchases, 'purchaseRecordBatch', input.items, (index) => ['input', 'items', String(index)]);
  });
}
