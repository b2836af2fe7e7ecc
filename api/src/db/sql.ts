import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';

/**
 * Raw SQL for reads the ORM cannot express well (batched pages, aggregates). Placeholders are
 * `?` (knex style); use `uuidArray` for `= any(?::uuid[])` since knex would expand a JS array.
 */
export function query<T = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
}

/** A statement text in PostgreSQL's `$n` form under a name derived from the text. */
interface PreparedStatement {
  name: string;
  text: string;
  parameters: number;
}

const preparedStatements = new Map<string, PreparedStatement>();

/** `?` placeholders become `$1…$n`; refuses what knex would read differently (`??`, `\\?`). */
function toPrepared(sql: string): PreparedStatement {
  const known = preparedStatements.get(sql);
  if (known) return known;
  if (sql.includes('??') || sql.includes('\\?')) throw new Error('preparedQuery: ?? and \\? are not supported');
  let parameters = 0;
  const text = sql.replace(/\?/g, () => `$${++parameters}`);
  const statement = { name: `c360_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`, text, parameters };
  preparedStatements.set(sql, statement);
  return statement;
}

/**
 * A read on the hot path of every page (the per-customer figures, the viewer), as a named prepared
 * statement: PostgreSQL parses and plans it once per connection instead of on every request —
 * planning was half of a 360 page's database time (test/bench/RESULTS.md). Only for texts that are
 * one of a fixed few per call site (values always as parameters), since each distinct text stays
 * prepared on every pooled connection. Inside a transaction it runs on the transaction's connection
 * as an ordinary statement. Counted and logged like every ORM statement.
 */
export async function preparedQuery<T = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  if (em.getTransactionContext()) return query<T>(em, sql, params);
  const statement = toPrepared(sql);
  if (statement.parameters !== params.length) throw new Error(`preparedQuery: ${statement.parameters} placeholders but ${params.length} parameters`);
  const pool = em.getConnection().getKnex().client;
  const started = Date.now();
  const client = (await pool.acquireConnection()) as pg.Client;
  let rows: T[] | undefined;
  try {
    rows = (await client.query<T & pg.QueryResultRow>({ name: statement.name, text: statement.text, values: params })).rows as T[];
    return rows;
  } finally {
    await pool.releaseConnection(client);
    em.config.getLogger().logQuery({ query: sql, params, took: Date.now() - started, results: rows?.length, level: rows ? 'info' : 'error' });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A PostgreSQL array literal of uuids; callers pass only validated ids. */
export function uuidArray(ids: readonly string[]): string {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`not a uuid: ${id}`);
  return `{${ids.join(',')}}`;
}

/** A PostgreSQL array literal of any strings, each quoted and escaped: pass as `?::text[]`. */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => '\\' + c)}"`).join(',')}}`;
}

/** Escapes LIKE wildcards so user text is matched literally. */
export function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}

/** Collects AND-ed conditions with their `?` parameters, in order. */
export class Conditions {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  /** Array parameters become text-array literals: cast them in the condition (`?::text[]`). */
  add(condition: string, ...params: unknown[]): this {
    this.parts.push(condition);
    this.params.push(...params.map((p) => (Array.isArray(p) ? textArray(p) : p)));
    return this;
  }

  get sql(): string {
    return this.parts.length ? `where ${this.parts.join(' and ')}` : '';
  }
}

const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/;

/** Whether text is a timestamp as PostgreSQL prints it (or ISO 8601): safe to cast to timestamptz. */
export function isTimestampText(text: string): boolean {
  return TIMESTAMP_TEXT.test(text);
}

/** Rows of a table by primary key, in no particular order; ids that are not uuids match nothing. */
export async function rowsByIds<T>(em: EntityManager, table: string, ids: readonly string[]): Promise<T[]> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return [];
  return query<T>(em, `select * from ${table} where id = any(?::uuid[])`, [uuidArray(valid)]);
}

/**
 * A timestamp read by raw SQL. MikroORM makes node-postgres return timestamptz as PostgreSQL's
 * text ("2026-01-01 10:00:00.123456+00"), which must become a Date before GraphQL serialises it.
 */
export function timestamp(value: string | Date): Date;
export function timestamp(value: string | Date | null): Date | null;
export function timestamp(value: string | Date | null): Date | null {
  if (value === null || value instanceof Date) return value;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new Error(`not a timestamp: ${value}`);
  return parsed;
}

/** A piece of SQL with its `?` parameters, composable without counting placeholders by hand. */
export interface Fragment {
  sql: string;
  params: unknown[];
}

const RAW = Symbol('raw');
interface Raw {
  [RAW]: string;
}

/** Trusted SQL text (identifiers, keywords written in code), never user input. */
export function raw(text: string): Raw {
  return { [RAW]: text };
}

/**
 * `sql\`select … where a = ${value} and ${fragment}\`` — values become `?` parameters in order,
 * fragments and raw text are spliced in.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
  let text = strings[0]!;
  const params: unknown[] = [];
  values.forEach((value, index) => {
    if (value && typeof value === 'object' && RAW in value) text += (value as Raw)[RAW];
    else if (value && typeof value === 'object' && 'sql' in value && 'params' in value) {
      text += (value as Fragment).sql;
      params.push(...(value as Fragment).params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[index + 1]!;
  });
  return { sql: text, params };
}
