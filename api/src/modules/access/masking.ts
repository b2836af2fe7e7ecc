import { UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { viewerOf, type Context, type Viewer } from '../../graphql/context.js';
import { can } from './permissions.js';

/**
 * What a viewer without `personalData` read (an ANALYST; an API key limited to resources that do
 * not include it) gets instead of a personal value. Fixed and obviously not data, so a masked
 * value can never be mistaken for, or reveal anything of, the real one. A value that is not there
 * (null) stays null: the mask hides what is written, not whether anything is.
 */
export const MASKED = '••••••';

export function seesPersonalData(viewer: Viewer): boolean {
  return can(viewer, 'read', 'personalData');
}

function mask<T>(value: T): T | string | null {
  if (value === null || value === undefined) return null;
  return MASKED;
}

const maskUnlessAllowed: MiddlewareFn<Context> = async ({ context }, next) => {
  const value: unknown = await next();
  return seesPersonalData(viewerOf(context)) ? value : mask(value);
};

/**
 * On an object type's field: the value is personal data, masked for viewers who may not read it.
 * Every place the type appears (lists, the timeline, payloads, back-links) is covered at once.
 */
export function PersonalData(): ReturnType<typeof UseMiddleware> {
  return UseMiddleware(maskUnlessAllowed);
}

/** The audit trail's personal keys per entity type: the same fields `@PersonalData` marks on the types. */
export const PERSONAL_AUDIT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Customer: ['name', 'company', 'email', 'phone', 'externalId'],
  Interaction: ['subject', 'summary'],
  SurveyResponse: ['comment'],
  Handoff: ['summary', 'customerGoals', 'commitments', 'keyContacts', 'risks', 'rejectionReason', 'completionNote', 'cancellationReason'],
  Purchase: ['reason'],
  AcquisitionSpend: [],
  TeamSla: [],
};

/**
 * An audit row's before/after values as the viewer may see them: personal keys masked; for an
 * entity type not listed above, every text value (it might name someone).
 */
export function maskAuditValues(viewer: Viewer, entityType: string, values: Record<string, unknown> | null): Record<string, unknown> | null {
  if (values === null || seesPersonalData(viewer)) return values;
  const personal = PERSONAL_AUDIT_FIELDS[entityType];
  const hidden = (key: string, value: unknown) => (personal ? personal.includes(key) : typeof value === 'string');
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, hidden(key, value) ? mask(value) : value]));
}
