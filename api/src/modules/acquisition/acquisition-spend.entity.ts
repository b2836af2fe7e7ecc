import { Check, Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity.js';
import { AcquisitionChannel } from '../../domain/enums.js';

/** Marketing spend to acquire customers over [periodStart, periodEnd) on one channel: the input to CAC. */
@Entity({ tableName: 'acquisition_spend' })
@Unique({ name: 'acquisition_spend_channel_period_unique', properties: ['channel', 'periodStart'] })
@Check({ name: 'acquisition_spend_period_ordered', expression: 'period_end > period_start' })
@Check({ name: 'acquisition_spend_amount_not_negative', expression: 'amount >= 0' })
export class AcquisitionSpend extends BaseEntity {
  @Enum({ items: () => AcquisitionChannel, type: 'string' })
  channel!: AcquisitionChannel;

  @Property({ type: 'date' })
  periodStart!: string;

  @Property({ type: 'date' })
  periodEnd!: string;

  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount!: string;

  @Property({ type: 'string', length: 3, columnType: 'char(3)' })
  currency!: string;
}
