import type { EntityManager } from '@mikro-orm/postgresql';
import { query, timestamp } from '../../db/sql.js';
import { CustomerKind, LifecycleStage } from '../../domain/enums.js';
import type { Context, Viewer } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import type { ConstraintFields, MutationResult } from '../../graphql/mutation.js';
import { Validator } from '../../graphql/validation.js';
import { changedFields, recordAudit } from '../audit/audit.service.js';
import { isActiveStaff } from '../staff/staff.service.js';
import type {
  CustomerChangeLifecycleStageInput,
  CustomerChangeOwnerInput,
  CustomerCreateInput,
  CustomerMarkChurnedInput,
  CustomerTagsInput,
  CustomerUpdateInput,
  CustomerVersionInput,
} from './customer.mutations.js';
import { toCustomer, type CustomerRow, type CustomerType } from './customer.type.js';
import { mutateAllowed } from '../access/guard.js';

const CONSTRAINTS: ConstraintFields = {
  customer_external_id_unique: { field: ['input', 'externalId'], message: 'is already used by another customer' },
};

/** The fields an audit row shows for a customer. */
export function snapshot(row: CustomerRow): Record<string, unknown> {
  const { historical_value: _v, value_currency: _c, last_interaction_at: _l, latest_nps_score: _n, latest_nps_at: _a, purchase_currencies: _pc, last_purchased_at: _lp, ...rest } = row as CustomerRow &
    Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(rest)
      .filter(([key]) => !['id', 'created_at', 'updated_at'].includes(key))
      .map(([key, value]) => [key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()), value]),
  );
}

async function audit(tx: EntityManager, context: Context, viewer: Viewer, action: string, before: CustomerRow | null, after: CustomerRow) {
  const diff = before ? changedFields(snapshot(before), snapshot(after)) : { before: null, after: snapshot(after) };
  await recordAudit(tx, viewer, context.requestId, [
    { action, entityType: 'Customer', entityId: after.id, customerId: after.id, before: diff.before, after: diff.after },
  ]);
}

/** INVALID_TRANSITION for a customer whose personal data was erased: it can no longer be changed. */
export function refuseErased(row: CustomerRow, field: string[]): void {
  if (!row.erased_at) return;
  throw new DomainError(
    ErrorCode.INVALID_TRANSITION,
    `this customer's personal data was erased on ${timestamp(row.erased_at).toISOString()} (customerErase): an erased customer can no longer be changed`,
    field,
  );
}

/** Locks the customer row for this transaction and checks the version the client saw. */
export async function lockCustomer(tx: EntityManager, id: string, version: number | null, field: string[] = ['input']): Promise<CustomerRow> {
  const v = new Validator(field);
  v.id('id', id);
  v.check();
  const [row] = await query<CustomerRow>(tx, 'select * from customer where id = ? for update', [id]);
  if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'does not exist', [...field, 'id']);
  refuseErased(row, [...field, 'id']);
  if (version !== null && row.version !== version) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      `someone else changed this customer since you read it (you sent version ${version}, it is now ${row.version}); reload and try again`,
      [...field, 'version'],
    );
  }
  return row;
}

async function requireActiveOwner(tx: EntityManager, v: Validator, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  if (v.id('ownerId', ownerId) && !(await isActiveStaff(tx, ownerId))) v.fail('ownerId', ErrorCode.NOT_FOUND, 'is not an active staff member');
}

/** Applies `changes` (column → value) to a locked customer, bumps its version, audits, returns it. */
async function applyChanges(
  tx: EntityManager,
  context: Context,
  viewer: Viewer,
  action: string,
  before: CustomerRow,
  changes: Record<string, unknown>,
): Promise<CustomerType> {
  const columns = Object.keys(changes);
  const assignments = columns.map((column) => `${column} = ?${column === 'tags' ? '::text[]' : ''}`);
  const [after] = await query<CustomerRow>(
    tx,
    `update customer set ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')} where id = ? returning *`,
    [...columns.map((c) => (c === 'tags' ? `{${(changes[c] as string[]).map((t) => JSON.stringify(t)).join(',')}}` : changes[c])), before.id],
  );
  await audit(tx, context, viewer, action, before, after!);
  return toCustomer(after!);
}

