import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertStaff } from '../support/fixtures.js';

let app: TestApp;
let token: string;
let ownerId: string;

const FIELDS = `id name kind email phone segment lifecycleStage acquisitionChannel acquiredAt churnedAt churnReason tags locale externalId archivedAt version owner { id }`;
const call = async (mutation: string, input: Record<string, unknown>) => {
  const result = await app.graphql(`mutation($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { customer { ${FIELDS} } userErrors { field message code } } }`
    .replace('CustomerArchiveInput', 'CustomerVersionInput').replace('CustomerRestoreInput', 'CustomerVersionInput')
    .replace('CustomerTagsAddInput', 'CustomerTagsInput').replace('CustomerTagsRemoveInput', 'CustomerTagsInput'), { input }, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data[mutation] as { customer: any; userErrors: { field: string[]; message: string; code: string }[] };
};
const errorsOf = (payload: { userErrors: { field: string[]; code: string }[] }) => payload.userErrors.map((e) => [e.field.join('.'), e.code]);
const count = async (table: string) => Number((await app.sql<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);

const minimal = { name: 'Ada Lovelace', segment: 'ENTERPRISE', acquisitionChannel: 'REFERRAL' };

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  ownerId = await insertStaff(app, 'Olive Owner', 'SALES', 'SALES');
});
afterAll(() => app?.close());

describe('customerCreate', () => {
  it('creates a lead with defaults, and audits it', async () => {
    const { customer, userErrors } = await call('customerCreate', { ...minimal, email: ' Ada@Example.COM ', tags: ['vip', 'VIP', 'beta'], ownerId });
    expect(userErrors).toEqual([]);
    expect(customer).toMatchObject({
      name: 'Ada Lovelace', kind: 'PERSON', email: 'ada@example.com', lifecycleStage: 'LEAD', acquiredAt: null,
      tags: ['vip', 'beta'], locale: 'en', version: 1, owner: { id: ownerId },
    });
    const [audit] = await app.sql<{ action: string; entity_id: string; before: unknown; after: Record<string, unknown> }>(
      `select action, entity_id, before, after from audit_event where entity_id = ?`, [customer.id]);
    expect(audit).toMatchObject({ action: 'customerCreate', entity_id: customer.id, before: null });
    expect(audit!.after).toMatchObject({ name: 'Ada Lovelace', lifecycleStage: 'LEAD', email: 'ada@example.com' });
  });

  it('reports every broken rule at once, naming each field, and writes nothing', async () => {
    const [customers, audits] = [await count('customer'), await count('audit_event')];
    const { customer, userErrors } = await call('customerCreate', {
      ...minimal, name: '  ', email: 'not-an-email', phone: 'call me', locale: 'english!', tags: ['x'.repeat(51)],
      ownerId: '00000000-0000-4000-8000-000000000000', acquiredAt: '2026-01-01T00:00:00Z',
    });
    expect(customer).toBeNull();
    expect(errorsOf({ userErrors })).toEqual([
      ['input.name', 'REQUIRED'], ['input.email', 'INVALID'], ['input.phone', 'INVALID'], ['input.tags.0', 'INVALID'],
      ['input.locale', 'INVALID'], ['input.acquiredAt', 'INVALID'], ['input.ownerId', 'NOT_FOUND'],
    ]);
    expect([await count('customer'), await count('audit_event')]).toEqual([customers, audits]);
  });

  it('requires a churn date and reason for a churned customer, and dates that make sense', async () => {
    expect(errorsOf(await call('customerCreate', { ...minimal, lifecycleStage: 'CHURNED' }))).toEqual([
      ['input.churnedAt', 'REQUIRED'], ['input.churnReason', 'REQUIRED'],
    ]);
    expect(errorsOf(await call('customerCreate', { ...minimal, lifecycleStage: 'CUSTOMER', acquiredAt: '1900-01-01T00:00:00Z' }))).toEqual([
      ['input.acquiredAt', 'INVALID'],
    ]);
    expect(errorsOf(await call('customerCreate', { ...minimal, lifecycleStage: 'CUSTOMER', acquiredAt: '2999-01-01T00:00:00Z' }))).toEqual([
      ['input.acquiredAt', 'INVALID'],
    ]);
    const churned = await call('customerCreate', {
      ...minimal, lifecycleStage: 'CHURNED', acquiredAt: '2025-01-01T00:00:00Z', churnedAt: '2025-06-01T00:00:00Z', churnReason: 'Price',
    });
    expect(churned.customer).toMatchObject({ lifecycleStage: 'CHURNED', churnedAt: '2025-06-01T00:00:00.000Z', churnReason: 'Price' });
  });

  it('is idempotent by externalId: a retry updates the same customer, never a second one', async () => {
    const first = await call('customerCreate', { ...minimal, name: 'Shop Customer', externalId: 'shop-42' });
    const retry = await call('customerCreate', { ...minimal, name: 'Shop Customer Renamed', externalId: 'shop-42' });
    expect(retry.customer).toMatchObject({ id: first.customer.id, name: 'Shop Customer Renamed', version: 2 });
    // Concurrent retries with one externalId still make one customer.
    const parallel = await Promise.all(Array.from({ length: 8 }, () => call('customerCreate', { ...minimal, name: 'Racer', externalId: 'race-1' })));
    expect(parallel.every((p) => p.userErrors.length === 0)).toBe(true);
    expect(new Set(parallel.map((p) => p.customer.id)).size).toBe(1);
    expect(Number((await app.sql<{ n: string }>(`select count(*) as n from customer where external_id = 'race-1'`))[0]!.n)).toBe(1);
  });
});

