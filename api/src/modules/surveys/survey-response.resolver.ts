import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { customerLoaders } from '../customers/customer.loaders.js';
import { CustomerType } from '../customers/customer.type.js';
import { interactionLoaders } from '../interactions/interaction.loaders.js';
import { InteractionType } from '../interactions/interaction.type.js';
import { surveyResponseLoaders } from './survey-response.loaders.js';
import { SurveyResponseConnection, SurveyResponseType } from './survey-response.type.js';

@Resolver(() => CustomerType)
export class CustomerSurveyResponsesResolver {
  @FieldResolver(() => SurveyResponseConnection, { description: "This customer's survey answers, newest first." })
  surveyResponses(
    @Root() customer: CustomerType,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ): Promise<Connection<SurveyResponseType>> {
    return surveyResponseLoaders(context).byCustomer.page(customer.id, page);
  }
}

@Resolver(() => SurveyResponseType)
export class SurveyResponseResolver {
  @FieldResolver(() => CustomerType)
  async customer(@Root() response: SurveyResponseType, @Ctx() context: Context): Promise<CustomerType> {
    return (await customerLoaders(context).byId.load(response.customerId))!;
  }

  @FieldResolver(() => InteractionType, { nullable: true, description: 'The interaction this answer rates, when known.' })
  interaction(@Root() response: SurveyResponseType, @Ctx() context: Context): Promise<InteractionType | null> | null {
    return response.interactionId ? interactionLoaders(context).byId.load(response.interactionId) : null;
  }
}
