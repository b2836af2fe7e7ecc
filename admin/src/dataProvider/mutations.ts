import { HttpError } from 'react-admin';
import { formFieldName, GraphQLRequestError, graphqlRequest, UserErrorsError } from '../graphql/client';
import type { UserError } from '../graphql/types';
import { translateNow } from '../i18n/apiErrors';

/**
 * Every write of the console goes through runMutation: the API answers `{ <object>, userErrors }`,
 * and userErrors become errors react-admin forms understand (see graphql/client.ts formErrors).
 */

/** What each resource's CONFLICT says (i18n keys): someone changed the record since it was read. */
export type ConflictResource = 'customers' | 'handoffs';

/**
 * A write refused because the record changed since the form read it (CONFLICT on `version`).
 * Its body has no `errors`, so a form keeps the user's input and marks no field; the message (an
 * i18n key) says what happened, and the page offers to reload.
 */
export class ConflictError extends HttpError {
  readonly userErrors: UserError[];

  constructor(resource: ConflictResource, userErrors: UserError[]) {
    super(`customer360.conflict.${resource}`, 409, {});
    Object.setPrototypeOf(this, ConflictError.prototype);
    this.name = 'ConflictError';
    this.userErrors = userErrors;
  }
}

export function isConflictError(error: unknown): error is ConflictError {
  return error instanceof ConflictError;
}

const isVersionConflict = (error: UserError) => error.code === 'CONFLICT' && error.field?.at(-1) === 'version';

/**
 * Where a GraphQL error about a variable points: `… at "input.amount"; Expected type "Decimal"`, or
 * `Field "amount" of required type "Decimal!" was not provided`.
 */
function variablePath(message: string): string[] | null {
  const at = /at "(input(?:\.[\w]+)+)"/.exec(message);
  if (at) return at[1]!.split('.');
  const missing = /Field "(\w+)" of required type/.exec(message);
  return missing ? ['input', missing[1]!] : null;
}

/**
 * A request the API refused as a whole (a malformed amount, not allowed, …) as an error a form
 * shows: on the field it names when it names one, otherwise as the form's general error. Never
 * with the raw GraphQL error list as `body.errors`, which react-admin would take for field errors.
 */
function asFormError(error: GraphQLRequestError): HttpError {
  const userErrors: UserError[] = error.errors.map((item) => ({
    field: item.extensions?.field ?? variablePath(item.message),
    message: item.message,
    code: item.extensions?.rule ?? item.extensions?.code ?? 'INVALID',
  }));
  if (error.status === 400 && userErrors.some((userError) => formFieldName(userError.field) !== null)) return new UserErrorsError(userErrors);
  return new HttpError(error.message, error.status, { errors: { root: { serverError: error.message } } });
}

/** `mutation X($input: XInput!) { x(input: $input) { <selection> userErrors { … } } }` */
export function mutationDocument(name: string, inputType: string, selection: string, fragments = ''): string {
  return /* GraphQL */ `
    mutation ${name[0]!.toUpperCase()}${name.slice(1)}($input: ${inputType}!) {
      ${name}(input: $input) { ${selection} userErrors { field message code } }
    }
    ${fragments}
  `;
}

/**
 * Posts a mutation and returns its object (`payload[objectKey]`). Throws ConflictError for a stale
 * version of a `conflictResource`, UserErrorsError for other userErrors.
 */
export async function runMutation<T>(
  document: string,
  name: string,
  objectKey: string,
  input: Record<string, unknown>,
  conflictResource?: ConflictResource,
): Promise<T> {
  let data: Record<string, Record<string, unknown> & { userErrors: UserError[] }>;
  try {
    data = await graphqlRequest(document, { input });
  } catch (error) {
    throw error instanceof GraphQLRequestError ? asFormError(error) : error;
  }
  const payload = data[name]!;
  if (payload.userErrors.length > 0) {
    if (conflictResource && payload.userErrors.some(isVersionConflict)) throw new ConflictError(conflictResource, payload.userErrors);
    throw new UserErrorsError(payload.userErrors);
  }
  const object = payload[objectKey];
  if (object == null) throw new HttpError(translateNow('customer360.errors.no_record'), 500);
  return object as T;
}

/** A form's text value as the API takes it: blank is null (an optional field cleared). */
export function textOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return value == null ? null : String(value);
  return value.trim() === '' ? null : value;
}

/**
 * A DateTimeInput's value (local "YYYY-MM-DDTHH:mm", a Date, or an ISO string) as the instant the
 * API takes; undefined when empty (the API's default applies).
 */
export function instantOrUndefined(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : instant.toISOString();
}

/** The input without its undefined and null entries (the API's defaults apply to omitted fields). */
export function withoutEmpty(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== null));
}
