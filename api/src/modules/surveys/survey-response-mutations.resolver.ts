import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { toUserError } from '../../graphql/errors.js';
import { recordSurveyResponse, recordSurveyResponseBatch } from './survey-response-writes.js';
import {
  SurveyResponsePayload,
  SurveyResponseRecordBatchInput,
  SurveyResponseRecordBatchPayload,
  SurveyResponseRecordInput,
} from './survey-response.mutations.js';

@Resolver()
export class SurveyResponseMutationsResolver {
  @Mutation(() => SurveyResponsePayload, { description: 'Records a survey answer (for a known externalId: returns the stored one).' })
  async surveyResponseRecord(
    @Arg('input', () => SurveyResponseRecordInput) input: SurveyResponseRecordInput,
    @Ctx() context: Context,
  ): Promise<SurveyResponsePayload> {
    const { value, userErrors } = await recordSurveyResponse(context, input);
    return { surveyResponse: value, userErrors };
  }

  @Mutation(() => SurveyResponseRecordBatchPayload, {
    description: 'Records up to 1,000 survey answers in one transaction: valid items are written, invalid ones reported per item.',
  })
  async surveyResponseRecordBatch(
    @Arg('input', () => SurveyResponseRecordBatchInput) input: SurveyResponseRecordBatchInput,
    @Ctx() context: Context,
  ): Promise<SurveyResponseRecordBatchPayload> {
    const { value, userErrors } = await recordSurveyResponseBatch(context, input);
    const results = (value ?? []).map((item, index) => ({ index, surveyResponse: item.value, userErrors: item.errors.map(toUserError) }));
    return { results, userErrors };
  }
}
