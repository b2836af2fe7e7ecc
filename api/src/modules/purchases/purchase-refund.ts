import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import { query } from '../../db/sql.js';
import { PurchaseKind } from '../../domain/enums.js';
import type { Context } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import type { MutationResult } from '../../graphql/mutation.js';
import { currencyScale, Validator } from '../../graphql/validation.js';
import { recordAudit } from '../audit/audit.service.js';
import { purchaseSnapshot } from './purchase-writes.js';
import type { PurchaseRefundInput } from './purchase.mutations.js';
import { toPurchase, type PurchaseRow, type PurchaseType } from './purchase.type.js';
import { mutateAllowed } from '../access/guard.js';

function money(amount: Decimal, currency: string): string {
  return `${amount.toFixed(Math.max(currencyScale(currency), amount.decimalPlaces()))} ${currency}`;
}

/** The stored refund an externalId names: a retry of this refund, or a CONFLICT. */
async function refundByExternalId(tx: EntityManager, externalId: string, original: PurchaseType): Promise<PurchaseType | null> {
  const [row] = await query<PurchaseRow>(tx, 'select * from purchase where external_id = ?', [externalId]);
  if (!row) return null;
  if (row.refund_of_id !== original.id) {
    throw new DomainError(ErrorCode.CONFLICT, `is already used by purchase ${row.id}, which is not a refund of this purchase`, ['input', 'externalId']);
  }
  return toPurchase(row);
}

/** The purchase to refund, locked until commit; a missing one is reported on `v`. */
async function lockPurchase(tx: EntityManager, v: Validator, id: string): Promise<PurchaseType | null> {
  const [row] = await query<PurchaseRow>(tx, 'select * from purchase where id = ? for update', [id]);
  if (!row) v.fail('purchaseId', ErrorCode.NOT_FOUND, 'does not exist');
  return row ? toPurchase(row) : null;
}

/**
 * Records a REFUND of a purchase. The purchase row stays locked until commit, so concurrent
 * refunds of one purchase queue up and each sees the ones before it: their sum never exceeds the
 * purchase's amount.
 */
export function refundPurchase(context: Context, input: PurchaseRefundInput): Promise<MutationResult<PurchaseType>> {
  return mutateAllowed(context, 'purchases', async (tx, viewer) => {
    const v = new Validator();
    const purchaseId = v.id('purchaseId', input.purchaseId);
    const reason = v.text('reason', input.reason, { max: 500 });
    const refundedAt = (input.refundedAt ? v.moment('refundedAt', input.refundedAt, context.now) : context.now) ?? context.now;
    const externalId = v.text('externalId', input.externalId, { max: 200 });
    const found = purchaseId ? await lockPurchase(tx, v, purchaseId) : null;
    const requested = input.amount === null || input.amount === undefined ? null : v.money('amount', input.amount, found?.currency ?? null);
    v.check();
    const original = found!; // check() has thrown unless the purchase was found

    if (original.kind === PurchaseKind.REFUND) {
      throw new DomainError(ErrorCode.INVALID, 'is itself a refund; refund the original purchase instead', ['input', 'purchaseId']);
    }
    const retried = externalId ? await refundByExternalId(tx, externalId, original) : null;
    if (retried) return retried;

    const [sum] = await query<{ refunded: string }>(tx, 'select coalesce(sum(amount), 0)::text as refunded from purchase where refund_of_id = ?', [original.id]);
    const refunded = sum!.refunded;
    const remaining = new Decimal(original.amount).minus(refunded);
    if (remaining.lessThanOrEqualTo(0)) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `is already fully refunded (${money(new Decimal(refunded), original.currency)})`, [
        'input',
        'purchaseId',
      ]);
    }
    const amount = requested === null ? remaining : new Decimal(requested);
    const errors = new Validator();
    if (amount.greaterThan(remaining)) {
      errors.fail('amount', ErrorCode.INVALID, `must be at most ${money(remaining, original.currency)}, the part of the purchase not refunded yet`);
    }
    if (refundedAt < original.purchasedAt) {
      errors.fail('refundedAt', ErrorCode.INVALID, `must not be before the purchase (${original.purchasedAt.toISOString()})`);
    }
    errors.check();

    const [inserted] = await query<PurchaseRow>(
      tx,
      `insert into purchase (id, customer_id, amount, currency, product, kind, purchased_at, refund_of_id, external_id)
       values (?, ?, ?, ?, ?, 'REFUND', ?, ?, ?)
       on conflict (external_id) do nothing
       returning *`,
      [randomUUID(), original.customerId, amount.toFixed(), original.currency, original.product, refundedAt, original.id, externalId],
    );
    if (!inserted) {
      // Another transaction took this externalId meanwhile (for another purchase: this one is locked).
      const stored = await refundByExternalId(tx, externalId!, original);
      if (!stored) throw new Error(`refund with externalId ${externalId} was neither inserted nor found`);
      return stored;
    }
    const refund = toPurchase(inserted);
    await recordAudit(tx, viewer, context.requestId, [
      {
        action: 'purchaseRefund',
        entityType: 'Purchase',
        entityId: refund.id,
        customerId: refund.customerId,
        before: null,
        after: { ...purchaseSnapshot(refund), reason },
      },
    ]);
    return refund;
  });
}
