import { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import { Random } from '../../api/src/db/seed/random.js';
import { BENCH_ADMIN, memoryOf, type RunningSystem } from './systems.js';
import * as q from './queries.js';

/*
 * The workloads, as request bodies for each system, and how one is measured: a single request
 * alone (sequential, every answer checked), then a warm-up and a timed run at fixed concurrency
 * with autocannon, collecting every response time and the server's memory.
 */

export type SystemName = 'ours' | 'floor' | 'postgraphile';

/** What the workloads draw from: real ids and cursors of the benchmark database. */
export interface WorkloadInputs {
  asOf: string;
  customerIds: string[];
  /** Ids of customers in stage CUSTOMER: the import's purchases go to them. */
  purchaserIds: string[];
  /** The largest offset the 360 page is asked for: 5,000, or less when fewer customers are in stage CUSTOMER. */
  maxOffset: number;
  /** Per system, the end cursors of the 360 page's pages up to maxOffset. */
  cursors: Record<SystemName, string[]>;
}

export interface Workload {
  name: string;
  system: SystemName;
  connections: number;
  /** The n-th request body (JSON text). */
  body(n: number): string;
  /** Throws when an answer is not what the workload asked for. */
  check(answer: any): void;
}

const SEARCH_TERMS = ['son', 'lee', 'blue', 'mar', 'ana', 'tech', 'north', 'kim'];
const SEARCH_SEGMENTS = ['SMALL_BUSINESS', 'MID_MARKET'];
const SEARCH_STAGES = ['CUSTOMER', 'CHURNED'];

function noErrors(answer: any): void {
  if (answer.errors?.length || !answer.data) throw new Error(`answered with errors: ${JSON.stringify(answer.errors ?? answer).slice(0, 500)}`);
}

const json = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
/** A deterministic sequence for the n-th request, so every system is asked the same things. */
const pick = <T>(items: readonly T[], n: number, salt: string): T => items[new Random(`${salt}/${n}`).int(0, items.length - 1)]!;
const offsetFor = (n: number, maxOffset: number) => 50 * new Random(`offset/${n}`).int(0, maxOffset / 50);

function page360(system: SystemName, variant: 'first page' | 'offset ≤ 5,000' | 'cursor', inputs: WorkloadInputs): Workload {
  const variables = (n: number): Record<string, unknown> => {
    const base = { first: 50, asOf: inputs.asOf };
    if (variant === 'offset ≤ 5,000') return { ...base, offset: offsetFor(n, inputs.maxOffset) };
    if (variant === 'cursor') return { ...base, after: pick(inputs.cursors[system], n, 'cursor') };
    return base;
  };
  const body =
    system === 'ours' ? (n: number) => json(q.OURS_PAGE_360, variables(n))
    : system === 'postgraphile' ? (n: number) => json(q.PGL_PAGE_360, variables(n))
    : (n: number) => JSON.stringify({ query: 'page', ...variables(n) });
  return {
    name: `360 page, ${variant}`,
    system,
    connections: 16,
    body,
    check(answer) {
      noErrors(answer);
      const nodes = answer.data.customers?.nodes ?? answer.data.allCustomers?.nodes ?? answer.data.nodes;
      if (!Array.isArray(nodes) || nodes.length !== 50) throw new Error(`expected 50 customers, got ${JSON.stringify(answer).slice(0, 300)}`);
    },
  };
}

function oneCustomer(system: SystemName, inputs: WorkloadInputs): Workload {
  const id = (n: number) => pick(inputs.customerIds, n, 'customer');
  return {
    name: 'one customer',
    system,
    connections: 16,
    body:
      system === 'ours' ? (n) => json(q.OURS_ONE_CUSTOMER, { id: id(n), asOf: inputs.asOf })
      : system === 'postgraphile' ? (n) => json(q.PGL_ONE_CUSTOMER, { id: id(n), asOf: inputs.asOf })
      : (n) => JSON.stringify({ query: 'customer', id: id(n), asOf: inputs.asOf }),
    check(answer) {
      noErrors(answer);
      const found = answer.data.customer ?? answer.data.customerByRowId ?? answer.data.nodes?.[0];
      if (!found?.id) throw new Error(`customer not found: ${JSON.stringify(answer).slice(0, 300)}`);
    },
  };
}

function search(system: SystemName): Workload {
  const variables = (n: number) => ({ search: pick(SEARCH_TERMS, n, 'search'), segments: SEARCH_SEGMENTS, stages: SEARCH_STAGES });
  return {
    name: 'search (text + 2 filters)',
    system,
    connections: 16,
    body:
      system === 'ours' ? (n) => json(q.OURS_SEARCH, variables(n))
      : system === 'postgraphile' ? (n) => json(q.PGL_SEARCH, variables(n))
      : (n) => JSON.stringify({ query: 'search', first: 20, ...variables(n) }),
    check(answer) {
      noErrors(answer);
      const found = answer.data.customers ?? answer.data.searchCustomers ?? answer.data;
      if (typeof found.totalCount !== 'number' && typeof found.totalCount !== 'string') throw new Error('no totalCount');
    },
  };
}

/** A year by month by team, ending at the month asOf falls in. */
function metrics(inputs: WorkloadInputs): Workload {
  const asOf = new Date(inputs.asOf);
  const to = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), 1));
  const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), 1));
  return {
    name: 'metrics (year × month × team)',
    system: 'ours',
    connections: 16,
    body: () => json(q.OURS_METRICS, { from: from.toISOString(), to: to.toISOString() }),
    check(answer) {
      noErrors(answer);
      if (answer.data.metrics.series.length < 2) throw new Error('expected a series per team');
    },
  };
}