/**
 * customerCreate's rules for one input: the cleaned column values, with every broken rule collected
 * on `v`. The owner is checked apart (`requireActiveOwner`), since that needs the database.
 */
export function customerCreateValues(v: Validator, input: CustomerCreateInput, now: Date) {
  const stage = input.lifecycleStage ?? LifecycleStage.LEAD;
  const values = {
    kind: input.kind ?? CustomerKind.PERSON,
    name: v.text('name', input.name, { required: true, max: 200 }),
    company: v.text('company', input.company, { max: 200 }),
    email: v.email('email', input.email),
    phone: v.phone('phone', input.phone),
    segment: input.segment,
    persona: v.text('persona', input.persona, { max: 100 }),
    lifecycle_stage: stage,
    acquisition_channel: input.acquisitionChannel,
    acquired_at: null as Date | null,
    churned_at: null as Date | null,
    churn_reason: null as string | null,
    owner_id: input.ownerId ?? null,
    tags: v.tags('tags', input.tags) ?? [],
    locale: v.locale('locale', input.locale) ?? 'en',
    external_id: v.text('externalId', input.externalId, { max: 200 }),
  };
  const acquired = stage === LifecycleStage.CUSTOMER || stage === LifecycleStage.CHURNED;
  if (acquired) values.acquired_at = v.moment('acquiredAt', input.acquiredAt, now) ?? now;
  else if (input.acquiredAt) v.fail('acquiredAt', ErrorCode.INVALID, `must be empty for a ${stage}: only customers who bought have one`);
  if (stage === LifecycleStage.CHURNED) {
    values.churned_at = v.moment('churnedAt', input.churnedAt, now, { required: true });
    values.churn_reason = v.text('churnReason', input.churnReason, { required: true, max: 500 });
    if (values.churned_at && values.acquired_at && values.churned_at < values.acquired_at) {
      v.fail('churnedAt', ErrorCode.INVALID, 'must not be before acquiredAt');
    }
  } else {
    if (input.churnedAt) v.fail('churnedAt', ErrorCode.INVALID, 'is only for a CHURNED customer');
    if (input.churnReason) v.fail('churnReason', ErrorCode.INVALID, 'is only for a CHURNED customer');
  }
  return values;
}

export function createCustomer(context: Context, input: CustomerCreateInput): Promise<MutationResult<CustomerType>> {
  return mutateAllowed(
    context,
    ['customers', 'personalData'],
    async (tx, viewer) => {
      const v = new Validator();
      const values = customerCreateValues(v, input, context.now);
      await requireActiveOwner(tx, v, input.ownerId);
      v.check();

      const existing = values.external_id
        ? (await query<CustomerRow>(tx, 'select * from customer where external_id = ? for update', [values.external_id]))[0]
        : undefined;
      const columns = Object.keys(values);
      const params = columns.map((c) => (c === 'tags' ? `{${values.tags.map((t) => JSON.stringify(t)).join(',')}}` : values[c as keyof typeof values]));
      // ON CONFLICT keeps two concurrent retries with one externalId from ever making two customers.
      const [row] = await query<CustomerRow>(
        tx,
        `insert into customer (${columns.join(', ')}) values (${columns.map((c) => (c === 'tags' ? '?::text[]' : '?')).join(', ')})
         on conflict (external_id) do update set ${columns
           .filter((c) => c !== 'external_id')
           .map((c) => `${c} = excluded.${c}`)
           .join(', ')}, version = customer.version + 1, updated_at = now()
         returning *`,
        params,
      );
      await audit(tx, context, viewer, existing ? 'customerUpdate' : 'customerCreate', existing ?? null, row!);
      return toCustomer(row!);
    },
    CONSTRAINTS,
  );
}

