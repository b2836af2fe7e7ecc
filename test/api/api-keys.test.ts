import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../api/src/graphql/schema.js';
import { resolvers } from '../../api/src/modules/registry.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/app.js';
import { insertStaff } from '../support/fixtures.js';

const CREATE = `mutation($input: ApiKeyCreateInput!) {
  apiKeyCreate(input: $input) { key apiKey { id name prefix scopes resources expiresAt lastUsedAt usable createdById } userErrors { field message code } }
}`;
const REVOKE = `mutation($input: ApiKeyRevokeInput!) { apiKeyRevoke(input: $input) { apiKey { id revokedAt usable } userErrors { field message code } } }`;
const CUSTOMER_CREATE = `mutation($input: CustomerCreateInput!) { customerCreate(input: $input) { customer { id } userErrors { field message code } } }`;
const CUSTOMER_BATCH = `mutation($input: CustomerCreateBatchInput!) {
  customerCreateBatch(input: $input) { results { customer { id } userErrors { code } } userErrors { field message code } }
}`;
const customer = (name: string) => ({ name, segment: 'SMALL_BUSINESS', acquisitionChannel: 'REFERRAL' });

/** Every mutation of the schema but the public ones, with its arguments declared as variables (never sent). */
const schema = await buildApiSchema(resolvers);
const WRITES = Object.values(schema.getMutationType()!.getFields())
  .filter((field) => !['login', 'tokenRefresh'].includes(field.name))
  .map((field) => {
    const declared = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
    const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    return { name: field.name, document: `mutation${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} { __typename } }` };
  });

let app: TestApp;
let adminToken: string;
let adminId: string;

beforeAll(async () => {
  app = await createTestApp();
  adminToken = await app.adminToken();
  adminId = (await app.sql<{ id: string }>('select id from staff_user where email = ?', [ADMIN_EMAIL]))[0]!.id;
});
afterAll(() => app?.close());

async function createKey(input: Record<string, unknown>, token = adminToken): Promise<{ key: string; id: string }> {
  const { data, errors } = await app.graphql(CREATE, { input }, token);
  expect(errors).toBeUndefined();
  expect(data.apiKeyCreate.userErrors).toEqual([]);
  return { key: data.apiKeyCreate.key, id: data.apiKeyCreate.apiKey.id };
}

