import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { JourneyStage, Team } from '../../domain/enums.js';
import { PageArgs, type Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { customerLoaders } from '../customers/customer.loaders.js';
import { CustomerType } from '../customers/customer.type.js';
import { interactionLoaders } from '../interactions/interaction.loaders.js';
import { InteractionType } from '../interactions/interaction.type.js';
import { customerSatisfaction, satisfactionBreakdown, surveyResponseLoaders } from './survey-response.loaders.js';
import { JourneyStageSatisfaction, Satisfaction, TeamSatisfaction } from './satisfaction.type.js';
import { SurveyResponseConnection, SurveyResponseType } from './survey-response.type.js';
import { Allowed } from '../access/guard.js';

@Resolver(() => CustomerType)
@Allowed('read', 'surveys')
export class CustomerSurveyResponsesResolver {
  @FieldResolver(() => SurveyResponseConnection, { description: "This customer's survey answers, newest first." })
  surveyResponses(
    @Root() customer: CustomerType,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ): Promise<Connection<SurveyResponseType>> {
    return surveyResponseLoaders(context).byCustomer.page(customer.id, page);
  }

  @FieldResolver(() => Satisfaction, { description: "CSAT, NPS and CES of this customer's answers, optionally since a moment." })
  satisfaction(
    @Root() customer: CustomerType,
    @Arg('since', () => Date, { nullable: true, description: 'Count only answers given at or after this moment.' }) since: Date | null,
    @Ctx() context: Context,
  ): Promise<Satisfaction> {
    return customerSatisfaction(context, customer.id, since);
  }
}

@Resolver(() => Satisfaction)
export class SatisfactionResolver {
  @FieldResolver(() => [TeamSatisfaction], { description: 'The same scores per team whose touchpoint was rated (answers without a team left out).' })
  async byTeam(@Root() satisfaction: Satisfaction, @Ctx() context: Context): Promise<TeamSatisfaction[]> {
    return (await satisfactionBreakdown(context, satisfaction, 'team')).map(({ dimension, ...scores }) => ({ ...scores, team: dimension as Team }));
  }

  @FieldResolver(() => [JourneyStageSatisfaction], { description: 'The same scores per journey stage (touchpoint); answers without one left out.' })
  async byJourneyStage(@Root() satisfaction: Satisfaction, @Ctx() context: Context): Promise<JourneyStageSatisfaction[]> {
    return (await satisfactionBreakdown(context, satisfaction, 'journeyStage')).map(({ dimension, ...scores }) => ({
      ...scores,
      journeyStage: dimension as JourneyStage,
    }));
  }
}

@Resolver(() => SurveyResponseType)
export class SurveyResponseResolver {
  @FieldResolver(() => CustomerType)
  @Allowed('read', 'customers')
  async customer(@Root() response: SurveyResponseType, @Ctx() context: Context): Promise<CustomerType> {
    return (await customerLoaders(context).byId.load(response.customerId))!;
  }

  @FieldResolver(() => InteractionType, { nullable: true, description: 'The interaction this answer rates, when known.' })
  @Allowed('read', 'interactions')
  interaction(@Root() response: SurveyResponseType, @Ctx() context: Context): Promise<InteractionType | null> | null {
    return response.interactionId ? interactionLoaders(context).byId.load(response.interactionId) : null;
  }
}
