import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { PurchaseKind } from '../../domain/enums.js';
import { Customer } from '../customers/customer.entity.js';

@Entity({ tableName: 'purchase' })
@Index({ name: 'purchase_customer_purchased', properties: ['customer', 'purchasedAt', 'id'] })
@Index({ name: 'purchase_purchased_at', properties: ['purchasedAt'] })
// The metrics report: revenue of a period under a customer filter, and each acquired customer's
// value before the period's end, both read from the index alone.
@Index({
  name: 'purchase_time_amounts',
  expression: `create index "purchase_time_amounts" on "purchase" ("purchased_at") include ("currency", "kind", "amount", "customer_id")`,
})
@Index({
  name: 'purchase_customer_currency_time',
  expression: `create index "purchase_customer_currency_time" on "purchase" ("customer_id", "currency", "purchased_at") include ("kind", "amount")`,
})
// The purchases list ordered by amount.
@Index({ name: 'purchase_amount_id', properties: ['amount', 'id'] })
@Check({ name: 'purchase_amount_not_negative', expression: 'amount >= 0' })
@Check({ name: 'purchase_currency_iso', expression: `currency ~ '^[A-Z]{3}$'` })
export class Purchase extends BaseEntity<'product' | 'externalId' | 'refundOf'> {
  @ManyToOne({ entity: () => Customer })
  customer!: Customer;

  /** Always positive; the kind REFUND makes it count negative in every sum. */
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount!: string;

  @Property({ type: 'string', length: 3, columnType: 'char(3)' })
  currency!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  product: string | null = null;

  @Enum({ items: () => PurchaseKind, type: 'string' })
  kind!: PurchaseKind;

  @Property({ type: 'datetime' })
  purchasedAt!: Date;

  /** For a refund: the purchase it gives money back for. */
  @ManyToOne({ entity: () => Purchase, nullable: true, index: true })
  refundOf: Purchase | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Unique({ name: 'purchase_external_id_unique' })
  externalId: string | null = null;
}
