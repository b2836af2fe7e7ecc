import { expect, it } from 'vitest';
import { createTokenSigner } from '../../api/src/modules/auth/token.js';
import { ADMIN_EMAIL, TEST_AUTH_SECRET } from '../support/app.js';
import { describeInChromium, useConsoleBrowser } from '../support/console-browser.js';
import { insertCustomer } from '../support/fixtures.js';

interface StoredSession {
  token: string;
  expiresAt: string;
  refreshToken?: string;
  refreshTokenExpiresAt?: string;
}

describeInChromium('console session in Chromium', () => {
  let adminId: string;

  const ui = useConsoleBrowser({
    setup: async (app) => {
      await insertCustomer(app, { name: 'Ada Lovelace', company: 'Analytical Engines' });
      adminId = (await app.sql<{ id: string }>('select id from staff_user where email = ?', [ADMIN_EMAIL]))[0]!.id;
    },
  });

  // Expressions as text: the test's TypeScript has no DOM types, the page has localStorage.
  const stored = async () => JSON.parse((await ui.page.evaluate(`localStorage.getItem('customer360.session')`)) ?? 'null') as StoredSession | null;
  const store = (session: StoredSession) => ui.page.evaluate(`localStorage.setItem('customer360.session', ${JSON.stringify(JSON.stringify(session))})`);
  const sessionIdOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sid;
  const customerList = async () => {
    await ui.page.goto(`${ui.app.url}/customers`);
    await ui.page.getByText('Ada Lovelace').first().waitFor({ timeout: 15_000 });
    expect(new URL(ui.page.url()).pathname).toBe('/customers');
  };

  it('keeps the refresh token after signing in', async () => {
    await ui.signIn();
    const session = await stored();
    expect(session?.refreshToken).toMatch(/^c360r_/);
    expect(Date.parse(session!.refreshTokenExpiresAt!)).toBeGreaterThan(Date.parse(session!.expiresAt));
  });

  it('renews an access token about to expire before using it', async () => {
    const before = (await stored())!;
    await store({ ...before, expiresAt: new Date(Date.now() + 5_000).toISOString() });
    await customerList();
    const after = (await stored())!;
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.token).not.toBe(before.token);
    expect(sessionIdOf(after.token)).toBe(sessionIdOf(before.token));
  });

  it('renews a token the API refuses as expired, once, and retries the request', async () => {
    const before = (await stored())!;
    // The console believes the token is good for an hour, but the API finds it expired.
    const expired = await createTokenSigner(TEST_AUTH_SECRET, -60, 60).sign(adminId, sessionIdOf(before.token));
    await store({ ...before, token: expired.token, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    await customerList();
    const after = (await stored())!;
    expect(after.token).not.toBe(expired.token);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    const [session] = await ui.app.sql<{ revoked_at: string | null }>('select revoked_at from staff_session where id = ?', [sessionIdOf(after.token)]);
    expect(session!.revoked_at).toBeNull();
  });

  it('signs out on the server too: the session ends with the logout', async () => {
    const { token } = (await stored())!;
    await ui.page.getByRole('button', { name: /profile/i }).click();
    await ui.page.getByRole('menuitem', { name: /logout/i }).click();
    await ui.page.waitForURL((url) => url.pathname.startsWith('/login'), { timeout: 15_000 });
    expect(await stored()).toBeNull();
    await expect.poll(async () => (await ui.app.sql<{ reason: string | null }>('select revoked_reason as reason from staff_session where id = ?', [sessionIdOf(token)]))[0]!.reason).toBe('LOGOUT');
    expect((await ui.app.graphql('{ me { email } }', {}, token)).status).toBe(401);
  });
});
