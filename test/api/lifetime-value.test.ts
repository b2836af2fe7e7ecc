import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer } from '../support/fixtures.js';

// Every expectation below is worked out by hand from the rows inserted here; see each comment.
const AS_OF = '2026-07-01T00:00:00.000Z';

let app: TestApp;
let token: string;
const ids: Record<string, string> = {};

async function purchase(customer: string, amount: string, kind: string, at: string, currency = 'USD', refundOf: string | null = null): Promise<string> {
  const [row] = await app.sql<{ id: string }>(
    `insert into purchase (customer_id, amount, currency, kind, purchased_at, refund_of_id) values (?, ?, ?, ?, ?, ?) returning id`,
    [ids[customer], amount, currency, kind, at, refundOf],
  );
  return row!.id;
}

async function lifetimeValue(name: string, asOf: string | null = AS_OF) {
  const result = await app.graphql(
    `query($id: ID!, $asOf: DateTimeISO) { customer(id: $id) { lifetimeValue(asOf: $asOf) {
      asOf currency historicalValue grossPurchases refunds purchaseCount refundCount firstPurchaseAt lastPurchaseAt
      averagePurchaseValue tenureYears purchaseFrequencyPerYear segmentAnnualChurnRate expectedLifespanYears predictedValue otherCurrencies
    } } }`,
    { id: ids[name], asOf },
    token,
  );
  expect(result.errors).toBeUndefined();
  return result.data.customer.lifetimeValue;
}

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  // Six SMALL_BUSINESS customers, all acquired before 2025-07-01; one churns inside
  // [2025-07-01, 2026-07-01): the segment's annual churn rate as of AS_OF is 100 × 1 ÷ 6.
  for (const name of ['No Purchases', 'Single Purchase', 'Only Refunds', 'Euro Mix']) {
    ids[name] = await insertCustomer(app, { name, createdAt: '2025-01-01T00:00:00Z' });
  }
  ids['Steady'] = await insertCustomer(app, { name: 'Steady', createdAt: '2024-06-30T12:00:00Z' });
  ids['Churned'] = await insertCustomer(app, { name: 'Churned', lifecycleStage: 'CHURNED', createdAt: '2025-01-01T00:00:00Z', churnedAt: '2026-03-01T00:00:00Z' });
  // Another segment, to show segments do not mix.
  ids['Enterprise'] = await insertCustomer(app, { name: 'Enterprise', segment: 'ENTERPRISE', createdAt: '2025-01-01T00:00:00Z' });

  await purchase('Single Purchase', '120.00', 'SUBSCRIPTION', '2026-01-01T00:00:00Z');
  await purchase('Only Refunds', '30.00', 'REFUND', '2026-02-01T00:00:00Z'); // refunds a purchase made elsewhere
  await purchase('Steady', '100.00', 'SUBSCRIPTION', '2024-06-30T12:00:00Z');
  await purchase('Steady', '100.00', 'RENEWAL', '2025-06-30T12:00:00Z');
  const expansion = await purchase('Steady', '50.50', 'EXPANSION', '2026-01-15T00:00:00Z');
  await purchase('Steady', '25.25', 'REFUND', '2026-02-01T00:00:00Z', 'USD', expansion);
  await purchase('Steady', '999.00', 'RENEWAL', '2026-08-01T00:00:00Z'); // after AS_OF: not counted
  await purchase('Churned', '200.00', 'SUBSCRIPTION', '2025-03-01T00:00:00Z');
  await purchase('Euro Mix', '10.00', 'ONE_TIME', '2026-01-01T00:00:00Z', 'EUR');
  await purchase('Euro Mix', '10.00', 'ONE_TIME', '2026-03-01T00:00:00Z', 'EUR');
  await purchase('Euro Mix', '500.00', 'ONE_TIME', '2026-02-01T00:00:00Z', 'USD');
  await purchase('Enterprise', '1000.00', 'SUBSCRIPTION', '2026-01-01T00:00:00Z');
});
afterAll(() => app?.close());

it('is 0, with no prediction, for a customer without purchases', async () => {
  expect(await lifetimeValue('No Purchases')).toEqual({
    asOf: AS_OF, currency: null, historicalValue: '0.0000', grossPurchases: '0.0000', refunds: '0.0000',
    purchaseCount: 0, refundCount: 0, firstPurchaseAt: null, lastPurchaseAt: null,
    averagePurchaseValue: null, tenureYears: null, purchaseFrequencyPerYear: null,
    segmentAnnualChurnRate: '16.67', expectedLifespanYears: null, predictedValue: null, otherCurrencies: [],
  });
});

it('predicts from purchases, frequency and the segment churn for a steady customer', async () => {
  // gross 100 + 100 + 50.50 = 250.50; refunds 25.25; historical 225.25 over 3 purchases.
  // Tenure 2024-06-30T12:00 → 2026-07-01 = 730.5 days = 2 years; frequency 3 ÷ 2 = 1.5.
  // Lifespan max(2, 100 ÷ 16.666…) = 6. Predicted 75.08333… × 1.5 × 6 = 675.75.
  expect(await lifetimeValue('Steady')).toEqual({
    asOf: AS_OF, currency: 'USD', historicalValue: '225.2500', grossPurchases: '250.5000', refunds: '25.2500',
    purchaseCount: 3, refundCount: 1, firstPurchaseAt: '2024-06-30T12:00:00.000Z', lastPurchaseAt: '2026-01-15T00:00:00.000Z',
    averagePurchaseValue: '75.0833', tenureYears: '2.0000', purchaseFrequencyPerYear: '1.5000',
    segmentAnnualChurnRate: '16.67', expectedLifespanYears: '6.0000', predictedValue: '675.7500', otherCurrencies: [],
  });
});

