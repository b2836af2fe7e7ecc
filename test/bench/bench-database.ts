import 'reflect-metadata';
import { startThrowawayPostgres, type RunningPostgres } from '../../api/src/db/embedded.js';
import { initOrm, migrate } from '../../api/src/db/orm.js';
import { createDatabase, dropDatabase } from '../../api/src/db/test-database.js';
import { entities } from '../../api/src/modules/registry.js';
import { loadDataset, type DatasetSummary } from './dataset.js';

export interface BenchDatabase {
  /** The benchmark database: migrated with our migrations, holding the generated dataset. */
  url: string;
  /** Where the server runs: `embedded` or the host of BENCH_DATABASE_URL. */
  server: string;
  dataset: DatasetSummary;
  close(): Promise<void>;
}

export interface BenchDatabaseOptions {
  customers: number;
  seed: number;
  now: Date;
  /** A PostgreSQL server to create the database on; none: a throwaway embedded one. */
  serverUrl?: string | null;
  log?: (line: string) => void;
}

/** A fresh database (on BENCH_DATABASE_URL's server or an embedded one), migrated and loaded. */
export async function prepareBenchDatabase(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const log = options.log ?? (() => {});
  let postgres: RunningPostgres | null = null;
  if (!options.serverUrl) {
    log('starting embedded PostgreSQL…');
    postgres = await startThrowawayPostgres();
  }
  const serverUrl = options.serverUrl || postgres!.url;
  const url = await createDatabase(serverUrl, { prefix: 'bench' });
  const close = async () => {
    await dropDatabase(serverUrl, new URL(url).pathname.slice(1)).catch(() => {});
    await postgres?.stop();
  };
  try {
    const orm = await initOrm({ clientUrl: url, entities, poolMax: 2 });
    try {
      await migrate(orm);
    } finally {
      await orm.close();
    }
    log(`generating and loading ${options.customers} customers with COPY (seed ${options.seed})…`);
    const dataset = await loadDataset(url, options, log);
    log(`dataset ready in ${(dataset.totalMs / 1000).toFixed(1)} s (COPY ${(dataset.copyMs / 1000).toFixed(1)} s of which rebuilding indexes ${(dataset.indexMs / 1000).toFixed(1)} s, ANALYZE ${(dataset.analyzeMs / 1000).toFixed(1)} s)`);
    return { url, server: postgres ? 'embedded' : new URL(serverUrl).host, dataset, close };
  } catch (error) {
    await close();
    throw error;
  }
}