describe('changing a customer', () => {
  let id: string;
  beforeAll(async () => {
    id = (await call('customerCreate', { ...minimal, name: 'Grace Hopper', externalId: 'grace' })).customer.id;
  });

  it('updates given fields only, bumps the version and audits the difference', async () => {
    const { customer, userErrors } = await call('customerUpdate', { id, version: 1, company: 'Navy', phone: null });
    expect(userErrors).toEqual([]);
    expect(customer).toMatchObject({ name: 'Grace Hopper', version: 2 });
    const [audit] = await app.sql<{ before: unknown; after: unknown }>(`select before, after from audit_event where entity_id = ? and action = 'customerUpdate'`, [id]);
    expect(audit).toEqual({ before: { company: null, version: 1 }, after: { company: 'Navy', version: 2 } });
  });

  it('refuses a stale version with CONFLICT and overwrites nothing', async () => {
    const { customer, userErrors } = await call('customerUpdate', { id, version: 1, name: 'Overwritten' });
    expect(customer).toBeNull();
    expect(userErrors[0]).toMatchObject({ field: ['input', 'version'], code: 'CONFLICT' });
    expect(userErrors[0]!.message).toMatch(/someone else changed this customer/);
    expect((await app.sql<{ name: string }>('select name from customer where id = ?', [id]))[0]!.name).toBe('Grace Hopper');
  });

  it('answers NOT_FOUND for an unknown customer and REQUIRED for clearing a required field', async () => {
    expect(errorsOf(await call('customerUpdate', { id: '00000000-0000-4000-8000-000000000000', version: 1, name: 'x' }))).toEqual([['input.id', 'NOT_FOUND']]);
    expect(errorsOf(await call('customerUpdate', { id, version: 2, name: null }))).toEqual([['input.name', 'REQUIRED']]);
  });

  it('refuses an externalId another customer uses with CONFLICT', async () => {
    expect(errorsOf(await call('customerUpdate', { id, version: 2, externalId: 'shop-42' }))).toEqual([['input.externalId', 'CONFLICT']]);
  });

  it('walks the lifecycle forward, refuses going back, churns with a reason and wins back', async () => {
    let version = 2;
    const step = async (mutation: string, input: Record<string, unknown>) => {
      const result = await call(mutation, { id, version, ...input });
      if (result.customer) version = result.customer.version;
      return result;
    };
    expect((await step('customerChangeLifecycleStage', { lifecycleStage: 'PROSPECT' })).customer.lifecycleStage).toBe('PROSPECT');
    expect(errorsOf(await step('customerChangeLifecycleStage', { lifecycleStage: 'LEAD' }))).toEqual([['input.lifecycleStage', 'INVALID_TRANSITION']]);
    expect(errorsOf(await step('customerMarkChurned', { reason: 'Too early' }))).toEqual([['input.id', 'INVALID_TRANSITION']]);
    const bought = await step('customerChangeLifecycleStage', { lifecycleStage: 'CUSTOMER', acquiredAt: '2026-01-10T00:00:00Z' });
    expect(bought.customer).toMatchObject({ lifecycleStage: 'CUSTOMER', acquiredAt: '2026-01-10T00:00:00.000Z' });
    expect(errorsOf(await step('customerMarkChurned', { reason: ' ' }))).toEqual([['input.reason', 'REQUIRED']]);
    expect(errorsOf(await step('customerMarkChurned', { reason: 'Moved', churnedAt: '2025-12-01T00:00:00Z' }))).toEqual([['input.churnedAt', 'INVALID']]);
    const churned = await step('customerMarkChurned', { reason: 'Moved to a competitor', churnedAt: '2026-03-01T00:00:00Z' });
    expect(churned.customer).toMatchObject({ lifecycleStage: 'CHURNED', churnReason: 'Moved to a competitor', churnedAt: '2026-03-01T00:00:00.000Z' });
    const won = await step('customerChangeLifecycleStage', { lifecycleStage: 'CUSTOMER' });
    expect(won.customer).toMatchObject({ lifecycleStage: 'CUSTOMER', churnedAt: null, churnReason: null, acquiredAt: '2026-01-10T00:00:00.000Z' });
  });

  it('changes the owner, archives and restores, adds and removes tags', async () => {
    let { customer } = await call('customerChangeOwner', { id, version: (await app.sql<{ version: number }>('select version from customer where id = ?', [id]))[0]!.version, ownerId });
    expect(customer.owner).toEqual({ id: ownerId });
    ({ customer } = await call('customerArchive', { id, version: customer.version }));
    expect(customer.archivedAt).not.toBeNull();
    expect(errorsOf(await call('customerArchive', { id, version: customer.version }))).toEqual([['input.id', 'INVALID_TRANSITION']]);
    ({ customer } = await call('customerRestore', { id, version: customer.version }));
    expect(customer.archivedAt).toBeNull();
    ({ customer } = await call('customerTagsAdd', { id, tags: ['VIP', 'renewal-2026'] }));
    ({ customer } = await call('customerTagsAdd', { id, tags: ['vip'] }));
    expect(customer.tags).toEqual(['VIP', 'renewal-2026']);
    ({ customer } = await call('customerTagsRemove', { id, tags: ['vip', 'absent'] }));
    expect(customer.tags).toEqual(['renewal-2026']);
  });

  it('leaves one audit row per accepted change, with actor and request, listed by auditEvents', async () => {
    const { data } = await app.graphql(
      `query($id: ID!) { auditEvents(first: 100, filter: { customerId: $id }) { totalCount nodes { action actorLabel entityType before after } } }`,
      { id },
      token,
    );
    const actions = data.auditEvents.nodes.map((n: { action: string }) => n.action).reverse();
    expect(actions).toEqual([
      'customerCreate', 'customerUpdate', 'customerChangeLifecycleStage', 'customerChangeLifecycleStage', 'customerMarkChurned',
      'customerChangeLifecycleStage', 'customerChangeOwner', 'customerArchive', 'customerRestore', 'customerTagsAdd', 'customerTagsAdd', 'customerTagsRemove',
    ]);
    expect(data.auditEvents.totalCount).toBe(actions.length);
    expect(data.auditEvents.nodes[0]).toMatchObject({ actorLabel: 'admin@example.test', entityType: 'Customer', before: { tags: ['VIP', 'renewal-2026'] } });
  });
});
