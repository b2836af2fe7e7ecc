import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../api/src/import/csv-reader.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer, insertStaff } from '../support/fixtures.js';

// GET /export/customers.csv: every customer a filter selects (not one page), streamed as CSV,
// with the customers list's own filters, order and permissions.
let app: TestApp;
let token: string;
const EXPORT_BATCH = 1000;

async function download(query: Record<string, unknown>, bearer: string | null = token) {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, JSON.stringify(v)]));
  const response = await fetch(`${app.url}/export/customers.csv?${params}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  const text = await response.text();
  if (!response.headers.get('content-type')?.startsWith('text/csv')) return { status: response.status, json: JSON.parse(text), rows: [] as Record<string, string>[], response };
  const records: string[][] = [];
  for await (const record of readCsv((async function* () {
    yield text;
  })())) records.push(record.fields);
  const [header, ...body] = records;
  return { status: response.status, json: null, rows: body.map((fields) => Object.fromEntries(header!.map((h, i) => [h, fields[i]!]))), response };
}

async function loginAs(role: string, team: string | null) {
  const id = await insertStaff(app, `${role} Person`, role, team);
  const [admin] = await app.sql<{ password_hash: string }>(`select password_hash from staff_user where email = 'admin@example.test'`);
  await app.sql('update staff_user set password_hash = ? where id = ?', [admin!.password_hash, id]);
  const result = await app.graphql('mutation($input: LoginInput!) { login(input: $input) { token } }', {
    input: { email: `${role.toLowerCase()}.person@example.test`, password: 'correct horse battery staple' },
  });
  return result.data.login.token as string;
}

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  // More customers than one streaming batch, so the export must go past its first round trip.
  await app.sql(
    `insert into customer (name, email, segment, lifecycle_stage, acquisition_channel, acquired_at)
     select 'Bulk ' || lpad(n::text, 4, '0'), 'bulk' || n || '@example.test', case when n % 3 = 0 then 'ENTERPRISE' else 'CONSUMER' end,
            'CUSTOMER', 'DIRECT', timestamptz '2026-01-01' + n * interval '1 minute'
       from generate_series(1, ?) as n`,
    [EXPORT_BATCH + 50],
  );
  const tricky = await insertCustomer(app, { name: 'Quote "Q", Comma\nNewline', email: 'q@example.test', company: '=HYPERLINK("http://evil")', segment: 'MID_MARKET' });
  await app.sql(`update customer set tags = '{vip,"a;b"}' where id = ?`, [tricky]);
  await app.sql(`insert into purchase (customer_id, amount, currency, kind, purchased_at) values (?, '1234.5678', 'USD', 'ONE_TIME', now() - interval '1 day')`, [tricky]);
});
afterAll(() => app?.close());

describe('customer export', () => {
  it('streams every customer, past the first batch, once each, in the order asked', async () => {
    const { status, rows, response } = await download({ orderBy: { field: 'NAME', direction: 'ASC' } });
    expect(status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="customers-\d{8}-\d{6}\.csv"$/);
    expect(rows).toHaveLength(EXPORT_BATCH + 51);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows[0]!.name).toBe('Bulk 0001');
    expect(rows[EXPORT_BATCH + 49]!.name).toBe('Bulk 1050');
    const [{ count }] = await app.sql<{ count: string }>('select count(*) from customer where archived_at is null');
    expect(rows.length).toBe(Number(count));
  });

  it('orders descending when asked, like the list', async () => {
    const { rows } = await download({ filter: { segments: ['ENTERPRISE'] }, orderBy: { field: 'NAME', direction: 'DESC' } });
    const listed = await app.graphql('{ customers(first: 3, filter: { segments: [ENTERPRISE] }, orderBy: { field: NAME, direction: DESC }) { nodes { name } } }', {}, token);
    expect(rows.slice(0, 3).map((r) => r.name)).toEqual(listed.data.customers.nodes.map((n: { name: string }) => n.name));
    expect(rows[0]!.name).toBe('Bulk 1050');
  });

  it('applies the filter exactly like the customers list', async () => {
    const { rows } = await download({ filter: { segments: ['ENTERPRISE'] } });
    const listed = await app.graphql('{ customers(filter: { segments: [ENTERPRISE] }) { totalCount } }', {}, token);
    expect(rows).toHaveLength(listed.data.customers.totalCount);
    expect(rows.length).toBe(350);
    expect(rows.every((r) => r.segment === 'ENTERPRISE')).toBe(true);
  });

  it('writes exact money, quotes what needs quoting and defuses spreadsheet formulas', async () => {
    const { rows } = await download({ filter: { segments: ['MID_MARKET'] } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: 'Quote "Q", Comma\nNewline',
      company: `'=HYPERLINK("http://evil")`,
      tags: '["vip","a;b"]',
      historicalLifetimeValue: '1234.5678',
      currency: 'USD',
      lifecycleStage: 'CUSTOMER',
    });
    expect(Number(rows[0]!.healthScore)).toBeGreaterThanOrEqual(0);
    expect(['LOW', 'MEDIUM', 'HIGH']).toContain(rows[0]!.churnRisk);
  });

  it('masks personal columns for an analyst and refuses to search them', async () => {
    const analyst = await loginAs('ANALYST', null);
    const { rows } = await download({ filter: { segments: ['MID_MARKET'] } }, analyst);
    expect(rows[0]).toMatchObject({ name: '••••••', email: '••••••', company: '••••••', historicalLifetimeValue: '1234.5678' });
    const search = await download({ filter: { search: 'quote' } }, analyst);
    expect(search.status).toBe(403);
    expect(search.json.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: ['filter', 'search'] });
  });

  it('answers 401 without a token and 400 naming the field for a bad filter', async () => {
    expect((await download({}, null)).status).toBe(401);
    const badEnum = await download({ filter: { segments: ['GALACTIC'] } });
    expect(badEnum.status).toBe(400);
    expect(badEnum.json.errors[0].extensions).toMatchObject({ code: 'INVALID', field: ['filter', 'segments', '0'] });
    const response = await fetch(`${app.url}/export/customers.csv?filter=%7Bnot-json`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: unknown }[] }).errors[0]!.extensions).toMatchObject({ code: 'INVALID', field: ['filter'] });
  });
});
