import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './config.js';
import { startPersistentPostgres, type RunningPostgres } from './db/embedded.js';
import { initOrm, migrate } from './db/orm.js';
import { seedDemoData } from './db/seed/seed.js';
import { query } from './db/sql.js';
import { ensureAdministrator } from './modules/staff/staff.service.js';
import { entities } from './modules/registry.js';
import { startServer } from './server.js';

/** The embedded run keeps a generated token secret beside its data, so sign-ins survive restarts. */
async function embeddedAuthSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, secret + '\n', { mode: 0o600 });
  return secret;
}

async function run(config: Config): Promise<void> {
  const started = Date.now();
  let postgres: RunningPostgres | null = null;
  if (config.databaseUrl === null) {
    console.log(`starting embedded PostgreSQL (data in ${path.join(config.dataDir, 'postgres')})…`);
    postgres = await startPersistentPostgres(config.dataDir, config.embeddedPostgresPort);
  }
  const orm = await initOrm({ clientUrl: config.databaseUrl ?? postgres!.url, entities, logSql: config.logSql });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('stopping…');
    await server?.close().catch((error) => console.error('closing the HTTP server failed:', error));
    await orm.close().catch((error) => console.error('closing the database pool failed:', error));
    await postgres?.stop().catch((error) => console.error('stopping PostgreSQL failed:', error));
    process.exit(code);
  };
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    const applied = await migrate(orm);
    if (applied.length) console.log(`applied migrations: ${applied.join(', ')}`);
    if (config.adminEmail && config.adminPassword) {
      const result = await ensureAdministrator(orm.em.fork(), config.adminEmail, config.adminPassword);
      if (result === 'created') console.log(`created administrator ${config.adminEmail}`);
    }
    if (config.seedDemoData) {
      const [{ count }] = (await query<{ count: string }>(orm.em.fork(), 'select count(*) from customer')) as [{ count: string }];
      if (Number(count) === 0) {
        console.log(`loading demo data: ${config.demoCustomers} customers, seed ${config.demoSeed}…`);
        const summary = await seedDemoData(orm, {
          customers: config.demoCustomers,
          seed: config.demoSeed,
          staffPassword: config.adminPassword ?? randomBytes(24).toString('base64url'),
        });
        console.log(`demo data loaded in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
      }
    }
    const authSecret = config.authSecret ?? (await embeddedAuthSecret(config.dataDir));
    server = await startServer(
      {
        orm,
        authSecret,
        accessTokenTtlSeconds: config.accessTokenTtlSeconds,
        refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
        adminDistDir: config.adminDistDir,
        production: config.nodeEnv === 'production',
        introspection: config.introspection,
        corsOrigins: config.corsOrigins,
        maxBodyBytes: config.maxBodyBytes,
        trustProxy: config.trustProxy,
        queryLimits: config.queryLimits,
        rateLimit: config.rateLimit,
      },
      config.port,
      config.host,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
    return;
  }

  console.log(`\ncustomer360 is up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`  console  ${server.url}/`);
  console.log(`  GraphQL  ${server.url}/graphql`);
  if (config.databaseUrl === null && config.adminEmail) {
    console.log(`  sign in  ${config.adminEmail} / ${config.adminPassword}   (demo credentials; demo staff use the same password)`);
  }
  console.log('Press Ctrl-C to stop.');
}

try {
  await run(loadConfig(process.env));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`configuration error: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
