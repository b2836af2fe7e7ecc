import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { Allowed } from '../access/guard.js';
import { findSurveyResponsesByIds } from './survey-response.service.js';
import { SurveyResponsesArgs, listSurveyResponses } from './survey-response-list.js';
import { SurveyResponseConnection, SurveyResponseType } from './survey-response.type.js';

@Resolver()
export class SurveyResponseListResolver {
  @Query(() => SurveyResponseConnection, { description: 'Survey answers of every customer, filtered; newest first by default.' })
  @Allowed('read', 'surveys')
  surveyResponses(@Args(() => SurveyResponsesArgs) args: SurveyResponsesArgs, @Ctx() context: Context): Promise<Connection<SurveyResponseType>> {
    return listSurveyResponses(context.em, args);
  }

  @Query(() => SurveyResponseType, { nullable: true, description: 'One survey answer by id; null when there is none.' })
  @Allowed('read', 'surveys')
  async surveyResponse(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<SurveyResponseType | null> {
    return (await findSurveyResponsesByIds(context.em, [id]))[0] ?? null;
  }
}
