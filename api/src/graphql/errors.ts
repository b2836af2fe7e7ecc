import { GraphQLError } from 'graphql';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Stable codes clients can branch on; the message is for people. */
export enum ErrorCode {
  /** A value breaks a rule (format, range, length, enum). */
  INVALID = 'INVALID',
  /** A required value is missing or blank. */
  REQUIRED = 'REQUIRED',
  /** A referenced object does not exist (or is not visible to you). */
  NOT_FOUND = 'NOT_FOUND',
  /** Someone else changed the object, or a unique value is taken. */
  CONFLICT = 'CONFLICT',
  /** The object's state does not allow this change. */
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  /** Wrong email or password. */
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  /** Too many failed sign-ins for this account or from this address; the message says when to retry. */
  LOGIN_THROTTLED = 'LOGIN_THROTTLED',
  /** The refresh token is unknown, expired, already used, or its session has ended: sign in again. */
  REFRESH_TOKEN_INVALID = 'REFRESH_TOKEN_INVALID',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** The operation nests fields deeper than the limit (refused before execution). */
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  /** Introspection nests type lists (fields, inputFields, interfaces, possibleTypes) deeper than the limit. */
  INTROSPECTION_TOO_DEEP = 'INTROSPECTION_TOO_DEEP',
  /** The operation's computed cost is over the maximum per operation. */
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  /** The document uses more aliases than allowed. */
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  /** The document has more lexical tokens than allowed. */
  TOO_MANY_TOKENS = 'TOO_MANY_TOKENS',
  /** The caller's cost budget is spent; retry after `extensions.retryAfterSeconds`. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** A browser request from an origin outside the CORS allowlist. */
  ORIGIN_NOT_ALLOWED = 'ORIGIN_NOT_ALLOWED',
  /** The request body is larger than the configured limit. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
}

registerEnumType(ErrorCode, { name: 'ErrorCode', description: 'Stable machine-readable error codes.' });

/** A rule broken by the caller's input, raised by services and reported as a userError or GraphQL error. */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Path of the offending input field, e.g. ['input', 'email']. */
    readonly field: string[] | null = null,
  ) {
    super(message);
  }
}

@ObjectType({ description: 'A problem with the input of a mutation, tied to the field that caused it.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field, e.g. ["input", "email"]; null when the error concerns the whole input.' })
  field!: string[] | null;

  @Field(() => String)
  message!: string;

  @Field(() => ErrorCode)
  code!: ErrorCode;
}

export function toUserError(error: DomainError): UserError {
  return { field: error.field, message: error.message, code: error.code };
}

/** Turns a DomainError raised while answering a query into a GraphQL error carrying its code and field. */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: error.code === ErrorCode.INVALID || error.code === ErrorCode.REQUIRED ? ErrorCode.BAD_USER_INPUT : error.code, rule: error.code, field: error.field },
  });
}

export function unauthenticated(message = 'Sign in first: send "Authorization: Bearer <token>" from the login mutation.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

export function invalidArgument(field: string[], message: string): DomainError {
  return new DomainError(ErrorCode.INVALID, message, field);
}
