import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { collectCursors, runBench, type BenchRun } from './bench-run.js';
import { initOrm, migrate } from '../../api/src/db/orm.js';
import { createDatabase, dropDatabase } from '../../api/src/db/test-database.js';
import { entities } from '../../api/src/modules/registry.js';
import * as q from './queries.js';
import { login, post, type SystemName } from './workloads.js';

// The whole bench at 1,000 customers: the same code as `pnpm bench`, a second per workload. It
// asserts what the answers are and how many statements they take, never how fast they came.
let run: BenchRun;

beforeAll(async () => {
  run = await runBench({
    customers: 1000,
    seed: 7,
    now: new Date('2026-11-20T00:00:00Z'),
    serverUrl: inject('postgresServerUrl'),
    sequential: 3,
    warmupSeconds: 0,
    durationSeconds: 1,
  });
}, 900_000);
afterAll(() => run?.close());

async function ask(system: SystemName, ours: string, others: string | Record<string, unknown>, variables: Record<string, unknown>) {
  const server = run.servers[system];
  if (system === 'ours') return post(server.url, JSON.stringify({ query: ours, variables }), await login(run.servers.ours));
  if (system === 'postgraphile') return post(server.url, JSON.stringify({ query: others, variables }), null);
  return post(server.url, JSON.stringify({ ...(others as Record<string, unknown>), ...variables }), null);
}

/** The 360 page from all three systems, in the common shape. */
async function page360(variables: (system: SystemName) => Record<string, unknown>) {
  const ours = await ask('ours', q.OURS_PAGE_360, '', variables('ours'));
  const floor = await ask('floor', '', { query: 'page' }, variables('floor'));
  const postgraphile = await ask('postgraphile', '', q.PGL_PAGE_360, variables('postgraphile'));
  for (const answer of [ours, floor, postgraphile]) expect(answer.errors).toBeUndefined();
  return {
    ours: ours.data.customers.nodes.map(q.fromOurs) as q.Customer360[],
    floor: floor.data.nodes.map(q.fromOthers) as q.Customer360[],
    postgraphile: postgraphile.data.allCustomers.nodes.map(q.fromOthers) as q.Customer360[],
    statements: ours.extensions.sqlStatements as number,
  };
}

describe('the 360 page', () => {
  it('answers the same 50 customers with the same figures and timelines from ours, the floor and PostGraphile', async () => {
    const { asOf } = run.inputs;
    const page = await page360(() => ({ first: 50, asOf }));
    expect(page.ours).toHaveLength(50);
    expect(page.floor).toEqual(page.ours);
    expect(page.postgraphile).toEqual(page.ours);
    // Not a page of empty answers: the dataset gives these customers history.
    expect(page.ours.every((c) => c.timeline.length === 10)).toBe(true);
    expect(page.ours.some((c) => c.satisfaction.npsScore !== null)).toBe(true);
    expect(page.ours.some((c) => c.lifetimeValue.historicalValue !== '0.0000')).toBe(true);
    expect(new Set(page.ours.map((c) => c.health.churnRisk)).size).toBeGreaterThan(1);
    expect(page.statements).toBeLessThanOrEqual(10);
  });

  it('agrees at an offset and after the same cursor', async () => {
    const { asOf, maxOffset, cursors } = run.inputs;
    expect(maxOffset).toBeGreaterThan(100);
    const atOffset = await page360(() => ({ first: 50, asOf, offset: maxOffset }));
    expect(atOffset.ours).toHaveLength(50);
    expect(atOffset.floor).toEqual(atOffset.ours);
    expect(atOffset.postgraphile).toEqual(atOffset.ours);
    const k = Math.min(3, cursors.ours.length - 1);
    const afterCursor = await page360((system) => ({ first: 50, asOf, after: cursors[system][k] }));
    expect(afterCursor.floor).toEqual(afterCursor.ours);
    expect(afterCursor.postgraphile).toEqual(afterCursor.ours);
    // The import workload has raised lifetime values since those cursors were taken, so how many
    // customers still lie below them depends on how many batches ran. Cursors taken now from each
    // system must lead to the same, non-empty next page.
    const token = await login(run.servers.ours);
    const fresh = {
      ours: await collectCursors('ours', run.servers.ours, token, asOf, 100),
      floor: await collectCursors('floor', run.servers.floor, null, asOf, 100),
      postgraphile: await collectCursors('postgraphile', run.servers.postgraphile, null, asOf, 100),
    };
    const nextPage = await page360((system) => ({ first: 50, asOf, after: fresh[system][0] }));
    expect(nextPage.ours).toHaveLength(50);
    expect(nextPage.floor).toEqual(nextPage.ours);
    expect(nextPage.postgraphile).toEqual(nextPage.ours);
    expect(atOffset.statements).toBeLessThanOrEqual(10);
    expect(afterCursor.statements).toBeLessThanOrEqual(10);
  });
});

