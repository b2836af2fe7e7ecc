import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { query, textArray, timestamp, uuidArray } from '../../db/sql.js';
import { Direction } from '../../domain/enums.js';
import type { Context, Viewer } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { checkBatchSize, onlyItem, type ItemResult } from '../../graphql/batch.js';
import type { MutationResult } from '../../graphql/mutation.js';
import { Validator } from '../../graphql/validation.js';
import { changedFields, recordAudit } from '../audit/audit.service.js';
import { recordDrafts, type DraftRecorder } from '../audit/record-drafts.js';
import { customerWriteProblems } from '../customers/customer.service.js';
import { findStaffByIds } from '../staff/staff.service.js';
import type {
  InteractionLogBatchInput,
  InteractionLogInput,
  InteractionMarkResolvedInput,
  InteractionMarkRespondedInput,
} from './interaction.mutations.js';
import { toInteraction, type InteractionRow, type InteractionType } from './interaction.type.js';
import { batchWrite, mutateAllowed } from '../access/guard.js';

/** A validated interaction with the id it will get, before its references are checked. */
interface Draft {
  v: Validator;
  id: string;
  customerId: string | null;
  staffId: string | null;
  row: Omit<InteractionType, 'id' | 'customerId' | 'staffId' | 'createdAt' | 'updatedAt' | 'version'>;
}

/** The fields an audit row shows for an interaction. */
function snapshot(interaction: InteractionType): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = interaction;
  return fields;
}

function draft(input: InteractionLogInput, root: string[], now: Date): Draft {
  const v = new Validator(root);
  const occurredAt = input.occurredAt ? v.moment('occurredAt', input.occurredAt, now) : now;
  let respondedAt = v.moment('respondedAt', input.respondedAt, now);
  const resolvedAt = v.moment('resolvedAt', input.resolvedAt, now);
  if (respondedAt && input.direction !== Direction.INBOUND) {
    v.fail('respondedAt', ErrorCode.INVALID, 'is only for INBOUND interactions: an OUTBOUND one awaits no answer from us');
  }
  if (occurredAt && respondedAt && respondedAt < occurredAt) v.fail('respondedAt', ErrorCode.INVALID, 'must not be before occurredAt');
  if (occurredAt && resolvedAt && resolvedAt < occurredAt) v.fail('resolvedAt', ErrorCode.INVALID, 'must not be before occurredAt');
  else if (respondedAt && resolvedAt && resolvedAt < respondedAt) v.fail('resolvedAt', ErrorCode.INVALID, 'must not be before respondedAt');
  // Settling an inbound matter answers it, so its response SLA stops at the resolution.
  if (input.direction === Direction.INBOUND && resolvedAt && !respondedAt) respondedAt = resolvedAt;
  return {
    v,
    id: randomUUID(),
    customerId: v.id('customerId', input.customerId),
    staffId: v.id('staffId', input.staffId, false),
    row: {
      channel: input.channel,
      direction: input.direction,
      team: input.team,
      journeyStage: input.journeyStage ?? null,
      subject: v.text('subject', input.subject, { max: 300 }),
      summary: v.text('summary', input.summary, { max: 10_000 }),
      occurredAt: occurredAt ?? now,
      respondedAt,
      resolvedAt,
      externalId: v.text('externalId', input.externalId, { max: 200 }),
    },
  };
}

/** Customers must exist and staff be active: one query each for the whole batch. */
async function checkReferences(tx: EntityManager, drafts: Draft[]): Promise<void> {
  const customerIds = [...new Set(drafts.flatMap((d) => (d.customerId ? [d.customerId] : [])))];
  const staffIds = [...new Set(drafts.flatMap((d) => (d.staffId ? [d.staffId] : [])))];
  const customers = await customerWriteProblems(tx, customerIds);
  const activeStaff = new Set(staffIds.length ? (await findStaffByIds(tx, staffIds)).filter((s) => s.active).map((s) => s.id) : []);
  for (const d of drafts) {
    const problem = d.customerId ? customers.get(d.customerId) : undefined;
    if (problem) d.v.fail('customerId', problem.code, problem.message);
    if (d.staffId && !activeStaff.has(d.staffId)) d.v.fail('staffId', ErrorCode.NOT_FOUND, 'is not an active staff member');
  }
}

/**
 * Inserts every draft with one statement. An externalId already stored (by an earlier call, a
 * concurrent one, or an earlier item of this batch) inserts nothing: the item gets the stored row,
 * unless that row belongs to another customer (CONFLICT).
 */
