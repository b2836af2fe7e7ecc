import type { DomainError } from './errors.js';
import { invalidArgument } from './errors.js';
import { InputErrors } from './validation.js';

/** The most items one batch mutation (or one import transaction) takes. */
export const MAX_BATCH_ITEMS = 1000;

/** One item of a batch write: the stored object, or the rules the item broke. */
export interface ItemResult<T> {
  value: T | null;
  errors: DomainError[];
}

/** Refuses a batch over the limit before anything is read or written. */
export function checkBatchSize(items: readonly unknown[]): void {
  if (items.length > MAX_BATCH_ITEMS) {
    throw new InputErrors([invalidArgument(['input', 'items'], `must have at most ${MAX_BATCH_ITEMS} items, got ${items.length}`)]);
  }
}

/** The single mutation's answer from a batch of one: its value, or its errors as userErrors. */
export function onlyItem<T>([result]: ItemResult<T>[]): T {
  if (result!.errors.length) throw new InputErrors(result!.errors);
  return result!.value!;
}
