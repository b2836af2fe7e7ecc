import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { AcquisitionChannel, Channel, JourneyStage, LifecycleStage, Segment, SurveyKind, Team } from '../../domain/enums.js';
import { DecimalScalar } from '../../graphql/scalars.js';
import { ChurnRisk } from '../health/health.type.js';
import { NpsCategory } from '../surveys/satisfaction.type.js';
import { PageArgs } from '../../graphql/connection.js';
import { SortDirection } from '../../graphql/enums.js';

@InputType({ description: 'Customers whose CSAT over the last `withinDays` days is below `score`.' })
export class CsatBelowFilter {
  @Field(() => DecimalScalar, { description: 'CSAT percentage, 0–100.' })
  score!: string;

  @Field(() => Int, { description: 'Window in days, 1–3650.' })
  withinDays!: number;
}

export enum CustomerActivityKind {
  /** A survey answer (survey_response.responded_at); narrows by teams, channels, journeyStages, surveyKinds. */
  SURVEY_ANSWER = 'SURVEY_ANSWER',
  /** A purchase or refund (purchase.purchased_at): refunds move revenue too; narrows by currency. */
  PURCHASE = 'PURCHASE',
  /** An inbound interaction (interaction.occurred_at); narrows by teams, channels, journeyStages. */
  INBOUND_INTERACTION = 'INBOUND_INTERACTION',
  /** A handoff request (handoff.requested_at); narrows by teams (the receiving team). */
  HANDOFF_REQUEST = 'HANDOFF_REQUEST',
}
registerEnumType(CustomerActivityKind, {
  name: 'CustomerActivityKind',
  description:
    'SURVEY_ANSWER (responded_at; teams = rated team, channels, journeyStages, surveyKinds); PURCHASE (purchased_at, refunds included; currency); INBOUND_INTERACTION (occurred_at; teams = handling team, channels, journeyStages); HANDOFF_REQUEST (requested_at; teams = receiving team).',
});

@InputType({
  description:
    'Customers with at least one row of this kind in [after, before), matching every given narrowing (each list matches any of its values). A narrowing that does not apply to the kind is refused.',
})
export class CustomerActivityFilter {
  @Field(() => CustomerActivityKind)
  kind!: CustomerActivityKind;

  @Field(() => Date, { description: 'At or after this moment.' })
  after!: Date;

  @Field(() => Date, { description: 'Before this moment; must be later than `after`.' })
  before!: Date;

  @Field(() => [Team], { nullable: true, description: 'SURVEY_ANSWER: the rated team; INBOUND_INTERACTION: the handling team; HANDOFF_REQUEST: the receiving team.' })
  teams?: Team[] | null;

  @Field(() => [Channel], { nullable: true, description: 'SURVEY_ANSWER and INBOUND_INTERACTION only.' })
  channels?: Channel[] | null;

  @Field(() => [JourneyStage], { nullable: true, description: 'SURVEY_ANSWER and INBOUND_INTERACTION only.' })
  journeyStages?: JourneyStage[] | null;

  @Field(() => [SurveyKind], { nullable: true, description: 'SURVEY_ANSWER only.' })
  surveyKinds?: SurveyKind[] | null;

  @Field(() => String, { nullable: true, description: 'PURCHASE only: ISO 4217 code in capitals, e.g. "USD".' })
  currency?: string | null;
}

@InputType({ description: 'Narrows the customer list; every given condition must hold (AND). A list matches any of its values (OR).' })
export class CustomerFilter {
  @Field(() => [LifecycleStage], { nullable: true })
  lifecycleStages?: LifecycleStage[] | null;

  @Field(() => [Segment], { nullable: true })
  segments?: Segment[] | null;

  @Field(() => [ID], { nullable: true, description: 'Owning staff members.' })
  ownerIds?: string[] | null;

  @Field(() => [AcquisitionChannel], { nullable: true })
  acquisitionChannels?: AcquisitionChannel[] | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of name, email or company.' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Include archived customers (default false).' })
  includeArchived?: boolean | null;

  @Field(() => [Team], { nullable: true, description: "The owner's team." })
  teams?: Team[] | null;

  @Field(() => [String], { nullable: true, description: 'Has any of these tags.' })
  tags?: string[] | null;

  @Field(() => [ChurnRisk], { nullable: true, description: 'Churn risk now (see Customer.health).' })
  churnRisks?: ChurnRisk[] | null;

  @Field(() => Int, { nullable: true, description: 'Health score now at least this (0–100).' })
  healthMin?: number | null;

  @Field(() => Int, { nullable: true, description: 'Health score now at most this (0–100).' })
  healthMax?: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Historical lifetime value (main currency) at least this.' })
  lifetimeValueMin?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Historical lifetime value (main currency) at most this.' })
  lifetimeValueMax?: string | null;

  @Field(() => [NpsCategory], { nullable: true, description: 'Category of the most recent NPS answer.' })
  latestNpsCategories?: NpsCategory[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: has an open SLA breach now; false: has none.' })
  hasOpenSlaBreach?: boolean | null;

  @Field(() => Date, { nullable: true, description: 'Last interaction at or after this moment.' })
  lastInteractionAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last interaction before this moment, or none at all.' })
  lastInteractionBefore?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Acquired (became a customer) at or after this moment.' })
  acquiredAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Acquired before this moment.' })
  acquiredBefore?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Churned at or after this moment.' })
  churnedAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Churned before this moment.' })
  churnedBefore?: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Not churned before this moment (never churned, or churned at or after it). With acquiredBefore the same moment: the customers active then, as the metrics report counts them.',
  })
  notChurnedBefore?: Date | null;

  @Field(() => CsatBelowFilter, { nullable: true, description: 'CSAT of the last N days below a score (customers without answers in the window do not match).' })
  csatBelow?: CsatBelowFilter | null;

  @Field(() => CustomerActivityFilter, {
    nullable: true,
    description: 'Had an answer, purchase, inbound interaction or handoff request in a period: the customers behind a bucket of the metrics report.',
  })
  activity?: CustomerActivityFilter | null;
}

export enum CustomerOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  /** Historical lifetime value in the customer's main currency. */
  LIFETIME_VALUE = 'LIFETIME_VALUE',
  /** Health score now. */
  HEALTH = 'HEALTH',
  /** Customers never contacted sort before all others ascending. */
  LAST_INTERACTION_AT = 'LAST_INTERACTION_AT',
}
registerEnumType(CustomerOrderField, {
  name: 'CustomerOrderField',
  description:
    'NAME; CREATED_AT; LIFETIME_VALUE (historical, main currency); HEALTH (score now); LAST_INTERACTION_AT (customers never contacted come first when ascending, last when descending).',
});

@InputType()
export class CustomerOrder {
  @Field(() => CustomerOrderField)
  field!: CustomerOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ArgsType()
export class CustomersArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Skip this many customers (for jumping to a page); cannot be combined with `after`.' })
  offset?: number | null;

  @Field(() => CustomerFilter, { nullable: true })
  filter?: CustomerFilter | null;

  @Field(() => CustomerOrder, { nullable: true, description: 'Default: by name, ascending. Ties are broken by id.' })
  orderBy?: CustomerOrder | null;
}
