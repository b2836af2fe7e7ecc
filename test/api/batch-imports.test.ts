import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type GraphQLResponse, type TestApp } from '../support/app.js';
import { insertCustomer, insertStaff } from '../support/fixtures.js';

let app: TestApp;
let token: string;
let customers: string[];
let staffId: string;

type Result = { index: number; userErrors: { field: string[]; message: string; code: string }[] } & Record<string, any>;
type BatchPayload = { results: Result[]; userErrors: { field: string[]; message: string; code: string }[] };

const BATCHES = {
  interactionLogBatch: { input: 'InteractionLogBatchInput', object: 'interaction', fields: 'id externalId subject' },
  purchaseRecordBatch: { input: 'PurchaseRecordBatchInput', object: 'purchase', fields: 'id externalId amount currency' },
  surveyResponseRecordBatch: { input: 'SurveyResponseRecordBatchInput', object: 'surveyResponse', fields: 'id externalId score team' },
} as const;
type BatchMutation = keyof typeof BATCHES;

async function batch(mutation: BatchMutation, items: Record<string, unknown>[]): Promise<{ payload: BatchPayload; statements: number }> {
  const { input, object, fields } = BATCHES[mutation];
  const result: GraphQLResponse = await app.graphql(
    `mutation($input: ${input}!) { ${mutation}(input: $input) {
       results { index ${object} { ${fields} } userErrors { field message code } } userErrors { field message code } } }`,
    { input: { items } },
    token,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return { payload: result.data[mutation], statements: result.extensions!.sqlStatements as number };
}
const errorsOf = (result: { userErrors: { field: string[]; code: string }[] }) => result.userErrors.map((e) => [e.field.join('.'), e.code]);
const counts = async () =>
  (await app.sql<Record<string, string>>(
    `select (select count(*) from interaction) as interactions, (select count(*) from purchase) as purchases,
            (select count(*) from survey_response) as responses, (select count(*) from audit_event) as audits`,
  ))[0]!;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  staffId = await insertStaff(app, 'Sam Service', 'SERVICE', 'SERVICE');
  customers = [];
  for (let i = 0; i < 20; i += 1) customers.push(await insertCustomer(app, { name: `Importer Customer ${i}` }));
});
afterAll(() => app?.close());

/**
 * Statements a batch of any size runs: the viewer, begin, one reference check per kind of
 * reference (customers; staff or interactions), one insert, one audit insert, commit.
 */
const BATCH_STATEMENTS = 7;

describe('a batch of 1,000', () => {
  let interactions: Record<string, string>[];
  beforeAll(() => {
    interactions = Array.from({ length: 1000 }, (_, i) => ({
      customerId: customers[i % customers.length]!, channel: 'PHONE', direction: 'INBOUND', team: 'SERVICE', staffId,
      subject: `Call ${i}`, occurredAt: hoursAgo(1000 - i), respondedAt: hoursAgo(999.5 - i), externalId: `pbx-${i}`,
    }));
  });

  it('writes 1,000 interactions with a constant number of SQL statements, one audit row each', async () => {
    const before = await counts();
    const { payload, statements } = await batch('interactionLogBatch', interactions);
    expect(payload.userErrors).toEqual([]);
    expect(payload.results).toHaveLength(1000);
    expect(payload.results.every((r, i) => r.index === i && r.userErrors.length === 0 && r.interaction.externalId === `pbx-${i}`)).toBe(true);
    expect(statements).toBe(BATCH_STATEMENTS);
    const after = await counts();
    expect(Number(after.interactions) - Number(before.interactions)).toBe(1000);
    expect(Number(after.audits) - Number(before.audits)).toBe(1000);
    expect(await app.sql(`select id from audit_event where action = 'interactionLogBatch' and entity_type = 'Interaction'`)).toHaveLength(1000);
    const [latest] = await app.sql<{ last_interaction_at: string }>('select last_interaction_at from customer where id = ?', [customers[19]]);
    expect(new Date(latest!.last_interaction_at).toISOString()).toBe(interactions[999]!.occurredAt);
  });

  it('retried, writes nothing and returns the same interactions (one more statement finds them)', async () => {
    const first = await app.sql<{ id: string; external_id: string }>(`select id, external_id from interaction where external_id like 'pbx-%'`);
    const ids = new Map(first.map((r) => [r.external_id, r.id]));
    const before = await counts();
    const { payload, statements } = await batch('interactionLogBatch', interactions);
    expect(payload.results.every((r, i) => r.userErrors.length === 0 && r.interaction.id === ids.get(`pbx-${i}`))).toBe(true);
    expect(await counts()).toEqual(before);
    expect(statements).toBe(BATCH_STATEMENTS);
  });

  it('writes 1,000 purchases with the same constant, and the customers\' values add up', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({
      customerId: customers[i % customers.length], amount: `${i + 1}.25`, currency: 'USD', kind: 'ONE_TIME', externalId: `order-${i}`,
    }));
    const { payload, statements } = await batch('purchaseRecordBatch', items);
    expect(payload.results.filter((r) => r.userErrors.length)).toEqual([]);
    expect(statements).toBe(BATCH_STATEMENTS - 1);
    const [total] = await app.sql<{ value: string }>('select sum(historical_value)::text as value from customer where id = any(?::uuid[])', [`{${customers.join(',')}}`]);
    expect(total!.value).toBe('500750.0000');
    expect((await batch('purchaseRecordBatch', items)).statements).toBe(BATCH_STATEMENTS - 1);
    expect(await app.sql(`select id from purchase where external_id like 'order-%'`)).toHaveLength(1000);
  });

  it('writes 1,000 survey answers rating interactions with the same constant', async () => {
    const rated = await app.sql<{ id: string; customer_id: string }>(`select id, customer_id from interaction where external_id like 'pbx-%' order by external_id`);
    const items = rated.map((interaction, i) => ({
      customerId: interaction.customer_id, kind: 'NPS', score: i % 11, interactionId: interaction.id, externalId: `survey-${i}`,
    }));
    const { payload, statements } = await batch('surveyResponseRecordBatch', items);
    expect(payload.results.filter((r) => r.userErrors.length)).toEqual([]);
    expect(payload.results.every((r) => r.surveyResponse.team === 'SERVICE')).toBe(true);
    expect(statements).toBe(BATCH_STATEMENTS);
    expect((await batch('surveyResponseRecordBatch', items)).statements).toBe(BATCH_STATEMENTS);
    expect(await app.sql(`select id from survey_response where external_id like 'survey-%'`)).toHaveLength(1000);
  });
});