it('answers one customer the same from all three systems', async () => {
  const { asOf, customerIds } = run.inputs;
  for (const id of customerIds.slice(0, 5)) {
    const ours = await ask('ours', q.OURS_ONE_CUSTOMER, '', { id, asOf });
    const floor = await ask('floor', '', { query: 'customer' }, { id, asOf });
    const postgraphile = await ask('postgraphile', '', q.PGL_ONE_CUSTOMER, { id, asOf });
    const expected = q.fromOurs(ours.data.customer);
    expect(q.fromOthers(floor.data.nodes[0])).toEqual(expected);
    expect(q.fromOthers(postgraphile.data.customerByRowId)).toEqual(expected);
    expect(ours.extensions.sqlStatements).toBeLessThanOrEqual(10);
  }
});

it('finds the same customers by text and two filters in all three systems', async () => {
  const variables = { search: 'son', segments: ['SMALL_BUSINESS', 'MID_MARKET'], stages: ['CUSTOMER', 'CHURNED'] };
  const ours = await ask('ours', q.OURS_SEARCH, '', variables);
  const floor = await ask('floor', '', { query: 'search', first: 20 }, variables);
  const postgraphile = await ask('postgraphile', '', q.PGL_SEARCH, variables);
  expect(ours.data.customers.totalCount).toBeGreaterThan(0);
  expect(floor.data.totalCount).toBe(ours.data.customers.totalCount);
  expect(postgraphile.data.searchCustomers.totalCount).toBe(ours.data.customers.totalCount);
  expect(floor.data.nodes).toEqual(ours.data.customers.nodes);
  expect(postgraphile.data.searchCustomers.nodes).toEqual(ours.data.customers.nodes);
});

it('measured every workload on every system without a failed request, within the statement budget', () => {
  const names = new Set(run.measurements.map((m) => `${m.workload}/${m.system}`));
  for (const workload of ['360 page, first page', '360 page, offset ≤ 5,000', '360 page, cursor', 'one customer', 'search (text + 2 filters)']) {
    for (const system of ['ours', 'floor', 'postgraphile']) expect(names).toContain(`${workload}/${system}`);
  }
  expect(names).toContain('metrics (year × month × team)/ours');
  expect(names).toContain('import (1,000 purchases a batch)/ours');
  for (const m of run.measurements) {
    expect(m.failures, `${m.workload} on ${m.system}`).toBe(0);
    if (m.system === 'ours') expect(m.statements, m.workload).toBeGreaterThan(0);
    if (m.system === 'ours' && m.workload.startsWith('360 page')) expect(m.statements, m.workload).toBeLessThanOrEqual(10);
    if (m.system === 'floor') expect(m.statements).toBe(1);
  }
});

it('imported every batch of purchases it sent, each once by its externalId', async () => {
  const client = new pg.Client({ connectionString: run.database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string; distinct: string }>(
      `select count(*), count(distinct external_id) as distinct from purchase where external_id like 'bench-import-%'`,
    );
    expect(Number(rows[0]!.count)).toBeGreaterThanOrEqual(3000);
    expect(Number(rows[0]!.count) % 1000).toBe(0);
    expect(rows[0]!.distinct).toBe(rows[0]!.count);
  } finally {
    await client.end();
  }
});

it('leaves the customer and interaction tables with every index the migrations made (dropped during the load, built again after)', async () => {
  const indexes = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ definition: string }>(
        `select pg_get_indexdef(indexrelid) as definition from pg_index
          where indrelid in ('customer'::regclass, 'interaction'::regclass) and indisvalid order by 1`,
      );
      return rows.map((r) => r.definition);
    } finally {
      await client.end();
    }
  };
  const server = inject('postgresServerUrl');
  const url = await createDatabase(server, { prefix: 'bench_indexes' });
  let migrated: string[];
  try {
    const orm = await initOrm({ clientUrl: url, entities });
    await migrate(orm).finally(() => orm.close());
    migrated = await indexes(url);
  } finally {
    await dropDatabase(server, new URL(url).pathname.slice(1));
  }
  expect(migrated.length).toBeGreaterThan(20);
  expect(await indexes(run.database.url)).toEqual(migrated);
  expect(run.database.dataset.indexMs).toBeGreaterThan(0);
});
