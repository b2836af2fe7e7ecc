import type { EntityManager } from '@mikro-orm/postgresql';
import { likeContains, query, textArray, uuidArray } from '../../db/sql.js';
import { AUDIT_KEPT_KEYS, CHILD_TABLES, columnsTreated, MONEY_COLUMNS, REDACTED, type CustomerTable } from './data-map.js';

/** A row as PostgreSQL's to_jsonb renders it (timestamps ISO 8601, arrays and jsonb as JSON), money as text. */
export type JsonRow = Record<string, unknown>;

/** `to_jsonb(alias)` with the table's numeric columns as exact text, so money never passes through a float. */
function rowJson(table: CustomerTable, alias: string): string {
  const money = MONEY_COLUMNS[table].map((column) => `'${column}', ${alias}.${column}::text`);
  return money.length ? `to_jsonb(${alias}) || jsonb_build_object(${money.join(', ')})` : `to_jsonb(${alias})`;
}

const CHILD_ORDER: Record<(typeof CHILD_TABLES)[number], string> = {
  interaction: 'occurred_at',
  purchase: 'purchased_at',
  survey_response: 'responded_at',
  handoff: 'requested_at',
};

export interface CustomerRows {
  customer: JsonRow;
  interaction: JsonRow[];
  purchase: JsonRow[];
  survey_response: JsonRow[];
  handoff: JsonRow[];
  audit_event: JsonRow[];
}

/** Every row held about one customer, one statement per table, oldest first; null when there is no such customer. */
export async function readCustomerRows(em: EntityManager, customerId: string): Promise<CustomerRows | null> {
  const [customer] = await query<{ row: JsonRow }>(em, `select ${rowJson('customer', 'c')} as row from customer c where c.id = ?`, [customerId]);
  if (!customer) return null;
  const rows = { customer: customer.row } as CustomerRows;
  for (const table of CHILD_TABLES) {
    const found = await query<{ row: JsonRow }>(
      em,
      `select ${rowJson(table, 't')} as row from ${table} t where t.customer_id = ? order by t.${CHILD_ORDER[table]}, t.id`,
      [customerId],
    );
    rows[table] = found.map((r) => r.row);
  }
  const audit = await query<{ row: JsonRow }>(
    em,
    `select ${rowJson('audit_event', 'a')} as row from audit_event a where a.customer_id = ? order by a.occurred_at, a.id`,
    [customerId],
  );
  rows.audit_event = audit.map((r) => r.row);
  return rows;
}

/** Names and teams of the staff members the customer's rows refer to. */
export async function staffNames(em: EntityManager, ids: readonly string[]): Promise<{ id: string; name: string; team: string | null }[]> {
  if (!ids.length) return [];
  return query(em, 'select id, name, team from staff_user where id = any(?::uuid[]) order by name, id', [uuidArray(ids)]);
}

export interface LockedCustomer {
  id: string;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  external_id: string | null;
  tags: string[];
  version: number;
  erased_at: string | null;
}

/** The customer row, locked for this transaction. */
export async function lockForErasure(tx: EntityManager, customerId: string): Promise<LockedCustomer | null> {
  const [row] = await query<LockedCustomer>(
    tx,
    'select id, name, company, email, phone, external_id, tags, version, erased_at from customer where id = ? for update',
    [customerId],
  );
  return row ?? null;
}

/** LIKE patterns matching any text that contains one of the person's identifiers (case-insensitive). */
export function identifierPatterns(identifiers: readonly string[]): string {
  return textArray(identifiers.map(likeContains));
}

/** `column` unchanged, or REDACTED when it contains an identifier. */
function unlessIdentifying(column: string): string {
  return `${column} = case when lower(${column}) like any(?::text[]) then ? else ${column} end`;
}

/**
 * Anonymises one child table's rows of the customer: free texts become REDACTED, identifiers
 * null, kept texts that name the person REDACTED. Rows with nothing personal are left alone.
 * Returns how many rows changed.
 */
export async function anonymiseChildRows(tx: EntityManager, table: (typeof CHILD_TABLES)[number], customerId: string, patterns: string): Promise<number> {
  const texts = columnsTreated(table, 'text');
  const identifiers = columnsTreated(table, 'identifier');
  const kept = columnsTreated(table, 'keptUnlessIdentifying');
  const assignments = [
    ...texts.map((c) => `${c} = case when ${c} is null then null else ? end`),
    ...identifiers.map((c) => `${c} = null`),
    ...kept.map(unlessIdentifying),
    'version = version + 1',
    'updated_at = now()',
  ];
  const personal = [...texts, ...identifiers].map((c) => `${c} is not null`).concat(kept.map((c) => `lower(${c}) like any(?::text[])`));
  const [result] = await query<{ count: number }>(
    tx,
    `with changed as (
       update ${table} set ${assignments.join(', ')}
        where customer_id = ? and (${personal.join(' or ')})
       returning 1)
     select count(*)::int as count from changed`,
    [...texts.map(() => REDACTED), ...kept.flatMap(() => [patterns, REDACTED]), customerId, ...kept.map(() => patterns)],
  );
  return result!.count;
}

/** A jsonb object with every value REDACTED except kept keys, numbers, booleans and nulls. */
function redactedJson(column: string): string {
  return `case when ${column} is null then null
               when jsonb_typeof(${column}) <> 'object' then to_jsonb(?::text)
               else coalesce((select jsonb_object_agg(e.key, case when e.key = any(?::text[]) or jsonb_typeof(e.value) in ('null', 'number', 'boolean')
                                                               then e.value else to_jsonb(?::text) end)
                                from jsonb_each(${column}) as e), '{}'::jsonb) end`;
}

/** Rewrites the before/after values of the customer's audit rows (its own and its child rows'); returns how many changed. */
export async function redactAuditValues(tx: EntityManager, customerId: string): Promise<number> {
  const keep = textArray(AUDIT_KEPT_KEYS);
  const params = [REDACTED, keep, REDACTED];
  const [result] = await query<{ count: number }>(
    tx,
    `with redacted as (
       select a.id, ${redactedJson('a.before')} as before, ${redactedJson('a.after')} as after
         from audit_event a where a.customer_id = ?),
     changed as (
       update audit_event a set before = r.before, after = r.after
         from redacted r
        where a.id = r.id and (a.before is distinct from r.before or a.after is distinct from r.after)
       returning 1)
     select count(*)::int as count from changed`,
    [...params, ...params, customerId],
  );
  return result!.count;
}

/** Replaces the customer row's personal data and marks it erased; returns the row as it is now. */
export async function anonymiseCustomerRow<T>(
  tx: EntityManager,
  customerId: string,
  change: { label: string; tags: string[]; patterns: string; erasedAt: Date },
): Promise<T> {
  const identifiers = columnsTreated('customer', 'identifier');
  const kept = columnsTreated('customer', 'keptUnlessIdentifying');
  const [row] = await query<T>(
    tx,
    `update customer set name = ?, ${identifiers.map((c) => `${c} = null`).join(', ')}, ${kept.map(unlessIdentifying).join(', ')},
            tags = ?::text[], erased_at = ?, version = version + 1, updated_at = now()
      where id = ? returning *`,
    [change.label, ...kept.flatMap(() => [change.patterns, REDACTED]), textArray(change.tags), change.erasedAt, customerId],
  );
  return row!;
}