async function insertDrafts(tx: EntityManager, drafts: Draft[]): Promise<Map<Draft, InteractionType>> {
  const stored = new Map<Draft, InteractionType>();
  if (!drafts.length) return stored;
  // textArray has no NULL, so '' stands for it in the nullable columns (validated text is never '').
  const text = (pick: (d: Draft) => string | Date | null) =>
    textArray(drafts.map((d) => {
      const value = pick(d);
      return value instanceof Date ? value.toISOString() : (value ?? '');
    }));
  const inserted = await query<InteractionRow>(
    tx,
    `insert into interaction (id, customer_id, channel, direction, team, journey_stage, subject, summary, occurred_at, staff_id,
                              responded_at, resolved_at, external_id)
     select t.id, t.customer_id, t.channel, t.direction, t.team, nullif(t.journey_stage, ''), nullif(t.subject, ''), nullif(t.summary, ''),
            t.occurred_at, nullif(t.staff_id, '')::uuid, nullif(t.responded_at, '')::timestamptz, nullif(t.resolved_at, '')::timestamptz,
            nullif(t.external_id, '')
       from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[],
                   ?::text[], ?::text[], ?::text[]) with ordinality
            as t(id, customer_id, channel, direction, team, journey_stage, subject, summary, occurred_at, staff_id, responded_at, resolved_at,
                 external_id, position)
      order by t.position
     on conflict (external_id) do nothing
     returning *`,
    [
      uuidArray(drafts.map((d) => d.id)),
      uuidArray(drafts.map((d) => d.customerId!)),
      text((d) => d.row.channel),
      text((d) => d.row.direction),
      text((d) => d.row.team),
      text((d) => d.row.journeyStage),
      text((d) => d.row.subject),
      text((d) => d.row.summary),
      text((d) => d.row.occurredAt),
      text((d) => d.staffId),
      text((d) => d.row.respondedAt),
      text((d) => d.row.resolvedAt),
      text((d) => d.row.externalId),
    ],
  );
  const byId = new Map(inserted.map((row) => [row.id, toInteraction(row)]));
  const skipped = drafts.filter((d) => !byId.has(d.id));
  const existing = skipped.length
    ? await query<InteractionRow>(tx, 'select * from interaction where external_id = any(?::text[])', [textArray(skipped.map((d) => d.row.externalId!))])
    : [];
  const byExternalId = new Map(existing.map((row) => [row.external_id!, toInteraction(row)]));
  for (const d of drafts) {
    const row = byId.get(d.id) ?? byExternalId.get(d.row.externalId!);
    if (!row) throw new Error(`interaction ${d.id} was neither inserted nor found by its externalId`);
    if (row.customerId !== d.customerId) {
      d.v.fail('externalId', ErrorCode.CONFLICT, `is already used by interaction ${row.id} of another customer`);
    } else {
      stored.set(d, row);
    }
  }
  return stored;
}

/**
 * An outbound interaction answers the customer's inbound ones on the same team that were still
 * open when it happened: their respondedAt becomes the first such outbound moment. One statement
 * for any number of new outbound interactions.
 */
async function answerOpenInbound(
  tx: EntityManager,
  outbound: InteractionType[],
): Promise<{ id: string; customer_id: string; responded_at: string; answered_by: string }[]> {
  if (!outbound.length) return [];
  const answers = JSON.stringify(outbound.map((o) => ({ id: o.id, customer_id: o.customerId, team: o.team, occurred_at: o.occurredAt.toISOString() })));
  return query(
    tx,
    `update interaction i set responded_at = answer.occurred_at, updated_at = now(), version = i.version + 1
       from (
         select distinct on (waiting.id) waiting.id, o.occurred_at, o.id as answered_by
           from interaction waiting
           join jsonb_to_recordset(?::jsonb) as o(id uuid, customer_id uuid, team text, occurred_at timestamptz)
             on o.customer_id = waiting.customer_id and o.team = waiting.team and o.occurred_at >= waiting.occurred_at
          where waiting.direction = 'INBOUND' and waiting.responded_at is null
          order by waiting.id, o.occurred_at, o.id
       ) as answer
      where i.id = answer.id
      returning i.id, i.customer_id, i.responded_at, answer.answered_by`,
    [answers],
  );
}

/**
 * Interactions logged set-based (see recordDrafts); an outbound one answers the same team's open
 * inbound interactions of its customer, audited with it.
 */
