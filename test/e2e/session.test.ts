import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenSigner } from '../../api/src/modules/auth/token.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TEST_AUTH_SECRET, createTestApp, type TestApp } from '../support/app.js';
import { findChromium } from '../support/chromium.js';
import { insertCustomer } from '../support/fixtures.js';

const adminDist = path.resolve(import.meta.dirname, '../../admin/dist');
const chromiumPath = findChromium();
const required = process.env.E2E_REQUIRED === '1';
const skipReason = !chromiumPath
  ? 'no Chromium found (install the `chromium` package or set CHROMIUM_PATH)'
  : !existsSync(path.join(adminDist, 'index.html'))
    ? 'the console is not built (npx -y pnpm@10 --filter @customer360/admin build)'
    : null;

interface StoredSession {
  token: string;
  expiresAt: string;
  refreshToken?: string;
  refreshTokenExpiresAt?: string;
}

if (skipReason && required) {
  it('console session in Chromium', () => {
    throw new Error(`E2E_REQUIRED=1 but ${skipReason}`);
  });
} else if (skipReason) {
  it.skip(`console session in Chromium — skipped: ${skipReason}`, () => {});
} else {
  describe('console session in Chromium', () => {
    let app: TestApp;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let profileDir: string;
    let adminId: string;
    const pageErrors: string[] = [];

    // Expressions as text: the test's TypeScript has no DOM types, the page has localStorage.
    const stored = async () => JSON.parse((await page.evaluate(`localStorage.getItem('customer360.session')`)) ?? 'null') as StoredSession | null;
    const store = (session: StoredSession) => page.evaluate(`localStorage.setItem('customer360.session', ${JSON.stringify(JSON.stringify(session))})`);
    const sessionIdOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sid;
    const customerList = async () => {
      await page.goto(`${app.url}/customers`);
      await page.getByText('Ada Lovelace').first().waitFor({ timeout: 15_000 });
      expect(new URL(page.url()).pathname).toBe('/customers');
    };

    beforeAll(async () => {
      app = await createTestApp({ adminDistDir: adminDist });
      await insertCustomer(app, { name: 'Ada Lovelace', company: 'Analytical Engines' });
      adminId = (await app.sql<{ id: string }>('select id from staff_user where email = ?', [ADMIN_EMAIL]))[0]!.id;
      profileDir = await mkdtemp(path.join(os.tmpdir(), 'customer360-chromium-'));
      context = await chromium.launchPersistentContext(profileDir, {
        executablePath: chromiumPath!,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      browser = context.browser()!;
      page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (error) => pageErrors.push(error.message));
    });

    afterAll(async () => {
      expect(pageErrors, 'uncaught errors in the page').toEqual([]);
      await context?.close();
      await browser?.close().catch(() => {});
      if (profileDir) await rm(profileDir, { recursive: true, force: true });
      await app?.close();
    });

    it('keeps the refresh token after signing in', async () => {
      await page.goto(`${app.url}/login`);
      await page.getByLabel('Email').fill(ADMIN_EMAIL);
      await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: /sign in/i }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
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
      const [session] = await app.sql<{ revoked_at: string | null }>('select revoked_at from staff_session where id = ?', [sessionIdOf(after.token)]);
      expect(session!.revoked_at).toBeNull();
    });

    it('signs out on the server too: the session ends with the logout', async () => {
      const { token } = (await stored())!;
      await page.getByRole('button', { name: /profile/i }).click();
      await page.getByRole('menuitem', { name: /logout/i }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/login'), { timeout: 15_000 });
      expect(await stored()).toBeNull();
      await expect.poll(async () => (await app.sql<{ reason: string | null }>('select revoked_reason as reason from staff_session where id = ?', [sessionIdOf(token)]))[0]!.reason).toBe('LOGOUT');
      expect((await app.graphql('{ me { email } }', {}, token)).status).toBe(401);
    });
  });
}
