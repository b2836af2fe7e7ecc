import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../db/sql.js';
import { viewerOf, type Context } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { requirePermission } from '../access/permissions.js';
import { recordAudit } from '../audit/audit.service.js';
import { customerLoaders } from '../customers/customer.loaders.js';
import { healthLoaders } from '../health/health.loaders.js';
import { purchaseLoaders } from '../purchases/purchase.loaders.js';
import { customerSatisfaction } from '../surveys/survey-response.loaders.js';
import { readCustomerRows, staffNames, type CustomerRows, type JsonRow } from './privacy.sql.js';
import type { CustomerExport, PrivacyRowCounts } from './privacy.type.js';

export const EXPORT_FORMAT = 'customer360.customer-export';
export const EXPORT_FORMAT_VERSION = 1;

const HANDOFF_STEPS = [
  ['REQUESTED', 'requested_at'],
  ['ACCEPTED', 'accepted_at'],
  ['COMPLETED', 'completed_at'],
  ['REJECTED', 'rejected_at'],
  ['CANCELLED', 'cancelled_at'],
] as const;

/** Column names become the API's camelCase; values stay as PostgreSQL rendered them. */
function camel(row: JsonRow): JsonRow {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()), value]));
}

/** A handoff's steps in the order they happened (who took each is in the audit events). */
function handoffSteps(row: JsonRow): { step: string; at: string }[] {
  return HANDOFF_STEPS.flatMap(([step, column]) => (row[column] ? [{ step, at: row[column] as string }] : [])).sort(
    (a, b) => new Date(a.at).getTime() - new Date(b.at).getTime(),
  );
}

function countsOf(rows: CustomerRows): PrivacyRowCounts {
  return {
    customer: 1,
    interactions: rows.interaction.length,
    purchases: rows.purchase.length,
    surveyResponses: rows.survey_response.length,
    handoffs: rows.handoff.length,
    auditEvents: rows.audit_event.length,
  };
}

function referencedStaff(rows: CustomerRows): string[] {
  const ids = [
    rows.customer.owner_id,
    ...rows.interaction.map((r) => r.staff_id),
    ...rows.handoff.flatMap((r) => [r.from_staff_id, r.to_staff_id]),
  ];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && isUuid(id)))];
}

/** Lifetime value, satisfaction and health as of `asOf`, through the modules' own loaders on this transaction. */
async function figures(context: Context, customerId: string, asOf: Date) {
  const customer = await customerLoaders(context).byId.load(customerId);
  const [lifetimeValue, satisfaction, health] = await Promise.all([
    purchaseLoaders(context).lifetimeValue.load({ customer: customer!, asOf }),
    customerSatisfaction(context, customerId, null),
    healthLoaders(context).byCustomer.load({ customerId, asOf }),
  ]);
  const { customerId: _id, ...allTimeSatisfaction } = satisfaction;
  return { asOf, lifetimeValue, satisfaction: allTimeSatisfaction, health };
}

/**
 * customerExport: every row about the customer and its figures, read in one REPEATABLE READ
 * transaction (one snapshot, so counts, rows and figures agree), one statement per table. The
 * export itself is audited in the same transaction, with counts only.
 */
export async function exportCustomer(context: Context, id: string): Promise<CustomerExport> {
  const viewer = viewerOf(context);
  requirePermission(viewer, 'read', 'privacyExport');
  requirePermission(viewer, 'read', 'personalData');
  if (!isUuid(id)) throw new DomainError(ErrorCode.INVALID, 'must be a customer id', ['id']);
  return context.em.transactional(
    async (tx) => {
      const em = tx as EntityManager;
      const rows = await readCustomerRows(em, id);
      if (!rows) throw new DomainError(ErrorCode.NOT_FOUND, 'no customer has this id', ['id']);
      const snapshot: Context = { ...context, em, loaders: new Map() };
      const [staff, computed] = await Promise.all([staffNames(em, referencedStaff(rows)), figures(snapshot, id, context.now)]);
      const ownerId = rows.customer.owner_id as string | null;
      const counts = countsOf(rows);
      const document = {
        format: EXPORT_FORMAT,
        formatVersion: EXPORT_FORMAT_VERSION,
        exportedAt: context.now,
        exportedBy: { staffUserId: viewer.staffUserId, name: viewer.name, email: viewer.email, apiKey: viewer.apiKey?.name ?? null },
        customer: { ...camel(rows.customer), owner: ownerId ? (staff.find((s) => s.id === ownerId) ?? { id: ownerId, name: null, team: null }) : null },
        tags: rows.customer.tags,
        staff,
        interactions: rows.interaction.map(camel),
        purchases: rows.purchase.map(camel),
        surveyResponses: rows.survey_response.map(camel),
        handoffs: rows.handoff.map((row) => ({ ...camel(row), steps: handoffSteps(row) })),
        auditEvents: rows.audit_event.map(camel),
        figures: computed,
      };
      await recordAudit(em, viewer, context.requestId, [
        { action: 'customerExport', entityType: 'Customer', entityId: id, customerId: id, before: null, after: { formatVersion: EXPORT_FORMAT_VERSION, exportedRows: counts } },
      ]);
      // Through JSON once: dates become ISO text, so the document is exactly what a file would hold.
      return {
        customerId: id,
        exportedAt: context.now,
        formatVersion: EXPORT_FORMAT_VERSION,
        counts,
        document: JSON.parse(JSON.stringify(document)) as Record<string, unknown>,
      };
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ },
  );
}
