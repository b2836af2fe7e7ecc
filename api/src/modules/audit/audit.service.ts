import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql.js';
import type { Viewer } from '../../graphql/context.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  customerId: string | null;
  /** Fields as they were; null for a creation. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Keeps only the fields whose value changed, so an audit row says exactly what happened. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      changedBefore[key] = before[key] ?? null;
      changedAfter[key] = after[key] ?? null;
    }
  }
  return { before: changedBefore, after: changedAfter };
}

/** Writes audit rows inside the caller's transaction (one statement however many entries). */
export async function recordAudit(tx: EntityManager, viewer: Viewer, requestId: string, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await query(
    tx,
    `insert into audit_event (actor_id, actor_label, api_key_id, action, entity_type, entity_id, customer_id, before, after, request_id)
     select ?::uuid, ?, ?::uuid, e.action, e.entity_type, e.entity_id, e.customer_id, e.before, e.after, ?
       from jsonb_to_recordset(?::jsonb) as e(action text, entity_type text, entity_id uuid, customer_id uuid, before jsonb, after jsonb)`,
    [
      viewer.staffUserId,
      viewer.email,
      viewer.apiKey?.id ?? null,
      requestId,
      JSON.stringify(
        entries.map((e) => ({
          action: e.action,
          entity_type: e.entityType,
          entity_id: e.entityId,
          customer_id: e.customerId,
          before: e.before,
          after: e.after,
        })),
      ),
    ],
  );
}
