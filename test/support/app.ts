import 'reflect-metadata';
import { inject } from 'vitest';
import { createDatabase, dropDatabase } from '../../api/src/db/test-database.js';
import { initOrm, type Orm } from '../../api/src/db/orm.js';
import { query } from '../../api/src/db/sql.js';
import { entities } from '../../api/src/modules/registry.js';
import { ensureAdministrator } from '../../api/src/modules/staff/staff.service.js';
import { DEFAULT_RATE_LIMIT_POINTS_PER_MINUTE } from '../../api/src/graphql/limits/rate-limiter.js';
import { startServer, type ServerOptions } from '../../api/src/server.js';

export const ADMIN_EMAIL = 'admin@example.test';
export const ADMIN_PASSWORD = 'correct horse battery staple';
export const TEST_AUTH_SECRET = 'a-test-secret-that-is-long-enough-to-sign-tokens';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

export interface TestApp {
  url: string;
  orm: Orm;
  databaseUrl: string;
  /** POSTs an operation to /graphql, as an integrator would. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  /** Logs in as the test administrator and returns the bearer token. */
  adminToken(): Promise<string>;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * The whole API against a fresh copy of the migrated template database, on a free port, with one
 * administrator. One call per test file.
 */
export async function createTestApp(
  options: {
    adminDistDir?: string;
    /** Server settings to change (production mode, CORS, limits, rate limit…); by default the server runs with main.ts's defaults. */
    server?: Partial<Omit<ServerOptions, 'orm' | 'authSecret' | 'adminDistDir'>>;
  } = {},
): Promise<TestApp> {
  const serverUrl = inject('postgresServerUrl');
  const databaseUrl = await createDatabase(serverUrl, { template: inject('templateDatabase') });
  const orm = await initOrm({ clientUrl: databaseUrl, entities, poolMax: 5 });
  await ensureAdministrator(orm.em.fork(), ADMIN_EMAIL, ADMIN_PASSWORD);
  const server = await startServer(
    {
      orm,
      authSecret: TEST_AUTH_SECRET,
      accessTokenTtlSeconds: 3600,
      adminDistDir: options.adminDistDir ?? '/nonexistent',
      log: process.env.TEST_SERVER_LOG ? console.error : () => {},
      rateLimit: { pointsPerMinute: DEFAULT_RATE_LIMIT_POINTS_PER_MINUTE },
      ...options.server,
    },
    0,
    '127.0.0.1',
  );
  let token: string | null = null;

  const app: TestApp = {
    url: server.url,
    orm,
    databaseUrl,
    async graphql(text, variables, bearer) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: JSON.stringify({ query: text, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body };
    },
    async adminToken() {
      if (token) return token;
      const result = await app.graphql(
        'mutation($input: LoginInput!) { login(input: $input) { token userErrors { code message } } }',
        { input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } },
      );
      token = result.data?.login?.token;
      if (!token) throw new Error(`test login failed: ${JSON.stringify(result)}`);
      return token;
    },
    sql: (text, params) => query(orm.em.fork(), text, params),
    async close() {
      await server.close();
      await orm.close();
      await dropDatabase(serverUrl, new URL(databaseUrl).pathname.slice(1));
    },
  };
  return app;
}
