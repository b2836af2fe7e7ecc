import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ChurnRisk {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(ChurnRisk, { name: 'ChurnRisk', description: 'From the health score: 70–100 LOW, 40–69 MEDIUM, 0–39 HIGH.' });

export enum HealthFactorName {
  LIFECYCLE = 'LIFECYCLE',
  LATEST_NPS = 'LATEST_NPS',
  RECENT_CSAT = 'RECENT_CSAT',
  ENGAGEMENT = 'ENGAGEMENT',
  OPEN_SLA_BREACHES = 'OPEN_SLA_BREACHES',
  SPEND_TREND = 'SPEND_TREND',
}
registerEnumType(HealthFactorName, { name: 'HealthFactorName' });

@ObjectType({ description: 'One input of the health score and the points it added or took away.' })
export class HealthFactor {
  @Field(() => HealthFactorName)
  name!: HealthFactorName;

  @Field(() => String, { nullable: true, description: 'The input as measured, e.g. "12" days or "PROMOTER"; null when there was nothing to measure.' })
  rawValue!: string | null;

  @Field(() => Int, { description: 'Points added to (or, negative, taken from) the baseline of 50.' })
  contribution!: number;

  @Field(() => String, { description: 'One line saying why.' })
  explanation!: string;
}

@ObjectType({
  description:
    'Customer health, 0–100, and churn risk. score = clamp(0, 100, 50 + the contributions of its factors): LIFECYCLE (churned −100), LATEST_NPS (promoter +20, passive +5, detractor −20), RECENT_CSAT (CSAT of the last 90 days ≥ 80 +10, 50–80 0, < 50 −15), ENGAGEMENT (days since the last interaction ≤ 30 +15, ≤ 90 +5, ≤ 180 −10, older or never −20), OPEN_SLA_BREACHES (−10 each, at most −30), SPEND_TREND (net purchases of the last 90 days against the 90 before: not lower +5, lower −5, half or less −15, none in either 0). The same inputs always give the same score.',
})
export class Health {
  @Field(() => Date, { description: 'The moment the score was computed for.' })
  asOf!: Date;

  @Field(() => Int)
  score!: number;

  @Field(() => ChurnRisk)
  churnRisk!: ChurnRisk;

  @Field(() => Int, { description: 'The score every customer starts from.' })
  baseline!: number;

  @Field(() => [HealthFactor], { description: 'Every factor, including those that contributed 0.' })
  factors!: HealthFactor[];
}
