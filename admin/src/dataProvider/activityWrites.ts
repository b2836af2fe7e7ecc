import type { CreateParams } from 'react-admin';
import type { Interaction, Purchase, SurveyResponse } from '../graphql/types';
import { instantOrUndefined, mutationDocument, runMutation, textOrNull, withoutEmpty } from './mutations';

/**
 * What happened with a customer, recorded from their 360 page: an interaction (interactionLog), a
 * purchase (purchaseRecord) or a survey answer (surveyResponseRecord). Each form's values become
 * the mutation's input here: blanks left out so the API's defaults apply (occurred now, …).
 */

const INTERACTION_FIELDS = `id channel direction team journeyStage subject summary occurredAt respondedAt resolvedAt externalId staff { id name email }`;
const PURCHASE_FIELDS = `id amount currency product kind purchasedAt externalId`;
const SURVEY_RESPONSE_FIELDS = `id kind score comment team channel journeyStage respondedAt externalId`;

const LOG_INTERACTION = mutationDocument('interactionLog', 'InteractionLogInput', `interaction { ${INTERACTION_FIELDS} }`);
const RECORD_PURCHASE = mutationDocument('purchaseRecord', 'PurchaseRecordInput', `purchase { ${PURCHASE_FIELDS} }`);
const RECORD_SURVEY_RESPONSE = mutationDocument('surveyResponseRecord', 'SurveyResponseRecordInput', `surveyResponse { ${SURVEY_RESPONSE_FIELDS} }`);

export function toInteractionLogInput(data: Record<string, unknown>): Record<string, unknown> {
  const inbound = data.direction === 'INBOUND';
  return withoutEmpty({
    customerId: data.customerId,
    channel: textOrNull(data.channel),
    direction: textOrNull(data.direction),
    team: textOrNull(data.team),
    journeyStage: textOrNull(data.journeyStage),
    subject: textOrNull(data.subject),
    summary: textOrNull(data.summary),
    staffId: textOrNull(data.staffId),
    occurredAt: instantOrUndefined(data.occurredAt),
    respondedAt: inbound ? instantOrUndefined(data.respondedAt) : undefined,
    resolvedAt: instantOrUndefined(data.resolvedAt),
  });
}

/** The amount stays the exact text typed (never a float); the currency in capitals. */
export function toPurchaseRecordInput(data: Record<string, unknown>): Record<string, unknown> {
  const amount = typeof data.amount === 'string' ? data.amount.trim() : textOrNull(data.amount);
  const currency = typeof data.currency === 'string' ? data.currency.trim().toUpperCase() : null;
  return withoutEmpty({
    customerId: data.customerId,
    amount: amount || null,
    currency: currency || null,
    kind: textOrNull(data.kind),
    product: textOrNull(data.product),
    purchasedAt: instantOrUndefined(data.purchasedAt),
  });
}

export function toSurveyResponseRecordInput(data: Record<string, unknown>): Record<string, unknown> {
  const score = typeof data.score === 'string' && data.score.trim() !== '' ? Number(data.score) : data.score;
  return withoutEmpty({
    customerId: data.customerId,
    kind: textOrNull(data.kind),
    score: typeof score === 'number' && !Number.isNaN(score) ? score : null,
    comment: textOrNull(data.comment),
    team: textOrNull(data.team),
    channel: textOrNull(data.channel),
    journeyStage: textOrNull(data.journeyStage),
    respondedAt: instantOrUndefined(data.respondedAt),
  });
}

export async function logInteraction({ data }: CreateParams): Promise<{ data: Interaction }> {
  return { data: await runMutation<Interaction>(LOG_INTERACTION, 'interactionLog', 'interaction', toInteractionLogInput(data)) };
}

export async function recordPurchase({ data }: CreateParams): Promise<{ data: Purchase }> {
  return { data: await runMutation<Purchase>(RECORD_PURCHASE, 'purchaseRecord', 'purchase', toPurchaseRecordInput(data)) };
}

export async function recordSurveyResponse({ data }: CreateParams): Promise<{ data: SurveyResponse }> {
  return {
    data: await runMutation<SurveyResponse>(RECORD_SURVEY_RESPONSE, 'surveyResponseRecord', 'surveyResponse', toSurveyResponseRecordInput(data)),
  };
}
