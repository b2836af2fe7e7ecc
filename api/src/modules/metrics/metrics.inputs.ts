import { ArgsType, Field, Int, registerEnumType } from 'type-graphql';
import { CustomerFilter } from '../customers/customer.inputs.js';

export enum MetricInterval {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(MetricInterval, { name: 'MetricInterval', description: 'Bucket size; weeks start on Monday. Buckets follow the report\'s time zone.' });

export enum MetricDimension {
  TEAM = 'TEAM',
  CHANNEL = 'CHANNEL',
  JOURNEY_STAGE = 'JOURNEY_STAGE',
  SEGMENT = 'SEGMENT',
  ACQUISITION_CHANNEL = 'ACQUISITION_CHANNEL',
  OWNER = 'OWNER',
}
registerEnumType(MetricDimension, {
  name: 'MetricDimension',
  description:
    'What to group by. TEAM applies to satisfaction (rated team), response SLA (handling team) and handoffs (receiving team); CHANNEL and JOURNEY_STAGE to satisfaction and response SLA; SEGMENT, ACQUISITION_CHANNEL and OWNER to every metric (they describe the customer). Acquisition spend, CAC and LTV:CAC split only by ACQUISITION_CHANNEL. Metrics a dimension does not apply to are null in its groups and present in the `ALL` series.',
});

@ArgsType()
export class MetricsArgs {
  @Field(() => Date, { description: 'Start of the period, inclusive.' })
  from!: Date;

  @Field(() => Date, { description: 'End of the period, exclusive (half-open [from, to)).' })
  to!: Date;

  @Field(() => CustomerFilter, { nullable: true, description: 'Which customers count: the same filter as `customers`.' })
  filter?: CustomerFilter | null;

  @Field(() => MetricDimension, { nullable: true })
  groupBy?: MetricDimension | null;

  @Field(() => MetricInterval, { nullable: true, description: 'Split the period into buckets; none: one bucket [from, to).' })
  interval?: MetricInterval | null;

  @Field(() => String, { defaultValue: 'UTC', description: 'IANA time zone of the buckets, e.g. "Asia/Shanghai".' })
  timeZone!: string;

  @Field(() => String, { defaultValue: 'USD', description: 'Money metrics count purchases and spend in this currency only.' })
  currency!: string;
}

@ArgsType()
export class CohortRetentionArgs {
  @Field(() => Date, { description: 'First acquisition month: the month containing this moment.' })
  from!: Date;

  @Field(() => Date, { description: 'Cohorts acquired before this moment.' })
  to!: Date;

  @Field(() => Int, { defaultValue: 12, description: 'How many months after acquisition to follow, 1–60.' })
  months!: number;

  @Field(() => CustomerFilter, { nullable: true })
  filter?: CustomerFilter | null;

  @Field(() => String, { defaultValue: 'UTC' })
  timeZone!: string;
}
