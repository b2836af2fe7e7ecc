import type { EntityManager } from '@mikro-orm/postgresql';
import { timestamp } from '../../db/sql.js';
import type { Context } from '../../graphql/context.js';
import { DomainError, ErrorCode } from '../../graphql/errors.js';
import { mutate, type MutationResult } from '../../graphql/mutation.js';
import { Validator } from '../../graphql/validation.js';
import { requirePermission } from '../access/permissions.js';
import { recordAudit } from '../audit/audit.service.js';
import { toCustomer, type CustomerRow, type CustomerType } from '../customers/customer.type.js';
import { CHILD_TABLES } from './data-map.js';
import {
  anonymiseChildRows,
  anonymiseCustomerRow,
  identifierPatterns,
  lockForErasure,
  redactAuditValues,
  type LockedCustomer,
} from './privacy.sql.js';
import type { CustomerEraseInput, CustomerErasure, PrivacyRowCounts } from './privacy.type.js';

/** The name an erased customer keeps: neutral, and still tells two erased customers apart in lists. */
export function erasedLabel(customerId: string): string {
  return `Erased customer ${customerId.slice(0, 8)}`;
}

/** The values that identify the person: any kept text containing one of them is redacted too. */
function identifiersOf(customer: LockedCustomer): string[] {
  return [customer.name, customer.company, customer.email, customer.phone, customer.external_id].flatMap((value) => {
    const text = value?.trim().toLowerCase();
    return text ? [text] : [];
  });
}

function mentionsAny(text: string, identifiers: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return identifiers.some((identifier) => lower.includes(identifier));
}

async function lockErasable(tx: EntityManager, input: CustomerEraseInput): Promise<LockedCustomer> {
  const customer = await lockForErasure(tx, input.id);
  if (!customer) throw new DomainError(ErrorCode.NOT_FOUND, 'no customer has this id', ['input', 'id']);
  if (customer.erased_at) {
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `this customer was already erased on ${timestamp(customer.erased_at).toISOString()}; there is nothing personal left to erase`,
      ['input', 'id'],
    );
  }
  if (input.version != null && customer.version !== input.version) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      `someone else changed this customer since you read it (you sent version ${input.version}, it is now ${customer.version}); reload, check and try again`,
      ['input', 'version'],
    );
  }
  return customer;
}

/**
 * customerErase: in one transaction, anonymises the child rows (interaction, purchase,
 * survey_response, handoff), then the before/after values of every audit event about the
 * customer, then the customer row itself (which is marked erased), and finally records the
 * erasure — counts, reason, no personal values. Money, scores and times stay, so every metric
 * and figure is the same afterwards. See data-map.ts for what happens to each column.
 */
export function eraseCustomer(context: Context, input: CustomerEraseInput): Promise<MutationResult<{ erasure: CustomerErasure; customer: CustomerType }>> {
  return mutate(context, async (tx, viewer) => {
    requirePermission(viewer, 'write', 'privacyErase', ['input']);
    const v = new Validator();
    v.id('id', input.id);
    const reason = v.text('reason', input.reason, { required: true, max: 500 });
    if (input.confirm !== true) v.fail('confirm', ErrorCode.INVALID, 'must be true: erasure cannot be undone');
    v.check();

    const customer = await lockErasable(tx, input);
    const identifiers = identifiersOf(customer);
    if (mentionsAny(reason!, identifiers)) {
      throw new DomainError(
        ErrorCode.INVALID,
        "must not contain the customer's name, company, email, phone or external id: the reason stays in the audit trail after the erasure",
        ['input', 'reason'],
      );
    }
    const patterns = identifierPatterns(identifiers);
    const anonymised: Record<(typeof CHILD_TABLES)[number], number> = { interaction: 0, purchase: 0, survey_response: 0, handoff: 0 };
    for (const table of CHILD_TABLES) anonymised[table] = await anonymiseChildRows(tx, table, customer.id, patterns);
    const auditEvents = await redactAuditValues(tx, customer.id);
    const row = await anonymiseCustomerRow<CustomerRow>(tx, customer.id, {
      label: erasedLabel(customer.id),
      tags: customer.tags.filter((tag) => !mentionsAny(tag, identifiers)),
      patterns,
      erasedAt: context.now,
    });

    const counts: PrivacyRowCounts = {
      customer: 1,
      interactions: anonymised.interaction,
      purchases: anonymised.purchase,
      surveyResponses: anonymised.survey_response,
      handoffs: anonymised.handoff,
      auditEvents,
    };
    await recordAudit(tx, viewer, context.requestId, [
      {
        action: 'customerErase',
        entityType: 'Customer',
        entityId: customer.id,
        customerId: customer.id,
        before: null,
        after: { erasedAt: context.now.toISOString(), reason, anonymisedRows: counts },
      },
    ]);
    return { erasure: { customerId: customer.id, erasedAt: context.now, anonymisedRows: counts }, customer: toCustomer(row) };
  });
}
