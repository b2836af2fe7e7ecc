import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AcquisitionChannel } from '../../domain/enums.js';
import { timestamp } from '../../db/sql.js';
import { DecimalScalar } from '../../graphql/scalars.js';

@ObjectType('AcquisitionSpend', { description: 'What one acquisition channel cost in one calendar month: the input to CAC.' })
export class AcquisitionSpendType {
  @Field(() => ID)
  id!: string;

  @Field(() => AcquisitionChannel)
  channel!: AcquisitionChannel;

  @Field(() => GraphQLLocalDate, { description: 'First day of the month, e.g. "2026-03-01".' })
  periodStart!: string;

  @Field(() => GraphQLLocalDate, { description: 'First day of the next month: the period is [periodStart, periodEnd).' })
  periodEnd!: string;

  @Field(() => DecimalScalar, { description: 'Exact amount spent, never negative.' })
  amount!: string;

  @Field(() => String, { description: 'ISO 4217 code, e.g. "USD".' })
  currency!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Int)
  version!: number;
}

/** A row as selected by SPEND_COLUMNS (dates as text, so no time zone ever shifts a day). */
export interface AcquisitionSpendRow {
  id: string;
  channel: AcquisitionChannel;
  period_start: string;
  period_end: string;
  amount: string;
  currency: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export const SPEND_COLUMNS = 'id, channel, period_start::text as period_start, period_end::text as period_end, amount, currency, created_at, updated_at, version';

export function toAcquisitionSpend(row: AcquisitionSpendRow): AcquisitionSpendType {
  return {
    id: row.id,
    channel: row.channel,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    amount: row.amount,
    currency: row.currency,
    createdAt: timestamp(row.created_at),
    updatedAt: timestamp(row.updated_at),
    version: row.version,
  };
}
