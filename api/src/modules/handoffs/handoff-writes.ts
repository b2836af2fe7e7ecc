import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql.js';
import type { Team } from '../../domain/enums.js';
import type { Context, Viewer } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import type { MutationResult } from '../../graphql/mutation.js';
import { Validator } from '../../graphql/validation.js';
import { changedFields, recordAudit } from '../audit/audit.service.js';
import { findCustomersByIds } from '../customers/customer.service.js';
import { handoffDueAt } from '../sla/sla.service.js';
import { findStaffByIds } from '../staff/staff.service.js';
import {
  MAX_HANDOFF_TEXT,
  type HandoffAcceptInput,
  type HandoffCancelInput,
  type HandoffCompleteInput,
  type HandoffRejectInput,
  type HandoffRequestInput,
  type HandoffVersionInput,
} from './handoff.mutations.js';
import { toHandoff, type HandoffRow, type HandoffType } from './handoff.type.js';
import { HandoffStep, mayTakeStep, OPEN_STATUSES, overseesAllTeams, STEPS, whoMayTakeStep } from './handoff.workflow.js';
import { mutateAllowed } from '../access/guard.js';

const TEXT = { max: MAX_HANDOFF_TEXT };
const REQUIRED_TEXT = { required: true, max: MAX_HANDOFF_TEXT };

/** The fields an audit row shows for a handoff (its customer is the audit row's own column). */
function snapshot(row: HandoffRow): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([key]) => !['id', 'customer_id', 'created_at', 'updated_at'].includes(key))
      .map(([key, value]) => [key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()), value]),
  );
}

async function audit(tx: EntityManager, context: Context, viewer: Viewer, action: string, before: HandoffRow | null, after: HandoffRow) {
  const diff = before ? changedFields(snapshot(before), snapshot(after)) : { before: null, after: snapshot(after) };
  await recordAudit(tx, viewer, context.requestId, [
    { action, entityType: 'Handoff', entityId: after.id, customerId: after.customer_id, before: diff.before, after: diff.after },
  ]);
}

/** Checks that `staffId` names an active member of `team`, recording the broken rule on `field`. */
async function requireTeamMember(tx: EntityManager, v: Validator, field: string, staffId: string, team: Team): Promise<void> {
  if (!v.id(field, staffId)) return;
  const [staff] = await findStaffByIds(tx, [staffId]);
  if (!staff?.active) v.fail(field, ErrorCode.NOT_FOUND, 'is not an active staff member');
  else if (staff.team !== team) v.fail(field, ErrorCode.INVALID, `must be a member of the receiving team ${team}; ${staff.name} is in ${staff.team ?? 'no team'}`);
}

/**
 * Requests a handoff. Requests for one customer and receiving team are serialised by a
 * transaction-scoped advisory lock, so two concurrent requests can never both open one.
 */
export function requestHandoff(context: Context, input: HandoffRequestInput): Promise<MutationResult<HandoffType>> {
  return mutateAllowed(context, 'handoffs', async (tx, viewer) => {
    const fromTeam = input.fromTeam ?? viewer.team;
    if (fromTeam && fromTeam !== viewer.team && !overseesAllTeams(viewer)) {
      throw new DomainError(ErrorCode.FORBIDDEN, `you may hand over only from your own team (${viewer.team ?? 'none'}); managers and admins may for any`, [
        'input',
        'fromTeam',
      ]);
    }
    const v = new Validator();
    const customerId = v.id('customerId', input.customerId);
    if (!fromTeam) v.fail('fromTeam', ErrorCode.REQUIRED, 'is required: you belong to no team, so say which team hands over');
    else if (fromTeam === input.toTeam) v.fail('toTeam', ErrorCode.INVALID, `must differ from the sending team (${fromTeam})`);
    const values = {
      summary: v.text('summary', input.summary, REQUIRED_TEXT),
      customer_goals: v.text('customerGoals', input.customerGoals, REQUIRED_TEXT),
      commitments: v.text('commitments', input.commitments, REQUIRED_TEXT),
      key_contacts: v.text('keyContacts', input.keyContacts, TEXT),
      risks: v.text('risks', input.risks, TEXT),
    };
    if (input.toStaffId) await requireTeamMember(tx, v, 'toStaffId', input.toStaffId, input.toTeam);
    v.check();

    const [customer] = await findCustomersByIds(tx, [customerId!]);
    if (!customer) throw new DomainError(ErrorCode.NOT_FOUND, 'does not exist', ['input', 'customerId']);
    if (customer.erasedAt) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, "this customer's personal data was erased: nothing new can be recorded about them", ['input', 'customerId']);
    }
    if (customer.archivedAt) throw new DomainError(ErrorCode.INVALID, 'is archived: restore the customer before handing it over', ['input', 'customerId']);
    await query(tx, 'select pg_advisory_xact_lock(hashtextextended(?, 0))', [`handoff:${customerId}:${input.toTeam}`]);
    const [open] = await query<{ id: string; status: string }>(
      tx,
      'select id, status from handoff where customer_id = ? and to_team = ? and status = any(?::text[]) limit 1',
      [customerId, input.toTeam, `{${OPEN_STATUSES.join(',')}}`],
    );
    if (open) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `this customer already has an open handoff to ${input.toTeam} (${open.status}, id ${open.id}); complete, reject or cancel it first`,
        ['input', 'toTeam'],
      );
    }
    const dueAt = await handoffDueAt(tx, input.toTeam, context.now);
    const [row] = await query<HandoffRow>(
      tx,
      `insert into handoff (customer_id, from_team, to_team, from_staff_id, to_staff_id, summary, customer_goals, commitments, key_contacts, risks,
                            status, requested_at, due_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?) returning *`,
      [customerId, fromTeam, input.toTeam, viewer.staffUserId, input.toStaffId ?? null, ...Object.values(values), context.now, dueAt],
    );
    await audit(tx, context, viewer, 'handoffRequest', null, row!);
    return toHandoff(row!);
  });
}

