import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { query, textArray, uuidArray } from '../../db/sql.js';
import { SURVEY_SCORE_RANGE, type Channel, type JourneyStage, type SurveyKind, type Team } from '../../domain/enums.js';
import type { Context } from '../../graphql/context.js';
import { ErrorCode } from '../../graphql/errors.js';
import { checkBatchSize, onlyItem, type ItemResult } from '../../graphql/batch.js';
import type { MutationResult } from '../../graphql/mutation.js';
import { Validator } from '../../graphql/validation.js';
import { recordDrafts, type DraftRecorder } from '../audit/record-drafts.js';
import { customerWriteProblems } from '../customers/customer.service.js';
import { findInteractionsByIds } from '../interactions/interaction.service.js';
import type { SurveyResponseRecordBatchInput, SurveyResponseRecordInput } from './survey-response.mutations.js';
import { toSurveyResponse, type SurveyResponseRow, type SurveyResponseType } from './survey-response.type.js';
import { batchWrite, mutateAllowed } from '../access/guard.js';

interface Draft {
  v: Validator;
  id: string;
  customerId: string | null;
  kind: SurveyKind;
  score: number | null;
  comment: string | null;
  team: Team | null;
  channel: Channel | null;
  journeyStage: JourneyStage | null;
  interactionId: string | null;
  respondedAt: Date | null;
  externalId: string | null;
}

/** The fields an audit row shows for a survey response. */
function snapshot(response: SurveyResponseType): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = response;
  return fields;
}

function draft(input: SurveyResponseRecordInput, root: string[], now: Date): Draft {
  const v = new Validator(root);
  const { min, max } = SURVEY_SCORE_RANGE[input.kind];
  const score = Number.isInteger(input.score) && input.score >= min && input.score <= max ? input.score : null;
  if (score === null) v.fail('score', ErrorCode.INVALID, `must be a whole number from ${min} to ${max} for ${input.kind}`);
  return {
    v,
    id: randomUUID(),
    customerId: v.id('customerId', input.customerId),
    kind: input.kind,
    score,
    comment: v.text('comment', input.comment, { max: 5000 }),
    team: input.team ?? null,
    channel: input.channel ?? null,
    journeyStage: input.journeyStage ?? null,
    interactionId: v.id('interactionId', input.interactionId, false),
    respondedAt: input.respondedAt ? v.moment('respondedAt', input.respondedAt, now) : now,
    externalId: v.text('externalId', input.externalId, { max: 200 }),
  };
}

/**
 * Customers must exist; a rated interaction must exist, be with the same customer and have
 * happened before the answer; it lends its team, channel and journey stage to answers that name
 * none. One query per kind of reference for the whole batch.
 */
async function checkReferences(tx: EntityManager, drafts: Draft[]): Promise<void> {
  const customerIds = [...new Set(drafts.flatMap((d) => (d.customerId ? [d.customerId] : [])))];
  const interactionIds = [...new Set(drafts.flatMap((d) => (d.interactionId ? [d.interactionId] : [])))];
  const customers = await customerWriteProblems(tx, customerIds);
  const interactions = new Map(interactionIds.length ? (await findInteractionsByIds(tx, interactionIds)).map((i) => [i.id, i]) : []);
  for (const d of drafts) {
    const problem = d.customerId ? customers.get(d.customerId) : undefined;
    if (problem) d.v.fail('customerId', problem.code, problem.message);
    if (!d.interactionId) continue;
    const interaction = interactions.get(d.interactionId);
    if (!interaction) {
      d.v.fail('interactionId', ErrorCode.NOT_FOUND, 'does not exist');
      continue;
    }
    if (d.customerId && interaction.customerId !== d.customerId) d.v.fail('interactionId', ErrorCode.INVALID, 'is an interaction with another customer');
    if (d.respondedAt && d.respondedAt < interaction.occurredAt) {
      d.v.fail('respondedAt', ErrorCode.INVALID, `must not be before the rated interaction occurred (${interaction.occurredAt.toISOString()})`);
    }
    d.team ??= interaction.team;
    d.channel ??= interaction.channel;
    d.journeyStage ??= interaction.journeyStage;
  }
}

