import type { EntityManager } from '@mikro-orm/postgresql';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { Conditions } from '../../db/sql.js';
import { PurchaseKind } from '../../domain/enums.js';
import { PageArgs, type Connection } from '../../graphql/connection.js';
import { SortDirection } from '../../graphql/enums.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { addIdCondition, addTimeRange, keysetPage, type KeysetOrder } from '../../graphql/keyset-list.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { toPurchase, type PurchaseRow, type PurchaseType } from './purchase.type.js';

@InputType({ description: 'Purchases and refunds across customers; every condition given must hold.' })
export class PurchaseListFilter {
  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => [PurchaseKind], { nullable: true })
  kinds?: PurchaseKind[] | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code, e.g. "USD".' })
  currency?: string | null;

  @Field(() => Date, { nullable: true, description: 'Purchased (or refunded) at or after this moment.' })
  purchasedAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Purchased (or refunded) before this moment.' })
  purchasedBefore?: Date | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount at least this.' })
  amountMin?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount at most this.' })
  amountMax?: string | null;
}

export enum PurchaseOrderField {
  PURCHASED_AT = 'PURCHASED_AT',
  AMOUNT = 'AMOUNT',
}
registerEnumType(PurchaseOrderField, { name: 'PurchaseOrderField', description: 'AMOUNT compares amounts as numbers, whatever their currency: filter by currency to rank like with like.' });

@InputType()
export class PurchaseOrder {
  @Field(() => PurchaseOrderField)
  field!: PurchaseOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction!: SortDirection;
}

@ArgsType()
export class PurchasesArgs extends PageArgs {
  @Field(() => PurchaseListFilter, { nullable: true })
  filter?: PurchaseListFilter | null;

  @Field(() => PurchaseOrder, { nullable: true, description: 'Default: newest first. Ties are broken by id.' })
  orderBy?: PurchaseOrder | null;
}

const ORDER_COLUMNS: Record<PurchaseOrderField, Omit<KeysetOrder, 'direction'>> = {
  [PurchaseOrderField.PURCHASED_AT]: { column: 'p.purchased_at', type: 'timestamptz' },
  [PurchaseOrderField.AMOUNT]: { column: 'p.amount', type: 'numeric' },
};

/** Purchases of every customer, filtered and ordered, by keyset cursor. */
export function listPurchases(em: EntityManager, args: PurchasesArgs): Promise<Connection<PurchaseType>> {
  const filter = args.filter ?? {};
  const where = new Conditions();
  const field = (name: string) => ['filter', name];
  addIdCondition(where, 'p.customer_id', filter.customerId, field('customerId'));
  if (filter.kinds?.length) where.add('p.kind = any(?::text[])', filter.kinds);
  if (filter.currency != null) {
    if (!/^[A-Z]{3}$/.test(filter.currency)) throw new DomainError(ErrorCode.INVALID, 'must be an ISO 4217 code in capitals, e.g. "USD"', field('currency'));
    where.add('p.currency = ?', filter.currency);
  }
  addTimeRange(where, 'p.purchased_at', filter.purchasedAfter, filter.purchasedBefore, field('purchasedBefore'));
  if (filter.amountMin != null) where.add('p.amount >= ?::numeric', filter.amountMin);
  if (filter.amountMax != null) where.add('p.amount <= ?::numeric', filter.amountMax);
  const order = ORDER_COLUMNS[args.orderBy?.field ?? PurchaseOrderField.PURCHASED_AT];
  return keysetPage<PurchaseRow, PurchaseType>(
    em,
    { from: 'purchase p', alias: 'p', where, order: { ...order, direction: args.orderBy?.direction ?? SortDirection.DESC }, toItem: toPurchase },
    args,
  );
}