describe('per-item outcomes', () => {
  it('writes the valid items and reports each invalid one at its index, with the path of its field', async () => {
    const before = await counts();
    const { payload } = await batch('purchaseRecordBatch', [
      { customerId: customers[0], amount: '10', currency: 'USD', kind: 'ONE_TIME' },
      { customerId: customers[0], amount: '10.001', currency: 'USD', kind: 'ONE_TIME' },
      { customerId: '00000000-0000-4000-8000-000000000000', amount: '10', currency: 'USD', kind: 'ONE_TIME' },
      { customerId: customers[1], amount: '7', currency: 'EUR', kind: 'RENEWAL', externalId: 'mixed-1' },
      { customerId: customers[1], amount: '7', currency: 'EUR', kind: 'REFUND' },
    ]);
    expect(payload.userErrors).toEqual([]);
    expect(payload.results.map((r) => [r.index, r.purchase?.amount ?? null, errorsOf(r)])).toEqual([
      [0, '10.0000', []],
      [1, null, [['input.items.1.amount', 'INVALID']]],
      [2, null, [['input.items.2.customerId', 'NOT_FOUND']]],
      [3, '7.0000', []],
      [4, null, [['input.items.4.kind', 'INVALID']]],
    ]);
    const after = await counts();
    expect([Number(after.purchases) - Number(before.purchases), Number(after.audits) - Number(before.audits)]).toEqual([2, 2]);
  });

  it('gives items repeating an externalId the one stored row, and a CONFLICT when it is another customer\'s', async () => {
    const item = { channel: 'CHAT', direction: 'OUTBOUND', team: 'SALES', externalId: 'chat-7' };
    const { payload } = await batch('interactionLogBatch', [
      { ...item, customerId: customers[2] },
      { ...item, customerId: customers[2] },
      { ...item, customerId: customers[3] },
      { ...item, customerId: customers[2], externalId: 'pbx-0' },
    ]);
    expect(payload.results[1]!.interaction.id).toBe(payload.results[0]!.interaction.id);
    expect(errorsOf(payload.results[2]!)).toEqual([['input.items.2.externalId', 'CONFLICT']]);
    expect(errorsOf(payload.results[3]!)).toEqual([['input.items.3.externalId', 'CONFLICT']]);
    expect(await app.sql(`select id from interaction where external_id = 'chat-7'`)).toHaveLength(1);
  });

  it('checks survey references per item: the interaction must be the same customer\'s', async () => {
    const [interaction] = await app.sql<{ id: string; customer_id: string }>(`select id, customer_id from interaction where external_id = 'pbx-5'`);
    const other = customers.find((c) => c !== interaction!.customer_id);
    const { payload } = await batch('surveyResponseRecordBatch', [
      { customerId: other, kind: 'CSAT', score: 5, interactionId: interaction!.id },
      { customerId: interaction!.customer_id, kind: 'CSAT', score: 6 },
      { customerId: interaction!.customer_id, kind: 'CES', score: 7, interactionId: interaction!.id },
    ]);
    expect(payload.results.map(errorsOf)).toEqual([[['input.items.0.interactionId', 'INVALID']], [['input.items.1.score', 'INVALID']], []]);
  });

  it.each([
    ['interactionLogBatch', { channel: 'SMS', direction: 'OUTBOUND', team: 'MARKETING' }],
    ['purchaseRecordBatch', { amount: '1', currency: 'USD', kind: 'ONE_TIME' }],
    ['surveyResponseRecordBatch', { kind: 'NPS', score: 10 }],
  ] as const)('%s refuses more than 1,000 items as a whole, writing nothing', async (mutation, item) => {
    const before = await counts();
    const { payload } = await batch(mutation, Array.from({ length: 1001 }, () => ({ customerId: customers[0], ...item })));
    expect(payload.results).toEqual([]);
    expect(payload.userErrors).toEqual([{ field: ['input', 'items'], code: 'INVALID', message: 'must have at most 1000 items, got 1001' }]);
    expect(await counts()).toEqual(before);
  });

  it('accepts an empty batch', async () => {
    expect((await batch('interactionLogBatch', [])).payload).toEqual({ results: [], userErrors: [] });
  });
});