/** What a step writes besides its status and time, given the locked handoff. */
type StepChanges = (tx: EntityManager, v: Validator, before: HandoffRow, viewer: Viewer) => Promise<Record<string, unknown>> | Record<string, unknown>;

/**
 * Takes one step of the state machine: locks the handoff, then checks in order who may take the
 * step (FORBIDDEN), the version the client saw (CONFLICT), the status (INVALID_TRANSITION) and
 * the step's own input, before writing the new status, the step's time, a new version and an
 * audit row.
 */
function takeStep(context: Context, step: HandoffStep, input: HandoffVersionInput, changesOf: StepChanges): Promise<MutationResult<HandoffType>> {
  const rule = STEPS[step];
  return mutateAllowed(context, 'handoffs', async (tx, viewer) => {
    const v = new Validator();
    v.id('id', input.id);
    v.check();
    const [before] = await query<HandoffRow>(tx, 'select * from handoff where id = ? for update', [input.id]);
    if (!before) throw new DomainError(ErrorCode.NOT_FOUND, 'does not exist', ['input', 'id']);
    const parties = { fromTeam: before.from_team, toTeam: before.to_team, fromStaffId: before.from_staff_id };
    if (!mayTakeStep(viewer, step, parties)) throw new DomainError(ErrorCode.FORBIDDEN, whoMayTakeStep(step, parties), ['input', 'id']);
    if (before.version !== input.version) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `someone else changed this handoff since you read it (you sent version ${input.version}, it is now ${before.version}); reload and try again`,
        ['input', 'version'],
      );
    }
    if (!rule.from.includes(before.status)) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `cannot go from ${before.status} to ${rule.to}: only a ${rule.from.join(' or ')} handoff can be ${rule.to.toLowerCase()}`,
        ['input', 'id'],
      );
    }
    const changes = { status: rule.to, [rule.timeColumn]: context.now, ...(await changesOf(tx, v, before, viewer)) };
    v.check();
    const columns = Object.keys(changes);
    const [after] = await query<HandoffRow>(
      tx,
      `update handoff set ${[...columns.map((c) => `${c} = ?`), 'version = version + 1', 'updated_at = now()'].join(', ')} where id = ? returning *`,
      [...columns.map((c) => changes[c]), before.id],
    );
    await audit(tx, context, viewer, rule.action, before, after!);
    return toHandoff(after!);
  });
}

export function acceptHandoff(context: Context, input: HandoffAcceptInput): Promise<MutationResult<HandoffType>> {
  return takeStep(context, HandoffStep.ACCEPT, input, async (tx, v, before, viewer) => {
    if (input.toStaffId) await requireTeamMember(tx, v, 'toStaffId', input.toStaffId, before.to_team);
    return { to_staff_id: input.toStaffId ?? viewer.staffUserId };
  });
}

export function completeHandoff(context: Context, input: HandoffCompleteInput): Promise<MutationResult<HandoffType>> {
  return takeStep(context, HandoffStep.COMPLETE, input, (_tx, v) => ({ completion_note: v.text('note', input.note, TEXT) }));
}

export function rejectHandoff(context: Context, input: HandoffRejectInput): Promise<MutationResult<HandoffType>> {
  return takeStep(context, HandoffStep.REJECT, input, (_tx, v) => ({ rejection_reason: v.text('reason', input.reason, REQUIRED_TEXT) }));
}

export function cancelHandoff(context: Context, input: HandoffCancelInput): Promise<MutationResult<HandoffType>> {
  return takeStep(context, HandoffStep.CANCEL, input, (_tx, v) => ({ cancellation_reason: v.text('reason', input.reason, TEXT) }));
}