const count = async (table: string) => (await app.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

describe('creating an API key', () => {
  it('shows the whole key once and stores only its hash', async () => {
    const { data } = await app.graphql(CREATE, { input: { name: 'Shop import', scopes: ['READ', 'WRITE'] } }, adminToken);
    const { key, apiKey, userErrors } = data.apiKeyCreate;
    expect(userErrors).toEqual([]);
    expect(key).toMatch(/^c360_[0-9a-f]{8}_[\w-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'Shop import', scopes: ['READ', 'WRITE'], resources: null, expiresAt: null, lastUsedAt: null, usable: true, createdById: adminId });
    expect(key.startsWith(`c360_${apiKey.prefix}_`)).toBe(true);
    const [row] = await app.sql<Record<string, unknown>>('select * from api_key where id = ?', [apiKey.id]);
    expect(row!.secret_hash).toBe(createHash('sha256').update(key).digest('hex'));
    const secret = key.split('_').slice(2).join('_');
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(JSON.stringify(row)).not.toContain(secret.slice(0, 16));
    // Listing never shows the secret again.
    const list = await app.graphql('{ apiKeys { id prefix name } }', {}, adminToken);
    expect(JSON.stringify(list.data)).not.toContain(secret.slice(0, 16));
    expect(list.data.apiKeys).toContainEqual({ id: apiKey.id, prefix: apiKey.prefix, name: 'Shop import' });
    // Audited, without the secret.
    const [audit] = await app.sql<{ action: string; after: Record<string, unknown> }>(`select action, after from audit_event where entity_id = ?`, [apiKey.id]);
    expect(audit).toMatchObject({ action: 'apiKeyCreate', after: { name: 'Shop import', prefix: apiKey.prefix, scopes: ['READ', 'WRITE'] } });
    expect(JSON.stringify(audit)).not.toContain(secret.slice(0, 16));
  });

  it('names every broken rule', async () => {
    const { data } = await app.graphql(
      CREATE,
      { input: { name: ' ', scopes: [], resources: ['customers', 'staff', 'nonsense'], expiresAt: '2000-01-01T00:00:00Z' } },
      adminToken,
    );
    expect(data.apiKeyCreate.key).toBeNull();
    expect(data.apiKeyCreate.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([
      ['input.name', 'REQUIRED'],
      ['input.scopes', 'REQUIRED'],
      ['input.resources.1', 'INVALID'],
      ['input.resources.2', 'INVALID'],
      ['input.expiresAt', 'INVALID'],
    ]);
    expect(data.apiKeyCreate.userErrors[2].message).toMatch(/"staff" is not a resource an API key can use/);
  });

  it('is for administrators only, and no key can manage keys', async () => {
    await insertStaff(app, 'Manny Manager', 'MANAGER', 'SALES');
    await app.sql(`update staff_user set password_hash = (select password_hash from staff_user where email = ?) where email = 'manny.manager@example.test'`, [ADMIN_EMAIL]);
    const login = await app.graphql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email: 'manny.manager@example.test', password: ADMIN_PASSWORD } });
    const managerToken = login.data.login.token;
    const refused = await app.graphql(CREATE, { input: { name: 'Mine', scopes: ['READ'] } }, managerToken);
    expect(refused.data.apiKeyCreate.userErrors).toEqual([{ field: null, code: 'FORBIDDEN', message: 'role MANAGER may not write API keys' }]);
    const list = await app.graphql('{ apiKeys { id } }', {}, managerToken);
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { key } = await createKey({ name: 'Everything', scopes: ['READ', 'WRITE', 'IMPORT'] });
    expect((await app.graphql('{ apiKeys { id } }', {}, key)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byKey = await app.graphql(CREATE, { input: { name: 'Child', scopes: ['READ'] } }, key);
    expect(byKey.data.apiKeyCreate.userErrors[0]).toMatchObject({ code: 'FORBIDDEN', message: 'API key "Everything" may not write API keys' });
  });
});

describe('a READ key', () => {
  let key: string;
  beforeAll(async () => {
    ({ key } = await createKey({ name: 'BI reader', scopes: ['READ'] }));
  });

  it('reads, in one statement for the key and its creator', async () => {
    const me = await app.graphql('{ me { email } }', {}, key);
    expect(me.data.me).toEqual({ email: ADMIN_EMAIL });
    expect(me.extensions?.sqlStatements).toBe(1);
    const list = await app.graphql('{ customers(first: 1) { totalCount } }', {}, key);
    expect(list.errors).toBeUndefined();
  });

  it('can never write: every mutation is refused before it runs', async () => {
    const customersBefore = await count('customer');
    const auditBefore = await count('audit_event');
    expect(WRITES.length).toBeGreaterThan(20);
    for (const { name, document } of WRITES) {
      const response = await app.graphql(document, {}, key);
      expect(response.status, name).toBe(403);
      expect(response.data, name).toBeUndefined();
      expect(response.errors?.[0]?.extensions?.code, name).toBe('FORBIDDEN');
      expect(response.errors?.[0]?.message, name).toMatch(new RegExp(`API key "BI reader" may not run ${name}: it needs the (WRITE|IMPORT) scope`));
    }
    const sent = await app.graphql(CUSTOMER_CREATE, { input: customer('Written by a reader') }, key);
    expect(sent.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'WRITE' });
    expect(await count('customer')).toBe(customersBefore);
    expect(await count('audit_event')).toBe(auditBefore);
  });

  it('is refused even when the mutation hides behind a fragment', async () => {
    const response = await app.graphql('mutation { ...M } fragment M on Mutation { logout { userErrors { code } } }', {}, key);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('WRITE and IMPORT scopes', () => {
  it('a WRITE key writes, and the audit row names the key', async () => {
    const { key, id } = await createKey({ name: 'CRM sync', scopes: ['READ', 'WRITE'] });
    const { data } = await app.graphql(CUSTOMER_CREATE, { input: customer('Synced Ltd') }, key);
    expect(data.customerCreate.userErrors).toEqual([]);
    const [audit] = await app.sql<{ actor_id: string; api_key_id: string }>(`select actor_id, api_key_id from audit_event where entity_id = ?`, [
      data.customerCreate.customer.id,
    ]);
    expect(audit).toEqual({ actor_id: adminId, api_key_id: id });
    const events = await app.graphql(`{ auditEvents(first: 1, filter: { customerId: "${data.customerCreate.customer.id}" }) { nodes { apiKeyId actorId } } }`, {}, adminToken);
    expect(events.data.auditEvents.nodes).toEqual([{ apiKeyId: id, actorId: adminId }]);
    // A person's own changes carry no key.
    const own = await app.graphql(CUSTOMER_CREATE, { input: customer('Typed in by hand') }, adminToken);
    const [mine] = await app.sql<{ api_key_id: string | null }>(`select api_key_id from audit_event where entity_id = ?`, [own.data.customerCreate.customer.id]);
    expect(mine!.api_key_id).toBeNull();
  });

  it('batch mutations need IMPORT, not WRITE', async () => {
    const { key: writer } = await createKey({ name: 'Writer', scopes: ['WRITE'] });
    const refused = await app.graphql(CUSTOMER_BATCH, { input: { items: [customer('Batch A')] } }, writer);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'IMPORT' });
    const { key: importer } = await createKey({ name: 'Importer', scopes: ['IMPORT'] });
    const done = await app.graphql(CUSTOMER_BATCH, { input: { items: [customer('Batch B')] } }, importer);
    expect(done.errors).toBeUndefined();
    expect(done.data.customerCreateBatch.results[0].customer.id).toEqual(expect.any(String));
    // IMPORT alone does not allow the single-item mutations.
    const single = await app.graphql(CUSTOMER_CREATE, { input: customer('Single') }, importer);
    expect(single.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'WRITE' });
    expect((await app.sql('select 1 from customer where name in (?, ?)', ['Batch A', 'Single']))).toEqual([]);
  });

  it('a key limited to some resources is refused the others', async () => {
    const { key } = await createKey({ name: 'Purchases only', scopes: ['READ', 'WRITE'], resources: ['purchases'] });
    const read = await app.graphql('{ customers(first: 1) { totalCount } }', {}, key);
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(read.errors?.[0]?.message).toMatch(/API key "Purchases only" may not read customers/);
    const write = await app.graphql(CUSTOMER_CREATE, { input: customer('Out of scope') }, key);
    expect(write.data.customerCreate.userErrors[0]).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/API key "Purchases only" may not write customers/) });
    expect(await app.sql('select 1 from customer where name = ?', ['Out of scope'])).toEqual([]);
  });
});

