import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { PurchaseKind } from '../../domain/enums.js';
import { Customer } from '../customers/customer.entity.js';

@Entity({ tableName: 'purchase' })
@Index({ name: 'purchase_customer_purchased', properties: ['customer', 'purchasedAt', 'id'] })
@Index({ name: 'purchase_purchased_at', properties: ['purchasedAt'] })
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
