import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvParser } from '../../api/src/import/csv-reader.js';
import { subtractMonths } from '../../api/src/import/dates.js';
import { importCsv, ImportError, type ImportOptions } from '../../api/src/import/importer.js';
import { loadMapping, type MappingFile } from '../../api/src/import/mapping.js';
import { ADMIN_EMAIL, createTestApp, type TestApp } from '../support/app.js';

const root = path.resolve(import.meta.dirname, '../..');
const TELCO = path.resolve(root, '../shared/datasets/telco-customer-churn.csv');
const MAPPINGS = path.join(root, 'schema/import-mappings');

let app: TestApp;
let dir: string;
let customersMapping: MappingFile;
let purchasesMapping: MappingFile;

/** The telco file as the test reads it: it has no quoted fields, so a split per line is exact. */
async function telcoRows(): Promise<{ line: number; cells: Record<string, string> }[]> {
  const [header, ...lines] = (await readFile(TELCO, 'utf8')).split(/\r?\n/);
  const names = header!.split(',');
  return lines
    .map((text, i) => ({ line: i + 2, text }))
    .filter(({ text }) => text !== '')
    .map(({ line, text }) => ({ line, cells: Object.fromEntries(text.split(',').map((cell, i) => [names[i]!, cell])) }));
}

const run = (options: Omit<ImportOptions, 'actorEmail'>) => importCsv(app.orm, { actorEmail: ADMIN_EMAIL, ...options });
const count = async (sql: string, params: unknown[] = []) => Number((await app.sql<{ n: string }>(sql, params))[0]!.n);

async function readReport(file: string): Promise<Record<string, string>[]> {
  const parser = new CsvParser();
  const [header, ...rows] = [...parser.push(await readFile(file, 'utf8')), ...parser.end()].map((r) => r.fields);
  return rows.map((fields) => Object.fromEntries(header!.map((name, i) => [name, fields[i]!])));
}

