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
  ])('refuses %j: %s', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });
});
