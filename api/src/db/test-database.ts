import { randomBytes } from 'node:crypto';
import pg from 'pg';

// What the test run's global setup provides to every test file (vitest's inject()).
declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL (any database) where tests may create databases. */
    postgresServerUrl: string;
    /** Name of the migrated template each test file copies. */
    templateDatabase: string;
  }
}

/**
 * Test databases: one template migrated once per run, and a fresh copy of it per test file
 * (CREATE DATABASE … TEMPLATE copies files, far faster than migrating again).
 */
export const TEMPLATE_DATABASE = 'customer360_template';

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database (or a copy of `template`) with a unique name and returns its URL. */
export async function createDatabase(serverUrl: string, options: { template?: string; prefix?: string } = {}): Promise<string> {
  const name = `${options.prefix ?? 'test'}_${randomBytes(6).toString('hex')}`;
  await withAdminClient(serverUrl, (client) =>
    client.query(`create database "${name}"${options.template ? ` template "${options.template}"` : ''}`),
  );
  return databaseUrl(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdminClient(serverUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));
}
