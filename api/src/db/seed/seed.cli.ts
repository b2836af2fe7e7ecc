import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../config.js';
import { entities } from '../../modules/registry.js';
import { startPersistentPostgres, type RunningPostgres } from '../embedded.js';
import { initOrm, migrate } from '../orm.js';
import { DEMO_STAFF_PASSWORD_NOTE } from './demo-data.js';
import { seedDemoData } from './seed.js';

const USAGE = `Loads deterministic demo data into an empty customer360 database.

usage: pnpm seed [--customers N] [--seed S] [--now ISO-TIME] [--staff-password P]

  --customers N         customers to generate (default DEMO_CUSTOMERS, 2000)
  --seed S              any number or word; the same seed gives the same data (default DEMO_SEED, 42)
  --now ISO-TIME        the demo's present (default: this hour, UTC)
  --staff-password P    password of every demo staff member (default ADMIN_PASSWORD)

Uses DATABASE_URL when set, otherwise the embedded PostgreSQL under .data/ (stop \`pnpm start\` first).`;

function parse(argv: string[]) {
  // `pnpm seed -- --customers 10` passes the `--` through; it is not the end of our options.
  const { values } = parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: {
      customers: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      'staff-password': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  return values;
}

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig(process.env);
  const customers = args.customers === undefined ? config.demoCustomers : Number(args.customers);
  if (!Number.isInteger(customers) || customers < 0) throw new ConfigError(`--customers must be a whole number ≥ 0, got "${args.customers}"`);
  const seed = args.seed === undefined ? config.demoSeed : /^\d+$/.test(args.seed) ? Number(args.seed) : args.seed;
  const now = args.now === undefined ? undefined : new Date(args.now);
  if (now && Number.isNaN(now.getTime())) throw new ConfigError(`--now must be an ISO 8601 time, got "${args.now}"`);
  const staffPassword = args['staff-password'] ?? config.adminPassword;
  if (!staffPassword) throw new ConfigError('no password for the demo staff: set ADMIN_PASSWORD or pass --staff-password');

  let postgres: RunningPostgres | null = null;
  if (config.databaseUrl === null) {
    console.log(`starting embedded PostgreSQL (data in ${path.join(config.dataDir, 'postgres')})…`);
    postgres = await startPersistentPostgres(config.dataDir, config.embeddedPostgresPort);
  }
  const orm = await initOrm({ clientUrl: config.databaseUrl ?? postgres!.url, entities, poolMax: 2 });
  try {
    const applied = await migrate(orm);
    if (applied.length) console.log(`applied migrations: ${applied.join(', ')}`);
    console.log(`generating ${customers} customers with seed ${seed}…`);
    const summary = await seedDemoData(orm, { customers, seed, now, staffPassword });
    console.log(`demo data as of ${summary.now.toISOString()}:`);
    for (const [table, count] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(18)} ${String(count).padStart(8)}`);
    console.log(`generated in ${(summary.generateMs / 1000).toFixed(1)} s, inserted in ${(summary.insertMs / 1000).toFixed(1)} s, ` +
      `${(summary.elapsedMs / 1000).toFixed(1)} s in all`);
    console.log(DEMO_STAFF_PASSWORD_NOTE);
    return 0;
  } finally {
    await orm.close();
    await postgres?.stop();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error instanceof Error ? error.message : error);
  process.exitCode = error instanceof ConfigError ? 2 : 1;
}
