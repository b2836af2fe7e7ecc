import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { entities } from '../modules/registry.js';
import { initOrm, migrate, type Orm } from './orm.js';
import { query } from './sql.js';
import { createDatabase, dropDatabase } from './test-database.js';

let orm: Orm;
let url: string;
let applied: string[];

beforeAll(async () => {
  url = await createDatabase(inject('postgresServerUrl'), { prefix: 'empty' });
  orm = await initOrm({ clientUrl: url, entities });
  applied = await migrate(orm);
});
afterAll(async () => {
  await orm?.close();
  if (url) await dropDatabase(inject('postgresServerUrl'), new URL(url).pathname.slice(1));
});

const sql = <T>(text: string, params: unknown[] = []) => query<T>(orm.em.fork(), text, params);

describe('migrations from an empty database', () => {
  it('apply every committed migration and create the whole graph', async () => {
    expect(applied.length).toBeGreaterThan(0);
    const tables = await sql<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'mikro_orm_migrations' order by 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      'acquisition_spend', 'api_key', 'audit_event', 'customer', 'handoff', 'inbound_response_hourly', 'interaction', 'login_attempt', 'purchase',
      'refresh_token', 'revenue_hourly', 'saved_filter', 'staff_session', 'staff_user', 'survey_response', 'team_sla',
    ]);
  });

  it('leave the entities and the database in agreement (no migration missing)', async () => {
    const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim(), `entities and migrations differ; run \`npx -y pnpm@10 migration:create\`:\n${diff}`).toBe('');
  });

  it('are idempotent: a second run applies nothing', async () => {
    expect(await migrate(orm)).toEqual([]);
  });

  it('store money as numeric and keys as uuid', async () => {
    const columns = await sql<{ table_name: string; column_name: string; data_type: string }>(
      `select table_name, column_name, data_type from information_schema.columns
       where table_schema = 'public' and table_name <> 'mikro_orm_migrations' and column_name in ('amount', 'id') order by 1, 2`,
    );
    expect(columns).toHaveLength(15);
    for (const column of columns) {
      expect(column.data_type, `${column.table_name}.${column.column_name}`).toBe(column.column_name === 'id' ? 'uuid' : 'numeric');
    }
  });

  it('index every child table on (customer_id, time)', async () => {
    const indexes = await sql<{ indexdef: string }>(`select indexdef from pg_indexes where schemaname = 'public'`);
    const defs = indexes.map((i) => i.indexdef);
    for (const [table, time] of [['interaction', 'occurred_at'], ['purchase', 'purchased_at'], ['survey_response', 'responded_at'], ['handoff', 'requested_at']]) {
      expect(defs.some((d) => d.includes(`ON public.${table} USING btree (customer_id, ${time}`)), table).toBe(true);
    }
  });
});

describe('constraints the database enforces on its own', () => {
  async function rejects(statement: string, params: unknown[] = []): Promise<string> {
    try {
      await sql(statement, params);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`accepted: ${statement}`);
  }

  let customerId: string;
  beforeAll(async () => {
    const [row] = await sql<{ id: string }>(
      `insert into customer (name, segment, lifecycle_stage, acquisition_channel) values ('Probe', 'CONSUMER', 'LEAD', 'DIRECT') returning id`,
    );
    customerId = row!.id;
  });

  it.each([
    ['CSAT', 0], ['CSAT', 6], ['NPS', -1], ['NPS', 11], ['CES', 0], ['CES', 8],
  ])('rejects a %s score of %i', async (kind, score) => {
    expect(await rejects(`insert into survey_response (customer_id, kind, score, responded_at) values (?, ?, ?, now())`, [customerId, kind, score]))
      .toMatch(/survey_response_score_in_range/);
  });

  it.each([['CSAT', 1], ['CSAT', 5], ['NPS', 0], ['NPS', 10], ['CES', 1], ['CES', 7]])('accepts a %s score of %i', async (kind, score) => {
    await sql(`insert into survey_response (customer_id, kind, score, responded_at) values (?, ?, ?, now())`, [customerId, kind, score]);
  });

  it('rejects values outside an enum column', async () => {
    expect(await rejects(`update customer set segment = 'GALACTIC' where id = ?`, [customerId])).toMatch(/customer_segment_check/);
  });

  it('rejects a churned customer without a churn date, and a churn date on a live one', async () => {
    expect(await rejects(`update customer set lifecycle_stage = 'CHURNED' where id = ?`, [customerId])).toMatch(/customer_churn_consistent/);
    expect(await rejects(`update customer set churned_at = now() where id = ?`, [customerId])).toMatch(/customer_churn_consistent/);
  });

  it('rejects negative money and a malformed currency', async () => {
    expect(await rejects(`insert into purchase (customer_id, amount, currency, kind, purchased_at) values (?, -1, 'USD', 'ONE_TIME', now())`, [customerId]))
      .toMatch(/purchase_amount_not_negative/);
    expect(await rejects(`insert into purchase (customer_id, amount, currency, kind, purchased_at) values (?, 1, 'usd', 'ONE_TIME', now())`, [customerId]))
      .toMatch(/purchase_currency_iso/);
  });

  it('rejects a handoff to the same team and a rejection without a reason', async () => {
    const insert = `insert into handoff (customer_id, from_team, to_team, summary, customer_goals, commitments, status, requested_at, due_at)
                    values (?, ?, ?, 's', 'g', 'c', ?, now(), now() + interval '1 day')`;
    expect(await rejects(insert, [customerId, 'SALES', 'SALES', 'REQUESTED'])).toMatch(/handoff_teams_differ/);
    expect(await rejects(insert, [customerId, 'SALES', 'SERVICE', 'REJECTED'])).toMatch(/handoff_rejection_has_reason/);
  });

  it('rejects rows pointing at a customer that does not exist', async () => {
    expect(await rejects(`insert into interaction (customer_id, channel, direction, team, occurred_at) values (gen_random_uuid(), 'EMAIL', 'INBOUND', 'SALES', now())`))
      .toMatch(/interaction_customer_id_foreign/);
  });
});
