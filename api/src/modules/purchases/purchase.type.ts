import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PurchaseKind } from '../../domain/enums.js';
import { timestamp } from '../../db/sql.js';
import { ConnectionType } from '../../graphql/connection.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { instanceOf } from '../../graphql/instances.js';

@ObjectType('Purchase', { description: 'Money a customer paid us, or a refund of it.' })
export class PurchaseType {
  @Field(() => ID)
  id!: string;

  @Field(() => DecimalScalar, { description: 'Exact amount, never negative; a REFUND counts negative in every total.' })
  amount!: string;

  @Field(() => String, { description: 'ISO 4217 code, e.g. "USD".' })
  currency!: string;

  @Field(() => String, { nullable: true })
  product!: string | null;

  @Field(() => PurchaseKind)
  kind!: PurchaseKind;

  @Field(() => Date)
  purchasedAt!: Date;

  @Field(() => String, { nullable: true, description: "The purchase's id in the integrator's system; unique." })
  externalId!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Int)
  version!: number;

  customerId!: string;
  refundOfId!: string | null;
}

export const PurchaseConnection = ConnectionType(PurchaseType, 'Purchase');

export interface PurchaseRow {
  id: string;
  customer_id: string;
  amount: string;
  currency: string;
  product: string | null;
  kind: PurchaseKind;
  purchased_at: string;
  refund_of_id: string | null;
  external_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export function toPurchase(row: PurchaseRow): PurchaseType {
  return instanceOf(PurchaseType, {
    id: row.id,
    customerId: row.customer_id,
    amount: row.amount,
    currency: row.currency,
    product: row.product,
    kind: row.kind,
    purchasedAt: timestamp(row.purchased_at),
    refundOfId: row.refund_of_id,
    externalId: row.external_id,
    createdAt: timestamp(row.created_at),
    updatedAt: timestamp(row.updated_at),
    version: row.version,
  });
}
