import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config.js';
import { createTokenSigner } from '../../api/src/modules/auth/token.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TEST_AUTH_SECRET, createTestApp, type TestApp } from '../support/app.js';

const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) { token expiresAt refreshToken refreshTokenExpiresAt userErrors { field message code } }
}`;
const REFRESH = `mutation($input: TokenRefreshInput!) {
  tokenRefresh(input: $input) { token expiresAt refreshToken refreshTokenExpiresAt staffUser { email } userErrors { field message code } }
}`;
const LOGOUT = 'mutation($input: LogoutInput) { logout(input: $input) { endedSessions userErrors { message code } } }';
const ME = '{ me { email } }';

interface Tokens {
  token: string;
  refreshToken: string;
}

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

async function signIn(): Promise<Tokens> {
  const { data } = await app.graphql(LOGIN, { input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  expect(data.login.userErrors).toEqual([]);
  return { token: data.login.token, refreshToken: data.login.refreshToken };
}

async function refresh(refreshToken: string) {
  const { data, errors } = await app.graphql(REFRESH, { input: { refreshToken } });
  expect(errors).toBeUndefined();
  return data.tokenRefresh;
}

async function meWith(token: string) {
  return app.graphql(ME, {}, token);
}

const sessionIdOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sid;

describe('access and refresh tokens', () => {
  it('are short-lived by default: 15-minute access tokens, 7-day refresh tokens', () => {
    const config = loadConfig({});
    expect(config.accessTokenTtlSeconds).toBe(900);
    expect(config.refreshTokenTtlSeconds).toBe(7 * 24 * 3600);
    expect(loadConfig({ ACCESS_TOKEN_TTL_SECONDS: '300', REFRESH_TOKEN_TTL_SECONDS: '86400' })).toMatchObject({
      accessTokenTtlSeconds: 300,
      refreshTokenTtlSeconds: 86400,
    });
    expect(() => loadConfig({ REFRESH_TOKEN_TTL_SECONDS: 'soon' })).toThrow(/REFRESH_TOKEN_TTL_SECONDS must be a whole number/);
  });

  it('login returns both, and only the refresh token hash is stored', async () => {
    const { data } = await app.graphql(LOGIN, { input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    const { token, refreshToken, refreshTokenExpiresAt, expiresAt } = data.login;
    expect(refreshToken).toMatch(/^c360r_[\w-]{43}$/);
    expect(Date.parse(refreshTokenExpiresAt)).toBeGreaterThan(Date.parse(expiresAt));
    const rows = await app.sql<{ token_hash: string; staff_user_id: string }>(
      `select t.token_hash, s.staff_user_id from refresh_token t join staff_session s on s.id = t.session_id where s.id = ?`,
      [sessionIdOf(token)],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const clear = await app.sql(`select 1 from refresh_token where token_hash = ? or token_hash like ?`, [refreshToken, `%${refreshToken.slice(6, 20)}%`]);
    expect(clear).toEqual([]);
  });

  it('tokenRefresh needs no access token and rotates the refresh token', async () => {
    const first = await signIn();
    const next = await refresh(first.refreshToken);
    expect(next.userErrors).toEqual([]);
    expect(next.staffUser).toEqual({ email: ADMIN_EMAIL });
    expect(next.refreshToken).not.toBe(first.refreshToken);
    expect(next.token).not.toBe(first.token);
    expect(sessionIdOf(next.token)).toBe(sessionIdOf(first.token));
    expect((await meWith(next.token)).data.me).toEqual({ email: ADMIN_EMAIL });
    // Both access tokens of the session work until they expire; the spent refresh token is marked.
    expect((await meWith(first.token)).data.me).toEqual({ email: ADMIN_EMAIL });
    const [spent] = await app.sql<{ used: number }>(
      'select count(*)::int as used from refresh_token where session_id = ? and rotated_at is not null',
      [sessionIdOf(first.token)],
    );
    expect(spent!.used).toBe(1);
    const third = await refresh(next.refreshToken);
    expect(third.userErrors).toEqual([]);
  });

  it('answers a retry of a refresh whose answer was lost, once, and retires the lost token', async () => {
    const first = await signIn();
    const lost = await refresh(first.refreshToken); // the page reloaded before it stored this answer
    const retry = await refresh(first.refreshToken);
    expect(retry.userErrors).toEqual([]);
    expect(sessionIdOf(retry.token)).toBe(sessionIdOf(first.token));
    expect((await meWith(retry.token)).data.me).toEqual({ email: ADMIN_EMAIL });
    // The lost answer's token is retired; the retried token cannot be retried again.
    expect((await refresh(lost.refreshToken)).userErrors[0]).toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
    expect((await refresh(retry.refreshToken)).userErrors).toEqual([]);
  });

  it('revokes the whole session when a rotated refresh token is used again after its successor', async () => {
    const first = await signIn();
    const second = await refresh(first.refreshToken);
    // The rightful holder already moved on with the successor: an old copy now is a thief's.
    const third = await refresh(second.refreshToken);
    expect(third.userErrors).toEqual([]);
    const reuse = await refresh(first.refreshToken);
    expect(reuse.token).toBeNull();
    expect(reuse.userErrors).toEqual([
      { field: ['input', 'refreshToken'], code: 'REFRESH_TOKEN_INVALID', message: expect.stringMatching(/already used.*session is ended/) },
    ]);
    // The thief's copy and the rightful holder's newer tokens are all dead now.
    const after = await meWith(second.token);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(after.errors?.[0]?.message).toMatch(/used refresh token was presented again/);
    const newest = await refresh(third.refreshToken);
    expect(newest.userErrors[0]).toMatchObject({ code: 'REFRESH_TOKEN_INVALID', message: expect.stringMatching(/session has ended/) });
    const [session] = await app.sql<{ revoked_reason: string }>('select revoked_reason from staff_session where id = ?', [sessionIdOf(first.token)]);
    expect(session!.revoked_reason).toBe('REFRESH_TOKEN_REUSED');
  });

  it('logout kills the access token at once, and the refresh token with it', async () => {
    const mine = await signIn();
    const other = await signIn();
    const { data } = await app.graphql(LOGOUT, {}, mine.token);
    expect(data.logout).toEqual({ endedSessions: 1, userErrors: [] });
    const after = await meWith(mine.token);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.message).toMatch(/ended by logout/);
    expect((await refresh(mine.refreshToken)).userErrors[0].code).toBe('REFRESH_TOKEN_INVALID');
    // Another session of the same person is untouched.
    expect((await meWith(other.token)).data.me).toEqual({ email: ADMIN_EMAIL });
  });

  it('logout with allSessions ends every session of the person, on every device', async () => {
    const phone = await signIn();
    const laptop = await signIn();
    const { data } = await app.graphql(LOGOUT, { input: { allSessions: true } }, laptop.token);
    expect(data.logout.userErrors).toEqual([]);
    expect(data.logout.endedSessions).toBeGreaterThanOrEqual(2);
    for (const session of [phone, laptop]) {
      expect((await meWith(session.token)).status).toBe(401);
      expect((await refresh(session.refreshToken)).userErrors[0].code).toBe('REFRESH_TOKEN_INVALID');
    }
    const open = await app.sql('select 1 from staff_session s join staff_user u on u.id = s.staff_user_id where u.email = ? and s.revoked_at is null', [ADMIN_EMAIL]);
    expect(open).toEqual([]);
  });

  it('refuses an expired access token, and a refresh then gives a working one', async () => {
    const session = await signIn();
    const [admin] = await app.sql<{ id: string }>('select id from staff_user where email = ?', [ADMIN_EMAIL]);
    const expired = await createTokenSigner(TEST_AUTH_SECRET, -60, 60).sign(admin!.id, sessionIdOf(session.token));
    expect(expired.expiresAt.getTime()).toBeLessThan(Date.now());
    const refused = await meWith(expired.token);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.message).toMatch(/invalid or expired.*tokenRefresh/);
    const renewed = await refresh(session.refreshToken);
    expect(renewed.userErrors).toEqual([]);
    expect((await meWith(renewed.token)).data.me).toEqual({ email: ADMIN_EMAIL });
  });

  it('refuses an expired refresh token', async () => {
    const session = await signIn();
    await app.sql(`update refresh_token set expires_at = now() - interval '1 second' where session_id = ?`, [sessionIdOf(session.token)]);
    const answer = await refresh(session.refreshToken);
    expect(answer.token).toBeNull();
    expect(answer.userErrors).toEqual([{ field: ['input', 'refreshToken'], code: 'REFRESH_TOKEN_INVALID', message: 'the refresh token has expired: sign in again' }]);
  });

  it('refuses unknown, blank and absurd refresh tokens without a server error', async () => {
    expect((await refresh('c360r_nothing-like-a-real-one')).userErrors[0]).toMatchObject({ code: 'REFRESH_TOKEN_INVALID', message: expect.stringMatching(/not known/) });
    expect((await refresh('   ')).userErrors[0]).toMatchObject({ code: 'REQUIRED', field: ['input', 'refreshToken'] });
    expect((await refresh('x'.repeat(10_000))).userErrors[0].code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('refuses a signed token that names no session, or a session of someone else', async () => {
    const session = await signIn();
    const [admin] = await app.sql<{ id: string }>('select id from staff_user where email = ?', [ADMIN_EMAIL]);
    const [other] = await app.sql<{ id: string }>(
      `insert into staff_user (email, name, role, team, password_hash) values ('other@example.test', 'Other', 'SALES', 'SALES', 'x') returning id`,
    );
    const signer = createTokenSigner(TEST_AUTH_SECRET, 60, 60);
    const borrowed = await signer.sign(other!.id, sessionIdOf(session.token));
    expect((await meWith(borrowed.token)).status).toBe(401);
    const made = await signer.sign(admin!.id, '00000000-0000-4000-8000-000000000000');
    expect((await meWith(made.token)).status).toBe(401);
  });
});
