import path from 'node:path';

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
  adminEmail: string | null;
  adminPassword: string | null;
  /** Load demo data when the database holds no customers yet. */
  seedDemoData: boolean;
  demoCustomers: number;
  demoSeed: number;
  adminDistDir: string;
  logSql: boolean;
}

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
  const adminPassword = env.ADMIN_PASSWORD || (embedded ? 'customer360-demo' : null);
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (adminPassword !== null && adminPassword.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 8 characters long');
  }
  return {
    nodeEnv,
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(repositoryRoot, env.DATA_DIR?.trim() || '.data'),
    embeddedPostgresPort: integer(env, 'EMBEDDED_PG_PORT', 54330, 1024, 65535),
    authSecret,
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    adminEmail,
    adminPassword,
    seedDemoData: flag(env, 'SEED_DEMO_DATA', embedded),
    demoCustomers: integer(env, 'DEMO_CUSTOMERS', 2000, 0, 1_000_000),
    demoSeed: integer(env, 'DEMO_SEED', 42, 0, 2 ** 31 - 1),
    adminDistDir: path.resolve(repositoryRoot, env.ADMIN_DIST_DIR?.trim() || 'admin/dist'),
    logSql: flag(env, 'LOG_SQL', false),
  };
}
