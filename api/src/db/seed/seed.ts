import type { Knex } from '@mikro-orm/postgresql';
import { hashPassword } from '../../modules/auth/password.js';
import type { Orm } from '../orm.js';
import type { Seed } from './random.js';
import { generateDemoData, type DemoData } from './demo-data.js';

/*
 * Loads the generated demo data into PostgreSQL: one transaction, tables in foreign-key order,
 * each batch one `insert … select from unnest(array parameters)` statement.
 */

export interface SeedOptions {
  customers: number;
  seed: Seed;
  /** Defaults to the current time rounded down to the hour (UTC). */
  now?: Date;
  /** Every demo staff member signs in with this password; hashed once for all of them. */
  staffPassword: string;
}

export type SeededTable = 'staff_user' | 'customer' | 'interaction' | 'purchase' | 'survey_response' | 'handoff' | 'acquisition_spend';

export interface SeedSummary {
  now: Date;
  counts: Record<SeededTable, number>;
  /** Milliseconds spent generating rows, inserting them, and in total (hashing and analyze included). */
  generateMs: number;
  insertMs: number;
  elapsedMs: number;
}

type ColumnType = 'uuid' | 'text' | 'timestamptz' | 'numeric' | 'smallint' | 'boolean' | 'date' | 'text[]';

interface TableLoad {
  table: SeededTable;
  rows: readonly object[];
  columns: readonly (readonly [name: string, type: ColumnType])[];
}

/** Column names are checked against the row type; every column of a row must be listed. */
function load<Row extends object>(table: SeededTable, rows: readonly Row[], columns: readonly (readonly [keyof Row & string, ColumnType])[]): TableLoad {
  const missing = rows.length ? Object.keys(rows[0]!).filter((key) => !columns.some(([name]) => name === key)) : [];
  if (missing.length) throw new Error(`seed: no column type for ${table}.${missing.join(', ')}`);
  return { table, rows, columns };
}

