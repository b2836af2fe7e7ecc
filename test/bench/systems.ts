import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../../api/src/db/embedded.js';
import { postgraphileSchemaSql } from './postgraphile-schema.js';

/*
 * The three systems under test, each its own process on a free local port: our API as a
 * production build, the floor, and PostGraphile 5 under Node 24.
 */

const run = promisify(execFile);
export const ROOT = path.resolve(import.meta.dirname, '../..');
const POSTGRAPHILE_DIR = path.join(ROOT, 'test/bench/postgraphile');
export const BENCH_ADMIN = { email: 'bench.admin@customer360.bench', password: 'bench-admin-password' };

export interface RunningSystem {
  name: string;
  /** Where to POST requests: /graphql, or the floor's root. */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function waitUntilListening(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode}):\n${output.join('').slice(-3000)}`);
    try {
      await fetch(url, { method: 'GET' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${url} did not start within 2 minutes:\n${output.join('').slice(-3000)}`);
}

async function start(name: string, command: string, args: string[], env: Record<string, string>, url: string): Promise<RunningSystem> {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await waitUntilListening(url, child, output);
  return {
    name,
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/** Compiles the API with tsc into api/dist (the production build). */
export async function buildApi(): Promise<void> {
  const tsc = createRequire(path.join(ROOT, 'api/package.json')).resolve('typescript/bin/tsc');
  await run(process.execPath, [tsc, '-p', path.join(ROOT, 'api')], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }).catch((error: { stdout?: string }) => {
    throw new Error(`building the API (tsc -p api) failed:\n${error.stdout ?? String(error)}`);
  });
}

/** Our API, compiled, with NODE_ENV=production and rate limiting off; it creates the bench administrator. */
export async function startOurs(databaseUrl: string): Promise<RunningSystem> {
  const port = await freePort();
  return start('ours', process.execPath, [path.join(ROOT, 'api/dist/main.js')], {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    AUTH_SECRET: 'bench-secret-that-is-long-enough-to-sign-tokens',
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    SEED_DEMO_DATA: 'false',
    RATE_LIMIT_POINTS_PER_MINUTE: '0',
    ADMIN_DIST_DIR: '/nonexistent',
  }, `http://127.0.0.1:${port}/graphql`);
}

/** Runs a TypeScript entry point with tsx on this Node. */
function tsxArgs(file: string): string[] {
  return [createRequire(path.join(ROOT, 'api/package.json')).resolve('tsx/cli'), path.join(ROOT, file)];
}

export async function startFloor(databaseUrl: string, poolSize = 16): Promise<RunningSystem> {
  const port = await freePort();
  return start('floor', process.execPath, [...tsxArgs('test/bench/floor-server.ts'), databaseUrl, String(port), String(poolSize)], {}, `http://127.0.0.1:${port}/`);
}

/** The Node 24 binary from the npm package `node` (npx caches it), so the project's own Node stays as it is. */
async function node24(): Promise<string> {
  const { stdout } = await run('npx', ['-y', 'node@24', '-p', 'process.execPath'], { cwd: ROOT });
  return stdout.trim().split('\n').pop()!;
}

/** Installs PostGraphile into test/bench/postgraphile (npm ci under Node 24) unless it is there. */
export async function installPostgraphile(log: (line: string) => void = () => {}): Promise<string> {
  const node = await node24();
  const installed = path.join(POSTGRAPHILE_DIR, 'node_modules/postgraphile/package.json');
  const expected = JSON.parse(await readFile(path.join(POSTGRAPHILE_DIR, 'package.json'), 'utf8')).dependencies.postgraphile as string;
  if (!existsSync(installed) || JSON.parse(await readFile(installed, 'utf8')).version !== expected) {
    log(`installing PostGraphile ${expected} with npm under Node 24…`);
    // The `node` package ships no npm: this Node's npm, run by Node 24, so engine checks see 24.
    const npmCli = path.join(path.dirname(process.execPath), '../lib/node_modules/npm/bin/npm-cli.js');
    await run(node, [npmCli, 'ci', '--no-audit', '--no-fund'], { cwd: POSTGRAPHILE_DIR, maxBuffer: 16 * 1024 * 1024 });
  }
  return node;
}

/** Creates the bench_pg schema (view and SQL functions) PostGraphile serves. */
export async function createPostgraphileSchema(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(postgraphileSchemaSql());
  } finally {
    await client.end();
  }
}

export async function startPostgraphile(databaseUrl: string, node: string, poolSize = 16): Promise<RunningSystem> {
  const port = await freePort();
  return start('postgraphile', node, [path.join(POSTGRAPHILE_DIR, 'server.ts'), databaseUrl, String(port), String(poolSize)], { NODE_ENV: 'production', NODE_NO_WARNINGS: '1' }, `http://127.0.0.1:${port}/graphql`);
}

/** The server's resident set now and at its peak (VmRSS, VmHWM), in MB. */
export async function memoryOf(pid: number): Promise<{ rssMb: number; peakMb: number } | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}
