import type { LifecycleStage } from '../graphql/enums';
import { UserErrorsError } from '../graphql/client';
import type { Customer, UserError } from '../graphql/types';
import { CUSTOMER_FIELDS } from './customers';
import { mutationDocument, runMutation } from './mutations';

/**
 * Bulk work on the customers selected in the list: one customerBulkUpdate for all of them —
 * all-or-nothing, so a refusal names each customer that stood in the way (["input", "ids", "3"] is
 * the fourth selected) and nothing is written. Tags of one customer from its 360 page go through
 * customerTagsAdd and customerTagsRemove.
 */

export interface CustomerBulkUpdateInput {
  ids: string[];
  ownerId?: string;
  clearOwner?: boolean;
  lifecycleStage?: LifecycleStage;
  tagsAdd?: string[];
  tagsRemove?: string[];
}

export type BulkChange =
  | { kind: 'owner'; ownerId: string | null }
  | { kind: 'tagsAdd'; tags: string[] }
  | { kind: 'tagsRemove'; tags: string[] }
  | { kind: 'lifecycleStage'; lifecycleStage: LifecycleStage };

export function tagList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.map((tag) => String(tag).trim()).filter(Boolean))];
}

/** One change to the selected customers as the mutation's input: no owner means clearing it. */
export function toBulkUpdateInput(ids: string[], change: BulkChange): CustomerBulkUpdateInput {
  switch (change.kind) {
    case 'owner':
      return change.ownerId ? { ids, ownerId: change.ownerId } : { ids, clearOwner: true };
    case 'tagsAdd':
      return { ids, tagsAdd: change.tags };
    case 'tagsRemove':
      return { ids, tagsRemove: change.tags };
    case 'lifecycleStage':
      return { ids, lifecycleStage: change.lifecycleStage };
  }
}

const BULK_UPDATE = mutationDocument('customerBulkUpdate', 'CustomerBulkUpdateInput', 'customers { ...CustomerFields }', CUSTOMER_FIELDS);

/** Applies one change to every selected customer, or to none (throws UserErrorsError with the API's userErrors). */
export async function customerBulkUpdate(ids: string[], change: BulkChange): Promise<Customer[]> {
  return runMutation<Customer[]>(BULK_UPDATE, 'customerBulkUpdate', 'customers', { ...toBulkUpdateInput(ids, change) });
}

/** One refusal of a bulk update, said about the customer it concerns (null: about the whole request). */
export interface BulkProblem {
  customerId: string | null;
  /** The input it concerns besides the customer ("ownerId", "tagsAdd"…), or null. */
  field: string | null;
  message: string;
  code: string;
}

/**
 * The userErrors of a bulk update, each tied to the selected customer it names (["input", "ids",
 * "3"] → ids[3]); any other field is kept as the input's name, without list positions.
 */
export function bulkProblems(ids: string[], userErrors: UserError[]): BulkProblem[] {
  return userErrors.map((error) => {
    const path = (error.field ?? []).filter((part, index) => !(index === 0 && part === 'input'));
    const position = path[0] === 'ids' && path[1] !== undefined && /^\d+$/.test(path[1]) ? Number(path[1]) : null;
    const customerId = position !== null ? (ids[position] ?? null) : null;
    const rest = position !== null ? path.slice(2) : path;
    const field = rest.filter((part) => !/^\d+$/.test(part)).join('.') || null;
    return { customerId, field, message: error.message, code: error.code };
  });
}

export function userErrorsOf(error: unknown): UserError[] | null {
  return error instanceof UserErrorsError ? error.userErrors : null;
}

const TAGS = {
  add: mutationDocument('customerTagsAdd', 'CustomerTagsInput', 'customer { ...CustomerFields }', CUSTOMER_FIELDS),
  remove: mutationDocument('customerTagsRemove', 'CustomerTagsInput', 'customer { ...CustomerFields }', CUSTOMER_FIELDS),
} as const;

/** Adds or removes tags of one customer (the 360 page). */
export async function customerTags(action: keyof typeof TAGS, id: string, tags: unknown): Promise<Customer> {
  const name = action === 'add' ? 'customerTagsAdd' : 'customerTagsRemove';
  return runMutation<Customer>(TAGS[action], name, 'customer', { id, tags: tagList(tags) });
}
