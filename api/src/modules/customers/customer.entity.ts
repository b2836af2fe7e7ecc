import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { AcquisitionChannel, CustomerKind, LifecycleStage, Segment } from '../../domain/enums.js';
import { StaffUser } from '../staff/staff-user.entity.js';

@Entity({ tableName: 'customer' })
@Check({ name: 'customer_churn_consistent', expression: `(lifecycle_stage = 'CHURNED') = (churned_at is not null)` })
@Check({ name: 'customer_erased_has_no_contacts', expression: 'erased_at is null or (email is null and phone is null and company is null and external_id is null)' })
@Index({ name: 'customer_search_trgm', expression: `create index "customer_search_trgm" on "customer" using gin ((lower(name || ' ' || coalesce(email, '') || ' ' || coalesce(company, ''))) gin_trgm_ops)` })
@Index({ name: 'customer_name_id', properties: ['name', 'id'] })
@Index({ name: 'customer_created_at_id', properties: ['createdAt', 'id'] })
@Index({ name: 'customer_acquired_at_id', properties: ['acquiredAt', 'id'] })
@Index({ name: 'customer_tags_gin', expression: 'create index "customer_tags_gin" on "customer" using gin ("tags")' })
@Index({ name: 'customer_historical_value_id', properties: ['historicalValue', 'id'] })
@Index({
  name: 'customer_last_interaction_id',
  expression: `create index "customer_last_interaction_id" on "customer" ((coalesce(last_interaction_at, '-infinity'::timestamptz)), "id")`,
})
@Index({ name: 'customer_latest_nps_score', properties: ['latestNpsScore'] })
// Churned customers by churn date: the churned-date filters.
@Index({ name: 'customer_churned_at', expression: `create index "customer_churned_at" on "customer" ("churned_at") where churned_at is not null` })
// The few archived customers: reports leave their rows out with an anti-join on this index.
@Index({ name: 'customer_archived', expression: `create index "customer_archived" on "customer" ("id") where archived_at is not null` })
export class Customer extends BaseEntity<'kind' | 'tags' | 'company' | 'email' | 'phone' | 'persona' | 'acquiredAt' | 'churnedAt' | 'churnReason' | 'owner' | 'locale' | 'externalId' | 'archivedAt' | 'historicalValue' | 'valueCurrency' | 'lastInteractionAt' | 'latestNpsScore' | 'latestNpsAt' | 'erasedAt' | 'purchaseCurrencies' | 'lastPurchasedAt'> {
  @Enum({ items: () => CustomerKind, type: 'string', default: CustomerKind.PERSON })
  kind: CustomerKind = CustomerKind.PERSON;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  company: string | null = null;

  @Property({ type: 'string', length: 254, nullable: true })
  email: string | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  phone: string | null = null;

  @Enum({ items: () => Segment, type: 'string' })
  @Index()
  segment!: Segment;

  @Property({ type: 'string', length: 100, nullable: true })
  persona: string | null = null;

  @Enum({ items: () => LifecycleStage, type: 'string' })
  @Index()
  lifecycleStage!: LifecycleStage;

  @Enum({ items: () => AcquisitionChannel, type: 'string' })
  @Index()
  acquisitionChannel!: AcquisitionChannel;

  @Property({ type: 'datetime', nullable: true })
  acquiredAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  churnedAt: Date | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  churnReason: string | null = null;

  @ManyToOne({ entity: () => StaffUser, nullable: true, index: true })
  owner: StaffUser | null = null;

  @Property({ type: 'string[]', default: '{}' })
  tags: string[] = [];

  @Property({ type: 'string', length: 35, default: 'en' })
  locale: string = 'en';

  @Property({ type: 'string', length: 200, nullable: true })
  @Unique({ name: 'customer_external_id_unique' })
  externalId: string | null = null;

  /** Archived customers keep their history but leave default lists. */
  @Property({ type: 'datetime', nullable: true })
  archivedAt: Date | null = null;

  /** Set by customerErase: the personal data is gone and the customer can no longer be changed (see modules/privacy). */
  @Property({ type: 'datetime', nullable: true })
  erasedAt: Date | null = null;

  // Rollups kept by database triggers on purchase, interaction and survey_response (see the
  // rollups migration), so the customers list filters and sorts by them through an index.
  // Never written by the application.

  /** Sum of purchases minus refunds in the customer's main currency (most purchases). */
  @Property({ type: 'decimal', precision: 19, scale: 4, default: 0 })
  historicalValue: string = '0';

  @Property({ type: 'string', length: 3, columnType: 'char(3)', nullable: true })
  valueCurrency: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  lastInteractionAt: Date | null = null;

  /** Score of the most recent NPS answer. */
  @Property({ type: 'smallint', nullable: true })
  latestNpsScore: number | null = null;

  /** When the most recent NPS answer was given. */
  @Property({ type: 'datetime', nullable: true })
  latestNpsAt: Date | null = null;

  /** Every currency the customer has purchases in (kept by the purchase trigger). */
  @Property({ type: 'string[]', columnType: 'text[]', default: '{}' })
  purchaseCurrencies: string[] = [];

  /** The latest purchase or refund (kept by the purchase trigger). */
  @Property({ type: 'datetime', nullable: true })
  lastPurchasedAt: Date | null = null;
}
