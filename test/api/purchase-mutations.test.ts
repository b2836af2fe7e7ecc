import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer } from '../support/fixtures.js';

let app: TestApp;
let token: string;
let customerId: string;
let otherCustomerId: string;

const FIELDS = 'id amount currency product kind purchasedAt externalId version customer { id } refundOf { id amount }';
const INPUT_TYPES: Record<string, string> = { purchaseRecord: 'PurchaseRecordInput', purchaseRefund: 'PurchaseRefundInput' };
type Payload = { purchase: any; userErrors: { field: string[]; message: string; code: string }[] };

const call = async (mutation: 'purchaseRecord' | 'purchaseRefund', input: Record<string, unknown>): Promise<Payload> => {
  const result = await app.graphql(
    `mutation($input: ${INPUT_TYPES[mutation]}!) { ${mutation}(input: $input) { purchase { ${FIELDS} } userErrors { field message code } } }`,
    { input },
    token,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data[mutation];
};
const record = (input: Record<string, unknown>) => call('purchaseRecord', { customerId, currency: 'USD', kind: 'ONE_TIME', ...input });
const refund = (input: Record<string, unknown>) => call('purchaseRefund', input);
const errorsOf = (payload: Payload) => payload.userErrors.map((e) => [e.field.join('.'), e.code]);
const counts = async () =>
  (await app.sql<{ purchases: string; audits: string }>('select (select count(*) from purchase) as purchases, (select count(*) from audit_event) as audits'))[0];
const historicalValue = async (id: string) =>
  (await app.sql<{ historical_value: string }>('select historical_value::text from customer where id = ?', [id]))[0]!.historical_value;

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  customerId = await insertCustomer(app, { name: 'Ada Lovelace' });
  otherCustomerId = await insertCustomer(app, { name: 'Grace Hopper' });
});
afterAll(() => app?.close());

