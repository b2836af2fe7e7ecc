import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertStaff } from '../support/fixtures.js';

let app: TestApp;
let token: string;
let ownerId: string;

const BATCH = `mutation($input: CustomerCreateBatchInput!) {
  customerCreateBatch(input: $input) {
    results { index customer { id name email lifecycleStage acquiredAt churnedAt tags externalId version owner { id } } userErrors { field message code } }
    userErrors { field message code }
  }
}`;

type Result = { index: number; customer: any; userErrors: { field: string[]; message: string; code: string }[] };

async function batch(items: Record<string, unknown>[]): Promise<{ results: Result[]; userErrors: Result['userErrors']; sqlStatements: number }> {
  const response = await app.graphql(BATCH, { input: { items } }, token);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return { ...response.data.customerCreateBatch, sqlStatements: response.extensions!.sqlStatements };
}
const errorsOf = (result: Result) => result.userErrors.map((e) => [e.field.join('.'), e.code]);
const counts = async () =>
  (await app.sql<{ customers: string; audits: string }>('select (select count(*) from customer) as customers, (select count(*) from audit_event) as audits'))[0]!;

const person = (externalId: string, extra: Record<string, unknown> = {}) => ({
  name: `Person ${externalId}`, segment: 'CONSUMER', acquisitionChannel: 'REFERRAL', externalId, ...extra,
});

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  ownerId = await insertStaff(app, 'Olive Owner', 'SALES', 'SALES');
});
afterAll(() => app?.close());

describe('customerCreateBatch', () => {
  it('writes the valid items and reports each invalid one with its index and fields', async () => {
    const before = await counts();
    const { results, userErrors } = await batch([
      person('b-1', { email: 'One@Example.com', ownerId, tags: ['vip', 'VIP'] }),
      person('b-2', { name: ' ', email: 'not-an-email', acquiredAt: '2026-01-01T00:00:00Z' }),
      person('b-3', { lifecycleStage: 'CHURNED', acquiredAt: '2025-01-01T00:00:00Z', churnedAt: '2026-01-01T00:00:00Z', churnReason: 'Moved away' }),
      person('b-1', { name: 'Same externalId again' }),
      person('b-5', { ownerId: '00000000-0000-4000-8000-000000000000' }),
    ]);
    expect(userErrors).toEqual([]);
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(results[0]!.customer).toMatchObject({ name: 'Person b-1', email: 'one@example.com', tags: ['vip'], version: 1, owner: { id: ownerId } });
    expect(errorsOf(results[1]!)).toEqual([['input.items.1.name', 'REQUIRED'], ['input.items.1.email', 'INVALID'], ['input.items.1.acquiredAt', 'INVALID']]);
    expect(results[2]!.customer).toMatchObject({ lifecycleStage: 'CHURNED', churnedAt: '2026-01-01T00:00:00.000Z' });
    expect(errorsOf(results[3]!)).toEqual([['input.items.3.externalId', 'CONFLICT']]);
    expect(results[3]!.userErrors[0]!.message).toBe('repeats the externalId of item 0 of this batch');
    expect(errorsOf(results[4]!)).toEqual([['input.items.4.ownerId', 'NOT_FOUND']]);
    for (const rejected of [results[1]!, results[3]!, results[4]!]) expect(rejected.customer).toBeNull();

    const after = await counts();
    expect(Number(after.customers) - Number(before.customers)).toBe(2);
    const audits = await app.sql<{ action: string; entity_id: string; before: unknown }>(
      `select action, entity_id, before from audit_event where entity_id = any(?::uuid[]) order by occurred_at`,
      [`{${results[0]!.customer.id},${results[2]!.customer.id}}`],
    );
    expect(audits.map((a) => [a.action, a.before])).toEqual([['customerCreateBatch', null], ['customerCreateBatch', null]]);
  });

  it('changes nothing when the same batch is retried, and updates by externalId what differs', async () => {
    const items = [person('r-1', { lifecycleStage: 'CUSTOMER' }), person('r-2', { tags: ['a', 'b'] })];
    const first = await batch(items);
    const before = await counts();
    const retry = await batch(items);
    expect(retry.results.map((r) => [r.customer.id, r.customer.version, r.customer.acquiredAt])).toEqual(
      first.results.map((r) => [r.customer.id, r.customer.version, r.customer.acquiredAt]),
    );
    expect(await counts()).toEqual(before);

    const changed = await batch([items[0]!, { ...items[1]!, name: 'Renamed', tags: ['b'] }]);
    expect(changed.results.map((r) => [r.customer.id, r.customer.version])).toEqual([
      [first.results[0]!.customer.id, 1],
      [first.results[1]!.customer.id, 2],
    ]);
    const [audit] = await app.sql<{ action: string; before: Record<string, unknown>; after: Record<string, unknown> }>(
      `select action, before, after from audit_event where entity_id = ? and before is not null`,
      [first.results[1]!.customer.id],
    );
    expect(audit).toEqual({
      action: 'customerCreateBatch',
      before: { name: 'Person r-2', tags: ['a', 'b'], version: 1 },
      after: { name: 'Renamed', tags: ['b'], version: 2 },
    });
  });

  it('refuses more than 1,000 items as a whole and writes nothing', async () => {
    const before = await counts();
    const { results, userErrors } = await batch(Array.from({ length: 1001 }, (_, i) => person(`too-many-${i}`)));
    expect(results).toEqual([]);
    expect(userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([['input.items', 'INVALID']]);
    expect(await counts()).toEqual(before);
  });

  it('runs the same small number of SQL statements for 10 items as for 1,000', async () => {
    const items = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => person(`${prefix}-${i}`, { ownerId, email: `${prefix}.${i}@example.com` }));
    const ten = await batch(items('s10', 10));
    const thousand = await batch(items('s1000', 1000));
    expect(thousand.results.every((r) => r.customer && r.userErrors.length === 0)).toBe(true);
    expect(thousand.sqlStatements).toBe(ten.sqlStatements);
    // viewer, begin, owners, lock by externalId, upsert, audit, commit, and the owners the answer shows
    expect(thousand.sqlStatements).toBeLessThanOrEqual(8);
    const retried = await batch(items('s1000', 1000));
    expect(retried.sqlStatements).toBeLessThanOrEqual(thousand.sqlStatements);
    expect(Number((await app.sql<{ n: string }>(`select count(*) as n from customer where external_id like 's1000-%'`))[0]!.n)).toBe(1000);
  });
});
