import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/app.js';
import { findChromium } from '../support/chromium.js';
import { insertCustomer, insertStaff } from '../support/fixtures.js';

const adminDist = path.resolve(import.meta.dirname, '../../admin/dist');
/** Screenshots kept after the run (test-results/ is not committed). */
const artifactsDir = path.resolve(import.meta.dirname, '../../test-results/e2e');
const chromiumPath = findChromium();
const required = process.env.E2E_REQUIRED === '1';
const skipReason = !chromiumPath
  ? 'no Chromium found (install the `chromium` package or set CHROMIUM_PATH)'
  : !existsSync(path.join(adminDist, 'index.html'))
    ? 'the console is not built (npx -y pnpm@10 --filter @customer360/admin build)'
    : null;

const ANALYST_EMAIL = 'ana.analyst@example.test';
const SERVICE_EMAIL = 'sid.service@example.test';
const NEW_STAFF_EMAIL = 'maya.marketing@example.test';

if (skipReason && required) {
  it('the console by role in Chromium', () => {
    throw new Error(`E2E_REQUIRED=1 but ${skipReason}`);
  });
} else if (skipReason) {
  it.skip(`the console by role in Chromium — skipped: ${skipReason}`, () => {});
} else {
  describe('the console by role in Chromium', () => {
    let app: TestApp;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let profileDir: string;
    let adaId: string;
    const pageErrors: string[] = [];

    /** Signs out (the stored session dropped) and in again as someone else; answers where signing in landed. */
    async function signIn(email: string): Promise<string> {
      await page.goto(`${app.url}/login`);
      await page.evaluate(`localStorage.removeItem('customer360.session')`);
      await page.goto(`${app.url}/login`);
      await page.getByLabel('Email').fill(email);
      await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: /sign in/i }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login') && url.pathname !== '/', { timeout: 15_000 });
      return new URL(page.url()).pathname;
    }
    const menuEntries = async () => (await page.locator('.RaMenu-open a, .RaMenu-closed a').allInnerTexts()).map((text) => text.trim());
    const shoot = async (name: string) => {
      const file = path.join(artifactsDir, `roles-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect((await stat(file)).size).toBeGreaterThan(10_000);
    };

    beforeAll(async () => {
      await mkdir(artifactsDir, { recursive: true });
      app = await createTestApp({ adminDistDir: adminDist });
      const owner = await insertStaff(app, 'Sam Sales', 'SALES', 'SALES');
      adaId = await insertCustomer(app, { name: 'Ada Lovelace', company: 'Analytical Engines', ownerId: owner });
      await insertCustomer(app, { name: 'Grace Hopper', company: 'Navy', lifecycleStage: 'PROSPECT' });
      // An ANALYST and a SERVICE member who sign in with the administrator's password (as test/api/auth.test.ts does).
      await app.sql(
        `insert into staff_user (email, name, role, team, password_hash)
         select ?, 'Ana Analyst', 'ANALYST', null, password_hash from staff_user where email = ?`,
        [ANALYST_EMAIL, ADMIN_EMAIL],
      );
      await app.sql(
        `insert into staff_user (email, name, role, team, password_hash)
         select ?, 'Sid Service', 'SERVICE', 'SERVICE', password_hash from staff_user where email = ?`,
        [SERVICE_EMAIL, ADMIN_EMAIL],
      );
      profileDir = await mkdtemp(path.join(os.tmpdir(), 'customer360-chromium-'));
      context = await chromium.launchPersistentContext(profileDir, {
        executablePath: chromiumPath!,
        headless: true,
        viewport: { width: 1400, height: 900 },
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      browser = context.browser()!;
      page = context.pages()[0] ?? (await context.newPage());
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      if (process.env.E2E_SHOTS) page.on('console', (message) => message.type() === 'error' && console.error('[browser]', message.text().slice(0, 2000)));
    });

    afterEach(async (ctx) => {
      if (process.env.E2E_SHOTS && ctx.task.result?.state === 'fail') {
        await page.screenshot({ path: `${process.env.E2E_SHOTS}/${ctx.task.name.replace(/\W+/g, '_')}.png`, fullPage: true }).catch(() => {});
      }
    });

    afterAll(async () => {
      expect(pageErrors, 'uncaught errors in the page').toEqual([]);
      await context?.close();
      await browser?.close().catch(() => {});
      if (profileDir) await rm(profileDir, { recursive: true, force: true });
      await app?.close();
    });

    it('an ANALYST lands on the dashboard, sees names masked and no way to change anything', async () => {
      expect(await signIn(ANALYST_EMAIL)).toBe('/dashboard');
      await page.getByTestId('cohort-heat-map').or(page.getByText('No cohorts', { exact: false })).first().waitFor({ timeout: 20_000 });
      await expect.poll(menuEntries, { timeout: 10_000 }).toContain('Customers');
      const menu = await menuEntries();
      expect(menu).toContain('Dashboard');
      expect(menu).not.toContain('Audit log');
      expect(menu).not.toContain('Staff');
      expect(menu).not.toContain('API keys');
      await shoot('analyst-dashboard');

      await page.goto(`${app.url}/customers`);
      await page.locator('tbody tr').first().waitFor({ timeout: 15_000 });
      await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
      // Every name, company and email is masked, and says so (not an empty cell).
      expect(await page.locator('tbody [data-testid="masked"]').count()).toBe(6);
      expect(await page.locator('tbody').innerText()).not.toContain('Ada Lovelace');
      expect(await page.getByRole('link', { name: 'Create' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
      expect(await page.locator('thead input[type="checkbox"]').count()).toBe(0);
      await shoot('analyst-customers');

      await page.goto(`${app.url}/customers/${adaId}/show`);
      await page.getByRole('heading', { level: 1 }).getByTestId('masked').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('customer-actions').count()).toBe(0);
      expect(await page.getByRole('button', { name: /log interaction|record purchase|archive/i }).count()).toBe(0);

      // The audit log and the admin pages are not reachable by URL either.
      await page.goto(`${app.url}/staff`);
      await page.getByText(/not authorized|access denied|don't have access/i).first().waitFor({ timeout: 10_000 });
    });

    it('SERVICE lands on the handoff inbox, without the dashboard or the admin pages', async () => {
      expect(await signIn(SERVICE_EMAIL)).toBe('/handoffs');
      await expect.poll(menuEntries, { timeout: 10_000 }).toContain('Handoffs');
      const menu = await menuEntries();
      expect(menu).not.toContain('Dashboard');
      expect(menu).not.toContain('Staff');
      expect(menu).not.toContain('Audit log');
      // Personal data is theirs to read: names are shown as they are.
      await page.goto(`${app.url}/customers`);
      await expect.poll(() => page.locator('tbody').innerText(), { timeout: 15_000 }).toContain('Ada Lovelace');
      expect(await page.locator('tbody [data-testid="masked"]').count()).toBe(0);
      await page.goto(`${app.url}/handoffs`);
      await page.waitForURL(/\/handoffs/);
      await shoot('service-inbox');
    });

    it('an ADMIN creates a staff member and an API key, and sees its secret once', async () => {
      expect(await signIn(ADMIN_EMAIL)).toBe('/dashboard');
      await expect.poll(menuEntries, { timeout: 10_000 }).toContain('API keys');
      expect(await menuEntries()).toEqual(expect.arrayContaining(['Dashboard', 'Staff', 'Audit log']));

      await page.goto(`${app.url}/staff`);
      await page.locator('tbody tr').first().waitFor({ timeout: 15_000 });
      await page.getByRole('link', { name: 'Create' }).click();
      await page.waitForURL(/\/staff\/create$/);
      await page.getByRole('textbox', { name: 'Email' }).fill(NEW_STAFF_EMAIL);
      await page.locator('input[name="password"]').fill('short');
      await page.getByRole('textbox', { name: 'Name' }).fill('Maya Marketing');
      await page.getByRole('combobox', { name: /^Role/ }).click();
      await page.getByRole('option', { name: 'Marketing', exact: true }).click();
      await page.getByRole('combobox', { name: /^Team/ }).click();
      await page.getByRole('option', { name: 'Marketing', exact: true }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      // The API's rule on the password field, the input kept, nothing stored.
      await expect
        .poll(() => page.locator('.MuiFormControl-root').filter({ has: page.locator('input[name="password"]') }).last().locator('.MuiFormHelperText-root').innerText(), { timeout: 10_000 })
        .toMatch(/12/);
      expect(await app.sql('select id from staff_user where email = ?', [NEW_STAFF_EMAIL])).toEqual([]);

      await page.locator('input[name="password"]').fill('a-long-enough-password');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/staff$/, { timeout: 15_000 });
      await expect.poll(() => page.locator('tbody').innerText(), { timeout: 10_000 }).toContain('Maya Marketing');
      expect(await app.sql('select name, role, team, active from staff_user where email = ?', [NEW_STAFF_EMAIL])).toEqual([
        { name: 'Maya Marketing', role: 'MARKETING', team: 'MARKETING', active: true },
      ]);

      await page.goto(`${app.url}/apiKeys`);
      await page.getByRole('button', { name: 'New API key' }).click();
      const dialog = page.getByTestId('api-key-create-dialog');
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Shop import');
      await dialog.getByRole('button', { name: 'New API key' }).click();
      const secretDialog = page.getByTestId('api-key-secret-dialog');
      await secretDialog.waitFor({ timeout: 15_000 });
      expect(await secretDialog.innerText()).toContain('you will not see it again');
      const secret = await secretDialog.locator('input').inputValue();
      expect(secret).toMatch(/^c360_\w+_\S+$/);
      const [stored] = await app.sql<{ prefix: string; scopes: string[] }>('select prefix, scopes from api_key where name = ?', ['Shop import']);
      expect(secret.startsWith(`c360_${stored!.prefix}_`)).toBe(true);
      expect(stored!.scopes).toEqual(['READ']);
      await shoot('admin-api-key-secret');

      // Once: after closing, the list shows the key's public prefix, never the secret.
      await secretDialog.getByRole('button', { name: 'I have stored it' }).click();
      await expect.poll(() => page.locator('tbody').innerText(), { timeout: 10_000 }).toContain('Shop import');
      expect(await page.content()).not.toContain(secret);
      await shoot('admin-api-keys');
    });

    it('opens the customers behind a cohort from the dashboard', async () => {
      // Two customers acquired in an earlier month than the rest form their own cohort.
      await app.sql(`update customer set acquired_at = date_trunc('month', now()) - interval '2 months' + interval '3 days'`);
      await page.goto(`${app.url}/dashboard`);
      const size = page.getByTestId('cohort-size').first();
      await size.waitFor({ timeout: 20_000 });
      expect(await size.innerText()).toBe('2');
      await size.click();
      await page.waitForURL(/\/customers\?/, { timeout: 10_000 });
      const filter = JSON.parse(new URL(page.url()).searchParams.get('filter')!) as Record<string, string>;
      expect(Object.keys(filter).sort()).toEqual(['acquiredAfter', 'acquiredBefore']);
      await expect.poll(() => page.locator('tbody tr').count(), { timeout: 15_000 }).toBe(2);

      // A cell: the cohort's customers still not churned a month on (one of them churned since).
      await app.sql(`update customer set churned_at = date_trunc('month', now()) - interval '2 months' + interval '10 days', lifecycle_stage = 'CHURNED' where name = 'Grace Hopper'`);
      await page.goto(`${app.url}/dashboard`);
      const firstMonth = page.getByTestId('cohort-row').first().getByTestId('cohort-cell').first();
      await expect.poll(() => firstMonth.innerText(), { timeout: 20_000 }).toMatch(/^50(\.00)?%$/);
      await firstMonth.click();
      await page.waitForURL(/\/customers\?/, { timeout: 10_000 });
      const cellFilter = JSON.parse(new URL(page.url()).searchParams.get('filter')!) as Record<string, string>;
      expect(Object.keys(cellFilter).sort()).toEqual(['acquiredAfter', 'acquiredBefore', 'notChurnedBefore']);
      await expect.poll(() => page.locator('tbody').innerText(), { timeout: 15_000 }).toContain('Ada Lovelace');
      expect(await page.locator('tbody tr').count()).toBe(1);
    });
  });
}
