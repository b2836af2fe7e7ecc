import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { entities } from '../../modules/registry.js';
import { initOrm, type Orm } from '../orm.js';
import { query } from '../sql.js';
import { createDatabase, dropDatabase } from '../test-database.js';
import { seedDemoData } from './seed.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const TABLES = ['staff_user', 'customer', 'interaction', 'purchase', 'survey_response', 'handoff', 'acquisition_spend'];

const opened: { orm: Orm; url: string }[] = [];

async function seededDatabase(seed: number, customers = 600): Promise<Orm> {
  const url = await createDatabase(inject('postgresServerUrl'), { template: inject('templateDatabase'), prefix: 'seed' });
  const orm = await initOrm({ clientUrl: url, entities, poolMax: 2 });
  opened.push({ orm, url });
  await seedDemoData(orm, { customers, seed, now: NOW, staffPassword: 'demo-password' });
  return orm;
}

/** A fingerprint of every row of every table (password hashes are salted, so left out). */
async function fingerprint(orm: Orm): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await query<{ md5: string }>(
      orm.em.fork(),
      `select md5(coalesce(string_agg((to_jsonb(t) - 'password_hash')::text, '|' order by id), '')) from ${table} t`,
    );
    result[table] = row!.md5;
  }
  return result;
}

let first: Orm;
beforeAll(async () => {
  first = await seededDatabase(42);
});
afterAll(async () => {
  for (const { orm, url } of opened) {
    await orm.close();
    await dropDatabase(inject('postgresServerUrl'), new URL(url).pathname.slice(1));
  }
});

describe('demo data', () => {
  it('is the same, ids included, for the same seed and clock', async () => {
    const again = await seededDatabase(42);
    expect(await fingerprint(again)).toEqual(await fingerprint(first));
  });

  it('differs for another seed', async () => {
    const other = await seededDatabase(7);
    const [a, b] = [await fingerprint(first), await fingerprint(other)];
    expect(a.customer).not.toBe(b.customer);
    expect(a.interaction).not.toBe(b.interaction);
  });

  it('makes a believable company: every team, channel, purchase kind, survey kind and handoff status', async () => {
    const distinct = async (sql: string) => (await query<{ v: string }>(first.em.fork(), sql)).map((r) => r.v).sort();
    expect(await distinct('select distinct team as v from staff_user where team is not null')).toEqual(['MARKETING', 'SALES', 'SERVICE', 'SUCCESS']);
    expect(await distinct('select distinct channel as v from interaction')).toHaveLength(11);
    expect(await distinct('select distinct kind as v from purchase')).toEqual(['EXPANSION', 'ONE_TIME', 'REFUND', 'RENEWAL', 'SUBSCRIPTION']);
    expect(await distinct('select distinct kind as v from survey_response')).toEqual(['CES', 'CSAT', 'NPS']);
    expect(await distinct('select distinct status as v from handoff')).toEqual(['ACCEPTED', 'CANCELLED', 'COMPLETED', 'REJECTED', 'REQUESTED']);
    expect(await distinct('select distinct segment as v from customer')).toHaveLength(4);
    expect(await distinct('select distinct acquisition_channel as v from customer')).toHaveLength(9);
    const [counts] = await query<{ customers: string; churned_with_reason: string; churned: string; future: string }>(
      first.em.fork(),
      `select (select count(*) from customer) as customers,
              (select count(*) from customer where lifecycle_stage = 'CHURNED') as churned,
              (select count(*) from customer where lifecycle_stage = 'CHURNED' and churn_reason is not null) as churned_with_reason,
              (select count(*) from interaction where occurred_at > ?) as future`,
      [NOW],
    );
    expect(counts!.customers).toBe('600');
    expect(Number(counts!.churned)).toBeGreaterThan(0);
    expect(counts!.churned_with_reason).toBe(counts!.churned);
    expect(counts!.future).toBe('0');
  });

  it('refuses to seed a database that already has customers, leaving it as it was', async () => {
    const before = await fingerprint(first);
    await expect(seedDemoData(first, { customers: 10, seed: 1, now: NOW, staffPassword: 'demo-password' })).rejects.toThrow(/not empty|already/i);
    expect(await fingerprint(first)).toEqual(before);
  });
});