/** Batches of 1,000 purchases with fresh externalIds. */
function purchaseImport(inputs: WorkloadInputs, runId: string): Workload {
  return {
    name: 'import (1,000 purchases a batch)',
    system: 'ours',
    connections: 4,
    body(n) {
      const rng = new Random(`import/${runId}/${n}`);
      const items = Array.from({ length: 1000 }, (_, k) => ({
        customerId: rng.pick(inputs.purchaserIds),
        amount: `${rng.int(5, 5000)}.${String(rng.int(0, 99)).padStart(2, '0')}`,
        currency: 'USD',
        kind: 'ONE_TIME',
        product: 'Imported order',
        purchasedAt: new Date(Date.parse(inputs.asOf) - rng.int(1, 90 * 86_400) * 1000).toISOString(),
        externalId: `bench-import-${runId}-${n}-${k}`,
      }));
      return json(q.OURS_IMPORT, { input: { items } });
    },
    check(answer) {
      noErrors(answer);
      const results = answer.data.purchaseRecordBatch.results as { purchase: unknown; userErrors: unknown[] }[];
      const rejected = results.filter((r) => r.userErrors.length);
      if (results.length !== 1000 || rejected.length) throw new Error(`import rejected items: ${JSON.stringify(rejected.slice(0, 3))}`);
    },
  };
}

export function workloads(inputs: WorkloadInputs, systems: readonly SystemName[], runId: string): Workload[] {
  const list: Workload[] = [];
  for (const variant of ['first page', 'offset ≤ 5,000', 'cursor'] as const) for (const system of systems) list.push(page360(system, variant, inputs));
  for (const system of systems) list.push(oneCustomer(system, inputs));
  for (const system of systems) list.push(search(system));
  if (systems.includes('ours')) list.push(metrics(inputs), purchaseImport(inputs, runId));
  return list;
}

export async function post(url: string, body: string, token: string | null): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${url} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  }
}

/** Our API's bearer token for the bench administrator (tokens may be short-lived: fetched per workload). */
export async function login(ours: RunningSystem): Promise<string> {
  const answer = await post(ours.url, json('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: BENCH_ADMIN }), null);
  const token = answer.data?.login?.token;
  if (!token) throw new Error(`bench login failed: ${JSON.stringify(answer).slice(0, 300)}`);
  return token;
}

export interface Measurement {
  workload: string;
  system: SystemName;
  connections: number;
  /** Median of the sequential requests, ms. */
  aloneMedianMs: number;
  /** SQL statements per request (extensions.sqlStatements), the largest seen; null when the system does not say. */
  statements: number | null;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requests: number;
  failures: number;
  /** The server's largest resident set during the run, and its peak since it started, MB. */
  rssMb: number | null;
  peakRssMb: number | null;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);

export interface MeasureOptions {
  sequential: number;
  warmupSeconds: number;
  durationSeconds: number;
}

/** Measures one workload against one system. `counter` numbers request bodies across phases so the import never repeats an externalId. */
export async function measure(workload: Workload, target: RunningSystem, token: string | null, options: MeasureOptions, counter = { n: 0 }): Promise<Measurement> {
  const alone: number[] = [];
  let statements: number | null = null;
  for (let i = 0; i < options.sequential; i++) {
    const body = workload.body(counter.n++);
    const started = performance.now();
    const answer = await post(target.url, body, token);
    alone.push(performance.now() - started);
    workload.check(answer);
    const count = answer.extensions?.sqlStatements;
    if (typeof count === 'number') statements = Math.max(statements ?? 0, count);
  }
  alone.sort((a, b) => a - b);

  const load = async (seconds: number, times: number[] | null) => {
    const instance = autocannon({
      url: target.url,
      connections: workload.connections,
      duration: seconds,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      requests: [{ setupRequest: (request: any) => ({ ...request, body: workload.body(counter.n++) }) }],
    }) as unknown as EventEmitter & Promise<autocannon.Result>;
    if (times) instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
    return instance;
  };
  if (options.warmupSeconds > 0) await load(options.warmupSeconds, null);

  const times: number[] = [];
  let rssMb: number | null = null;
  const sampler = setInterval(async () => {
    const memory = await memoryOf(target.pid);
    if (memory) rssMb = Math.max(rssMb ?? 0, memory.rssMb);
  }, 100);
  let result: autocannon.Result;
  try {
    result = await load(options.durationSeconds, times);
  } finally {
    clearInterval(sampler);
  }
  times.sort((a, b) => a - b);
  const memory = await memoryOf(target.pid);
  const completed = result.requests.total;
  return {
    workload: workload.name,
    system: workload.system,
    connections: workload.connections,
    aloneMedianMs: percentile(alone, 50),
    statements,
    requestsPerSecond: completed / (result.duration || options.durationSeconds),
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    p99Ms: percentile(times, 99),
    requests: completed,
    failures: result.errors + result.timeouts + result.non2xx,
    rssMb: memory ? Math.max(rssMb ?? 0, memory.rssMb) : rssMb,
    peakRssMb: memory?.peakMb ?? null,
  };
}
