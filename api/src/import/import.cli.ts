import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { startPersistentPostgres, type RunningPostgres } from '../db/embedded.js';
import { initOrm, migrate } from '../db/orm.js';
import { entities } from '../modules/registry.js';
import { ImportError, importCsv, MAX_IMPORT_BATCH, type ImportSummary } from './importer.js';
import { loadMapping, MappingError } from './mapping.js';
import { IMPORT_KIND_NAMES, type ImportKindName } from './targets.js';

const USAGE = `Imports a CSV file into customer360, idempotently by externalId.

usage: pnpm run import <kind> <file.csv> --mapping <mapping.json> [--report rejected.csv] [--batch N] [--dry-run]
                       [--as EMAIL] [--as-of ISO-TIME]

  kind                  ${IMPORT_KIND_NAMES.join(', ')}
  --mapping FILE        how columns become fields (see schema/import-mappings/ and the README)
  --report FILE         write every rejected (and skipped) row there: line, column, field, code, reason, the row
  --batch N             rows per transaction, 1–${MAX_IMPORT_BATCH} (default ${MAX_IMPORT_BATCH})
  --dry-run             check every row against the database, write nothing
  --as EMAIL            the staff member the import acts as (ADMIN or MANAGER), named in the audit trail (default ADMIN_EMAIL)
  --as-of ISO-TIME      overrides the mapping's "asOf" (the moment relative dates are counted from)

Paths are relative to the directory pnpm was started in. Uses DATABASE_URL when set, otherwise the
embedded PostgreSQL under .data/ (stop \`pnpm start\` first). Exit code 0 when every row was
imported, skipped by the mapping or already there; 1 when some were rejected; 2 on bad usage or
a bad mapping (nothing written); 3 on any other failure. (\`pnpm import\` alone is pnpm's own command.)`;

function parse(argv: string[]) {
  // `pnpm import -- customers …` passes the `--` through; it is not the end of our options.
  const { values, positionals } = parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    allowPositionals: true,
    options: {
      mapping: { type: 'string' },
      report: { type: 'string' },
      batch: { type: 'string' },
      'dry-run': { type: 'boolean' },
      as: { type: 'string' },
      'as-of': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  return { ...values, positionals };
}

/** pnpm runs scripts in the package's directory; paths the user typed are relative to where they were. */
function userPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

function printSummary(summary: ImportSummary, reportPath: string | null): void {
  const rows = (label: string, count: number) => console.log(`  ${label.padEnd(10)} ${String(count).padStart(9)}`);
  console.log(`${summary.dryRun ? 'dry run (nothing written) — ' : ''}${summary.kind}:`);
  rows('read', summary.read);
  rows('created', summary.created);
  rows('updated', summary.updated);
  rows('unchanged', summary.unchanged);
  rows('skipped', summary.skipped);
  rows('rejected', summary.rejected);
  console.log(`  elapsed    ${(summary.elapsedMs / 1000).toFixed(1).padStart(8)} s (${summary.rowsPerSecond} rows/s)`);
  if (summary.rejected && !reportPath) {
    console.log('first rejections (pass --report FILE for all):');
    for (const r of summary.firstRejections) console.log(`  line ${r.line}: ${r.field || '(row)'}${r.column ? ` [${r.column}]` : ''} ${r.code}: ${r.reason}`);
  }
  if (reportPath) console.log(`report: ${reportPath}`);
}

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const [kind, file, ...extra] = args.positionals;
  if (!kind || !file || extra.length || !args.mapping) throw new ConfigError(`give a kind, a file and --mapping\n\n${USAGE}`);
  if (!IMPORT_KIND_NAMES.includes(kind as ImportKindName)) throw new ConfigError(`kind must be one of ${IMPORT_KIND_NAMES.join(', ')}, got "${kind}"`);
  const batchSize = args.batch === undefined ? MAX_IMPORT_BATCH : Number(args.batch);
  const asOf = args['as-of'] === undefined ? undefined : new Date(args['as-of']);
  if (asOf && Number.isNaN(asOf.getTime())) throw new ConfigError(`--as-of must be an ISO 8601 time, got "${args['as-of']}"`);
  const config = loadConfig(process.env);
  const actorEmail = args.as ?? config.adminEmail;
  if (!actorEmail) throw new ConfigError('name the staff member the import acts as: --as EMAIL (or set ADMIN_EMAIL)');
  const mapping = await loadMapping(userPath(args.mapping));
  const reportPath = args.report ? userPath(args.report) : null;

  let postgres: RunningPostgres | null = null;
  if (config.databaseUrl === null) {
    console.error(`starting embedded PostgreSQL (data in ${path.join(config.dataDir, 'postgres')})…`);
    postgres = await startPersistentPostgres(config.dataDir, config.embeddedPostgresPort);
  }
  const orm = await initOrm({ clientUrl: config.databaseUrl ?? postgres!.url, entities, poolMax: 2 });
  try {
    await migrate(orm);
    const summary = await importCsv(orm, {
      kind: kind as ImportKindName,
      file: userPath(file),
      mapping,
      reportPath,
      batchSize,
      dryRun: args['dry-run'],
      actorEmail,
      asOf,
      onBatch: (s) => process.stderr.write(`\r  ${s.read} rows read…`),
    });
    process.stderr.write('\n');
    printSummary(summary, reportPath);
    return summary.rejected ? 1 : 0;
  } finally {
    await orm.close();
    await postgres?.stop();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  const usage = error instanceof ConfigError || error instanceof ImportError || error instanceof MappingError;
  console.error(usage ? `import: ${error.message}` : error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = usage ? 2 : 3;
}
