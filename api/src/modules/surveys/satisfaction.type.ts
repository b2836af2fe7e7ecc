import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { JourneyStage, Team } from '../../domain/enums.js';
import { DecimalScalar } from '../../graphql/scalars.js';

export enum NpsCategory {
  PROMOTER = 'PROMOTER',
  PASSIVE = 'PASSIVE',
  DETRACTOR = 'DETRACTOR',
}
registerEnumType(NpsCategory, { name: 'NpsCategory', description: 'NPS answer groups: promoters 9–10, passives 7–8, detractors 0–6.' });

@ObjectType({ description: 'Customer satisfaction (CSAT) over a set of answers.' })
export class CsatScore {
  @Field(() => DecimalScalar, { nullable: true, description: 'CSAT = 100 × satisfied ÷ total, 0–100, 2 decimals (half up); null without answers.' })
  score!: string | null;

  @Field(() => Int, { description: 'Answers scoring 4 or 5.' })
  satisfied!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType({ description: 'Net Promoter Score (NPS) over a set of answers.' })
export class NpsScore {
  @Field(() => DecimalScalar, { nullable: true, description: 'NPS = 100 × (promoters − detractors) ÷ total, −100…100, 2 decimals (half up); null without answers.' })
  score!: string | null;

  @Field(() => Int, { description: 'Answers scoring 9 or 10.' })
  promoters!: number;

  @Field(() => Int, { description: 'Answers scoring 7 or 8.' })
  passives!: number;

  @Field(() => Int, { description: 'Answers scoring 0 to 6.' })
  detractors!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType({ description: 'Customer Effort Score (CES, 1 = very hard … 7 = very easy) over a set of answers.' })
export class CesScore {
  @Field(() => DecimalScalar, { nullable: true, description: 'Mean score, 2 decimals (half up); null without answers.' })
  average!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'High-effort rate = 100 × highEffort ÷ total, 2 decimals; null without answers.' })
  highEffortRate!: string | null;

  @Field(() => Int, { description: 'Answers scoring 1 to 3.' })
  highEffort!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType({ description: 'CSAT, NPS and CES of one slice of answers.' })
export class SatisfactionScores {
  @Field(() => CsatScore)
  csat!: CsatScore;

  @Field(() => NpsScore)
  nps!: NpsScore;

  @Field(() => CesScore)
  ces!: CesScore;
}

@ObjectType({ description: 'Satisfaction with one team’s touchpoints.' })
export class TeamSatisfaction extends SatisfactionScores {
  @Field(() => Team)
  team!: Team;
}

@ObjectType({ description: 'Satisfaction at one stage of the customer journey (touchpoint).' })
export class JourneyStageSatisfaction extends SatisfactionScores {
  @Field(() => JourneyStage)
  journeyStage!: JourneyStage;
}

@ObjectType({ description: "A customer's survey answers summed up: CSAT, NPS, CES, optionally since a moment, and broken down on request." })
export class Satisfaction extends SatisfactionScores {
  @Field(() => Date, { nullable: true, description: 'Only answers given at or after this moment count; null: all answers.' })
  since!: Date | null;

  @Field(() => NpsCategory, { nullable: true, description: 'Category of the most recent NPS answer in the window; null without one.' })
  latestNpsCategory!: NpsCategory | null;

  customerId!: string;
}