/**
 * Inserts every draft with one statement. An externalId already stored (earlier, concurrently, or
 * by an earlier item of this batch) inserts nothing: the item gets the stored response, unless
 * that one belongs to another customer (CONFLICT).
 */
async function insertDrafts(tx: EntityManager, drafts: Draft[]): Promise<Map<Draft, SurveyResponseType>> {
  const stored = new Map<Draft, SurveyResponseType>();
  if (!drafts.length) return stored;
  // textArray has no NULL, so '' stands for it in the nullable columns (validated text is never '').
  const text = (pick: (d: Draft) => string | number | null) => textArray(drafts.map((d) => String(pick(d) ?? '')));
  const inserted = await query<SurveyResponseRow>(
    tx,
    `insert into survey_response (id, customer_id, kind, score, comment, team, channel, journey_stage, interaction_id, responded_at, external_id)
     select t.id, t.customer_id, t.kind, t.score, nullif(t.comment, ''), nullif(t.team, ''), nullif(t.channel, ''), nullif(t.journey_stage, ''),
            nullif(t.interaction_id, '')::uuid, t.responded_at, nullif(t.external_id, '')
       from unnest(?::uuid[], ?::uuid[], ?::text[], ?::smallint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
            with ordinality as t(id, customer_id, kind, score, comment, team, channel, journey_stage, interaction_id, responded_at, external_id, position)
      order by t.position
     on conflict (external_id) do nothing
     returning *`,
    [
      uuidArray(drafts.map((d) => d.id)),
      uuidArray(drafts.map((d) => d.customerId!)),
      text((d) => d.kind),
      text((d) => d.score),
      text((d) => d.comment),
      text((d) => d.team),
      text((d) => d.channel),
      text((d) => d.journeyStage),
      text((d) => d.interactionId),
      text((d) => d.respondedAt!.toISOString()),
      text((d) => d.externalId),
    ],
  );
  const byId = new Map(inserted.map((row) => [row.id, toSurveyResponse(row)]));
  const skipped = drafts.filter((d) => !byId.has(d.id));
  const existing = skipped.length
    ? await query<SurveyResponseRow>(tx, 'select * from survey_response where external_id = any(?::text[])', [
        textArray(skipped.map((d) => d.externalId!)),
      ])
    : [];
  const byExternalId = new Map(existing.map((row) => [row.external_id!, toSurveyResponse(row)]));
  for (const d of drafts) {
    const row = byId.get(d.id) ?? byExternalId.get(d.externalId!);
    if (!row) throw new Error(`survey response ${d.id} was neither inserted nor found by its externalId`);
    if (row.customerId === d.customerId) stored.set(d, row);
    else d.v.fail('externalId', ErrorCode.CONFLICT, `is already used by survey response ${row.id} of another customer`);
  }
  return stored;
}

/** Survey answers recorded set-based (see recordDrafts). */
const surveyResponses: DraftRecorder<SurveyResponseRecordInput, Draft, SurveyResponseType> = {
  entityType: 'SurveyResponse',
  draft,
  checkReferences,
  insert: insertDrafts,
  snapshot,
};


export function recordSurveyResponse(context: Context, input: SurveyResponseRecordInput): Promise<MutationResult<SurveyResponseType>> {
  return mutateAllowed(context, 'surveys', async (tx, viewer) => {
    return onlyItem(await recordDrafts(tx, context, viewer, surveyResponses, 'surveyResponseRecord', [input], () => ['input']));
  });
}

export function recordSurveyResponseBatch(
  context: Context,
  input: SurveyResponseRecordBatchInput,
  via: 'api' | 'import' = 'api',
): Promise<MutationResult<ItemResult<SurveyResponseType>[]>> {
  return mutateAllowed(context, batchWrite('surveys', via), async (tx, viewer) => {
    checkBatchSize(input.items);
    return recordDrafts(tx, context, viewer, surveyResponses, 'surveyResponseRecordBatch', input.items, (index) => ['input', 'items', String(index)]);
  });
}