describe('purchaseRecord', () => {
  it('records an exact amount, adds it to the historical value and audits it', async () => {
    const { purchase, userErrors } = await record({ amount: '19.99', product: ' Pro plan ', kind: 'SUBSCRIPTION', purchasedAt: '2026-01-15T10:00:00Z' });
    expect(userErrors).toEqual([]);
    expect(purchase).toMatchObject({
      amount: '19.9900', currency: 'USD', product: 'Pro plan', kind: 'SUBSCRIPTION', purchasedAt: '2026-01-15T10:00:00.000Z',
      version: 1, customer: { id: customerId }, refundOf: null,
    });
    expect(await historicalValue(customerId)).toBe('19.9900');
    const [audit] = await app.sql<{ action: string; entity_type: string; customer_id: string; after: any }>(
      'select action, entity_type, customer_id, after from audit_event where entity_id = ?',
      [purchase.id],
    );
    expect(audit).toMatchObject({ action: 'purchaseRecord', entity_type: 'Purchase', customer_id: customerId });
    expect(audit!.after).toMatchObject({ amount: '19.9900', currency: 'USD', kind: 'SUBSCRIPTION' });
  });

  it('knows each currency\'s decimals: none for JPY, two for USD', async () => {
    expect((await record({ amount: '1500', currency: 'JPY' })).purchase).toMatchObject({ amount: '1500.0000', currency: 'JPY' });
    expect(errorsOf(await record({ amount: '1500.5', currency: 'JPY' }))).toEqual([['input.amount', 'INVALID']]);
    const tooPrecise = await record({ amount: '19.999' });
    expect(errorsOf(tooPrecise)).toEqual([['input.amount', 'INVALID']]);
    expect(tooPrecise.userErrors[0]!.message).toBe('must have at most 2 decimal places for USD');
  });

  it('reports every broken rule at once and writes nothing', async () => {
    const before = await counts();
    const payload = await call('purchaseRecord', {
      customerId: '00000000-0000-4000-8000-000000000000', amount: '-5', currency: 'usd', kind: 'REFUND', product: 'p'.repeat(201),
      purchasedAt: '2999-01-01T00:00:00Z', externalId: ' ',
    });
    expect(payload.purchase).toBeNull();
    expect(errorsOf(payload)).toEqual([
      ['input.currency', 'INVALID'], ['input.kind', 'INVALID'], ['input.amount', 'INVALID'], ['input.product', 'INVALID'],
      ['input.purchasedAt', 'INVALID'], ['input.customerId', 'NOT_FOUND'],
    ]);
    expect(payload.userErrors[1]!.message).toMatch(/purchaseRefund/);
    expect(errorsOf(await record({ amount: '0' }))).toEqual([['input.amount', 'INVALID']]);
    expect(errorsOf(await record({ amount: '1', currency: '', customerId: '' }))).toEqual([['input.customerId', 'REQUIRED'], ['input.currency', 'REQUIRED']]);
    expect(await counts()).toEqual(before);
  });

  it('answers a malformed amount with a GraphQL validation error', async () => {
    const result = await app.graphql(
      'mutation($input: PurchaseRecordInput!) { purchaseRecord(input: $input) { userErrors { code } } }',
      { input: { customerId, amount: '1e5', currency: 'USD', kind: 'ONE_TIME' } },
      token,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is idempotent by externalId: a retry returns the stored purchase; another fact under that externalId is a CONFLICT', async () => {
    const first = await record({ amount: '50', externalId: 'shop-order-1' });
    const before = await counts();
    const retry = await record({ amount: '50.00', product: 'ignored on retry', externalId: 'shop-order-1' });
    expect(retry.purchase).toEqual(first.purchase);
    expect(await counts()).toEqual(before);
    expect(errorsOf(await record({ amount: '51', externalId: 'shop-order-1' }))).toEqual([['input.externalId', 'CONFLICT']]);
    expect(errorsOf(await record({ amount: '50', currency: 'EUR', externalId: 'shop-order-1' }))).toEqual([['input.externalId', 'CONFLICT']]);
    expect(errorsOf(await record({ customerId: otherCustomerId, amount: '50', externalId: 'shop-order-1' }))).toEqual([['input.externalId', 'CONFLICT']]);
    expect(await counts()).toEqual(before);
  });

  it('makes one purchase of 8 concurrent requests with one externalId', async () => {
    const parallel = await Promise.all(Array.from({ length: 8 }, () => record({ amount: '10', externalId: 'race-1' })));
    expect(parallel.flatMap((p) => p.userErrors)).toEqual([]);
    expect(new Set(parallel.map((p) => p.purchase.id)).size).toBe(1);
    expect(await app.sql(`select id from purchase where external_id = 'race-1'`)).toHaveLength(1);
  });
});

describe('purchaseRefund', () => {
  let purchaseId: string;
  beforeAll(async () => {
    const customer = await insertCustomer(app, { name: 'Refunded Customer' });
    purchaseId = (await call('purchaseRecord', { customerId: customer, amount: '100', currency: 'USD', kind: 'ONE_TIME', product: 'Seats', purchasedAt: '2026-02-01T00:00:00Z' }))
      .purchase.id;
  });

  it('records a partial refund that counts negative, in the purchase\'s currency, and audits the reason', async () => {
    const { purchase: refunded, userErrors } = await refund({ purchaseId, amount: '30', reason: 'Two seats unused', refundedAt: '2026-02-10T00:00:00Z' });
    expect(userErrors).toEqual([]);
    expect(refunded).toMatchObject({ kind: 'REFUND', amount: '30.0000', currency: 'USD', product: 'Seats', purchasedAt: '2026-02-10T00:00:00.000Z', refundOf: { id: purchaseId } });
    const [owner] = await app.sql<{ customer_id: string }>('select customer_id from purchase where id = ?', [purchaseId]);
    expect(await historicalValue(owner!.customer_id)).toBe('70.0000');
    const [audit] = await app.sql<{ action: string; after: any }>('select action, after from audit_event where entity_id = ?', [refunded.id]);
    expect(audit).toMatchObject({ action: 'purchaseRefund', after: { reason: 'Two seats unused', refundOfId: purchaseId, amount: '30.0000' } });
  });

  it('never refunds more than was paid, naming the remaining amount, and writes nothing', async () => {
    const before = await counts();
    const tooMuch = await refund({ purchaseId, amount: '70.01' });
    expect(errorsOf(tooMuch)).toEqual([['input.amount', 'INVALID']]);
    expect(tooMuch.userErrors[0]!.message).toBe('must be at most 70.00 USD, the part of the purchase not refunded yet');
    expect(errorsOf(await refund({ purchaseId, amount: '0.001' }))).toEqual([['input.amount', 'INVALID']]);
    expect(errorsOf(await refund({ purchaseId, refundedAt: '2026-01-31T23:59:59Z' }))).toEqual([['input.refundedAt', 'INVALID']]);
    expect(await counts()).toEqual(before);
  });

  it('refunds the remaining amount by default, then refuses more as fully refunded', async () => {
    const { purchase: rest } = await refund({ purchaseId, externalId: 'refund-rest' });
    expect(rest).toMatchObject({ kind: 'REFUND', amount: '70.0000' });
    const done = await refund({ purchaseId });
    expect(errorsOf(done)).toEqual([['input.purchaseId', 'INVALID_TRANSITION']]);
    expect(done.userErrors[0]!.message).toBe('is already fully refunded (100.00 USD)');
    // A retry of the last refund still answers with it.
    expect((await refund({ purchaseId, externalId: 'refund-rest' })).purchase).toEqual(rest);
  });

  it('refuses refunding a refund, unknown purchases and an externalId another purchase uses', async () => {
    const [someRefund] = await app.sql<{ id: string }>(`select id from purchase where kind = 'REFUND' limit 1`);
    expect(errorsOf(await refund({ purchaseId: someRefund!.id }))).toEqual([['input.purchaseId', 'INVALID']]);
    expect(errorsOf(await refund({ purchaseId: '00000000-0000-4000-8000-000000000000', amount: '1' }))).toEqual([['input.purchaseId', 'NOT_FOUND']]);
    expect(errorsOf(await refund({ purchaseId: 'nope', reason: 'r'.repeat(501) }))).toEqual([['input.purchaseId', 'NOT_FOUND'], ['input.reason', 'INVALID']]);
    expect(errorsOf(await refund({ purchaseId: '' }))).toEqual([['input.purchaseId', 'REQUIRED']]);
    const other = (await record({ amount: '5' })).purchase.id;
    expect(errorsOf(await refund({ purchaseId: other, externalId: 'refund-rest' }))).toEqual([['input.externalId', 'CONFLICT']]);
    expect(errorsOf(await refund({ purchaseId: other, externalId: 'shop-order-1' }))).toEqual([['input.externalId', 'CONFLICT']]);
  });

  it('keeps concurrent refunds of one purchase within its amount', async () => {
    const target = (await record({ amount: '100' })).purchase.id;
    const attempts = await Promise.all(Array.from({ length: 8 }, () => refund({ purchaseId: target, amount: '20' })));
    expect(attempts.filter((a) => a.purchase).length).toBe(5);
    expect(attempts.filter((a) => !a.purchase).flatMap(errorsOf)).toEqual(Array.from({ length: 3 }, () => ['input.purchaseId', 'INVALID_TRANSITION']));
    const [total] = await app.sql<{ refunded: string }>('select sum(amount)::text as refunded from purchase where refund_of_id = ?', [target]);
    expect(total!.refunded).toBe('100.0000');
  });

  it('makes one refund of 8 concurrent retries with one externalId', async () => {
    const target = (await record({ amount: '100' })).purchase.id;
    const retries = await Promise.all(Array.from({ length: 8 }, () => refund({ purchaseId: target, amount: '40', externalId: 'refund-race' })));
    expect(retries.flatMap((r) => r.userErrors)).toEqual([]);
    expect(new Set(retries.map((r) => r.purchase.id)).size).toBe(1);
    expect(await app.sql('select id from purchase where refund_of_id = ?', [target])).toHaveLength(1);
  });
});