const interactions: DraftRecorder<InteractionLogInput, Draft, InteractionType> = {
  entityType: 'Interaction',
  draft,
  checkReferences,
  insert: insertDrafts,
  snapshot,
  async consequences(tx, created, action) {
    const answered = await answerOpenInbound(tx, created.filter((row) => row.direction === Direction.OUTBOUND));
    return answered.map((row) => ({
      action,
      entityType: 'Interaction',
      entityId: row.id,
      customerId: row.customer_id,
      before: { respondedAt: null },
      after: { respondedAt: timestamp(row.responded_at).toISOString(), answeredBy: row.answered_by },
    }));
  },
};


export function logInteraction(context: Context, input: InteractionLogInput): Promise<MutationResult<InteractionType>> {
  return mutateAllowed(context, 'interactions', async (tx, viewer) => {
    return onlyItem(await recordDrafts(tx, context, viewer, interactions, 'interactionLog', [input], () => ['input']));
  });
}

export function logInteractionBatch(
  context: Context,
  input: InteractionLogBatchInput,
  via: 'api' | 'import' = 'api',
): Promise<MutationResult<ItemResult<InteractionType>[]>> {
  return mutateAllowed(context, batchWrite('interactions', via), async (tx, viewer) => {
    checkBatchSize(input.items);
    return recordDrafts(tx, context, viewer, interactions, 'interactionLogBatch', input.items, (index) => ['input', 'items', String(index)]);
  });
}

/** Locks the interaction row for this transaction. */
async function lockInteraction(tx: EntityManager, id: string): Promise<InteractionType> {
  const v = new Validator();
  v.id('id', id);
  v.check();
  const [row] = await query<InteractionRow>(tx, 'select * from interaction where id = ? for update', [id]);
  if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'does not exist', ['input', 'id']);
  return toInteraction(row);
}

async function applyTimes(
  tx: EntityManager,
  context: Context,
  viewer: Viewer,
  action: string,
  before: InteractionType,
  times: { respondedAt: Date | null; resolvedAt: Date | null },
): Promise<InteractionType> {
  const [row] = await query<InteractionRow>(
    tx,
    'update interaction set responded_at = ?, resolved_at = ?, version = version + 1, updated_at = now() where id = ? returning *',
    [times.respondedAt, times.resolvedAt, before.id],
  );
  const after = toInteraction(row!);
  const diff = changedFields(snapshot(before), snapshot(after));
  await recordAudit(tx, viewer, context.requestId, [
    { action, entityType: 'Interaction', entityId: after.id, customerId: after.customerId, before: diff.before, after: diff.after },
  ]);
  return after;
}

export function markResponded(context: Context, input: InteractionMarkRespondedInput): Promise<MutationResult<InteractionType>> {
  return mutateAllowed(context, 'interactions', async (tx, viewer) => {
    const v = new Validator();
    const respondedAt = v.moment('respondedAt', input.respondedAt, context.now) ?? context.now;
    v.check();
    const before = await lockInteraction(tx, input.id);
    if (before.direction !== Direction.INBOUND) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, 'is OUTBOUND: only an INBOUND interaction awaits an answer', ['input', 'id']);
    }
    if (before.respondedAt) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `was already answered at ${before.respondedAt.toISOString()}`, ['input', 'id']);
    }
    if (respondedAt < before.occurredAt) {
      throw new DomainError(ErrorCode.INVALID, `must not be before the interaction occurred (${before.occurredAt.toISOString()})`, ['input', 'respondedAt']);
    }
    return applyTimes(tx, context, viewer, 'interactionMarkResponded', before, { respondedAt, resolvedAt: before.resolvedAt });
  });
}

export function markResolved(context: Context, input: InteractionMarkResolvedInput): Promise<MutationResult<InteractionType>> {
  return mutateAllowed(context, 'interactions', async (tx, viewer) => {
    const v = new Validator();
    const resolvedAt = v.moment('resolvedAt', input.resolvedAt, context.now) ?? context.now;
    v.check();
    const before = await lockInteraction(tx, input.id);
    if (before.resolvedAt) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `was already resolved at ${before.resolvedAt.toISOString()}`, ['input', 'id']);
    }
    const earliest = before.respondedAt ?? before.occurredAt;
    if (resolvedAt < earliest) {
      const what = before.respondedAt ? 'it was answered' : 'the interaction occurred';
      throw new DomainError(ErrorCode.INVALID, `must not be before ${what} (${earliest.toISOString()})`, ['input', 'resolvedAt']);
    }
    const respondedAt = before.direction === Direction.INBOUND ? (before.respondedAt ?? resolvedAt) : before.respondedAt;
    return applyTimes(tx, context, viewer, 'interactionMarkResolved', before, { respondedAt, resolvedAt });
  });
}
