import path from 'node:path';
import { DEFAULT_QUERY_LIMITS } from './graphql/limits/defaults.js';
import { DEFAULT_RATE_LIMIT_POINTS_PER_MINUTE } from './graphql/limits/rate-limiter.js';

/** The repository root: `.data/` and the built console are found relative to it. */
export const repositoryRoot = path.resolve(import.meta.dirname, '../..');

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Set: use this PostgreSQL. Unset: run an embedded one with its data in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPostgresPort: number;
  /** HMAC secret for access tokens; null means "generate one and keep it in dataDir" (embedded only). */
  authSecret: string | null;
  accessTokenTtlSeconds: number;
  /** How long a refresh token stays usable; each refresh issues a new one. */
  refreshTokenTtlSeconds: number;
  adminEmail: string | null;
  adminPassword: string | null;
  /** Load demo data when the database holds no customers yet. */
  seedDemoData: boolean;
  demoCustomers: number;
  demoSeed: number;
  adminDistDir: string;
  logSql: boolean;
  /** GraphQL introspection (`__schema`, `__type`); off by default in production. */
  introspection: boolean;
  /** Browser origins, besides the API's own, allowed to call /graphql. */
  corsOrigins: string[];
  maxBodyBytes: number;
  /** Reverse proxies in front whose X-Forwarded-For is believed (0: use the socket address). */
  trustProxy: number;
  queryLimits: { maxDepth: number; maxCost: number; maxAliases: number; maxTokens: number };
  /** Cost budget per principal: refill per minute (0: off) and bucket size. */
  rateLimit: { pointsPerMinute: number; capacity: number };
}

/** 7 days: a console left closed for a week signs in again. */
export const DEFAULT_REFRESH_TOKEN_TTL_SECONDS = 7 * 24 * 3600;
/** The demo password printed by `pnpm start`: never acceptable in production. */
export const DEMO_ADMIN_PASSWORD = 'customer360-demo';
/** 2 MiB: a batch of 1,000 purchases is about 0.2 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** A comma-separated list of browser origins (`https://crm.example.com`), each scheme, host and optional port only. */
function origins(env: Env, name: string): string[] {
  const list = (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const item of list) {
    let origin: string | null = null;
    try {
      origin = new URL(item).origin;
    } catch {
      // reported below
    }
    if (origin !== item) throw new ConfigError(`${name} must list origins such as https://crm.example.com (no path, no trailing slash), got "${item}"`);
  }
  return list;
}

/** Every environment variable the server reads, parsed and validated once. */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = (env.NODE_ENV ?? 'development') as Config['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const embedded = databaseUrl === null;
  const authSecret = env.AUTH_SECRET?.trim() || null;
  if (authSecret !== null && authSecret.length < 32) {
    throw new ConfigError('AUTH_SECRET must be at least 32 characters long');
  }
  if (authSecret === null && !embedded) {
    throw new ConfigError('AUTH_SECRET is required when DATABASE_URL is set (at least 32 characters)');
  }
  const adminEmail = env.ADMIN_EMAIL?.trim() || (embedded ? 'admin@customer360.local' : null);
  const adminPassword = env.ADMIN_PASSWORD || (embedded ? DEMO_ADMIN_PASSWORD : null);
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (adminPassword !== null && adminPassword.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 8 characters long');
  }
  const production = nodeEnv === 'production';
  if (production && authSecret === null) {
    throw new ConfigError('AUTH_SECRET is required in production (at least 32 random characters, e.g. `openssl rand -base64 48`)');
  }
  if (production && adminPassword === DEMO_ADMIN_PASSWORD) {
    throw new ConfigError(`ADMIN_PASSWORD must not be the demo password "${DEMO_ADMIN_PASSWORD}" in production: set ADMIN_EMAIL and ADMIN_PASSWORD to your own`);
  }
  const queryLimits = {
    maxDepth: integer(env, 'QUERY_MAX_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth, 2, 100),
    maxCost: integer(env, 'QUERY_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost, 1, 10_000_000),
    maxAliases: integer(env, 'QUERY_MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases, 0, 100_000),
    maxTokens: integer(env, 'QUERY_MAX_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens, 100, 10_000_000),
  };
  const pointsPerMinute = integer(env, 'RATE_LIMIT_POINTS_PER_MINUTE', DEFAULT_RATE_LIMIT_POINTS_PER_MINUTE, 0, 1_000_000_000);
  const rateLimit = { pointsPerMinute, capacity: integer(env, 'RATE_LIMIT_BURST_POINTS', pointsPerMinute, 0, 1_000_000_000) };
  if (pointsPerMinute > 0 && rateLimit.capacity < queryLimits.maxCost) {
    throw new ConfigError(
      `RATE_LIMIT_BURST_POINTS (${rateLimit.capacity}) must be at least QUERY_MAX_COST (${queryLimits.maxCost}), or an allowed operation could never be paid for`,
    );
  }
  return {
    nodeEnv,
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(repositoryRoot, env.DATA_DIR?.trim() || '.data'),
    embeddedPostgresPort: integer(env, 'EMBEDDED_PG_PORT', 54330, 1024, 65535),
    authSecret,
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 15 * 60, 60, 24 * 3600),
    refreshTokenTtlSeconds: integer(env, 'REFRESH_TOKEN_TTL_SECONDS', DEFAULT_REFRESH_TOKEN_TTL_SECONDS, 300, 365 * 24 * 3600),
    adminEmail,
    adminPassword,
    seedDemoData: flag(env, 'SEED_DEMO_DATA', embedded),
    demoCustomers: integer(env, 'DEMO_CUSTOMERS', 2000, 0, 1_000_000),
    demoSeed: integer(env, 'DEMO_SEED', 42, 0, 2 ** 31 - 1),
    adminDistDir: path.resolve(repositoryRoot, env.ADMIN_DIST_DIR?.trim() || 'admin/dist'),
    logSql: flag(env, 'LOG_SQL', false),
    introspection: flag(env, 'GRAPHQL_INTROSPECTION', !production),
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES, 1024, 100 * 1024 * 1024),
    trustProxy: integer(env, 'TRUST_PROXY', 0, 0, 10),
    queryLimits,
    rateLimit,
  };
}
