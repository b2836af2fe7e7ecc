import type { EntityManager } from '@mikro-orm/postgresql';
import type { ItemResult } from '../../graphql/batch.js';
import type { Context, Viewer } from '../../graphql/context.js';
import type { Validator } from '../../graphql/validation.js';
import { recordAudit, type AuditEntry } from './audit.service.js';

/** An item validated in memory, with the id it will get if it is written. */
export interface Draft {
  v: Validator;
  id: string;
}

/** What a kind of row brings to `recordDrafts`: its own rules, insert and audit snapshot. */
export interface DraftRecorder<Input, D extends Draft, Row extends { id: string; customerId: string }> {
  entityType: string;
  draft(input: Input, root: string[], now: Date): D;
  /** Checks the drafts' references (customers, staff…) with one query per kind, failing items on their `v`. */
  checkReferences(tx: EntityManager, drafts: D[]): Promise<void>;
  /** Inserts the valid drafts with one statement; an externalId already stored maps to the stored row. */
  insert(tx: EntityManager, drafts: D[]): Promise<Map<D, Row>>;
  snapshot(row: Row): Record<string, unknown>;
  /** Further changes the new rows cause, as audit entries (e.g. inbound interactions they answer). */
  consequences?(tx: EntityManager, created: Row[], action: string): Promise<AuditEntry[]>;
}

/**
 * Creates rows set-based, the same way for every kind: each item validated in memory, references
 * checked with one query per kind, the valid items inserted with one statement and audited with
 * one more. Each result holds the stored row or the item's errors; an item with errors writes nothing.
 */
export async function recordDrafts<Input, D extends Draft, Row extends { id: string; customerId: string }>(
  tx: EntityManager,
  context: Context,
  viewer: Viewer,
  recorder: DraftRecorder<Input, D, Row>,
  action: string,
  inputs: Input[],
  rootOf: (index: number) => string[],
): Promise<ItemResult<Row>[]> {
  const drafts = inputs.map((input, index) => recorder.draft(input, rootOf(index), context.now));
  await recorder.checkReferences(tx, drafts);
  const stored = await recorder.insert(tx, drafts.filter((d) => d.v.errors.length === 0));
  // Rows that already existed (a repeated externalId) were not created now: no audit row for them.
  const created = [...stored.entries()].filter(([d, row]) => row.id === d.id).map(([, row]) => row);
  const consequences = recorder.consequences ? await recorder.consequences(tx, created, action) : [];
  await recordAudit(tx, viewer, context.requestId, [
    ...created.map((row) => ({ action, entityType: recorder.entityType, entityId: row.id, customerId: row.customerId, before: null, after: recorder.snapshot(row) })),
    ...consequences,
  ]);
  return drafts.map((d) => ({ value: d.v.errors.length ? null : (stored.get(d) ?? null), errors: d.v.errors }));
}
