import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/app.js';
import { insertStaff } from '../support/fixtures.js';

const FIELDS = 'id resource name filter sortField sortOrder createdAt updatedAt';
const LIST = `query($resource: SavedFilterResource!) { savedFilters(resource: $resource) { ${FIELDS} } }`;
const CREATE = `mutation($input: SavedFilterCreateInput!) { savedFilterCreate(input: $input) { savedFilter { ${FIELDS} } userErrors { field message code } } }`;
const UPDATE = `mutation($input: SavedFilterUpdateInput!) { savedFilterUpdate(input: $input) { savedFilter { ${FIELDS} } userErrors { field message code } } }`;
const DELETE = `mutation($input: SavedFilterDeleteInput!) { savedFilterDelete(input: $input) { deletedId userErrors { field message code } } }`;

let app: TestApp;
let adminToken: string;
let salesToken: string;
let analystToken: string;

async function signInAs(name: string, role: string, team: string | null): Promise<string> {
  const id = await insertStaff(app, name, role, team);
  await app.sql(`update staff_user set password_hash = (select password_hash from staff_user where email = ?) where id = ?`, [ADMIN_EMAIL, id]);
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.test`;
  const { data } = await app.graphql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: { email, password: ADMIN_PASSWORD } });
  return data.login.token;
}

beforeAll(async () => {
  app = await createTestApp();
  adminToken = await app.adminToken();
  salesToken = await signInAs('Saved Sales', 'SALES', 'SALES');
  analystToken = await signInAs('Saved Analyst', 'ANALYST', null);
});
afterAll(() => app?.close());

const rows = async () => (await app.sql<{ n: number }>('select count(*)::int as n from saved_filter'))[0]!.n;
const codes = (errors: { field: string[] | null; code: string }[]) => errors.map((e) => [e.field?.join('.') ?? null, e.code]);

async function create(input: Record<string, unknown>, token = adminToken) {
  const { data, errors } = await app.graphql(CREATE, { input }, token);
  expect(errors).toBeUndefined();
  return data.savedFilterCreate;
}

async function list(resource: string, token = adminToken) {
  const { data, errors } = await app.graphql(LIST, { resource }, token);
  expect(errors).toBeUndefined();
  return data.savedFilters as { id: string; name: string; filter: Record<string, unknown>; sortField: string | null; sortOrder: string | null }[];
}

describe('saving, listing, renaming and deleting a filter', () => {
  it('keeps the filter and order, per list, ordered by name', async () => {
    const saved = await create({ resource: 'CUSTOMERS', name: '  My HIGH-risk customers ', filter: { churnRisk: ['HIGH'], q: 'acme' }, sortField: 'name', sortOrder: 'ASC' });
    expect(saved.userErrors).toEqual([]);
    expect(saved.savedFilter).toMatchObject({ resource: 'CUSTOMERS', name: 'My HIGH-risk customers', filter: { churnRisk: ['HIGH'], q: 'acme' }, sortField: 'name', sortOrder: 'ASC' });
    const other = await create({ resource: 'CUSTOMERS', name: 'enterprise leads', filter: { segment: 'ENTERPRISE', lifecycleStage: 'LEAD' } });
    expect(other.savedFilter).toMatchObject({ sortField: null, sortOrder: null });
    await create({ resource: 'HANDOFFS', name: 'Breached handoffs of my team', filter: { box: 'incoming', team: 'SALES', breached: true } });

    expect((await list('CUSTOMERS')).map((f) => f.name)).toEqual(['enterprise leads', 'My HIGH-risk customers']);
    expect((await list('HANDOFFS')).map((f) => [f.name, f.filter])).toEqual([['Breached handoffs of my team', { box: 'incoming', team: 'SALES', breached: true }]]);
    expect(await list('PURCHASES')).toEqual([]);
  });

  it('renames and replaces the filter, keeping the order unless told', async () => {
    const { savedFilter } = await create({ resource: 'INTERACTIONS', name: 'Open emails', filter: { channels: ['EMAIL'] }, sortField: 'occurredAt', sortOrder: 'DESC' });
    const renamed = await app.graphql(UPDATE, { input: { id: savedFilter.id, name: 'Open e-mails' } }, adminToken);
    expect(renamed.data.savedFilterUpdate.userErrors).toEqual([]);
    expect(renamed.data.savedFilterUpdate.savedFilter).toMatchObject({ name: 'Open e-mails', filter: { channels: ['EMAIL'] }, sortField: 'occurredAt', sortOrder: 'DESC' });
    // Same name in other case: its own name is no conflict.
    const recased = await app.graphql(UPDATE, { input: { id: savedFilter.id, name: 'OPEN E-MAILS' } }, adminToken);
    expect(recased.data.savedFilterUpdate.userErrors).toEqual([]);
    const replaced = await app.graphql(UPDATE, { input: { id: savedFilter.id, filter: { channels: ['PHONE'], unresolved: true }, clearSort: true } }, adminToken);
    expect(replaced.data.savedFilterUpdate.savedFilter).toMatchObject({ name: 'OPEN E-MAILS', filter: { channels: ['PHONE'], unresolved: true }, sortField: null, sortOrder: null });
    expect(new Date(replaced.data.savedFilterUpdate.savedFilter.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(savedFilter.updatedAt).getTime());
    const resorted = await app.graphql(UPDATE, { input: { id: savedFilter.id, sortField: 'occurredAt', sortOrder: 'ASC' } }, adminToken);
    expect(resorted.data.savedFilterUpdate.savedFilter).toMatchObject({ sortField: 'occurredAt', sortOrder: 'ASC' });
  });

  it('deletes, and a second delete finds nothing', async () => {
    const { savedFilter } = await create({ resource: 'PURCHASES', name: 'Refunds', filter: { kinds: ['REFUND'] } });
    const deleted = await app.graphql(DELETE, { input: { id: savedFilter.id } }, adminToken);
    expect(deleted.data.savedFilterDelete).toEqual({ deletedId: savedFilter.id, userErrors: [] });
    expect(await list('PURCHASES')).toEqual([]);
    const again = await app.graphql(DELETE, { input: { id: savedFilter.id } }, adminToken);
    expect(again.data.savedFilterDelete.deletedId).toBeNull();
    expect(codes(again.data.savedFilterDelete.userErrors)).toEqual([['input.id', 'NOT_FOUND']]);
  });

  it('works for every role, the analyst too (no permission needed for one\'s own shortcuts)', async () => {
    const saved = await create({ resource: 'SURVEY_RESPONSES', name: 'Detractors', filter: { npsCategories: ['DETRACTOR'] } }, analystToken);
    expect(saved.userErrors).toEqual([]);
    expect((await list('SURVEY_RESPONSES', analystToken)).map((f) => f.name)).toEqual(['Detractors']);
  });
});

describe('one person\'s filters', () => {
  it('are invisible to anyone else, and cannot be changed or deleted by them (NOT_FOUND)', async () => {
    const { savedFilter } = await create({ resource: 'AUDIT_LOG', name: 'Admin only', filter: { action: 'customerUpdate' } });
    expect(await list('AUDIT_LOG', salesToken)).toEqual([]);
    const before = await rows();
    const rename = await app.graphql(UPDATE, { input: { id: savedFilter.id, name: 'Hijacked' } }, salesToken);
    expect(rename.data.savedFilterUpdate).toEqual({ savedFilter: null, userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND', message: 'you have no saved filter with this id' }] });
    const remove = await app.graphql(DELETE, { input: { id: savedFilter.id } }, salesToken);
    expect(codes(remove.data.savedFilterDelete.userErrors)).toEqual([['input.id', 'NOT_FOUND']]);
    // Exactly what an id that never existed answers: nothing tells the filter is there.
    const unknown = await app.graphql(DELETE, { input: { id: '00000000-0000-4000-8000-000000000000' } }, salesToken);
    expect(unknown.data.savedFilterDelete).toEqual(remove.data.savedFilterDelete);
    expect(await rows()).toBe(before);
    expect((await list('AUDIT_LOG')).map((f) => f.name)).toEqual(['Admin only']);
  });

  it('may share a name with someone else\'s', async () => {
    const mine = await create({ resource: 'CUSTOMERS', name: 'My HIGH-risk customers', filter: { churnRisk: ['HIGH'] } }, salesToken);
    expect(mine.userErrors).toEqual([]);
    expect((await list('CUSTOMERS', salesToken)).map((f) => f.name)).toEqual(['My HIGH-risk customers']);
  });

  it('go with their owner', async () => {
    const token = await signInAs('Saved Leaver', 'SERVICE', 'SERVICE');
    await create({ resource: 'HANDOFFS', name: 'Mine', filter: {} }, token);
    const before = await rows();
    await app.sql(`delete from staff_session where staff_user_id = (select id from staff_user where email = 'saved.leaver@example.test')`);
    await app.sql(`delete from staff_user where email = 'saved.leaver@example.test'`);
    expect(await rows()).toBe(before - 1);
  });
});

describe('broken rules', () => {
  it('names the field and code of each, and writes nothing', async () => {
    const before = await rows();
    const empty = await create({ resource: 'CUSTOMERS', name: '   ', filter: {} });
    expect(empty).toEqual({ savedFilter: null, userErrors: [{ field: ['input', 'name'], code: 'REQUIRED', message: 'is required' }] });
    const long = await create({ resource: 'CUSTOMERS', name: 'x'.repeat(81), filter: {} });
    expect(long.userErrors).toEqual([{ field: ['input', 'name'], code: 'INVALID', message: 'must be at most 80 characters' }]);
    expect((await create({ resource: 'CUSTOMERS', name: 'x'.repeat(80), filter: {} })).userErrors).toEqual([]);
    for (const filter of ['churnRisk=HIGH', ['HIGH'], 42, true]) {
      const bad = await create({ resource: 'CUSTOMERS', name: 'Not an object', filter });
      expect(codes(bad.userErrors), JSON.stringify(filter)).toEqual([['input.filter', 'INVALID']]);
    }
    const big = await create({ resource: 'CUSTOMERS', name: 'Too big', filter: { q: 'y'.repeat(5000) } });
    expect(big.userErrors).toEqual([{ field: ['input', 'filter'], code: 'INVALID', message: 'must be at most 4096 bytes as JSON' }]);
    const nul = await create({ resource: 'CUSTOMERS', name: 'NUL', filter: { q: 'a\u0000b' } });
    expect(codes(nul.userErrors)).toEqual([['input.filter', 'INVALID']]);
    const sort = await create({ resource: 'CUSTOMERS', name: 'Half a sort', filter: {}, sortField: 'name' });
    expect(codes(sort.userErrors)).toEqual([['input.sortOrder', 'REQUIRED']]);
    const odd = await create({ resource: 'CUSTOMERS', name: 'Odd sort', filter: {}, sortField: 'name; drop table x', sortOrder: 'ASC' });
    expect(codes(odd.userErrors)).toEqual([['input.sortField', 'INVALID']]);
    const all = await create({ resource: 'CUSTOMERS', name: '', filter: [], sortOrder: 'DESC' });
    expect(codes(all.userErrors)).toEqual([['input.name', 'REQUIRED'], ['input.filter', 'INVALID'], ['input.sortField', 'REQUIRED']]);
    expect(await rows()).toBe(before + 1);
  });

  it('refuses a name the person already uses for the list, ignoring case (CONFLICT on name)', async () => {
    await create({ resource: 'INTERACTIONS', name: 'Phone calls', filter: { channels: ['PHONE'] } });
    const before = await rows();
    const dup = await create({ resource: 'INTERACTIONS', name: ' PHONE CALLS ', filter: {} });
    expect(dup).toEqual({
      savedFilter: null,
      userErrors: [{ field: ['input', 'name'], code: 'CONFLICT', message: 'you already have a saved filter with this name for this list (names ignore case)' }],
    });
    // Another list may use the name.
    expect((await create({ resource: 'PURCHASES', name: 'Phone calls', filter: {} })).userErrors).toEqual([]);
    // Renaming onto a taken name is refused too, and changes nothing else of the same update.
    const { savedFilter } = await create({ resource: 'INTERACTIONS', name: 'Chats', filter: { channels: ['CHAT'] } });
    const clash = await app.graphql(UPDATE, { input: { id: savedFilter.id, name: 'phone calls', filter: { channels: ['SMS'] } } }, adminToken);
    expect(codes(clash.data.savedFilterUpdate.userErrors)).toEqual([['input.name', 'CONFLICT']]);
    const [row] = await app.sql<{ name: string; filter: unknown }>('select name, filter from saved_filter where id = ?', [savedFilter.id]);
    expect(row).toEqual({ name: 'Chats', filter: { channels: ['CHAT'] } });
    expect(await rows()).toBe(before + 2);
  });

  it('an update with one broken rule changes nothing', async () => {
    const { savedFilter } = await create({ resource: 'HANDOFFS', name: 'Overdue', filter: { breached: true } });
    const bad = await app.graphql(UPDATE, { input: { id: savedFilter.id, name: 'Overdue handoffs', filter: 'breached' } }, adminToken);
    expect(codes(bad.data.savedFilterUpdate.userErrors)).toEqual([['input.filter', 'INVALID']]);
    const [row] = await app.sql<{ name: string; filter: unknown }>('select name, filter from saved_filter where id = ?', [savedFilter.id]);
    expect(row).toEqual({ name: 'Overdue', filter: { breached: true } });
    const malformed = await app.graphql(UPDATE, { input: { id: 'not-a-uuid', name: 'x' } }, adminToken);
    expect(codes(malformed.data.savedFilterUpdate.userErrors)).toEqual([['input.id', 'NOT_FOUND']]);
  });

  it('caps each list at 50 filters per person', async () => {
    const token = await signInAs('Saved Hoarder', 'MARKETING', 'MARKETING');
    for (let i = 0; i < 50; i++) expect((await create({ resource: 'PURCHASES', name: `Filter ${i}`, filter: { i } }, token)).userErrors).toEqual([]);
    const over = await create({ resource: 'PURCHASES', name: 'One more', filter: {} }, token);
    expect(codes(over.userErrors)).toEqual([['input.resource', 'INVALID']]);
    expect((await create({ resource: 'CUSTOMERS', name: 'One more', filter: {} }, token)).userErrors).toEqual([]);
  });
});

describe('an API key', () => {
  it('has no saved filters: reading and writing them is FORBIDDEN', async () => {
    const { data } = await app.graphql(
      `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { key userErrors { code } } }`,
      { input: { name: 'Integrator', scopes: ['READ', 'WRITE'] } },
      adminToken,
    );
    const key = data.apiKeyCreate.key as string;
    const read = await app.graphql(LIST, { resource: 'CUSTOMERS' }, key);
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(read.errors?.[0]?.message).toBe('API key "Integrator" has no saved filters: they belong to a signed-in staff member');
    const before = await rows();
    const write = await create({ resource: 'CUSTOMERS', name: 'By key', filter: {} }, key);
    expect(write).toEqual({
      savedFilter: null,
      userErrors: [{ field: null, code: 'FORBIDDEN', message: 'API key "Integrator" has no saved filters: they belong to a signed-in staff member' }],
    });
    const [own] = await list('CUSTOMERS');
    const remove = await app.graphql(DELETE, { input: { id: own!.id } }, key);
    expect(codes(remove.data.savedFilterDelete.userErrors)).toEqual([[null, 'FORBIDDEN']]);
    expect(await rows()).toBe(before);
  });
});
