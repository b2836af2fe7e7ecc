import type { GetListParams } from 'react-admin';
import { graphqlRequest, type RequestOptions } from '../graphql/client';
import type { Connection } from '../graphql/types';
import { pageAtOffset } from './cursorPages';
import { idOrUndefined, startOfDay } from './listFilters';
import type { ResourceReader } from './types';

/**
 * The audit log (Query.auditEvents): every change made through the API, newest first, read-only.
 * The API orders it one way only, so the list is not sortable; each row carries the changed
 * fields before and after, shown side by side (auditDiff).
 */

const AUDIT_FIELDS = 'id action actorId actorLabel apiKeyId entityType entityId customerId before after occurredAt requestId';

export interface AuditEvent {
  id: string;
  action: string;
  actorId: string | null;
  actorLabel: string;
  apiKeyId: string | null;
  entityType: string;
  entityId: string;
  customerId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  occurredAt: string;
  requestId: string | null;
}

/** The kinds of object the API audits (AuditEvent.entityType), offered as a filter. */
export const AUDITED_ENTITY_TYPES = ['Customer', 'Interaction', 'Purchase', 'SurveyResponse', 'Handoff', 'AcquisitionSpend', 'StaffUser', 'ApiKey', 'TeamSla'];

export interface AuditEventFilter {
  actorId?: string;
  customerId?: string;
  entityId?: string;
  entityType?: string;
  since?: string;
  until?: string;
}

export function toAuditEventFilter(filter: Record<string, unknown> = {}): AuditEventFilter {
  return {
    actorId: idOrUndefined(filter.actorId),
    customerId: idOrUndefined(filter.customerId),
    entityId: idOrUndefined(filter.entityId),
    entityType: idOrUndefined(filter.entityType),
    since: startOfDay(filter.since),
    until: startOfDay(filter.until),
  };
}

function auditQuery(withNodes: boolean): string {
  return /* GraphQL */ `
    query AuditEvents($filter: AuditEventFilter, $first: Int!, $after: String) {
      auditEvents(filter: $filter, first: $first, after: $after) {
        ${withNodes ? `nodes { ${AUDIT_FIELDS} }` : ''}
        pageInfo { hasNextPage endCursor }
        totalCount
      }
    }
  `;
}

async function fetchAuditPage(filter: AuditEventFilter, first: number, after: string | null, withNodes: boolean, options: RequestOptions) {
  const { auditEvents } = await graphqlRequest<{ auditEvents: Connection<AuditEvent> }>(auditQuery(withNodes), { filter, first, after }, options);
  return { ...auditEvents, nodes: auditEvents.nodes ?? [] };
}

export const auditEvents: ResourceReader = {
  async getList({ pagination, filter, signal }: GetListParams & { signal?: AbortSignal }) {
    const auditFilter = toAuditEventFilter(filter ?? {});
    const { page, perPage } = pagination ?? { page: 1, perPage: 25 };
    return pageAtOffset(`auditEvents:${JSON.stringify(auditFilter)}`, (page - 1) * perPage, perPage, (first, after, withNodes) =>
      fetchAuditPage(auditFilter, first, after, withNodes, { signal }),
    );
  },
};

/** One changed field of an audit event: its value before and after (undefined: absent on that side). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields an audit event changed, in the order they appear (before's first, then those only
 * after has); fields equal on both sides are left out (an update may record unchanged context).
 */
export function auditDiff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields
    .map((field) => ({ field, before: before?.[field], after: after?.[field] }))
    .filter((change) => !same(change.before, change.after));
}

/** A value of an audit event as text: strings as they are, lists comma-separated, objects as JSON, nothing as null. */
export function auditValueText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