/** Customer fields that are personal data: setting them needs `write` on personalData too. */
const PERSONAL_INPUT_FIELDS = ['name', 'company', 'email', 'phone', 'externalId'] as const;

export function updateCustomer(context: Context, input: CustomerUpdateInput): Promise<MutationResult<CustomerType>> {
  return mutateAllowed(
    context,
    PERSONAL_INPUT_FIELDS.some((field) => input[field] !== undefined) ? ['customers', 'personalData'] : 'customers',
    async (tx, viewer) => {
      const v = new Validator();
      const changes: Record<string, unknown> = {};
      const has = (key: keyof CustomerUpdateInput) => input[key] !== undefined;
      const notNull = (key: keyof CustomerUpdateInput) => {
        if (input[key] === null) v.fail(key, ErrorCode.REQUIRED, 'cannot be cleared');
        return input[key] !== null && input[key] !== undefined;
      };
      if (notNull('name')) changes.name = v.text('name', input.name, { required: true, max: 200 });
      if (notNull('kind')) changes.kind = input.kind;
      if (notNull('segment')) changes.segment = input.segment;
      if (notNull('acquisitionChannel')) changes.acquisition_channel = input.acquisitionChannel;
      if (has('company')) changes.company = v.text('company', input.company, { max: 200 });
      if (has('email')) changes.email = v.email('email', input.email);
      if (has('phone')) changes.phone = v.phone('phone', input.phone);
      if (has('persona')) changes.persona = v.text('persona', input.persona, { max: 100 });
      if (has('tags')) changes.tags = v.tags('tags', input.tags) ?? [];
      if (has('locale')) changes.locale = v.locale('locale', input.locale) ?? 'en';
      if (has('externalId')) changes.external_id = v.text('externalId', input.externalId, { max: 200 });
      v.check();
      const before = await lockCustomer(tx, input.id, input.version);
      return applyChanges(tx, context, viewer, 'customerUpdate', before, changes);
    },
    CONSTRAINTS,
  );
}

export function changeOwner(context: Context, input: CustomerChangeOwnerInput): Promise<MutationResult<CustomerType>> {
  return mutateAllowed(context, 'customers', async (tx, viewer) => {
    const v = new Validator();
    await requireActiveOwner(tx, v, input.ownerId);
    v.check();
    const before = await lockCustomer(tx, input.id, input.version);
    return applyChanges(tx, context, viewer, 'customerChangeOwner', before, { owner_id: input.ownerId ?? null });
  });
}

const STAGE_ORDER = [LifecycleStage.LEAD, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER];

/**
 * The columns a move to lifecycle stage `to` changes on a customer, or INVALID_TRANSITION:
 * LEAD → PROSPECT → CUSTOMER only forwards, or a churned customer won back (CUSTOMER). Becoming a
 * CUSTOMER for the first time sets acquiredAt.
 */
export function lifecycleStageChanges(before: CustomerRow, to: LifecycleStage, acquiredAt: Date, field: string[]): Record<string, unknown> {
  const from = before.lifecycle_stage;
  const winBack = from === LifecycleStage.CHURNED && to === LifecycleStage.CUSTOMER;
  if (!winBack && (from === LifecycleStage.CHURNED || STAGE_ORDER.indexOf(to) < STAGE_ORDER.indexOf(from))) {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `cannot go from ${from} to ${to}`, field);
  }
  const changes: Record<string, unknown> = { lifecycle_stage: to };
  if (to === LifecycleStage.CUSTOMER && !before.acquired_at) changes.acquired_at = acquiredAt;
  if (winBack) Object.assign(changes, { churned_at: null, churn_reason: null });
  return changes;
}

