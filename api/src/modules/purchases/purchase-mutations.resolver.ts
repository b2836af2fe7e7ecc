import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { toUserError } from '../../graphql/errors.js';
import type { MutationResult } from '../../graphql/mutation.js';
import { refundPurchase } from './purchase-refund.js';
import { recordPurchase, recordPurchaseBatch } from './purchase-writes.js';
import {
  PurchasePayload,
  PurchaseRecordBatchInput,
  PurchaseRecordBatchPayload,
  PurchaseRecordInput,
  PurchaseRefundInput,
} from './purchase.mutations.js';
import type { PurchaseType } from './purchase.type.js';

const payload = async (result: Promise<MutationResult<PurchaseType>>): Promise<PurchasePayload> => {
  const { value, userErrors } = await result;
  return { purchase: value, userErrors };
};

@Resolver()
export class PurchaseMutationsResolver {
  @Mutation(() => PurchasePayload, { description: 'Records a purchase (for a known externalId: returns the stored one).' })
  purchaseRecord(@Arg('input', () => PurchaseRecordInput) input: PurchaseRecordInput, @Ctx() context: Context): Promise<PurchasePayload> {
    return payload(recordPurchase(context, input));
  }

  @Mutation(() => PurchaseRecordBatchPayload, {
    description: 'Records up to 1,000 purchases in one transaction: valid items are written, invalid ones reported per item.',
  })
  async purchaseRecordBatch(
    @Arg('input', () => PurchaseRecordBatchInput) input: PurchaseRecordBatchInput,
    @Ctx() context: Context,
  ): Promise<PurchaseRecordBatchPayload> {
    const { value, userErrors } = await recordPurchaseBatch(context, input);
    const results = (value ?? []).map((item, index) => ({ index, purchase: item.value, userErrors: item.errors.map(toUserError) }));
    return { results, userErrors };
  }

  @Mutation(() => PurchasePayload, { description: 'Refunds all or part of a purchase; returns the REFUND (for a known externalId: the stored one).' })
  purchaseRefund(@Arg('input', () => PurchaseRefundInput) input: PurchaseRefundInput, @Ctx() context: Context): Promise<PurchasePayload> {
    return payload(refundPurchase(context, input));
  }
}
