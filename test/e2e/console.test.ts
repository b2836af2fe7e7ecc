import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/app.js';
import { findChromium } from '../support/chromium.js';
import { insertCustomer, insertRelatedRows, insertStaff } from '../support/fixtures.js';

const adminDist = path.resolve(import.meta.dirname, '../../admin/dist');
const chromiumPath = findChromium();
const required = process.env.E2E_REQUIRED === '1';
const skipReason = !chromiumPath
  ? 'no Chromium found (install the `chromium` package or set CHROMIUM_PATH)'
  : !existsSync(path.join(adminDist, 'index.html'))
    ? 'the console is not built (npx -y pnpm@10 --filter @customer360/admin build)'
    : null;

if (skipReason && required) {
  it('console in Chromium', () => {
    throw new Error(`E2E_REQUIRED=1 but ${skipReason}`);
  });
} else if (skipReason) {
  it.skip(`console in Chromium — skipped: ${skipReason}`, () => {});
} else {
  describe('console in Chromium', () => {
    let app: TestApp;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let profileDir: string;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      app = await createTestApp({ adminDistDir: adminDist });
      const owner = await insertStaff(app, 'Sam Sales', 'SALES', 'SALES');
      const ada = await insertCustomer(app, { name: 'Ada Lovelace', company: 'Analytical Engines', ownerId: owner });
      await insertCustomer(app, { name: 'Chen Wei', company: 'Panda Foods', segment: 'ENTERPRISE' });
      await insertCustomer(app, { name: 'Grace Hopper', company: 'Navy', lifecycleStage: 'PROSPECT' });
      await insertRelatedRows(app, [ada], 3, owner);
      profileDir = await mkdtemp(path.join(os.tmpdir(), 'customer360-chromium-'));
      context = await chromium.launchPersistentContext(profileDir, {
        executablePath: chromiumPath!,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      browser = context.browser()!;
      page = context.pages()[0] ?? (await context.newPage());
      // Fail an action with the locator's own message well before the test's timeout.
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

    it('refuses a wrong password with a readable message', async () => {
      await page.goto(app.url);
      await page.getByLabel('Email').fill(ADMIN_EMAIL);
      await page.locator('input[name="password"]').fill('not the password');
      await page.getByRole('button', { name: /sign in/i }).click();
      await expect.poll(() => page.getByText(/email or password/i).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    });

    it('signs in and lists the customers from the API', async () => {
      await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: /sign in/i }).click();
      // An ADMIN starts on the dashboard (auth/permissions.ts homePath); the customers are one click away.
      await page.waitForURL(/\/dashboard$/, { timeout: 15_000 });
      await page.goto(`${app.url}/customers`);
      const rows = page.locator('tbody tr');
      await rows.first().waitFor({ timeout: 15_000 });
      await expect.poll(() => rows.allInnerTexts()).toEqual([
        expect.stringContaining('Ada Lovelace'),
        expect.stringContaining('Chen Wei'),
        expect.stringContaining('Grace Hopper'),
      ]);
      expect(await rows.first().innerText()).toContain('Sam Sales');
    });

    it('searches the list through the API', async () => {
      await page.getByPlaceholder(/search/i).fill('panda');
      await expect.poll(() => page.locator('tbody tr').allInnerTexts(), { timeout: 10_000 }).toEqual([expect.stringContaining('Chen Wei')]);
      await page.getByPlaceholder(/search/i).fill('');
      await expect.poll(() => page.locator('tbody tr').count(), { timeout: 10_000 }).toBe(3);
    });

    it('opens a customer with its profile and related lists', async () => {
      await page.locator('tbody tr', { hasText: 'Ada Lovelace' }).click();
      await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor({ timeout: 10_000 });
      expect(await page.getByText('Analytical Engines').count()).toBeGreaterThan(0);
      await expect.poll(() => page.getByText('Question 3').count(), { timeout: 10_000 }).toBeGreaterThan(0);

      await page.getByRole('tab', { name: 'Purchases' }).click();
      await expect.poll(() => page.getByText('USD 300.30').count(), { timeout: 10_000 }).toBeGreaterThan(0);

      await page.getByRole('tab', { name: 'Survey responses' }).click();
      await expect.poll(() => page.locator('tbody tr').count(), { timeout: 10_000 }).toBe(3);

      await page.getByRole('tab', { name: 'Handoffs' }).click();
      await expect.poll(() => page.getByText('Summary 3').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    });
  });
}