const BATCH_ROWS = 5000;
const AUDIT = [['id', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']] as const;

/** In foreign-key order: staff before the customers they own, interactions before the surveys that cite them. */
function loads(data: DemoData): TableLoad[] {
  return [
    load('staff_user', data.staff, [...AUDIT, ['email', 'text'], ['name', 'text'], ['role', 'text'], ['team', 'text'], ['active', 'boolean'], ['password_hash', 'text']]),
    load('customer', data.customers, [...AUDIT, ['kind', 'text'], ['name', 'text'], ['company', 'text'], ['email', 'text'], ['phone', 'text'],
      ['segment', 'text'], ['persona', 'text'], ['lifecycle_stage', 'text'], ['acquisition_channel', 'text'], ['acquired_at', 'timestamptz'],
      ['churned_at', 'timestamptz'], ['churn_reason', 'text'], ['owner_id', 'uuid'], ['tags', 'text[]'], ['locale', 'text'], ['external_id', 'text'],
      ['archived_at', 'timestamptz']]),
    load('interaction', data.interactions, [...AUDIT, ['customer_id', 'uuid'], ['channel', 'text'], ['direction', 'text'], ['team', 'text'],
      ['journey_stage', 'text'], ['subject', 'text'], ['summary', 'text'], ['occurred_at', 'timestamptz'], ['staff_id', 'uuid'],
      ['responded_at', 'timestamptz'], ['resolved_at', 'timestamptz'], ['external_id', 'text']]),
    load('purchase', data.purchases, [...AUDIT, ['customer_id', 'uuid'], ['amount', 'numeric'], ['currency', 'text'], ['product', 'text'],
      ['kind', 'text'], ['purchased_at', 'timestamptz'], ['refund_of_id', 'uuid'], ['external_id', 'text']]),
    load('survey_response', data.surveyResponses, [...AUDIT, ['customer_id', 'uuid'], ['kind', 'text'], ['score', 'smallint'], ['comment', 'text'],
      ['team', 'text'], ['channel', 'text'], ['journey_stage', 'text'], ['interaction_id', 'uuid'], ['responded_at', 'timestamptz'], ['external_id', 'text']]),
    load('handoff', data.handoffs, [...AUDIT, ['customer_id', 'uuid'], ['from_team', 'text'], ['to_team', 'text'], ['from_staff_id', 'uuid'],
      ['to_staff_id', 'uuid'], ['summary', 'text'], ['customer_goals', 'text'], ['commitments', 'text'], ['key_contacts', 'text'], ['risks', 'text'],
      ['status', 'text'], ['rejection_reason', 'text'], ['requested_at', 'timestamptz'], ['due_at', 'timestamptz'], ['accepted_at', 'timestamptz'],
      ['completed_at', 'timestamptz'], ['rejected_at', 'timestamptz'], ['cancelled_at', 'timestamptz']]),
    load('acquisition_spend', data.acquisitionSpend, [...AUDIT, ['channel', 'text'], ['period_start', 'date'], ['period_end', 'date'],
      ['amount', 'numeric'], ['currency', 'text']]),
  ];
}

/** Array-literal elements: free text is quoted and escaped; ids, times, numbers and dates never need it. */
function quoted(text: string): string {
  return /["\\]/.test(text) ? `"${text.replace(/["\\]/g, (c) => '\\' + c)}"` : `"${text}"`;
}

function element(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return 'NULL';
  switch (type) {
    case 'text': return quoted(value as string);
    case 'text[]': return quoted(`{${(value as string[]).map(quoted).join(',')}}`);
    case 'boolean': return value ? 't' : 'f';
    default: return String(value);
  }
}

function arrayLiteral(rows: readonly object[], column: string, type: ColumnType): string {
  return `{${rows.map((row) => element((row as Record<string, unknown>)[column], type)).join(',')}}`;
}

/** `text[]` columns travel as an array of array literals (unnest flattens nested arrays) and are cast back per row. */
function insertStatement(table: TableLoad): string {
  const names = table.columns.map(([name]) => `"${name}"`).join(', ');
  const params = table.columns.map(([, type]) => `?::${type === 'text[]' ? 'text' : type}[]`).join(', ');
  const selects = table.columns.map(([name, type]) => (type === 'text[]' ? `u."${name}"::text[]` : `u."${name}"`)).join(', ');
  return `insert into "${table.table}" (${names}) select ${selects} from unnest(${params}) as u(${names})`;
}

/**
 * Runs every batch in order, encoding the next batch while PostgreSQL inserts the current one
 * (node and the database then use both cores).
 */
async function insertAll(trx: Knex.Transaction, plan: readonly TableLoad[]): Promise<void> {
  // Settles to the statement's error (or null) so a failure waits, handled, for the next await.
  let running: Promise<unknown> = Promise.resolve(null);
  const settle = async () => {
    const error = await running;
    if (error) throw error;
  };
  for (const table of plan) {
    const sql = insertStatement(table);
    for (let start = 0; start < table.rows.length; start += BATCH_ROWS) {
      const batch = table.rows.slice(start, start + BATCH_ROWS);
      const params = table.columns.map(([name, type]) => arrayLiteral(batch, name, type));
      await settle();
      running = trx.raw(sql, params).then(() => null, (error: unknown) => error ?? new Error(`inserting into ${table.table} failed`));
      // Let the statement reach the socket before encoding the next batch.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await settle();
}

/** Whether any customer exists: demo data only goes into an empty CRM. */
export async function hasCustomers(orm: Orm): Promise<boolean> {
  const result = await orm.em.getConnection().getKnex().raw('select exists(select 1 from customer) as present');
  return Boolean(result.rows[0]?.present);
}

function currentHour(): Date {
  const now = new Date();
  now.setUTCMinutes(0, 0, 0);
  return now;
}

/**
 * Generates demo data for `customers` customers and inserts all of it in one transaction.
 * Refuses when the database already holds customers, or when a demo staff email is taken.
 */
export async function seedDemoData(orm: Orm, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  if (await hasCustomers(orm)) throw new Error('refusing to load demo data: the customer table is not empty');
  const now = options.now ?? currentHour();
  const staffPasswordHash = await hashPassword(options.staffPassword);
  const generating = performance.now();
  const data = generateDemoData({ customers: options.customers, seed: options.seed, now, staffPasswordHash });
  const inserting = performance.now();

  const knex = orm.em.getConnection().getKnex();
  const emails = data.staff.map((person) => person.email.toLowerCase());
  const plan = loads(data);
  await knex.transaction(async (trx) => {
    const taken = await trx.raw('select email from staff_user where lower(email) = any(?::text[])', [arrayLiteral(emails.map((email) => ({ email })), 'email', 'text')]);
    if (taken.rows.length) {
      throw new Error(`refusing to load demo data: staff already exist with ${taken.rows.map((r: { email: string }) => r.email).join(', ')}`);
    }
    await insertAll(trx, plan);
  });
  const inserted = performance.now();
  // Fresh statistics so the first queries on the demo data get sensible plans.
  await knex.raw(`analyze ${plan.map((table) => `"${table.table}"`).join(', ')}`);

  const counts = Object.fromEntries(plan.map((table) => [table.table, table.rows.length])) as Record<SeededTable, number>;
  return {
    now,
    counts,
    generateMs: Math.round(inserting - generating),
    insertMs: Math.round(inserted - inserting),
    elapsedMs: Math.round(performance.now() - started),
  };
}
