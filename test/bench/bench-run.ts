import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { prepareBenchDatabase, type BenchDatabase } from './bench-database.js';
import * as q from './queries.js';
import {
  buildApi, createPostgraphileSchema, installPostgraphile, startFloor, startOurs, startPostgraphile, type RunningSystem,
} from './systems.js';
import { login, measure, post, workloads, type Measurement, type MeasureOptions, type SystemName, type WorkloadInputs } from './workloads.js';

export interface BenchOptions extends MeasureOptions {
  customers: number;
  seed: number;
  /** The dataset's present and every figure's asOf. */
  now: Date;
  /** A PostgreSQL server to create the benchmark database on; none: embedded. */
  serverUrl?: string | null;
  systems?: readonly SystemName[];
  /** Measures only the workloads whose name this accepts (all when absent). */
  workloads?: (name: string) => boolean;
  /** Keep the database and servers running after measuring (the test compares answers), until `close`. */
  log?: (line: string) => void;
}

export interface BenchRun {
  database: BenchDatabase;
  servers: Record<SystemName, RunningSystem>;
  inputs: WorkloadInputs;
  measurements: Measurement[];
  postgresVersion: string;
  close(): Promise<void>;
}

/** Walks the 360 page from the first page up to maxOffset and keeps each page's end cursor. */
export async function collectCursors(system: SystemName, server: RunningSystem, token: string | null, asOf: string, maxOffset: number): Promise<string[]> {
  const cursors: string[] = [];
  let after: string | undefined;
  // The cursor after page k starts the page at offset 50 × (k + 1): full pages only.
  for (let page = 0; page < maxOffset / 50; page++) {
    const variables = { first: 50, asOf, ...(after ? { after } : {}) };
    const answer =
      system === 'ours' ? await post(server.url, JSON.stringify({ query: q.OURS_PAGE_360, variables }), token)
      : system === 'postgraphile' ? await post(server.url, JSON.stringify({ query: q.PGL_PAGE_360, variables }), null)
      : await post(server.url, JSON.stringify({ query: 'page', ...variables }), null);
    const next =
      system === 'floor' ? (answer.data?.nodes?.at(-1)?.cursor as string | undefined)
      : ((answer.data?.customers ?? answer.data?.allCustomers)?.pageInfo?.endCursor as string | undefined);
    if (!next) {
      if (answer.errors) throw new Error(`${system} paging failed: ${JSON.stringify(answer.errors).slice(0, 300)}`);
      break;
    }
    cursors.push(next);
    after = next;
  }
  return cursors;
}

async function workloadInputs(databaseUrl: string, asOf: string): Promise<Omit<WorkloadInputs, 'cursors'>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const sample = async (where: string) =>
      (await client.query<{ id: string }>(`select id from customer where archived_at is null ${where} order by md5(id::text) limit 2000`)).rows.map((r) => r.id);
    const { rows } = await client.query<{ count: string }>(`select count(*) from customer where archived_at is null and lifecycle_stage = 'CUSTOMER'`);
    const maxOffset = Math.max(0, Math.min(5000, Math.floor((Number(rows[0]!.count) - 50) / 50) * 50));
    return { asOf, maxOffset, customerIds: await sample(''), purchaserIds: await sample(`and lifecycle_stage = 'CUSTOMER'`) };
  } finally {
    await client.end();
  }
}

/**
 * Waits until no other statement runs on the benchmark database: autocannon stops at its deadline
 * while the server still finishes the requests in flight (an import batch commits seconds later).
 */
async function waitUntilQuiet(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let quiet = 0, tries = 0; quiet < 2 && tries < 600; tries++) {
      const { rows } = await client.query<{ busy: string }>(
        `select count(*) as busy from pg_stat_activity where datname = current_database() and state <> 'idle' and pid <> pg_backend_pid()`,
      );
      quiet = Number(rows[0]!.busy) === 0 ? quiet + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}

/**
 * The whole bench: the dataset, the three systems, then every workload on every system, one at a
 * time. Servers stay up until `close()`.
 */
export async function runBench(options: BenchOptions): Promise<BenchRun> {
  const log = options.log ?? (() => {});
  const systems = options.systems ?? (['ours', 'floor', 'postgraphile'] as const);
  const database = await prepareBenchDatabase({ customers: options.customers, seed: options.seed, now: options.now, serverUrl: options.serverUrl, log });
  const started: RunningSystem[] = [];
  const close = async () => {
    for (const server of started) await server.stop();
    await database.close();
  };
  try {
    log('building the API (tsc) and preparing PostGraphile…');
    const [, node] = await Promise.all([
      buildApi(),
      systems.includes('postgraphile') ? createPostgraphileSchema(database.url).then(() => installPostgraphile(log)) : Promise.resolve(null),
    ]);
    const servers = {} as Record<SystemName, RunningSystem>;
    for (const system of systems) {
      const server = system === 'ours' ? await startOurs(database.url) : system === 'floor' ? await startFloor(database.url) : await startPostgraphile(database.url, node!);
      started.push(server);
      servers[system] = server;
      log(`${system} is up (pid ${server.pid}) at ${server.url}`);
    }
    const asOf = options.now.toISOString();
    const base = await workloadInputs(database.url, asOf);
    const cursors = {} as Record<SystemName, string[]>;
    for (const system of systems) cursors[system] = await collectCursors(system, servers[system], system === 'ours' ? await login(servers.ours) : null, asOf, base.maxOffset);
    const inputs: WorkloadInputs = { ...base, cursors };

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const postgresVersion = (await client.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
    await client.end();

    const measurements: Measurement[] = [];
    const counter = { n: 0 };
    const chosen = workloads(inputs, systems, randomBytes(4).toString('hex')).filter((w) => !options.workloads || options.workloads(w.name));
    for (const workload of chosen) {
      const token = workload.system === 'ours' ? await login(servers.ours) : null;
      log(`measuring ${workload.name} on ${workload.system}…`);
      const result = await measure(workload, servers[workload.system], token, options, counter);
      log(
        `  ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.p50Ms.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(0)} ms, alone ${result.aloneMedianMs.toFixed(1)} ms, ` +
          `${result.statements ?? '—'} statements, ${result.failures} failures`,
      );
      measurements.push(result);
      await waitUntilQuiet(database.url);
    }
    return { database, servers, inputs, measurements, postgresVersion, close };
  } catch (error) {
    await close();
    throw error;
  }
}
