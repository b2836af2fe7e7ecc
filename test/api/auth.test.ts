import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/app.js';

const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) { token expiresAt staffUser { email role } userErrors { field message code } }
}`;

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

describe('login', () => {
  it('returns an expiring bearer token for the right password', async () => {
    const { data } = await app.graphql(LOGIN, { input: { email: ADMIN_EMAIL.toUpperCase(), password: ADMIN_PASSWORD } });
    expect(data.login.userErrors).toEqual([]);
    expect(data.login.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(data.login.staffUser).toEqual({ email: ADMIN_EMAIL, role: 'ADMIN' });
    const expiresInSeconds = (Date.parse(data.login.expiresAt) - Date.now()) / 1000;
    expect(expiresInSeconds).toBeGreaterThan(3500);
    expect(expiresInSeconds).toBeLessThanOrEqual(3600);
  });

  it('answers a wrong password with a userError, not a token', async () => {
    const { data, errors } = await app.graphql(LOGIN, { input: { email: ADMIN_EMAIL, password: 'wrong password' } });
    expect(errors).toBeUndefined();
    expect(data.login.token).toBeNull();
    expect(data.login.userErrors).toEqual([{ field: ['input', 'password'], message: 'email or password is wrong', code: 'INVALID_CREDENTIALS' }]);
  });

  it('gives an unknown email the same answer as a wrong password', async () => {
    const { data } = await app.graphql(LOGIN, { input: { email: 'nobody@example.test', password: ADMIN_PASSWORD } });
    expect(data.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect(data.login.userErrors[0].message).toBe('email or password is wrong');
  });

  it('names missing fields', async () => {
    const { data } = await app.graphql(LOGIN, { input: { email: ' ', password: '' } });
    expect(data.login.userErrors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code])).toEqual([
      ['input.email', 'REQUIRED'],
      ['input.password', 'REQUIRED'],
    ]);
  });

  it('refuses a deactivated account', async () => {
    await app.sql(`insert into staff_user (email, name, role, team, active, password_hash)
      select 'gone@example.test', 'Gone', 'SALES', 'SALES', false, password_hash from staff_user where email = ?`, [ADMIN_EMAIL]);
    const { data } = await app.graphql(LOGIN, { input: { email: 'gone@example.test', password: ADMIN_PASSWORD } });
    expect(data.login.token).toBeNull();
    expect(data.login.userErrors[0]).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'this account is deactivated' });
  });
});

describe('authentication', () => {
  it('refuses every operation but login without a token, with UNAUTHENTICATED and HTTP 401', async () => {
    const response = await app.graphql('{ customers(first: 1) { totalCount } }');
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.message).toMatch(/Authorization: Bearer/);
  });

  it('refuses a forged or malformed token', async () => {
    const token = await app.adminToken();
    const [header, payload] = token.split('.');
    for (const bad of ['not-a-token', `${header}.${payload}.forgedsignature`]) {
      const response = await app.graphql('{ me { email } }', {}, bad);
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.errors?.[0]?.message).toMatch(/invalid or expired/);
    }
  });

  it('refuses a login mutation smuggled beside a protected field', async () => {
    const response = await app.graphql(`mutation { login(input: {email: "a", password: "b"}) { token } }`);
    expect(response.status).toBe(200);
    const mixed = await app.graphql(`query { __typename me { email } }`);
    expect(mixed.status).toBe(401);
  });

  it('locks out a deactivated account at once, even with a valid token', async () => {
    await app.sql(`insert into staff_user (email, name, role, team, password_hash)
      select 'leaver@example.test', 'Leaver', 'SERVICE', 'SERVICE', password_hash from staff_user where email = ?`, [ADMIN_EMAIL]);
    const login = await app.graphql(LOGIN, { input: { email: 'leaver@example.test', password: ADMIN_PASSWORD } });
    const token = login.data.login.token;
    expect((await app.graphql('{ me { email team } }', {}, token)).data.me).toEqual({ email: 'leaver@example.test', team: 'SERVICE' });
    await app.sql(`update staff_user set active = false where email = 'leaver@example.test'`);
    const after = await app.graphql('{ me { email } }', {}, token);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers with the signed-in staff member', async () => {
    const { data } = await app.graphql('{ me { email role name } }', {}, await app.adminToken());
    expect(data.me).toEqual({ email: ADMIN_EMAIL, role: 'ADMIN', name: 'Administrator' });
  });
});

describe('HTTP surface', () => {
  it('reports liveness and database readiness', async () => {
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'reachable' });
  });

  it('answers malformed JSON with a 400 and no stack trace', async () => {
    const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(/at .*\.js/);
    expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('login with text no account can have', () => {
  it('answers INVALID_CREDENTIALS for control characters and absurd lengths, never a server error', async () => {
    for (const email of ['admin\u0000@example.test', 'x'.repeat(300) + '@example.test']) {
      const { status, data } = await app.graphql(LOGIN, { input: { email, password: 'whatever' } });
      expect(status).toBe(200);
      expect(data.login.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    }
  });
});