describe('refused keys', () => {
  it('a revoked key is refused from the next request on', async () => {
    const { key, id } = await createKey({ name: 'Old shop', scopes: ['READ'] });
    expect((await app.graphql('{ me { email } }', {}, key)).status).toBe(200);
    const { data } = await app.graphql(REVOKE, { input: { id } }, adminToken);
    expect(data.apiKeyRevoke.apiKey).toMatchObject({ id, usable: false, revokedAt: expect.any(String) });
    const refused = await app.graphql('{ me { email } }', {}, key);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' }, message: expect.stringMatching(/API key "Old shop" was revoked at \d{4}-/) });
    const again = await app.graphql(REVOKE, { input: { id } }, adminToken);
    expect(again.data.apiKeyRevoke.userErrors[0]).toMatchObject({ code: 'INVALID_TRANSITION', field: ['input', 'id'] });
    const unknown = await app.graphql(REVOKE, { input: { id: '00000000-0000-4000-8000-000000000000' } }, adminToken);
    expect(unknown.data.apiKeyRevoke.userErrors[0].code).toBe('NOT_FOUND');
  });

  it('an expired key is refused', async () => {
    const { key, id } = await createKey({ name: 'Trial', scopes: ['READ'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect((await app.graphql('{ me { email } }', {}, key)).status).toBe(200);
    await app.sql(`update api_key set expires_at = now() - interval '1 second' where id = ?`, [id]);
    const refused = await app.graphql('{ me { email } }', {}, key);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.message).toMatch(/API key "Trial" expired at/);
  });

  it("a deactivated creator's key is refused", async () => {
    await app.sql(
      `insert into staff_user (email, name, role, password_hash) select 'second.admin@example.test', 'Second Admin', 'ADMIN', password_hash from staff_user where email = ?`,
      [ADMIN_EMAIL],
    );
    const login = await app.graphql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email: 'second.admin@example.test', password: ADMIN_PASSWORD } });
    const { key } = await createKey({ name: 'Left with its maker', scopes: ['READ'] }, login.data.login.token);
    expect((await app.graphql('{ me { email } }', {}, key)).data.me).toEqual({ email: 'second.admin@example.test' });
    await app.sql(`update staff_user set active = false where email = 'second.admin@example.test'`);
    const refused = await app.graphql('{ me { email } }', {}, key);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.message).toMatch(/belongs to a deactivated staff member/);
  });

  it('an unknown or malformed key is refused', async () => {
    const { key } = await createKey({ name: 'Real', scopes: ['READ'] });
    for (const bad of [key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'), 'c360_nothing', 'c360_00000000_' + 'x'.repeat(43)]) {
      const refused = await app.graphql('{ me { email } }', {}, bad);
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.message).toMatch(/API key is not known/);
    }
  });
});

describe('last used', () => {
  it('is stamped on use, at most once a minute', async () => {
    const { key, id } = await createKey({ name: 'Pinger', scopes: ['READ'] });
    const lastUsed = async () => (await app.sql<{ at: string | null }>('select last_used_at::text as at from api_key where id = ?', [id]))[0]!.at;
    expect(await lastUsed()).toBeNull();
    await app.graphql('{ me { email } }', {}, key);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    // Within the minute: no write.
    await app.sql(`update api_key set last_used_at = now() - interval '30 seconds' where id = ?`, [id]);
    const thirtySecondsAgo = await lastUsed();
    await app.graphql('{ me { email } }', {}, key);
    expect(await lastUsed()).toBe(thirtySecondsAgo);
    // Over a minute old: stamped again.
    await app.sql(`update api_key set last_used_at = now() - interval '2 minutes' where id = ?`, [id]);
    const twoMinutesAgo = await lastUsed();
    await app.graphql('{ me { email } }', {}, key);
    expect(Date.parse((await lastUsed())!)).toBeGreaterThan(Date.parse(twoMinutesAgo!));
    const { data } = await app.graphql('{ apiKeys { id lastUsedAt } }', {}, adminToken);
    expect(data.apiKeys.find((k: { id: string }) => k.id === id).lastUsedAt).toEqual(expect.any(String));
  });
});
