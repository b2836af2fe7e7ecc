import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
let token: string;

const FIELDS = 'id channel periodStart periodEnd amount currency version';
type Payload = { acquisitionSpend: any; userErrors: { field: string[]; message: string; code: string }[] };

const set = async (input: Record<string, unknown>): Promise<Payload> => {
  const result = await app.graphql(
    `mutation($input: AcquisitionSpendSetInput!) { acquisitionSpendSet(input: $input) { acquisitionSpend { ${FIELDS} } userErrors { field message code } } }`,
    { input: { channel: 'PAID_SEARCH', periodStart: '2026-01-01', amount: '1000', currency: 'USD', ...input } },
    token,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.acquisitionSpendSet;
};
const list = (variables: Record<string, unknown>) =>
  app.graphql(`query($from: LocalDate!, $to: LocalDate!, $channels: [AcquisitionChannel!]) {
    acquisitionSpend(from: $from, to: $to, channels: $channels) { channel periodStart amount currency } }`, variables, token);
const errorsOf = (payload: Payload) => payload.userErrors.map((e) => [e.field.join('.'), e.code]);
const counts = async () =>
  (await app.sql<{ spend: string; audits: string }>('select (select count(*) from acquisition_spend) as spend, (select count(*) from audit_event) as audits'))[0];

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
});
afterAll(() => app?.close());

describe('acquisitionSpendSet', () => {
  it('creates the month of a channel, ending at the next month, and audits it', async () => {
    const { acquisitionSpend, userErrors } = await set({ amount: '1250.50' });
    expect(userErrors).toEqual([]);
    expect(acquisitionSpend).toMatchObject({
      channel: 'PAID_SEARCH', periodStart: '2026-01-01', periodEnd: '2026-02-01', amount: '1250.5000', currency: 'USD', version: 1,
    });
    const [audit] = await app.sql<{ action: string; entity_type: string; customer_id: null; before: null; after: any }>(
      'select action, entity_type, customer_id, before, after from audit_event where entity_id = ?',
      [acquisitionSpend.id],
    );
    expect(audit).toMatchObject({ action: 'acquisitionSpendSet', entity_type: 'AcquisitionSpend', customer_id: null, before: null });
    expect(audit!.after).toMatchObject({ channel: 'PAID_SEARCH', periodStart: '2026-01-01', amount: '1250.5000' });
    expect((await set({ channel: 'EVENTS', periodStart: '2025-12-01', amount: '0' })).acquisitionSpend).toMatchObject({
      periodStart: '2025-12-01', periodEnd: '2026-01-01', amount: '0.0000',
    });
  });

  it('replaces the amount of an existing month (one row per channel and month), auditing the difference', async () => {
    const before = await counts();
    const { acquisitionSpend } = await set({ amount: '1300', currency: 'EUR' });
    expect(acquisitionSpend).toMatchObject({ periodStart: '2026-01-01', amount: '1300.0000', currency: 'EUR', version: 2 });
    expect(await counts()).toEqual({ spend: before!.spend, audits: String(Number(before!.audits) + 1) });
    const [audit] = await app.sql<{ before: unknown; after: unknown }>(
      'select before, after from audit_event where entity_id = ? order by occurred_at desc limit 1',
      [acquisitionSpend.id],
    );
    expect(audit).toEqual({ before: { amount: '1250.5000', currency: 'USD', version: 1 }, after: { amount: '1300.0000', currency: 'EUR', version: 2 } });
    // The same values again change nothing.
    expect((await set({ amount: '1300.00', currency: 'EUR' })).acquisitionSpend).toMatchObject({ version: 2 });
    expect((await counts())!.audits).toBe(String(Number(before!.audits) + 1));
  });

  it('refuses a day inside a month, months before 1970 or not begun, and bad money, writing nothing', async () => {
    const before = await counts();
    const midMonth = await set({ periodStart: '2026-01-15' });
    expect(errorsOf(midMonth)).toEqual([['input.periodStart', 'INVALID']]);
    expect(midMonth.userErrors[0]!.message).toMatch(/first day of a month/);
    expect(errorsOf(await set({ periodStart: '1969-12-01' }))).toEqual([['input.periodStart', 'INVALID']]);
    expect(errorsOf(await set({ periodStart: '2999-01-01' }))).toEqual([['input.periodStart', 'INVALID']]);
    expect(errorsOf(await set({ amount: '-1', currency: 'dollars' }))).toEqual([['input.currency', 'INVALID'], ['input.amount', 'INVALID']]);
    expect(errorsOf(await set({ amount: '10.5', currency: 'JPY' }))).toEqual([['input.amount', 'INVALID']]);
    expect(errorsOf(await set({ currency: ' ' }))).toEqual([['input.currency', 'REQUIRED']]);
    expect(await counts()).toEqual(before);
    const impossible = await app.graphql(
      'mutation($input: AcquisitionSpendSetInput!) { acquisitionSpendSet(input: $input) { userErrors { code } } }',
      { input: { channel: 'EVENTS', periodStart: '2026-02-30', amount: '1', currency: 'USD' } },
      token,
    );
    expect(impossible.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('acquisitionSpend', () => {
  it('lists the months starting in [from, to), by month then channel, optionally for some channels', async () => {
    await set({ channel: 'SOCIAL_ADS', periodStart: '2026-01-01', amount: '200' });
    await set({ channel: 'SOCIAL_ADS', periodStart: '2026-02-01', amount: '300' });
    const all = await list({ from: '2025-12-01', to: '2026-02-01' });
    expect(all.errors).toBeUndefined();
    expect(all.data.acquisitionSpend).toEqual([
      { channel: 'EVENTS', periodStart: '2025-12-01', amount: '0.0000', currency: 'USD' },
      { channel: 'PAID_SEARCH', periodStart: '2026-01-01', amount: '1300.0000', currency: 'EUR' },
      { channel: 'SOCIAL_ADS', periodStart: '2026-01-01', amount: '200.0000', currency: 'USD' },
    ]);
    const social = await list({ from: '2026-01-01', to: '2026-03-01', channels: ['SOCIAL_ADS'] });
    expect(social.data.acquisitionSpend.map((s: { amount: string }) => s.amount)).toEqual(['200.0000', '300.0000']);
  });

  it('answers a reversed range with a BAD_USER_INPUT error', async () => {
    const reversed = await list({ from: '2026-03-01', to: '2026-01-01' });
    expect(reversed.errors?.[0]).toMatchObject({ message: 'must not be before from', extensions: { code: 'BAD_USER_INPUT', field: ['to'] } });
  });
});
