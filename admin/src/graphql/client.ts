import { HttpError } from 'react-admin';
import { currentAccessToken, refreshSession } from '../auth/refresh';
import { localizeApiError, translateNow } from '../i18n/apiErrors';
import type { UserError } from './types';

/** Same origin as the console: the API serves both (and Vite proxies it in development). */
export const GRAPHQL_URL = '/graphql';

interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  /** `rule` is the domain code (INVALID, REQUIRED…) of a BAD_USER_INPUT error. */
  extensions?: { code?: string; rule?: string; field?: string[] | null; http?: { status?: number } };
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorItem[];
}

/** Status react-admin should see for each error code: 401 logs the user out, 404 means "not found". */
const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  CONFLICT: 409,
};

/** A GraphQL answer with `errors`, as an HttpError so react-admin's auth and notification logic understands it. */
export class GraphQLRequestError extends HttpError {
  readonly code: string | undefined;
  readonly errors: GraphQLErrorItem[];

  constructor(errors: GraphQLErrorItem[], httpStatus: number) {
    const first = errors[0];
    const code = first?.extensions?.code;
    const status = (code && STATUS_BY_CODE[code]) || (httpStatus >= 400 ? httpStatus : 500);
    const message = first ? localizeApiError(first.extensions?.rule ?? code, first.message) : translateNow('ra.notification.http_error');
    super(message, status, { errors });
    Object.setPrototypeOf(this, GraphQLRequestError.prototype);
    this.name = 'GraphQLRequestError';
    this.code = code;
    this.errors = errors;
  }
}

/**
 * Inputs no form shows, because the page supplies them (the record, its version, the customer or
 * purchase it belongs to): errors on them concern the whole form (gone, stale, archived, may not move on).
 */
const WHOLE_FORM_FIELDS = new Set(['id', 'version', 'customerId', 'purchaseId']);

/**
 * The form input a userError belongs to: its path without the "input" root and without list
 * positions (["input", "tags", "0"] → "tags"); null when it concerns the whole form.
 */
export function formFieldName(field: string[] | null): string | null {
  const path = (field ?? []).filter((part, index) => !(index === 0 && part === 'input') && !/^\d+$/.test(part));
  const name = path.join('.');
  return name && !WHOLE_FORM_FIELDS.has(name) ? name : null;
}

/**
 * userErrors as react-admin's server-side validation errors: { fieldName: message }, several
 * messages of one field joined, and those of no form field under root.serverError (which
 * react-admin notifies). Each message in the console's language, by its code (localizeApiError).
 */
export function formErrors(userErrors: UserError[]): Record<string, unknown> {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const error of userErrors) {
    const name = formFieldName(error.field);
    const message = localizeApiError(error.code, error.message);
    if (name === null) general.push(message);
    else byField[name] = byField[name] ? `${byField[name]}; ${message}` : message;
  }
  return general.length > 0 ? { ...byField, root: { serverError: general.join(' ') } } : byField;
}

/** userErrors of a mutation payload, thrown so callers handle them like any other failure. */
export class UserErrorsError extends HttpError {
  readonly userErrors: UserError[];

  constructor(userErrors: UserError[]) {
    // react-admin forms read `body.errors` as { fieldName: message } for server-side validation.
    super(userErrors.map((error) => localizeApiError(error.code, error.message)).join(' '), 400, { errors: formErrors(userErrors) });
    Object.setPrototypeOf(this, UserErrorsError.prototype);
    this.name = 'UserErrorsError';
    this.userErrors = userErrors;
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Send no bearer token (login: a stale token must not get in the way of signing in again). */
  anonymous?: boolean;
  /** Set on the one retry after renewing a refused access token. */
  retried?: boolean;
}

/**
 * Posts one operation to the API with the signed-in user's bearer token and returns its `data`.
 * Throws GraphQLRequestError when the answer has `errors`, HttpError when it is not GraphQL at all.
 */
export async function graphqlRequest<T>(
  query: string,
  variables: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const token = options.anonymous ? undefined : await currentAccessToken();
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new HttpError(translateNow('customer360.errors.unreachable'), 0);
  }

  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new HttpError(translateNow('customer360.errors.bad_response', { status: response.status }), response.status || 500);
  }

  if (body.errors?.length) {
    // A refused access token (expired, or renewed by another tab): renew it once and retry.
    const refused = token !== undefined && !options.retried && body.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
    if (refused && (await refreshSession(token)) !== null) return graphqlRequest<T>(query, variables, { ...options, retried: true });
    throw new GraphQLRequestError(body.errors, response.status);
  }
  if (body.data == null) throw new HttpError(translateNow('customer360.errors.no_data'), response.status || 500);
  return body.data;
}

/** Throws the payload's userErrors, if any; returns the payload otherwise. */
export function assertNoUserErrors<P extends { userErrors: UserError[] }>(payload: P): P {
  if (payload.userErrors.length > 0) throw new UserErrorsError(payload.userErrors);
  return payload;
}
