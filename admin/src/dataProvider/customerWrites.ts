import type { CreateParams, UpdateParams } from 'react-admin';
import type { Customer } from '../graphql/types';
import { CUSTOMER_FIELDS } from './customers';
import { instantOrUndefined, mutationDocument, runMutation, textOrNull, withoutEmpty } from './mutations';

/**
 * Customer writes: the create and edit forms (customerCreate, customerUpdate — and
 * customerChangeOwner when the edit form changes the owner), and the lifecycle steps of the 360
 * page, each its own mutation with the version the page read.
 */

const SELECTION = 'customer { ...CustomerFields }';
const document = (name: string, inputType: string) => mutationDocument(name, inputType, SELECTION, CUSTOMER_FIELDS);

const CREATE = document('customerCreate', 'CustomerCreateInput');
const UPDATE = document('customerUpdate', 'CustomerUpdateInput');

/** Lifecycle steps of the 360 page: the mutation and its input type. */
const ACTIONS = {
  changeOwner: document('customerChangeOwner', 'CustomerChangeOwnerInput'),
  changeLifecycleStage: document('customerChangeLifecycleStage', 'CustomerChangeLifecycleStageInput'),
  markChurned: document('customerMarkChurned', 'CustomerMarkChurnedInput'),
  archive: document('customerArchive', 'CustomerVersionInput'),
  restore: document('customerRestore', 'CustomerVersionInput'),
} as const;

export type CustomerAction = keyof typeof ACTIONS;

/** A customer as the forms read it: the owner also as `ownerId`, the ReferenceInput's source. */
export type CustomerFormRecord = Customer & { ownerId: string | null };

export function asFormRecord(customer: Customer): CustomerFormRecord {
  return { ...customer, ownerId: customer.owner?.id ?? null };
}

/** The profile fields customerUpdate takes besides tags (customerCreate takes them too). */
const PROFILE_FIELDS = ['name', 'kind', 'company', 'email', 'phone', 'segment', 'persona', 'acquisitionChannel', 'locale', 'externalId'] as const;

function tagsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((tag) => String(tag).trim()).filter(Boolean);
}

/** The create form's values as a CustomerCreateInput: blanks left out, dates only for the stages that take them. */
export function toCreateInput(data: Record<string, unknown>): Record<string, unknown> {
  const stage = typeof data.lifecycleStage === 'string' && data.lifecycleStage ? data.lifecycleStage : 'LEAD';
  const input: Record<string, unknown> = { lifecycleStage: stage, ownerId: textOrNull(data.ownerId) };
  for (const field of PROFILE_FIELDS) input[field] = textOrNull(data[field]);
  const tags = tagsOf(data.tags);
  if (tags.length > 0) input.tags = tags;
  if (stage === 'CUSTOMER' || stage === 'CHURNED') input.acquiredAt = instantOrUndefined(data.acquiredAt);
  if (stage === 'CHURNED') {
    input.churnedAt = instantOrUndefined(data.churnedAt);
    input.churnReason = textOrNull(data.churnReason);
  }
  return withoutEmpty(input);
}

/**
 * What the edit form changed, as CustomerUpdateInput fields: only those that differ from the
 * record the form was opened with (a blank optional field is sent as null, which clears it).
 */
export function profileChanges(data: Record<string, unknown>, previous: Partial<Customer>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of PROFILE_FIELDS) {
    if (!(field in data)) continue;
    const next = textOrNull(data[field]);
    if (next !== textOrNull(previous[field])) changes[field] = next;
  }
  if ('tags' in data) {
    const tags = tagsOf(data.tags);
    if (JSON.stringify(tags) !== JSON.stringify(previous.tags ?? [])) changes.tags = tags;
  }
  return changes;
}

export async function createCustomer({ data }: CreateParams): Promise<{ data: CustomerFormRecord }> {
  const customer = await runMutation<Customer>(CREATE, 'customerCreate', 'customer', toCreateInput(data));
  return { data: asFormRecord(customer) };
}

/**
 * Saves the edit form with the version it was opened with: customerUpdate for the profile, then
 * customerChangeOwner (with the version the update returned) when the owner changed. A stale
 * version is a ConflictError and nothing is written.
 */
export async function updateCustomer({ id, data, previousData }: UpdateParams): Promise<{ data: CustomerFormRecord }> {
  const previous = previousData as Partial<CustomerFormRecord>;
  let version = Number(data.version ?? previous.version);
  let customer = previous as Customer;

  const changes = profileChanges(data, previous);
  if (Object.keys(changes).length > 0) {
    customer = await runMutation<Customer>(UPDATE, 'customerUpdate', 'customer', { id: String(id), version, ...changes }, 'customers');
    version = customer.version;
  }

  const previousOwnerId = previous.ownerId ?? previous.owner?.id ?? null;
  const ownerId = 'ownerId' in data ? textOrNull(data.ownerId) : previousOwnerId;
  if (ownerId !== previousOwnerId) {
    customer = await runMutation<Customer>(ACTIONS.changeOwner, 'customerChangeOwner', 'customer', { id: String(id), version, ownerId }, 'customers');
  }
  return { data: asFormRecord(customer) };
}

/** One lifecycle step (see ACTIONS) with the version the page read; dates and texts as the API takes them. */
export async function customerAction(action: CustomerAction, input: { id: string; version: number } & Record<string, unknown>): Promise<Customer> {
  const { acquiredAt, churnedAt, reason, ownerId, ...rest } = input;
  const prepared: Record<string, unknown> = { ...rest };
  if (acquiredAt !== undefined) prepared.acquiredAt = instantOrUndefined(acquiredAt);
  if (churnedAt !== undefined) prepared.churnedAt = instantOrUndefined(churnedAt);
  if (reason !== undefined) prepared.reason = textOrNull(reason) ?? '';
  if (ownerId !== undefined) prepared.ownerId = textOrNull(ownerId);
  const name = `customer${action[0]!.toUpperCase()}${action.slice(1)}`;
  return runMutation<Customer>(ACTIONS[action], name, 'customer', prepared, 'customers');
}
