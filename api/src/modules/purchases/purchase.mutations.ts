import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PurchaseKind } from '../../domain/enums.js';
import { UserError } from '../../graphql/errors.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { PurchaseType } from './purchase.type.js';

@InputType({
  description:
    'Money a customer paid. Idempotent by externalId: sending an externalId that is already stored writes nothing and returns the stored purchase as it is; CONFLICT when the stored one has another customer, kind, amount or currency.',
})
export class PurchaseRecordInput {
  @Field(() => ID, { description: 'The customer who paid; must exist.' })
  customerId!: string;

  @Field(() => DecimalScalar, { description: 'Greater than 0, with at most the currency\'s decimals (2 for USD, 0 for JPY).' })
  amount!: string;

  @Field(() => String, { description: 'ISO 4217 code in capitals, e.g. "USD".' })
  currency!: string;

  @Field(() => String, { nullable: true, description: 'Product or plan, at most 200 characters.' })
  product?: string | null;

  @Field(() => PurchaseKind, { description: 'ONE_TIME, SUBSCRIPTION, RENEWAL or EXPANSION; refunds go through purchaseRefund.' })
  kind!: PurchaseKind;

  @Field(() => Date, { nullable: true, description: 'Default now; not before 1970, not in the future.' })
  purchasedAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "The purchase's id in your system (at most 200 characters): unique; sending it again returns the stored purchase unchanged.",
  })
  externalId?: string | null;
}

@InputType({
  description:
    'Gives money back for a purchase: records a REFUND that counts negative. All refunds of a purchase together never exceed its amount. Idempotent by externalId like purchaseRecord.',
})
export class PurchaseRefundInput {
  @Field(() => ID, { description: 'The purchase to refund (not itself a refund).' })
  purchaseId!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "In the purchase's currency, greater than 0 and at most the part not refunded yet; default: all of that part.",
  })
  amount?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the money went back, at most 500 characters; kept in the audit trail.' })
  reason?: string | null;

  @Field(() => Date, { nullable: true, description: 'Default now; not before the purchase, not in the future.' })
  refundedAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "The refund's id in your system: unique; sending it again returns the stored refund unchanged (CONFLICT if it refunds another purchase).",
  })
  externalId?: string | null;
}

@InputType({
  description:
    'Up to 1,000 purchases to record at once. Each item is judged on its own: valid items are written, invalid ones are reported in their result and skipped. Retrying the same batch with externalIds never duplicates.',
})
export class PurchaseRecordBatchInput {
  @Field(() => [PurchaseRecordInput], { description: 'At most 1,000 items (more: INVALID on input.items and nothing is written).' })
  items!: PurchaseRecordInput[];
}

@ObjectType({ description: 'The purchase (or refund) as stored after the mutation, or userErrors and no change.' })
export class PurchasePayload {
  @Field(() => PurchaseType, { nullable: true })
  purchase!: PurchaseType | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType({ description: 'The outcome of one item of a batch: the purchase, or the userErrors that kept it from being written.' })
export class PurchaseRecordBatchResult {
  @Field(() => Int, { description: 'Position of the item in input.items, from 0.' })
  index!: number;

  @Field(() => PurchaseType, { nullable: true, description: 'The written (or, for a known externalId, the stored) purchase; null when the item was rejected.' })
  purchase!: PurchaseType | null;

  @Field(() => [UserError], { description: 'Why the item was rejected; fields are paths like ["input", "items", "3", "amount"].' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'One result per item, in input order; userErrors here concern the whole batch (then nothing is written).' })
export class PurchaseRecordBatchPayload {
  @Field(() => [PurchaseRecordBatchResult])
  results!: PurchaseRecordBatchResult[];

  @Field(() => [UserError])
  userErrors!: UserError[];
}
