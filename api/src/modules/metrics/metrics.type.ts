import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars.js';
import { SatisfactionScores } from '../surveys/satisfaction.type.js';
import { MetricDimension, MetricInterval } from './metrics.inputs.js';

@ObjectType({ description: 'Customer counts of a bucket.' })
export class CustomerCounts {
  @Field(() => Int, { description: 'Active at the end of the bucket: acquired before its end and not churned before it.' })
  active!: number;

  @Field(() => Int, { description: 'Acquired inside the bucket.' })
  new!: number;

  @Field(() => Int, { description: 'Churned inside the bucket (including customers acquired inside it).' })
  churned!: number;
}

@ObjectType({ description: 'SPEC churn: S = active at the start of the bucket, L = those of S who churned inside it.' })
export class ChurnMetric {
  @Field(() => DecimalScalar, { nullable: true, description: 'Churn rate = 100 × L ÷ S, 2 decimals; null when S = 0.' })
  rate!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Retention rate = 100 − churn rate; null when S = 0.' })
  retentionRate!: string | null;

  @Field(() => Int, { description: 'S.' })
  activeAtStart!: number;

  @Field(() => Int, { description: 'L.' })
  churnedOfActive!: number;
}

@ObjectType({ description: 'Money of a bucket, in the report currency.' })
export class RevenueMetric {
  @Field(() => DecimalScalar, { description: 'Net revenue: purchases − refunds made inside the bucket (0 without any).' })
  net!: string;

  @Field(() => Int, { description: 'Purchases (not refunds) inside the bucket.' })
  purchases!: number;

  @Field(() => Int)
  refunds!: number;
}

@ObjectType({ description: 'Acquisition cost and payback of the customers acquired inside a bucket.' })
export class AcquisitionMetric {
  @Field(() => DecimalScalar, { nullable: true, description: 'Acquisition spend of the bucket (a monthly spend row counts in proportion to its overlap with the bucket), 4 decimals; null where spend is not attributable (groups other than acquisition channel).' })
  spend!: string | null;

  @Field(() => Int, { description: 'Customers acquired inside the bucket.' })
  newCustomers!: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Average historical lifetime value (purchases − refunds before the report end) of the customers acquired inside the bucket, 4 decimals; null without new customers.' })
  averageHistoricalLifetimeValue!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'CAC = spend ÷ new customers, 4 decimals; null when spend is 0 or unknown, or there are no new customers.' })
  cac!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'LTV:CAC = averageHistoricalLifetimeValue ÷ CAC, 2 decimals; null when CAC is null.' })
  ltvToCac!: string | null;
}

@ObjectType({ description: 'Response SLA of the inbound interactions that occurred inside a bucket.' })
export class ResponseSlaMetric {
  @Field(() => DecimalScalar, { nullable: true, description: 'Breach rate = 100 × breached ÷ inbound, 2 decimals; null without inbound interactions.' })
  breachRate!: string | null;

  @Field(() => Int, { description: 'Answered after their due time, or still unanswered past it (as of the request).' })
  breached!: number;

  @Field(() => Int)
  inbound!: number;
}

@ObjectType({ description: 'Handoffs requested inside a bucket.' })
export class HandoffMetric {
  @Field(() => Int)
  requested!: number;

  @Field(() => Int)
  accepted!: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Acceptance rate = 100 × accepted ÷ requested, 2 decimals; null without handoffs.' })
  acceptanceRate!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Median hours from request to acceptance (accepted handoffs), 2 decimals.' })
  medianHoursToAccept!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '90th percentile of hours from request to acceptance (continuous percentile), 2 decimals.' })
  p90HoursToAccept!: string | null;
}

@ObjectType()
export class ChurnReasonCount {
  @Field(() => String)
  reason!: string;

  @Field(() => Int)
  customers!: number;
}

@ObjectType({ description: 'Every metric of one bucket of one series. A metric its group\'s dimension does not apply to is null.' })
export class MetricPoint {
  @Field(() => Date, { description: 'Start of the bucket, inclusive (clipped to the report period).' })
  start!: Date;

  @Field(() => Date, { description: 'End of the bucket, exclusive.' })
  end!: Date;

  @Field(() => SatisfactionScores, { nullable: true })
  satisfaction!: SatisfactionScores | null;

  @Field(() => CustomerCounts, { nullable: true })
  customers!: CustomerCounts | null;

  @Field(() => ChurnMetric, { nullable: true })
  churn!: ChurnMetric | null;

  @Field(() => RevenueMetric, { nullable: true })
  revenue!: RevenueMetric | null;

  @Field(() => AcquisitionMetric, { nullable: true })
  acquisition!: AcquisitionMetric | null;

  @Field(() => ResponseSlaMetric, { nullable: true })
  responseSla!: ResponseSlaMetric | null;

  @Field(() => HandoffMetric, { nullable: true })
  handoffs!: HandoffMetric | null;

  @Field(() => [ChurnReasonCount], { nullable: true, description: 'Reasons of the customers who churned inside the bucket, most frequent first.' })
  churnReasons!: ChurnReasonCount[] | null;
}

@ObjectType({ description: 'One line of the report: all customers (group null) or one value of the group-by dimension.' })
export class MetricSeries {
  @Field(() => String, { nullable: true, description: 'The dimension value (a team, channel, segment, owner id…); null: everything.' })
  group!: string | null;

  @Field(() => [MetricPoint], { description: 'One point per bucket, empty buckets included.' })
  points!: MetricPoint[];
}

@ObjectType({ description: 'Business metrics over [from, to), in buckets, optionally grouped.' })
export class MetricsReport {
  @Field(() => Date)
  from!: Date;

  @Field(() => Date)
  to!: Date;

  @Field(() => MetricInterval, { nullable: true })
  interval!: MetricInterval | null;

  @Field(() => String)
  timeZone!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => MetricDimension, { nullable: true })
  groupBy!: MetricDimension | null;

  @Field(() => [MetricSeries], { description: 'First the series of all customers (group null), then one per group value, ordered by value.' })
  series!: MetricSeries[];
}

@ObjectType({ description: 'Customers acquired in one month and how many were still active after each following month.' })
export class Cohort {
  @Field(() => Date, { description: 'Start of the acquisition month (in the report time zone).' })
  month!: Date;

  @Field(() => Int)
  size!: number;

  @Field(() => [DecimalScalar], {
    nullable: 'items',
    description:
      'retention[k-1] = 100 × customers of the cohort not churned k months after the start of their acquisition month ÷ size, 2 decimals, for k = 1…months; null where that moment is still in the future.',
  })
  retention!: (string | null)[];

  @Field(() => [Int], { nullable: 'items', description: 'The counts behind retention (null where in the future).' })
  retained!: (number | null)[];
}

@ObjectType()
export class CohortRetention {
  @Field(() => [Cohort])
  cohorts!: Cohort[];

  @Field(() => Int)
  months!: number;

  @Field(() => String)
  timeZone!: string;
}
