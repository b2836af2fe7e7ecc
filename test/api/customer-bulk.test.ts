import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer, insertStaff } from '../support/fixtures.js';

// customerBulkUpdate: the console's bulk actions — one change to many customers, all or none.
let app: TestApp;
let token: string;
const ids: Record<string, string> = {};

const BULK = `mutation($input: CustomerBulkUpdateInput!) {
  customerBulkUpdate(input: $input) { customers { id lifecycleStage tags version owner { id } acquiredAt } userErrors { field message code } }
}`;

async function bulk(input: Record<string, unknown>) {
  const result = await app.graphql(BULK, { input }, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return { ...result.data.customerBulkUpdate, sqlStatements: result.extensions!.sqlStatements as number };
}

const state = async () =>
  app.sql<{ name: string; lifecycle_stage: string; tags: string[]; owner_id: string | null; version: number }>(
    'select name, lifecycle_stage, tags, owner_id, version from customer order by name',
  );

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  ids.owner = await insertStaff(app, 'Olive Owner', 'SALES', 'SALES');
  ids.gone = await insertStaff(app, 'Gus Gone', 'SALES', 'SALES');
  await app.sql('update staff_user set active = false where id = ?', [ids.gone]);
  for (const [name, stage] of [['Lead One', 'LEAD'], ['Lead Two', 'LEAD'], ['Prospect', 'PROSPECT'], ['Customer', 'CUSTOMER'], ['Churned', 'CHURNED']]) {
    ids[name!] = await insertCustomer(app, { name: name!, lifecycleStage: stage });
  }
  await app.sql(`update customer set tags = '{vip,Old}' where id = ?`, [ids['Lead One']]);
});
afterAll(() => app?.close());

describe('customerBulkUpdate', () => {
  it('assigns an owner, moves the stage and changes tags of every customer named, audited, in a fixed number of statements', async () => {
    const two = [ids['Lead One'], ids['Lead Two']];
    const result = await bulk({ ids: two, ownerId: ids.owner, lifecycleStage: 'PROSPECT', tagsAdd: ['Q3'], tagsRemove: ['old'] });
    expect(result.userErrors).toEqual([]);
    expect(result.customers).toMatchObject([
      { id: two[0], lifecycleStage: 'PROSPECT', tags: ['vip', 'Q3'], version: 2, owner: { id: ids.owner } },
      { id: two[1], lifecycleStage: 'PROSPECT', tags: ['Q3'], version: 2, owner: { id: ids.owner } },
    ]);
    const audit = await app.sql<{ entity_id: string; action: string; after: Record<string, unknown> }>(
      `select entity_id, action, after from audit_event where action = 'customerBulkUpdate' order by entity_id`,
    );
    expect(audit).toHaveLength(2);
    expect(audit.find((a) => a.entity_id === two[0])!.after).toMatchObject({ lifecycleStage: 'PROSPECT', tags: ['vip', 'Q3'], ownerId: ids.owner });
    // Three customers cost what two did: the statements do not grow with the list.
    const three = await bulk({ ids: [ids['Lead One'], ids['Lead Two'], ids.Prospect], ownerId: ids.owner, lifecycleStage: 'PROSPECT', tagsAdd: ['wave-2'], tagsRemove: ['old'] });
    expect(three.userErrors).toEqual([]);
    expect(three.sqlStatements).toBe(result.sqlStatements);
  });

  it('makes customers CUSTOMER with an acquisition date, wins churned ones back, and clears the owner', async () => {
    const result = await bulk({ ids: [ids.Prospect, ids.Churned], lifecycleStage: 'CUSTOMER', clearOwner: true });
    expect(result.userErrors).toEqual([]);
    expect(result.customers.map((c: any) => [c.lifecycleStage, c.owner])).toEqual([['CUSTOMER', null], ['CUSTOMER', null]]);
    expect(result.customers[0].acquiredAt).not.toBeNull();
    const [churned] = await app.sql<{ churned_at: string | null; churn_reason: string | null }>('select churned_at, churn_reason from customer where id = ?', [ids.Churned]);
    expect(churned).toEqual({ churned_at: null, churn_reason: null });
  });

  it('changes nothing at all when one customer breaks a rule, naming it by its index', async () => {
    const before = await state();
    const unknown = '00000000-0000-4000-8000-000000000000';
    const result = await bulk({ ids: [ids['Lead Two'], ids.Customer, unknown], lifecycleStage: 'LEAD', tagsAdd: ['x'] });
    expect(result.customers).toEqual([]);
    expect(result.userErrors).toEqual([
      { field: ['input', 'ids', '0'], code: 'INVALID_TRANSITION', message: 'cannot go from PROSPECT to LEAD' },
      { field: ['input', 'ids', '1'], code: 'INVALID_TRANSITION', message: 'cannot go from CUSTOMER to LEAD' },
      { field: ['input', 'ids', '2'], code: 'NOT_FOUND', message: 'does not exist' },
    ]);
    expect(await state()).toEqual(before);
  });

  it('checks its input, naming every field', async () => {
    const cases: [Record<string, unknown>, string[], string][] = [
      [{ ids: [] , tagsAdd: ['a'] }, ['input', 'ids'], 'REQUIRED'],
      [{ ids: [ids.Customer, ids.Customer], tagsAdd: ['a'] }, ['input', 'ids', '1'], 'INVALID'],
      [{ ids: ['nope'], tagsAdd: ['a'] }, ['input', 'ids', '0'], 'NOT_FOUND'],
      [{ ids: [ids.Customer] }, ['input'], 'REQUIRED'],
      [{ ids: [ids.Customer], ownerId: ids.owner, clearOwner: true }, ['input', 'clearOwner'], 'INVALID'],
      [{ ids: [ids.Customer], ownerId: ids.gone }, ['input', 'ownerId'], 'NOT_FOUND'],
      [{ ids: [ids.Customer], lifecycleStage: 'CHURNED' }, ['input', 'lifecycleStage'], 'INVALID'],
      [{ ids: [ids.Customer], tagsAdd: ['a'], tagsRemove: ['A'] }, ['input', 'tagsRemove'], 'INVALID'],
      [{ ids: Array.from({ length: 1001 }, () => ids.Customer), tagsAdd: ['a'] }, ['input', 'ids'], 'INVALID'],
    ];
    const before = await state();
    for (const [input, field, code] of cases) {
      const result = await bulk(input);
      expect(result.userErrors.map((e: any) => [e.field, e.code]), JSON.stringify(input).slice(0, 120)).toContainEqual([field, code]);
    }
    expect(await state()).toEqual(before);
  });

  it('refuses the whole change past 20 tags on one customer', async () => {
    // Lead One has 3 tags (21 with these), Lead Two 2 (20: allowed).
    const many = Array.from({ length: 18 }, (_, i) => `t${i}`);
    const result = await bulk({ ids: [ids['Lead One'], ids['Lead Two']], tagsAdd: many });
    expect(result.userErrors).toEqual([{ field: ['input', 'ids', '0'], code: 'INVALID', message: 'a customer can have at most 20 tags' }]);
  });
});