/** A customer's tags after adding and removing some (case-insensitive), or INVALID past 20. */
export function mergedTags(current: readonly string[], add: readonly string[], remove: readonly string[], field: string[]): string[] {
  const removed = new Set(remove.map((t) => t.toLowerCase()));
  const kept = current.filter((t) => !removed.has(t.toLowerCase()));
  const next = [...kept, ...add.filter((t) => !kept.some((existing) => existing.toLowerCase() === t.toLowerCase()))];
  if (next.length > 20) throw new DomainError(ErrorCode.INVALID, 'a customer can have at most 20 tags', field);
  return next;
}

export function changeLifecycleStage(context: Context, input: CustomerChangeLifecycleStageInput): Promise<MutationResult<CustomerType>> {
  return mutateAllowed(context, 'customers', async (tx, viewer) => {
    const v = new Validator();
    if (input.lifecycleStage === LifecycleStage.CHURNED) v.fail('lifecycleStage', ErrorCode.INVALID, 'use customerMarkChurned to record a churn with its reason');
    const acquiredAt = v.moment('acquiredAt', input.acquiredAt, context.now);
    v.check();
    const before = await lockCustomer(tx, input.id, input.version);
    const changes = lifecycleStageChanges(before, input.lifecycleStage, acquiredAt ?? context.now, ['input', 'lifecycleStage']);
    return applyChanges(tx, context, viewer, 'customerChangeLifecycleStage', before, changes);
  });
}

export function markChurned(context: Context, input: CustomerMarkChurnedInput): Promise<MutationResult<CustomerType>> {
  return mutateAllowed(context, 'customers', async (tx, viewer) => {
    const v = new Validator();
    const reason = v.text('reason', input.reason, { required: true, max: 500 });
    const churnedAt = v.moment('churnedAt', input.churnedAt, context.now) ?? context.now;
    v.check();
    const before = await lockCustomer(tx, input.id, input.version);
    if (before.lifecycle_stage !== LifecycleStage.CUSTOMER) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `only a CUSTOMER can churn; this one is ${before.lifecycle_stage}`, ['input', 'id']);
    }
    if (before.acquired_at && churnedAt < new Date(before.acquired_at)) {
      throw new DomainError(ErrorCode.INVALID, 'must not be before the customer was acquired', ['input', 'churnedAt']);
    }
    return applyChanges(tx, context, viewer, 'customerMarkChurned', before, {
      lifecycle_stage: LifecycleStage.CHURNED,
      churned_at: churnedAt,
      churn_reason: reason,
    });
  });
}

export function setArchived(context: Context, input: CustomerVersionInput, archived: boolean): Promise<MutationResult<CustomerType>> {
  return mutateAllowed(context, 'customers', async (tx, viewer) => {
    const before = await lockCustomer(tx, input.id, input.version);
    if (Boolean(before.archived_at) === archived) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, archived ? 'is already archived' : 'is not archived', ['input', 'id']);
    }
    return applyChanges(tx, context, viewer, archived ? 'customerArchive' : 'customerRestore', before, {
      archived_at: archived ? context.now : null,
    });
  });
}

/** Adds or removes tags; no version needed, since both are safe to repeat and to interleave. */
export function changeTags(context: Context, input: CustomerTagsInput, mode: 'add' | 'remove'): Promise<MutationResult<CustomerType>> {
  return mutateAllowed(context, 'customers', async (tx, viewer) => {
    const v = new Validator();
    const tags = v.tags('tags', input.tags) ?? [];
    if (!input.tags.length) v.fail('tags', ErrorCode.REQUIRED, 'must name at least one tag');
    v.check();
    const before = await lockCustomer(tx, input.id, null);
    const next = mode === 'add' ? mergedTags(before.tags, tags, [], ['input', 'tags']) : mergedTags(before.tags, [], tags, ['input', 'tags']);
    return applyChanges(tx, context, viewer, mode === 'add' ? 'customerTagsAdd' : 'customerTagsRemove', before, { tags: next });
  });
}
