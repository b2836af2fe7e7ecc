import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, repositoryRoot } from './config.js';

describe('loadConfig', () => {
  it('defaults to an embedded database with demo data and demo credentials', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      databaseUrl: null,
      dataDir: path.join(repositoryRoot, '.data'),
      authSecret: null,
      adminEmail: 'admin@customer360.local',
      adminPassword: 'customer360-demo',
      seedDemoData: true,
      demoCustomers: 2000,
      demoSeed: 42,
    });
  });

  it('uses DATABASE_URL without demo data or default credentials', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db/crm', AUTH_SECRET: 'x'.repeat(32) });
    expect(config).toMatchObject({ databaseUrl: 'postgres://u:p@db/crm', seedDemoData: false, adminEmail: null, adminPassword: null });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number, got "eighty"'],
    [{ PORT: '70000' }, 'PORT must be between 0 and 65535, got 70000'],
    [{ DATABASE_URL: 'postgres://db/crm' }, 'AUTH_SECRET is required when DATABASE_URL is set (at least 32 characters)'],
    [{ AUTH_SECRET: 'short' }, 'AUTH_SECRET must be at least 32 characters long'],
    [{ ADMIN_EMAIL: 'a@b.c', DATABASE_URL: 'postgres://db/crm', AUTH_SECRET: 'x'.repeat(32) }, 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD must be at least 8 characters long'],
    [{ SEED_DEMO_DATA: 'maybe' }, 'SEED_DEMO_DATA must be true or false, got "maybe"'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be development, production or test, got "staging"'],
    [{ CORS_ORIGINS: 'https://crm.example.com/' }, 'CORS_ORIGINS must list origins such as https://crm.example.com (no path, no trailing slash), got "https://crm.example.com/"'],
    [{ CORS_ORIGINS: 'crm.example.com' }, 'CORS_ORIGINS must list origins such as https://crm.example.com (no path, no trailing slash), got "crm.example.com"'],
    [{ RATE_LIMIT_POINTS_PER_MINUTE: '-5' }, 'RATE_LIMIT_POINTS_PER_MINUTE must be a whole number, got "-5"'],
    [{ RATE_LIMIT_BURST_POINTS: '500' }, 'RATE_LIMIT_BURST_POINTS (500) must be at least QUERY_MAX_COST (10000), or an allowed operation could never be paid for'],
    [{ MAX_BODY_BYTES: '10' }, 'MAX_BODY_BYTES must be between 1024 and 104857600, got 10'],
    [{ GRAPHQL_INTROSPECTION: 'sometimes' }, 'GRAPHQL_INTROSPECTION must be true or false, got "sometimes"'],
  ])('refuses %j: %s', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });

  describe('in production', () => {
    const secrets = { NODE_ENV: 'production', AUTH_SECRET: 's'.repeat(40), ADMIN_EMAIL: 'root@example.com', ADMIN_PASSWORD: 'a long and private password' };

    it.each([
      [{ NODE_ENV: 'production' }, 'AUTH_SECRET is required in production (at least 32 random characters, e.g. `openssl rand -base64 48`)'],
      [{ ...secrets, AUTH_SECRET: undefined }, 'AUTH_SECRET is required in production (at least 32 random characters, e.g. `openssl rand -base64 48`)'],
      [{ NODE_ENV: 'production', AUTH_SECRET: 's'.repeat(40) }, 'ADMIN_PASSWORD must not be the demo password "customer360-demo" in production: set ADMIN_EMAIL and ADMIN_PASSWORD to your own'],
      [{ ...secrets, ADMIN_PASSWORD: 'customer360-demo' }, 'ADMIN_PASSWORD must not be the demo password "customer360-demo" in production: set ADMIN_EMAIL and ADMIN_PASSWORD to your own'],
    ])('refuses to start with %j', (env, message) => {
      expect(() => loadConfig(env)).toThrow(new ConfigError(message));
    });

    it('starts with its own secrets, introspection off unless asked', () => {
      expect(loadConfig(secrets)).toMatchObject({ nodeEnv: 'production', introspection: false, adminPassword: 'a long and private password' });
      expect(loadConfig({ ...secrets, GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
    });
  });

  it('reads the limits and the hardening settings', () => {
    expect(loadConfig({})).toMatchObject({
      introspection: true,
      corsOrigins: [],
      maxBodyBytes: 2 * 1024 * 1024,
      trustProxy: 0,
      queryLimits: { maxDepth: 15, maxCost: 10_000, maxAliases: 100, maxTokens: 10_000 },
      rateLimit: { pointsPerMinute: 60_000, capacity: 60_000 },
    });
    expect(
      loadConfig({
        CORS_ORIGINS: 'https://crm.example.com, http://localhost:5173',
        MAX_BODY_BYTES: '4096',
        QUERY_MAX_COST: '2000',
        RATE_LIMIT_POINTS_PER_MINUTE: '1200',
        RATE_LIMIT_BURST_POINTS: '5000',
      }),
    ).toMatchObject({
      corsOrigins: ['https://crm.example.com', 'http://localhost:5173'],
      maxBodyBytes: 4096,
      queryLimits: { maxCost: 2000 },
      rateLimit: { pointsPerMinute: 1200, capacity: 5000 },
    });
    // 0 turns rate limiting off; the burst then needs no room for the largest operation.
    expect(loadConfig({ RATE_LIMIT_POINTS_PER_MINUTE: '0' }).rateLimit).toEqual({ pointsPerMinute: 0, capacity: 0 });
  });
});
