import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  CHUNK_LINES, customerStream, datasetScale, drawPopulation, handoffStream, interactionStream, purchaseStream, spendStream, staffStream, surveyStream,
  type DatasetCounts, type DatasetOptions, type TableStream,
} from './dataset-rows.js';

export { datasetScale, type DatasetCounts, type DatasetOptions } from './dataset-rows.js';

export interface DatasetSummary {
  counts: DatasetCounts;
  /** Generating and streaming every row (triggers and foreign keys included), then ANALYZE. */
  copyMs: number;
  /** Of copyMs: building the customer and interaction tables' secondary indexes again after the load. */
  indexMs: number;
  analyzeMs: number;
  totalMs: number;
}

/** The share of a table's rows loaded before the table is first analyzed. */
const FIRST_SHARE = 0.02;

/**
 * Streams one table's rows through `COPY … FROM STDIN` (node encodes the next chunk while
 * PostgreSQL stores the last) in two statements: a first ~2% of the rows, ANALYZE, then the rest.
 * The rollup triggers run once per statement and are planned with the table's statistics: planned
 * against a never-analyzed, empty table, refresh_customer_latest_nps read the whole NPS part of the
 * (kind, responded_at) index once per customer (seen with gdb on the loading backend). After the
 * first part they are planned as on a live database.
 */
async function copy(client: pg.Client, stream: TableStream): Promise<void> {
  const columns = stream.columns.map((c) => `"${c}"`).join(', ');
  const chunks = stream.chunks()[Symbol.iterator]();
  let done = false;
  function* part(maxChunks: number): Generator<string> {
    for (let n = 0; n < maxChunks; n++) {
      const next = chunks.next();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  }
  const firstChunks = Math.max(1, Math.ceil((stream.rows * FIRST_SHARE) / CHUNK_LINES));
  await pipeline(Readable.from(part(firstChunks), { objectMode: false }), client.query(copyFrom(`copy "${stream.table}" (${columns}) from stdin`)));
  if (done) return;
  await client.query(`analyze "${stream.table}"`);
  await pipeline(Readable.from(part(Infinity), { objectMode: false }), client.query(copyFrom(`copy "${stream.table}" (${columns}) from stdin`)));
}

/**
 * Secondary indexes dropped while a bulk load runs and built again after it (PostgreSQL's advice
 * for populating a database), except those in `keep` (and primary keys and constraints). Built in
 * one pass, an index costs a fraction of a million random insertions into it:
 * - customer, while the child tables load: every child COPY ends with its rollup trigger updating
 *   up to 100,000 customer rows, and with the table's pages full after its own COPY no update can
 *   be HOT, so each wrote all fifteen indexes, the two GIN ones (trigram search, tags) most of all
 *   — what gdb showed the loading backend doing;
 * - interaction, while its million rows load: seven of its nine indexes; the (customer, time)
 *   index stays because the rollup trigger reads each customer's latest interaction through it.
 * Adds the time spent building them again to `timings.indexMs`.
 */
async function withoutIndexes<T>(client: pg.Client, table: string, keep: readonly string[], timings: { indexMs: number }, load: () => Promise<T>): Promise<T> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as definition
       from pg_index x join pg_class i on i.oid = x.indexrelid
      where x.indrelid = $1::regclass and not x.indisprimary and not (i.relname = any($2::text[]))
        and not exists (select 1 from pg_constraint c where c.conindid = i.oid)
      order by i.relname`,
    [table, keep],
  );
  for (const index of rows) await client.query(`drop index "${index.name}"`);
  const rebuild = async () => {
    for (const index of rows) await client.query(index.definition);
  };
  let result: T;
  try {
    result = await load();
  } catch (error) {
    await rebuild().catch(() => {});
    throw error;
  }
  const started = performance.now();
  await rebuild();
  timings.indexMs += Math.round(performance.now() - started);
  return result;
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

/**
 * Generates the benchmark dataset for `options.customers` customers and loads it into a migrated,
 * empty database with COPY, triggers and constraints on (the rollup columns are kept by the
 * statement-level triggers, never written here), then ANALYZEs. Staff first, then customers, then
 * interactions, purchases, survey answers, handoffs and spend.
 */
export async function loadDataset(databaseUrl: string, options: DatasetOptions, log: (line: string) => void = () => {}): Promise<DatasetSummary> {
  const started = performance.now();
  const scale = datasetScale(options.customers);
  const main = await connect(databaseUrl);
  try {
    const { rows } = await main.query<{ present: boolean }>('select exists(select 1 from customer) as present');
    if (rows[0]!.present) throw new Error('refusing to load the benchmark dataset: the customer table is not empty');
    const population = drawPopulation(options);
    const timed = async (client: pg.Client, stream: TableStream) => {
      const at = performance.now();
      await copy(client, stream);
      log(`  ${stream.table.padEnd(18)} ${String(stream.rows).padStart(9)} rows in ${((performance.now() - at) / 1000).toFixed(1)} s`);
    };
    const staff = staffStream(population, 'unusable');
    const customers = customerStream(population, options.seed);
    await timed(main, staff);
    await timed(main, customers);
    const interactions = interactionStream(population, options.seed, scale.interactions);
    const others = [
      purchaseStream(population, options.seed, scale.purchases),
      surveyStream(population, options.seed, scale.surveyResponses),
      handoffStream(population, options.seed, scale.handoffs),
      spendStream(population, options.seed),
    ];
    // One table after another: each COPY's statement-level triggers update the rollup columns of
    // the customers it touched, so two COPYs at once would lock overlapping customer rows in
    // different orders and deadlock. Node generates the next chunk while PostgreSQL stores the last.
    const timings = { indexMs: 0 };
    await withoutIndexes(main, 'customer', [], timings, async () => {
      await withoutIndexes(main, 'interaction', ['interaction_customer_occurred'], timings, () => timed(main, interactions));
      for (const stream of others) await timed(main, stream);
    });
    const { indexMs } = timings;
    log(`  customer and interaction indexes built again in ${(indexMs / 1000).toFixed(1)} s`);
    const copied = performance.now();
    await main.query('analyze');
    const analyzed = performance.now();
    const counts = Object.fromEntries([staff, customers, interactions, ...others].map((s) => [s.table, s.rows])) as unknown as DatasetCounts;
    return {
      counts,
      copyMs: Math.round(copied - started),
      indexMs,
      analyzeMs: Math.round(analyzed - copied),
      totalMs: Math.round(analyzed - started),
    };
  } finally {
    await main.end();
  }
}