beforeAll(async () => {
  app = await createTestApp();
  dir = await mkdtemp(path.join(tmpdir(), 'csv-import-'));
  customersMapping = await loadMapping(path.join(MAPPINGS, 'telco-customers.json'));
  purchasesMapping = await loadMapping(path.join(MAPPINGS, 'telco-purchases.json'));
});
afterAll(async () => {
  await app?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('importing the telco churn export', () => {
  it('creates one customer per row, churned exactly where the file says Churn = Yes', async () => {
    const rows = await telcoRows();
    const summary = await run({ kind: 'customers', file: TELCO, mapping: customersMapping });
    console.log(`telco customers: ${summary.read} rows in ${summary.elapsedMs} ms (${summary.rowsPerSecond} rows/s)`);
    expect(summary).toMatchObject({ read: 7043, created: 7043, updated: 0, unchanged: 0, skipped: 0, rejected: 0 });
    expect(rows).toHaveLength(7043);
    expect(await count(`select count(*) as n from customer where external_id is not null`)).toBe(7043);
    const churnedInFile = rows.filter((r) => r.cells.Churn === 'Yes').length;
    expect(await count(`select count(*) as n from customer where lifecycle_stage = 'CHURNED'`)).toBe(churnedInFile);
    expect(await count(`select count(*) as n from customer where lifecycle_stage = 'CUSTOMER'`)).toBe(7043 - churnedInFile);
  });

  it('maps each customer field from its row as the mapping documents', async () => {
    const rows = await telcoRows();
    const asOf = new Date(customersMapping.asOf!);
    // a new subscriber, a long-standing one, a churned one
    for (const id of ['4472-LVYGI', '5575-GNVDE', '3668-QPYBK']) {
      const { cells } = rows.find((r) => r.cells.customerID === id)!;
      const [customer] = await app.sql<Record<string, any>>(
        `select name, kind, segment, acquisition_channel, lifecycle_stage, acquired_at, churned_at, churn_reason, tags, locale from customer where external_id = ?`,
        [id],
      );
      const churned = cells.Churn === 'Yes';
      expect(customer).toMatchObject({
        name: `Telco customer ${id}`,
        kind: 'PERSON',
        segment: 'CONSUMER',
        acquisition_channel: 'DIRECT',
        lifecycle_stage: churned ? 'CHURNED' : 'CUSTOMER',
        churn_reason: churned ? 'Churned (telco export; no reason given)' : null,
        locale: 'en',
      });
      expect(new Date(customer!.acquired_at).toISOString()).toBe(subtractMonths(asOf, Number(cells.tenure)).toISOString());
      expect(customer!.churned_at && new Date(customer!.churned_at).toISOString()).toBe(churned ? asOf.toISOString() : null);
      expect(customer!.tags).toContain(`contract:${cells.Contract!.toLowerCase().replace(/ /g, '-')}`);
      expect(customer!.tags.includes('senior-citizen')).toBe(cells.SeniorCitizen === '1');
      expect(customer!.tags.includes('internet:fiber-optic')).toBe(cells.InternetService === 'Fiber optic');
    }
  });

  it('records each TotalCharges as one exact purchase, and skips and reports the blank ones', async () => {
    const rows = await telcoRows();
    const blank = rows.filter((r) => r.cells.TotalCharges!.trim() === '');
    expect(blank.length).toBeGreaterThan(0);
    expect(blank.every((r) => r.cells.tenure === '0')).toBe(true);
    const report = path.join(dir, 'telco-purchases-report.csv');
    const summary = await run({ kind: 'purchases', file: TELCO, mapping: purchasesMapping, reportPath: report });
    console.log(`telco purchases: ${summary.read} rows in ${summary.elapsedMs} ms (${summary.rowsPerSecond} rows/s)`);
    expect(summary).toMatchObject({ read: 7043, created: 7043 - blank.length, unchanged: 0, skipped: blank.length, rejected: 0 });

    // Every amount equals the file's text as a decimal: nothing went through a float.
    const charged = rows.filter((r) => r.cells.TotalCharges!.trim() !== '');
    const exact = await count(
      `select count(*) as n
         from unnest(?::text[], ?::numeric[]) as f(external_id, total)
         join customer c on c.external_id = f.external_id
         join purchase p on p.customer_id = c.id and p.external_id = 'telco-lifetime-charges:' || f.external_id
        where p.amount = f.total and p.currency = 'USD' and p.kind = 'SUBSCRIPTION' and c.historical_value = f.total`,
      [`{${charged.map((r) => r.cells.customerID).join(',')}}`, `{${charged.map((r) => r.cells.TotalCharges).join(',')}}`],
    );
    expect(exact).toBe(charged.length);
    const [oddCents] = await app.sql<{ amount: string }>(`select p.amount::text as amount from purchase p where p.external_id = 'telco-lifetime-charges:5575-GNVDE'`);
    expect(oddCents!.amount).toBe('1889.5000');

    const reported = await readReport(report);
    expect(reported.map((r) => [r.line, r.code, r.customerID])).toEqual(blank.map((r) => [String(r.line), 'SKIPPED', r.cells.customerID]));
    expect(reported[0]!.reason).toMatch(/TotalCharges blank/);
  });

  it('changes nothing and duplicates nothing when run again', async () => {
    const snapshot = async () =>
      (await app.sql(`select (select count(*) from customer) as customers, (select count(*) from purchase) as purchases,
                             (select count(*) from audit_event) as audits, (select max(updated_at) from customer) as updated,
                             (select max(version) from customer) as version`))[0];
    const before = await snapshot();
    const customers = await run({ kind: 'customers', file: TELCO, mapping: customersMapping });
    const purchases = await run({ kind: 'purchases', file: TELCO, mapping: purchasesMapping });
    expect(customers).toMatchObject({ read: 7043, created: 0, updated: 0, unchanged: 7043, rejected: 0 });
    expect(purchases).toMatchObject({ read: 7043, created: 0, unchanged: purchases.read - purchases.skipped, rejected: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('runs as a CLI against DATABASE_URL and prints the summary', async () => {
    const { stdout } = await promisify(execFile)(
      path.join(root, 'api/node_modules/.bin/tsx'),
      ['src/import/import.cli.ts', 'customers', TELCO, '--mapping', path.join(MAPPINGS, 'telco-customers.json'), '--batch', '500'],
      {
        cwd: path.join(root, 'api'),
        env: { ...process.env, DATABASE_URL: app.databaseUrl, AUTH_SECRET: 'x'.repeat(32), ADMIN_EMAIL, ADMIN_PASSWORD: 'unused-password' },
      },
    );
    expect(stdout).toMatch(/read\s+7043/);
    expect(stdout).toMatch(/unchanged\s+7043/);
    expect(stdout).toMatch(/rejected\s+0/);
    expect(stdout).toMatch(/rows\/s/);
  }, 60_000);
});

describe('importing crafted files', () => {
  const customersCsv =
    '\uFEFFid,full name,email,company,stage,since,joined via\r\n' +
    'c-1,"Lovelace, Ada",ada@example.com,"Analytical\r\nEngines, Ltd.",customer,01/02/2024,Referral\r\n' + // lines 2–3
    'c-2,Bad Email,not-an-email,,customer,01/02/2024,Referral\r\n' + // line 4
    'c-3,Bad Date,bad.date@example.com,,customer,31/02/2024,Referral\r\n' + // line 5
    'c-4,"Quote ""Q"" Person",q@example.com,,lead,,Events\r\n' + // line 6
    'c-5,Unknown Stage,u@example.com,,vip,,Events\r\n' + // line 7
    'c-6,Short row\r\n' + // line 8
    'c-7,"Grace\nHopper",grace@example.com,,customer,09/12/2023,Events'; // lines 9–10, no final line break
  const customerMapping: MappingFile = {
    kind: 'customers',
    dateFormat: 'DD/MM/YYYY',
    fields: {
      externalId: { column: 'id' },
      name: { column: 'full name' },
      email: { column: 'email' },
      company: { column: 'company' },
      segment: { value: 'SMALL_BUSINESS' },
      lifecycleStage: { column: 'stage', map: { customer: 'CUSTOMER', lead: 'LEAD' } },
      acquiredAt: { column: 'since' },
      acquisitionChannel: { column: 'joined via', map: { Referral: 'REFERRAL', Events: 'EVENTS' } },
      tags: { list: [{ value: 'crafted' }] },
    },
  };
  const purchasesCsv =
    'order,customer,amount,currency,paid on\n' +
    'o-1,c-1,19.99,USD,2024-03-01\n' + // line 2
    'o-2,c-1,-5.00,USD,2024-03-02\n' + // line 3
    'o-3,nobody,10.00,USD,2024-03-03\n' + // line 4
    'o-4,c-1,"1,000.00",USD,2024-03-04\n' + // line 5
    'o-5,c-4,0.10,USD,2024-03-05\n'; // line 6
  const purchaseMapping: MappingFile = {
    kind: 'purchases',
    dateFormat: 'YYYY-MM-DD',
    fields: {
      externalId: { template: 'shop:{order}' },
      customerExternalId: { column: 'customer' },
      amount: { column: 'amount' },
      currency: { column: 'currency' },
      kind: { value: 'ONE_TIME' },
      purchasedAt: { column: 'paid on' },
    },
  };

  it('imports the good rows and reports each bad one with its line, column, field and reason', async () => {
    const file = path.join(dir, 'customers.csv');
    const report = path.join(dir, 'customers-report.csv');
    await writeFile(file, customersCsv);
    const summary = await run({ kind: 'customers', file, mapping: customerMapping, reportPath: report, batchSize: 2 });
    expect(summary).toMatchObject({ read: 7, created: 3, rejected: 4 });
    const rejected = await readReport(report);
    expect(rejected.map((r) => [r.line, r.column, r.field, r.code])).toEqual([
      ['4', 'email', 'email', 'INVALID'],
      ['5', 'since', 'acquiredAt', 'INVALID'],
      ['7', 'stage', 'lifecycleStage', 'INVALID'],
      ['8', '', '', 'INVALID'],
    ]);
    expect(rejected.map((r) => r.reason)).toEqual([
      'must be an email address like name@example.com',
      'must be a date in the format DD/MM/YYYY, got "31/02/2024"',
      '"vip" is not one of the mapped values (customer, lead)',
      'has 2 fields, the header has 7',
    ]);
    expect(rejected[0]!['full name']).toBe('Bad Email');

    const imported = await app.sql<Record<string, any>>(
      `select external_id, name, company, lifecycle_stage, acquired_at, acquisition_channel, tags from customer where external_id like 'c-%' order by external_id`,
    );
    expect(imported.map((c) => [c.external_id, c.name, c.company, c.lifecycle_stage, c.acquisition_channel, c.tags])).toEqual([
      ['c-1', 'Lovelace, Ada', 'Analytical\r\nEngines, Ltd.', 'CUSTOMER', 'REFERRAL', ['crafted']],
      ['c-4', 'Quote "Q" Person', null, 'LEAD', 'EVENTS', ['crafted']],
      ['c-7', 'Grace\nHopper', null, 'CUSTOMER', 'EVENTS', ['crafted']],
    ]);
    expect(new Date(imported[0]!.acquired_at).toISOString()).toBe('2024-02-01T00:00:00.000Z');
  });

  it('imports purchases of known customers and rejects negative amounts, unknown customers and non-decimals', async () => {
    const file = path.join(dir, 'purchases.csv');
    const report = path.join(dir, 'purchases-report.csv');
    await writeFile(file, purchasesCsv);
    const summary = await run({ kind: 'purchases', file, mapping: purchaseMapping, reportPath: report });
    expect(summary).toMatchObject({ read: 5, created: 2, rejected: 3 });
    const rejected = await readReport(report);
    expect(rejected.map((r) => [r.line, r.column, r.field, r.code, r.reason])).toEqual([
      ['3', 'amount', 'amount', 'INVALID', 'must be greater than 0'],
      ['4', 'customer', 'customerExternalId', 'NOT_FOUND', 'no customer has this externalId (import the customers first)'],
      ['5', 'amount', 'amount', 'INVALID', 'must be a decimal number such as "19.99"'],
    ]);
    const amounts = await app.sql<{ external_id: string; amount: string }>(`select external_id, amount::text as amount from purchase where external_id like 'shop:%' order by external_id`);
    expect(amounts).toEqual([{ external_id: 'shop:o-1', amount: '19.9900' }, { external_id: 'shop:o-5', amount: '0.1000' }]);

    const again = await run({ kind: 'purchases', file, mapping: purchaseMapping });
    expect(again).toMatchObject({ created: 0, unchanged: 2, rejected: 3 });
  });

  it('imports interactions and survey responses through the same batch services', async () => {
    const interactions = path.join(dir, 'interactions.csv');
    await writeFile(interactions, 'ref,customer,when,subject,staff\ni-1,c-1,2024-04-01T09:30:00Z,"Asked about invoices, twice",\ni-2,c-1,2999-01-01T00:00:00Z,From the future,\ni-3,c-1,2024-04-02T09:30:00Z,Called,nobody@example.test\n');
    const summary = await run({
      kind: 'interactions',
      file: interactions,
      mapping: {
        kind: 'interactions',
        fields: {
          externalId: { column: 'ref' }, customerExternalId: { column: 'customer' }, occurredAt: { column: 'when' }, subject: { column: 'subject' },
          staffEmail: { column: 'staff' }, channel: { value: 'PHONE' }, direction: { value: 'INBOUND' }, team: { value: 'SERVICE' },
        },
      },
    });
    expect(summary).toMatchObject({ read: 3, created: 1, rejected: 2 });
    expect(summary.firstRejections.map((r) => [r.line, r.field, r.code])).toEqual([[3, 'occurredAt', 'INVALID'], [4, 'staffEmail', 'NOT_FOUND']]);

    const surveys = path.join(dir, 'surveys.csv');
    await writeFile(surveys, 'ref,customer,kind,score\ns-1,c-1,NPS,9\ns-2,c-1,CSAT,9\ns-3,c-1,CES,x\n');
    const answers = await run({
      kind: 'survey-responses',
      file: surveys,
      mapping: {
        kind: 'survey-responses',
        fields: { externalId: { column: 'ref' }, customerExternalId: { column: 'customer' }, kind: { column: 'kind' }, score: { column: 'score' } },
      },
    });
    expect(answers).toMatchObject({ read: 3, created: 1, rejected: 2 });
    expect(answers.firstRejections.map((r) => [r.line, r.field, r.code])).toEqual([[3, 'score', 'INVALID'], [4, 'score', 'INVALID']]);
  });

  it('writes nothing on a dry run, and refuses a mapping that names a missing column before any row', async () => {
    const file = path.join(dir, 'dry.csv');
    await writeFile(file, 'id,full name,email,company,stage,since,joined via\nd-1,Dry Run,dry@example.com,,lead,,Events\n');
    const before = await count(`select count(*) as n from customer`);
    const summary = await run({ kind: 'customers', file, mapping: customerMapping, dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, read: 1, created: 1 });
    expect(await count(`select count(*) as n from customer`)).toBe(before);

    const broken: MappingFile = { ...customerMapping, fields: { ...customerMapping.fields, email: { column: 'e-mail' } } };
    await expect(run({ kind: 'customers', file, mapping: broken })).rejects.toThrow(ImportError);
    await expect(run({ kind: 'customers', file, mapping: broken })).rejects.toThrow(/column "e-mail" is not in the file's header/);
    expect(await count(`select count(*) as n from customer`)).toBe(before);
  });
});
