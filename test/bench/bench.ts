import os from 'node:os';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runBench, type BenchRun } from './bench-run.js';
import type { Measurement } from './workloads.js';

/*
 * `pnpm bench`: generates the dataset, starts our API (production build), the floor and
 * PostGraphile 5, measures every workload and writes test/bench/RESULTS.md.
 *
 *   pnpm bench [--customers 100000] [--seed 1] [--duration 20] [--warmup 5] [--sequential 200] [--out test/bench/RESULTS.md]
 *              [--workloads "first page,one customer"] [--systems ours,floor] [--hold]
 *
 * --workloads: only the workloads whose name contains one of these (comma-separated, any case).
 * --systems: only these systems (ours, floor, postgraphile).
 * --hold: after writing the results, keep the database and the servers up (their URLs are
 *   printed) until interrupted, e.g. to EXPLAIN or profile against the same data.
 * BENCH_DATABASE_URL: a PostgreSQL server to create the benchmark database on (default: embedded).
 */

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    sequential: { type: 'string', default: '200' },
    out: { type: 'string', default: path.join(import.meta.dirname, 'RESULTS.md') },
    workloads: { type: 'string' },
    systems: { type: 'string', default: 'ours,floor,postgraphile' },
    hold: { type: 'boolean', default: false },
  },
});

const SYSTEMS = ['ours', 'floor', 'postgraphile'] as const;
const systems = values.systems!.split(',').map((s) => s.trim());
const unknown = systems.find((s) => !(SYSTEMS as readonly string[]).includes(s));
if (unknown !== undefined || !systems.length) {
  console.error(`--systems takes a comma-separated list of ${SYSTEMS.join(', ')}; got "${values.systems}"`);
  process.exit(2);
}
const wanted = values.workloads?.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);

const whole = (name: string, text: string | undefined) => {
  if (!/^\d+$/.test(text ?? '')) {
    console.error(`--${name} must be a whole number, got "${text}"`);
    process.exit(2);
  }
  return Number(text);
};

const fmt = (value: number | null, digits = 0) => (value === null || Number.isNaN(value) ? '—' : value.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? (a / b).toFixed(2) : '—');

function markdown(run: BenchRun, command: string, options: { customers: number; duration: number; warmup: number; sequential: number }): string {
  const m = run.measurements;
  const find = (workload: string, system: string) => m.find((x) => x.workload === workload && x.system === system);
  const names = [...new Set(m.map((x) => x.workload))];
  const counts = run.database.dataset.counts;
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`${command}\` on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, ` +
      `Node ${process.version} (our API and the floor), Node 24 (PostGraphile), PostgreSQL ${run.postgresVersion} (${run.database.server}).`,
    '',
    `Dataset: ${counts.customer.toLocaleString('en')} customers, ${counts.interaction.toLocaleString('en')} interactions, ${counts.purchase.toLocaleString('en')} purchases, ` +
      `${counts.survey_response.toLocaleString('en')} survey responses, ${counts.handoff.toLocaleString('en')} handoffs, ${counts.acquisition_spend} monthly spend rows (3 years), ` +
      `${counts.staff_user} staff — generated and loaded with COPY (triggers on) plus ANALYZE in ${(run.database.dataset.totalMs / 1000).toFixed(1)} s ` +
      `(COPY ${(run.database.dataset.copyMs / 1000).toFixed(1)} s, of which ${(run.database.dataset.indexMs / 1000).toFixed(1)} s building the customer and interaction tables' secondary indexes after the load, ANALYZE ${(run.database.dataset.analyzeMs / 1000).toFixed(1)} s).`,
    '',
    `Each workload: ${options.sequential} sequential requests (every answer checked; "alone" is their median), then a ${options.warmup} s warm-up and a ` +
      `${options.duration} s run with autocannon at the stated concurrency. Statements: the largest \`extensions.sqlStatements\` seen (the floor runs one by ` +
      'construction; PostGraphile does not report its count). RSS: the largest resident set of the server process during the run, and its peak since it started (VmHWM).',
    '',
    '| workload | system | conns | req/s | p50 ms | p95 ms | p99 ms | alone ms | statements | RSS MB (peak) | failures |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...m.map(
      (x: Measurement) =>
        `| ${x.workload} | ${x.system} | ${x.connections} | ${fmt(x.requestsPerSecond, 1)} | ${fmt(x.p50Ms)} | ${fmt(x.p95Ms)} | ${fmt(x.p99Ms)} | ` +
        `${fmt(x.aloneMedianMs, 1)} | ${x.statements ?? '—'} | ${fmt(x.rssMb)} (${fmt(x.peakRssMb)}) | ${x.failures} |`,
    ),
    '',
    '## Ratios (same run, same database)',
    '',
    'Throughput: ours ÷ other (higher is better for us). Latency: ours ÷ other (lower is better for us).',
    '',
    '| workload | req/s ours÷floor | req/s ours÷PostGraphile | p99 ours÷floor | alone ours÷floor | alone ours÷PostGraphile |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...names.map((name) => {
      const [ours, floor, pgl] = [find(name, 'ours'), find(name, 'floor'), find(name, 'postgraphile')];
      return `| ${name} | ${ratio(ours?.requestsPerSecond, floor?.requestsPerSecond)} | ${ratio(ours?.requestsPerSecond, pgl?.requestsPerSecond)} | ` +
        `${ratio(ours?.p99Ms, floor?.p99Ms)} | ${ratio(ours?.aloneMedianMs, floor?.aloneMedianMs)} | ${ratio(ours?.aloneMedianMs, pgl?.aloneMedianMs)} |`;
    }),
    '',
  ];
  return lines.join('\n');
}

const options = {
  customers: whole('customers', values.customers),
  seed: whole('seed', values.seed),
  duration: whole('duration', values.duration),
  warmup: whole('warmup', values.warmup),
  sequential: whole('sequential', values.sequential),
};
const now = new Date();
now.setUTCHours(0, 0, 0, 0);
const started = performance.now();
const run = await runBench({
  customers: options.customers,
  seed: options.seed,
  now,
  serverUrl: process.env.BENCH_DATABASE_URL || null,
  systems: SYSTEMS.filter((s) => systems.includes(s)),
  workloads: wanted?.length ? (name) => wanted.some((w) => name.toLowerCase().includes(w)) : undefined,
  sequential: options.sequential,
  warmupSeconds: options.warmup,
  durationSeconds: options.duration,
  log: (line) => console.log(line),
});
try {
  const command = `pnpm bench ${process.argv.slice(2).join(' ')}`.trim();
  await writeFile(values.out!, markdown(run, command, options));
  console.log(`wrote ${values.out} (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  if (values.hold) {
    console.log(`holding: database ${run.database.url}`);
    for (const [name, server] of Object.entries(run.servers)) console.log(`holding: ${name} at ${server.url} (pid ${server.pid})`);
    console.log('interrupt (SIGINT or SIGTERM) to stop them and drop the database');
    await new Promise((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
  }
} finally {
  await run.close();
}
