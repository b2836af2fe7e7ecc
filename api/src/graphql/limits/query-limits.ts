import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import { MAX_PAGE_SIZE } from '../connection.js';
import type { Context } from '../context.js';
import { ErrorCode } from '../errors.js';
import { analyzeOperation, type OperationAnalysis } from './operation-cost.js';
import type { BucketState, RateLimiter } from './rate-limiter.js';
import type { QueryLimits } from './defaults.js';

export { DEFAULT_QUERY_LIMITS, type QueryLimits } from './defaults.js';

/** Codes of the refusals this module raises: messages meant for the client. */
export const LIMIT_ERROR_CODES: readonly string[] = [
  ErrorCode.QUERY_TOO_DEEP,
  ErrorCode.INTROSPECTION_TOO_DEEP,
  ErrorCode.QUERY_TOO_COSTLY,
  ErrorCode.TOO_MANY_ALIASES,
  ErrorCode.TOO_MANY_TOKENS,
  ErrorCode.RATE_LIMITED,
];

function limitError(code: ErrorCode, message: string, limit: number, actual: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit, actual, http: { status: 400 } } });
}

/** Lexical tokens of a document (comments excluded, as graphql-js's parser counts them); null when it does not lex. */
export function countTokens(document: string): number | null {
  const lexer = new Lexer(new Source(document));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    return null; // a syntax error: the parser reports it
  }
  return count;
}

/** The first limit the operation breaks, as the error to answer with; null when it keeps them all. */
function brokenLimit(analysis: OperationAnalysis, limits: QueryLimits): GraphQLError | null {
  if (analysis.depth > limits.maxDepth) {
    return limitError(ErrorCode.QUERY_TOO_DEEP, `The operation nests fields ${analysis.depth} levels deep; the limit is ${limits.maxDepth}.`, limits.maxDepth, analysis.depth);
  }
  if (analysis.introspectionNesting > limits.maxIntrospectionNesting) {
    return limitError(
      ErrorCode.INTROSPECTION_TOO_DEEP,
      `The introspection nests type lists (fields, inputFields, interfaces, possibleTypes) ${analysis.introspectionNesting} levels deep; the limit is ${limits.maxIntrospectionNesting}.`,
      limits.maxIntrospectionNesting,
      analysis.introspectionNesting,
    );
  }
  if (analysis.aliases > limits.maxAliases) {
    return limitError(ErrorCode.TOO_MANY_ALIASES, `The operation uses ${analysis.aliases} aliases; the limit is ${limits.maxAliases}.`, limits.maxAliases, analysis.aliases);
  }
  if (analysis.oversizedPage) {
    // A bad argument, reported like the one execution would raise (BAD_USER_INPUT on `first`), but before anything runs.
    const { field, first } = analysis.oversizedPage;
    return new GraphQLError(`must be between 0 and ${MAX_PAGE_SIZE}, got ${first} (${field}.first)`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, rule: ErrorCode.INVALID, field: ['first'], connection: field, limit: MAX_PAGE_SIZE, actual: first, http: { status: 200 } },
    });
  }
  if (analysis.cost > limits.maxCost) {
    return limitError(
      ErrorCode.QUERY_TOO_COSTLY,
      `The operation costs ${analysis.cost} points; the limit is ${limits.maxCost} per operation (a connection costs its \`first\` times what each item selects: ask for fewer items or fewer fields).`,
      limits.maxCost,
      analysis.cost,
    );
  }
  return null;
}

/** Whose budget an operation spends: the API key, else the staff member, else the client address. */
export function principalOf(context: Pick<Context, 'viewer' | 'clientAddress'>): string {
  const { viewer } = context;
  if (viewer?.apiKey) return `api-key:${viewer.apiKey.id}`;
  if (viewer) return `staff:${viewer.staffUserId}`;
  return `address:${context.clientAddress ?? 'unknown'}`;
}

interface Measured {
  cost: number;
  bucket: BucketState | null;
}

/**
 * Refuses, before execution, documents and operations over a limit and callers whose cost budget
 * is spent; reports every measured operation's cost and budget in `extensions.cost`.
 */
export function queryLimitsPlugin(limits: QueryLimits, rateLimiter: RateLimiter | null): ApolloServerPlugin<Context> {
  // A bucket smaller than one operation could never pay for it: such an operation is too costly.
  const maxCost = rateLimiter ? Math.min(limits.maxCost, rateLimiter.capacity) : limits.maxCost;
  const effective = { ...limits, maxCost };
  return {
    async requestDidStart() {
      let measured: Measured | null = null;
      let tokens: number | null = null;
      return {
        // The parser stops at the same limit (parseOptions.maxTokens); counting here gives the figure for the answer.
        async didResolveSource({ source }) {
          // Every token is at least one character: short documents need no counting.
          if (source.length > limits.maxTokens) tokens = countTokens(source);
        },

        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return; // execution refuses bad variables before any resolver runs
          const analysis = analyzeOperation(schema, document, operation, coerced.coerced);
          measured = { cost: analysis.cost, bucket: null };
          const refusal = brokenLimit(analysis, effective);
          if (refusal) throw refusal;
          if (!rateLimiter) return;
          const spend = rateLimiter.spend(principalOf(contextValue), analysis.cost);
          const { allowed: _, ...bucket } = spend;
          measured.bucket = bucket;
          if (!spend.allowed) {
            throw new GraphQLError(
              `Rate limit exceeded: this operation costs ${analysis.cost} points and ${spend.remaining} of ${spend.capacity} are left ` +
                `(the budget refills at ${spend.pointsPerMinute} points per minute). Retry in ${spend.retryAfterSeconds} s.`,
              {
                extensions: {
                  code: ErrorCode.RATE_LIMITED,
                  retryAfterSeconds: spend.retryAfterSeconds,
                  limit: spend.capacity,
                  actual: analysis.cost,
                  http: { status: 429, headers: new HeaderMap([['retry-after', String(spend.retryAfterSeconds)]]) },
                },
              },
            );
          }
        },

        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          if (tokens !== null && tokens > limits.maxTokens) {
            response.body.singleResult.errors = [
              {
                message: `The document has ${tokens} tokens; the limit is ${limits.maxTokens}.`,
                extensions: { code: ErrorCode.TOO_MANY_TOKENS, limit: limits.maxTokens, actual: tokens },
              },
            ];
            response.http.status = 400;
            return;
          }
          if (!measured) return;
          const { bucket } = measured;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: {
              requestedCost: measured.cost,
              maximumCost: maxCost,
              rateLimit: bucket && {
                capacity: bucket.capacity,
                remaining: bucket.remaining,
                pointsPerMinute: bucket.pointsPerMinute,
                resetAt: bucket.resetAt.toISOString(),
              },
            },
          };
        },
      };
    },
  };
}
