import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/app.js';

const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) { token refreshToken retryAfterSeconds userErrors { field message code } }
}`;

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  // A second account with the administrator's password, to sign in as while the first is throttled.
  await app.sql(
    `insert into staff_user (email, name, role, team, password_hash)
     select 'agent@example.test', 'Agent', 'SERVICE', 'SERVICE', password_hash from staff_user where email = ?`,
    [ADMIN_EMAIL],
  );
});
afterAll(() => app?.close());

async function login(email: string, password: string) {
  const { data, errors } = await app.graphql(LOGIN, { input: { email, password } });
  expect(errors).toBeUndefined();
  return data.login;
}

const failures = async (where: string, params: unknown[]) =>
  (await app.sql<{ n: number }>(`select count(*)::int as n from login_attempt where ${where}`, params))[0]!.n;

describe('login throttling per account', () => {
  it('refuses the sixth try within 15 minutes, even with the right password, saying when to retry', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await login(ADMIN_EMAIL, `wrong password ${i}`)).userErrors[0].code).toBe('INVALID_CREDENTIALS');
    }
    expect(await failures('email = ?', [ADMIN_EMAIL])).toBe(5);
    const refused = await login(ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD);
    expect(refused.token).toBeNull();
    expect(refused.userErrors).toEqual([
      { field: null, code: 'LOGIN_THROTTLED', message: expect.stringMatching(/5 failed sign-ins for this account within 15 minutes\): try again in \d+ seconds, at \d{4}-/) },
    ]);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(900);
    // A refused try is not another failure: waiting out the window is enough.
    expect(await failures('email = ?', [ADMIN_EMAIL])).toBe(5);
    // Other accounts from the same address are not affected.
    expect((await login('agent@example.test', ADMIN_PASSWORD)).userErrors).toEqual([]);
  });

  it('lets the account in again once the failures leave the window, and a success clears them', async () => {
    // Move the failures back in time, as if 15 minutes had passed.
    await app.sql(`update login_attempt set attempted_at = attempted_at - interval '15 minutes' where email = ?`, [ADMIN_EMAIL]);
    const signedIn = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(signedIn.userErrors).toEqual([]);
    expect(signedIn.token).toEqual(expect.any(String));
    expect(await failures('email = ?', [ADMIN_EMAIL])).toBe(0);
  });

  it('retries as soon as the oldest counted failure leaves the window, not before', async () => {
    for (let i = 0; i < 5; i += 1) await login(ADMIN_EMAIL, 'wrong password');
    // The oldest of the five is 14 minutes old: the account is free in about one minute.
    await app.sql(
      `update login_attempt set attempted_at = now() - interval '14 minutes'
        where id = (select id from login_attempt where email = ? order by attempted_at limit 1)`,
      [ADMIN_EMAIL],
    );
    const refused = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(refused.userErrors[0].code).toBe('LOGIN_THROTTLED');
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    await app.sql('delete from login_attempt');
  });

  it('counts unknown emails like known ones, so throttling reveals no accounts', async () => {
    for (let i = 0; i < 5; i += 1) await login('nobody@example.test', 'guess');
    const refused = await login('nobody@example.test', 'guess');
    expect(refused.userErrors[0].code).toBe('LOGIN_THROTTLED');
    await app.sql('delete from login_attempt');
  });

  it('does not count blank or implausible input as an attempt', async () => {
    for (let i = 0; i < 3; i += 1) {
      await app.graphql(LOGIN, { input: { email: ' ', password: '' } });
      await login('not-an-email', 'whatever');
      await login('x'.repeat(300) + '@example.test', 'whatever');
    }
    expect(await failures('true', [])).toBe(0);
  });
});

describe('login throttling per client address', () => {
  it('refuses every account from an address after 50 failures, naming the address as the reason', async () => {
    // 49 failures from this address over 10 emails (no account near its own limit) are arranged
    // directly, since each real attempt costs a deliberately slow password hash; the 50th is real.
    await app.sql(
      `insert into login_attempt (email, client_address) select 'guess' || (n % 10) || '@example.test', '127.0.0.1' from generate_series(1, 49) as n`,
    );
    expect((await login('guess0@example.test', 'wrong')).userErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect(await failures('client_address = ?', ['127.0.0.1'])).toBe(50);
    const refused = await login('agent@example.test', ADMIN_PASSWORD);
    expect(refused.token).toBeNull();
    expect(refused.userErrors[0]).toMatchObject({
      code: 'LOGIN_THROTTLED',
      message: expect.stringMatching(/50 failed sign-ins from your address within 15 minutes/),
    });
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    // A success would not clear an address's failures; time does.
    await app.sql(`update login_attempt set attempted_at = attempted_at - interval '16 minutes'`);
    expect((await login('agent@example.test', ADMIN_PASSWORD)).userErrors).toEqual([]);
  });
});