it('counts a customer younger than a year as one year, so one purchase is not extrapolated', async () => {
  // Tenure 181 days = 0.49555… years; frequency 1 ÷ max(0.4956, 1) = 1; predicted 120 × 1 × 6.
  expect(await lifetimeValue('Single Purchase')).toMatchObject({
    historicalValue: '120.0000', averagePurchaseValue: '120.0000', tenureYears: '0.4956',
    purchaseFrequencyPerYear: '1.0000', expectedLifespanYears: '6.0000', predictedValue: '720.0000',
  });
});

it('goes negative with only refunds, and predicts nothing', async () => {
  expect(await lifetimeValue('Only Refunds')).toEqual({
    asOf: AS_OF, currency: 'USD', historicalValue: '-30.0000', grossPurchases: '0.0000', refunds: '30.0000',
    purchaseCount: 0, refundCount: 1, firstPurchaseAt: null, lastPurchaseAt: null,
    averagePurchaseValue: null, tenureYears: null, purchaseFrequencyPerYear: null,
    segmentAnnualChurnRate: '16.67', expectedLifespanYears: null, predictedValue: null, otherCurrencies: [],
  });
});

it("gives a churned customer its historical value as the prediction", async () => {
  // Tenure 2025-03-01 → churn 2026-03-01 = 365 days = 0.99931… years.
  expect(await lifetimeValue('Churned')).toMatchObject({
    historicalValue: '200.0000', tenureYears: '0.9993', purchaseFrequencyPerYear: '1.0000',
    expectedLifespanYears: '0.9993', predictedValue: '200.0000',
  });
});

it('reports figures in the currency of most purchases and names the others', async () => {
  // EUR 10 + 10 over 2 purchases; frequency 2 ÷ 1; predicted 10 × 2 × 6 = 120.
  expect(await lifetimeValue('Euro Mix')).toMatchObject({
    currency: 'EUR', historicalValue: '20.0000', purchaseCount: 2, predictedValue: '120.0000', otherCurrencies: ['USD'],
  });
});

it('caps the lifespan at 10 years in a segment that lost nobody', async () => {
  // ENTERPRISE: S = 1, L = 0 → churn 0.00 %, lifespan 10; 1000 × 1 × 10.
  expect(await lifetimeValue('Enterprise')).toMatchObject({ segmentAnnualChurnRate: '0.00', expectedLifespanYears: '10.0000', predictedValue: '10000.0000' });
});

it('counts only purchases before asOf', async () => {
  // As of 2025-07-01: Steady's two 100.00 purchases; tenure 365.5 days = 1.000684… years, so
  // frequency 2 ÷ 1.000684… = 1.998632…; the segment's S for [2024-07-01, 2025-07-01) is Steady
  // alone (acquired 2024-06-30), L = 0 → lifespan 10; predicted 100 × 1.998632… × 10 = 1998.632…
  expect(await lifetimeValue('Steady', '2025-07-01T00:00:00.000Z')).toMatchObject({
    historicalValue: '200.0000', purchaseCount: 2, tenureYears: '1.0007', purchaseFrequencyPerYear: '1.9986',
    segmentAnnualChurnRate: '0.00', expectedLifespanYears: '10.0000', predictedValue: '1998.6320',
  });
});

it('computes as of now by default', async () => {
  const value = await lifetimeValue('Steady', null);
  expect(Math.abs(Date.parse(value.asOf) - Date.now())).toBeLessThan(60_000);
  expect(value.historicalValue).toBe('1224.2500'); // now includes the 2026-08-01 renewal
});

it('reads the segment churn only when a figure that needs it is asked for, with the same figures either way', async () => {
  const ask = (fields: string) =>
    app.graphql(`query($id: ID!, $asOf: DateTimeISO) { customer(id: $id) { lifetimeValue(asOf: $asOf) { ${fields} } } }`, { id: ids.Steady, asOf: AS_OF }, token);
  const plain = await ask('historicalValue purchaseCount averagePurchaseValue');
  const predicted = await ask('historicalValue purchaseCount averagePurchaseValue predictedValue');
  expect(plain.errors).toBeUndefined();
  expect(predicted.errors).toBeUndefined();
  // The segment's churn rate scans its customers: one statement more, and only when needed.
  expect(predicted.extensions!.sqlStatements).toBe(plain.extensions!.sqlStatements + 1);
  const { predictedValue, ...rest } = predicted.data.customer.lifetimeValue;
  expect(rest).toEqual(plain.data.customer.lifetimeValue);
  expect(predictedValue).toBe((await lifetimeValue('Steady')).predictedValue);
  expect(predictedValue).not.toBeNull();
});
