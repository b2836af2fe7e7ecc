import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_REFRESH_TOKEN_TTL_SECONDS } from './config.js';
import type { Orm } from './db/orm.js';
import { currentStatementScope, withStatementScope, type StatementScope } from './db/statement-counter.js';
import { authGuardPlugin } from './graphql/auth-guard.js';
import type { Context } from './graphql/context.js';
import { DomainError, ErrorCode, toGraphQLError } from './graphql/errors.js';
import { InputErrors } from './graphql/validation.js';
import { DEFAULT_QUERY_LIMITS, LIMIT_ERROR_CODES, principalOf, queryLimitsPlugin, type QueryLimits } from './graphql/limits/query-limits.js';
import { RateLimiter, type RateLimitSettings } from './graphql/limits/rate-limiter.js';
import { corsPolicy, securityHeaders } from './http/hardening.js';
import { buildApiSchema } from './graphql/schema.js';
import { viewerFromAuthorization } from './modules/auth/auth.service.js';
import { EXPORT_COST } from './modules/customers/customer-export.js';
import { customerExportHandler } from './modules/customers/customer-export.route.js';
import { createTokenSigner } from './modules/auth/token.js';
import { resolvers } from './modules/registry.js';

export interface ServerOptions {
  orm: Orm;
  authSecret: string;
  accessTokenTtlSeconds: number;
  /** Default DEFAULT_REFRESH_TOKEN_TTL_SECONDS. */
  refreshTokenTtlSeconds?: number;
  /** The built console; when missing, `/` explains how to build it. */
  adminDistDir: string;
  log?: (message: string) => void;
  /** NODE_ENV=production: Strict-Transport-Security, introspection off unless asked, no schema hints in errors. */
  production?: boolean;
  /** Default: on, except in production. */
  introspection?: boolean;
  /** Browser origins besides the API's own that may call /graphql (CORS); default none. */
  corsOrigins?: string[];
  /** Largest accepted request body; default DEFAULT_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
  /** Overrides of DEFAULT_QUERY_LIMITS. */
  queryLimits?: Partial<QueryLimits>;
  /** Cost budget per principal; absent or `pointsPerMinute: 0`: no rate limiting. */
  rateLimit?: RateLimitSettings;
  /** Proxies in front whose X-Forwarded-For to believe (express "trust proxy" hop count); default 0. */
  trustProxy?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Error codes whose messages are meant for the client; anything else is an internal fault. */
const CLIENT_ERROR_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ...LIMIT_ERROR_CODES,
]);

