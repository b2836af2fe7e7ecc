import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars.js';

@ObjectType({
  description:
    "What a customer is worth: what they have paid us (historical) and what they are expected to pay over their whole life with us (predicted), with every factor of the prediction beside it. Figures are in the customer's main currency: the currency of most of their purchases (ties: the largest gross, then alphabetical); purchases in other currencies are left out and listed in `otherCurrencies`.",
})
export class LifetimeValue {
  @Field(() => Date, { description: 'The moment the figures are computed for: purchases at or after it are not counted.' })
  asOf!: Date;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code of the figures; null when the customer has no purchases.' })
  currency!: string | null;

  @Field(() => DecimalScalar, { description: 'Historical lifetime value = sum of purchases − sum of refunds before asOf. 0 without purchases.' })
  historicalValue!: string;

  @Field(() => DecimalScalar, { description: 'Sum of the purchases that are not refunds.' })
  grossPurchases!: string;

  @Field(() => DecimalScalar, { description: 'Sum of the refunds (a positive number, subtracted in historicalValue).' })
  refunds!: string;

  @Field(() => Int, { description: 'Purchases that are not refunds.' })
  purchaseCount!: number;

  @Field(() => Int)
  refundCount!: number;

  @Field(() => Date, { nullable: true })
  firstPurchaseAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastPurchaseAt!: Date | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Average purchase value = historicalValue ÷ purchaseCount (refunds lower it), 4 decimals. Null without purchases.',
  })
  averagePurchaseValue!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Tenure = years from the first purchase to asOf (or to churnedAt for a churned customer), a year being 365.25 days, 4 decimals.',
  })
  tenureYears!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Purchase frequency per year = purchaseCount ÷ max(tenureYears, 1) — a customer younger than a year counts as one year, so a first purchase is not extrapolated. 4 decimals; null without purchases.',
  })
  purchaseFrequencyPerYear!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "Annual churn rate of the customer's segment over the 365 days before asOf, in percent (SPEC churn rate: 100 × L ÷ S), 2 decimals; null when the segment had no active customers.",
  })
  segmentAnnualChurnRate!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Expected lifespan in years: for a churned customer its tenure; otherwise max(tenureYears, 100 ÷ segmentAnnualChurnRate), at most 10 (also 10 when the segment lost nobody). 4 decimals; null without purchases.',
  })
  expectedLifespanYears!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Predicted lifetime value = averagePurchaseValue × purchaseFrequencyPerYear × expectedLifespanYears (computed on unrounded factors, rounded half up to 4 decimals). A churned customer\'s predicted value is its historical value. Null without purchases (unless churned).',
  })
  predictedValue!: string | null;

  @Field(() => [String], { description: 'Currencies of purchases not counted because they differ from `currency`.' })
  otherCurrencies!: string[];
}