function formatError(log: (message: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      const { message, extensions } = toGraphQLError(original);
      return { message, locations: formatted.locations, path: formatted.path, extensions };
    }
    if (original instanceof InputErrors) {
      // Several broken argument rules: the first names the field; all are listed as problems.
      const first = toGraphQLError(original.errors[0]!);
      return {
        message: original.errors.map((e) => `${e.field?.join('.')}: ${e.message}`).join('; '),
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...first.extensions, problems: original.errors.map((e) => ({ field: e.field, message: e.message, code: e.code })) },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
      const { stacktrace: _, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const reference = randomUUID();
    log(`internal error ${reference}: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
    return {
      message: `Internal server error (reference ${reference})`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, reference },
    };
  };
}

/** Reports how many SQL statements the request ran, so integrators and tests can see N+1 at once. */
const statementCountPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (response.body.kind === 'single') {
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            sqlStatements: contextValue.statements.count,
          };
        }
      },
    };
  },
};

/** Builds the HTTP app (GraphQL, health, the console) and listens on `port` (0: any free port). */
export async function startServer(options: ServerOptions, port: number, host = '0.0.0.0'): Promise<RunningServer> {
  const log = options.log ?? ((message: string) => console.error(message));
  const tokens = createTokenSigner(options.authSecret, options.accessTokenTtlSeconds, options.refreshTokenTtlSeconds ?? DEFAULT_REFRESH_TOKEN_TTL_SECONDS);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? 0);
  app.use(securityHeaders(options.production ?? false));
  const httpServer = http.createServer(app);
  const introspection = options.introspection ?? !options.production;
  const queryLimits = { ...DEFAULT_QUERY_LIMITS, ...options.queryLimits };
  const rateLimiter = options.rateLimit?.pointsPerMinute ? new RateLimiter(options.rateLimit) : null;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  /** The request's context: a forked EntityManager, the viewer behind the bearer token, the clock. */
  async function contextFor(req: express.Request): Promise<Context> {
    const context: Context = {
      em: options.orm.em.fork(),
      viewer: null,
      requestId: req.get('x-request-id') ?? randomUUID(),
      now: new Date(),
      statements: currentStatementScope() ?? { count: 0 },
      tokens,
      loaders: new Map(),
      credentialsRejected: false,
      clientAddress: req.ip ?? null,
    };
    const authorization = req.get('authorization');
    context.viewer = await viewerFromAuthorization(context, authorization);
    context.credentialsRejected = authorization !== undefined && context.viewer === null;
    return context;
  }

  const schema = await buildApiSchema(resolvers);
  const apollo = new ApolloServer<Context>({
    schema,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 2000 }),
      ApolloServerPluginLandingPageDisabled(),
      // We send no cache hints; Apollo's implicit cache-control plugin would wrap every field's
      // resolver to compute them (a measurable share of a 360 page's CPU, see test/bench/RESULTS.md).
      ApolloServerPluginCacheControlDisabled(),
      authGuardPlugin,
      queryLimitsPlugin(queryLimits, rateLimiter),
      statementCountPlugin,
    ],
    includeStacktraceInErrorResponses: false,
    formatError: formatError(log),
    introspection,
    hideSchemaDetailsFromClientErrors: !introspection,
    // Refuses GET and simple POST requests without a preflight-forcing header (Apollo's default, kept explicit).
    csrfPrevention: true,
    parseOptions: { maxTokens: queryLimits.maxTokens },
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      await options.orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ready', database: 'reachable' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });

  app.use(
    '/graphql',
    corsPolicy(options.corsOrigins ?? []),
    express.json({ limit: maxBodyBytes }),
    (_req, _res, next) => withStatementScope({ count: 0 } satisfies StatementScope, next),
    expressMiddleware(apollo, {
      context: ({ req }) => contextFor(req),
    }),
  );

  // Every customer a filter selects as CSV, streamed (the console's export): same token, same rules.
  app.get(
    '/export/customers.csv',
    corsPolicy(options.corsOrigins ?? []),
    (_req, _res, next) => withStatementScope({ count: 0 } satisfies StatementScope, next),
    customerExportHandler(schema, contextFor, log, (context) => {
      const spend = rateLimiter?.spend(principalOf(context), EXPORT_COST);
      return spend && !spend.allowed ? spend.retryAfterSeconds : null;
    }),
  );

  const indexHtml = path.join(options.adminDistDir, 'index.html');

  app.use(express.static(options.adminDistDir, { index: false, maxAge: '1h' }));
  app.use((req, res, next) => {
    if (req.method !== 'GET' || !req.accepts('html')) return next();
    if (existsSync(indexHtml)) {
      res.setHeader('Cache-Control', 'no-cache');
      return res.sendFile(indexHtml);
    }
    res
      .status(503)
      .type('text/plain')
      .send('The console is not built yet: run `npx -y pnpm@10 --filter @customer360/admin build` (pnpm start does it for you).');
  });

  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });

  // Malformed JSON, oversized bodies and anything else thrown outside GraphQL: a short JSON answer, never a stack trace.
  const errorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) log(`http error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    const tooLarge = status !== 500 && error.type === 'entity.too.large';
    res.status(status).json({
      errors: [
        {
          message: status === 500 ? 'Internal server error' : tooLarge ? `Request body too large: the limit is ${maxBodyBytes} bytes` : 'Malformed request body',
          extensions: tooLarge
            ? { code: ErrorCode.PAYLOAD_TOO_LARGE, limit: maxBodyBytes, actual: Number(error.length) || undefined }
            : { code: status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : 'BAD_REQUEST' },
        },
      ],
    });
  };
  app.use(errorHandler);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => resolve());
  });
  const address = httpServer.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`,
    port: actualPort,
    close: () => apollo.stop(),
  };
}
