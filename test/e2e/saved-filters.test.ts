import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/app.js';
import { findChromium } from '../support/chromium.js';
import { insertCustomer } from '../support/fixtures.js';

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

const SERVICE_EMAIL = 'sid.service@example.test';
const SAVED_NAME = 'My HIGH-risk customers';
const HANDOFF_FILTER_NAME = 'Breached handoffs of my team';

if (skipReason && required) {
  it('saved filters in Chromium', () => {
    throw new Error(`E2E_REQUIRED=1 but ${skipReason}`);
  });
} else if (skipReason) {
  it.skip(`saved filters in Chromium — skipped: ${skipReason}`, () => {});
} else {
  describe('saved filters in Chromium', () => {
    let app: TestApp;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const pageErrors: string[] = [];

    /** A browser context of its own: its localStorage (session, react-admin's stored list state) starts empty. */
    async function freshBrowser(): Promise<void> {
      await context?.close();
      context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      if (process.env.E2E_SHOTS) page.on('console', (message) => message.type() === 'error' && console.error('[browser]', message.text().slice(0, 2000)));
    }

    async function signIn(email: string) {
      await page.goto(`${app.url}/login`);
      await page.getByLabel('Email').fill(email);
      await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: /sign in/i }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
    }

    const choose = async (label: string | RegExp, option: string) => {
      await page.getByRole('combobox', { name: label }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    const shoot = async (name: string) => {
      const file = path.join(artifactsDir, `saved-filters-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect((await stat(file)).size).toBeGreaterThan(10_000);
    };
    /** The first cell's text of every row shown: customer names on the customer list. */
    const customerNames = () => page.locator('tbody tr td.column-name').allInnerTexts();
    const inboxCustomers = () => page.getByTestId('handoff-customer').allInnerTexts();
    /** The list's filter as the URL holds it. */
    const urlFilter = () => JSON.parse(new URL(page.url()).searchParams.get('filter') ?? '{}') as Record<string, unknown>;
    const openMenu = async () => {
      await page.getByTestId('saved-filters-button').click();
      await page.getByTestId('saved-filters-menu').getByRole('menu').waitFor();
    };
    const savedRows = (name: string) => app.sql<{ name: string; resource: string; filter: unknown; sort_field: string | null }>(
      `select f.name, f.resource, f.filter, f.sort_field from saved_filter f join staff_user s on s.id = f.staff_user_id where s.email = ? order by f.name`,
      [name],
    );

    beforeAll(async () => {
      await mkdir(artifactsDir, { recursive: true });
      app = await createTestApp({ adminDistDir: adminDist });
      // Health without any history: 50 − 20 (never contacted) = 30, HIGH risk.
      const hana = await insertCustomer(app, { name: 'Hana Highrisk' });
      await insertCustomer(app, { name: 'Hugo Highrisk' });
      // An outbound touch yesterday: 50 + 15 = 65, MEDIUM; with a promoter's NPS on top: 85, LOW.
      const mira = await insertCustomer(app, { name: 'Mira Medium' });
      const lena = await insertCustomer(app, { name: 'Lena Lowrisk' });
      for (const id of [mira, lena]) {
        await app.sql(`insert into interaction (customer_id, channel, direction, team, occurred_at) values (?, 'EMAIL', 'OUTBOUND', 'SALES', now() - interval '1 day')`, [id]);
      }
      await app.sql(`insert into survey_response (customer_id, kind, score, responded_at) values (?, 'NPS', 10, now() - interval '1 day')`, [lena]);
      await app.sql(
        `insert into staff_user (email, name, role, team, password_hash)
         select ?, 'Sid Service', 'SERVICE', 'SERVICE', password_hash from staff_user where email = ?`,
        [SERVICE_EMAIL, ADMIN_EMAIL],
      );
      // Two handoffs to SERVICE: one past due and still waiting (breached), one due tomorrow.
      const handoff = `insert into handoff (customer_id, from_team, to_team, summary, customer_goals, commitments, requested_at, due_at)
                       values (?, 'SALES', 'SERVICE', ?, 'Goals', 'Commitments', now() - interval '2 days', now() + ?::interval)`;
      await app.sql(handoff, [hana, 'Overdue onboarding', '-1 day']);
      await app.sql(handoff, [mira, 'Fresh renewal', '1 day']);

      browser = await chromium.launch({
        executablePath: chromiumPath!,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      await freshBrowser();
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
      await app?.close();
    });

    it('saves the customer list filter under a name, and applies it again from the menu', async () => {
      await signIn(ADMIN_EMAIL);
      await page.goto(`${app.url}/customers?filter=%7B%7D&page=1&perPage=25&sort=name&order=ASC`);
      await expect.poll(customerNames, { timeout: 15_000 }).toEqual(['Hana Highrisk', 'Hugo Highrisk', 'Lena Lowrisk', 'Mira Medium']);
      await openMenu();
      await page.getByText('No saved filters yet').waitFor();
      await page.keyboard.press('Escape');

      // Churn risk: high.
      await page.getByRole('button', { name: 'Add filter' }).click();
      await page.getByRole('menu').getByText('Churn risk', { exact: true }).click();
      await choose('Churn risk', 'High risk');
      await page.keyboard.press('Escape');
      await expect.poll(customerNames, { timeout: 10_000 }).toEqual(['Hana Highrisk', 'Hugo Highrisk']);

      await openMenu();
      await page.getByRole('menuitem', { name: 'Save current filter…' }).click();
      const dialog = page.getByTestId('saved-filter-dialog');
      await dialog.getByRole('textbox', { name: 'Name' }).fill(SAVED_NAME);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Filter saved').waitFor();
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await savedRows(ADMIN_EMAIL)).toEqual([{ name: SAVED_NAME, resource: 'CUSTOMERS', filter: { churnRisk: ['HIGH'] }, sort_field: 'name' }]);
      // The button names the saved filter the list shows.
      await expect.poll(() => page.getByTestId('saved-filters-button').textContent()).toBe(SAVED_NAME);

      // The same name in other letters: the API's refusal on the name field, nothing saved.
      await openMenu();
      await page.getByRole('menuitem', { name: 'Save current filter…' }).click();
      await dialog.getByRole('textbox', { name: 'Name' }).fill('my high-risk CUSTOMERS');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText('you already have a saved filter with this name for this list (names ignore case)').waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(await savedRows(ADMIN_EMAIL)).toHaveLength(1);

      // Cleared filters show everyone; the saved filter brings the HIGH-risk customers back, in the URL too.
      await page.goto(`${app.url}/customers?filter=%7B%7D&page=1&perPage=25&sort=createdAt&order=DESC`);
      await expect.poll(async () => (await customerNames()).length, { timeout: 15_000 }).toBe(4);
      await openMenu();
      await page.getByRole('menuitem', { name: SAVED_NAME }).click();
      await expect.poll(customerNames, { timeout: 10_000 }).toEqual(['Hana Highrisk', 'Hugo Highrisk']);
      expect(urlFilter()).toEqual({ churnRisk: ['HIGH'] });
      expect(new URL(page.url()).searchParams.get('sort')).toBe('name');
      await page.getByRole('combobox', { name: 'Churn risk' }).waitFor();
      await shoot('customers');
    });

    it('follows the person to another browser, where they delete it', async () => {
      await freshBrowser();
      await signIn(ADMIN_EMAIL);
      await page.goto(`${app.url}/customers?filter=%7B%7D&page=1&perPage=25&sort=name&order=ASC`);
      await expect.poll(async () => (await customerNames()).length, { timeout: 15_000 }).toBe(4);
      await openMenu();
      const item = page.getByRole('menuitem', { name: SAVED_NAME });
      await item.waitFor();
      // Once the menu has faded in.
      await expect.poll(() => page.getByTestId('saved-filters-menu').locator('.MuiPaper-root').evaluate((menu) => (globalThis as unknown as { getComputedStyle(e: unknown): { opacity: string } }).getComputedStyle(menu).opacity)).toBe('1');
      await shoot('menu');
      await item.getByRole('button', { name: `Delete saved filter "${SAVED_NAME}"` }).click();
      await page.getByText(`Saved filter "${SAVED_NAME}" deleted`).waitFor();
      await page.getByText('No saved filters yet').waitFor();
      expect(await savedRows(ADMIN_EMAIL)).toEqual([]);
      // Deleting did not apply it.
      expect(urlFilter()).toEqual({});
      await page.keyboard.press('Escape');
    });

    it('saves "breached handoffs of my team" on the handoff inbox', async () => {
      await freshBrowser();
      await signIn(SERVICE_EMAIL);
      await page.goto(`${app.url}/handoffs`);
      await expect.poll(inboxCustomers, { timeout: 15_000 }).toEqual(['Hana Highrisk', 'Mira Medium']);
      await choose(/^Past due/, 'Yes');
      await expect.poll(inboxCustomers, { timeout: 10_000 }).toEqual(['Hana Highrisk']);

      await openMenu();
      await page.getByRole('menuitem', { name: 'Save current filter…' }).click();
      const dialog = page.getByTestId('saved-filter-dialog');
      await dialog.getByRole('textbox', { name: 'Name' }).fill(HANDOFF_FILTER_NAME);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Filter saved').waitFor();
      const [saved] = await savedRows(SERVICE_EMAIL);
      expect(saved).toMatchObject({ name: HANDOFF_FILTER_NAME, resource: 'HANDOFFS', filter: { box: 'incoming', team: 'SERVICE', statuses: ['REQUESTED', 'ACCEPTED'], breached: true } });
      // Another person sees none of it.
      expect(await savedRows(ADMIN_EMAIL)).toEqual([]);

      await page.goto(`${app.url}/handoffs?filter=%7B%7D&page=1&perPage=25&sort=dueAt&order=ASC`);
      await expect.poll(inboxCustomers, { timeout: 15_000 }).toEqual(['Hana Highrisk', 'Mira Medium']);
      await openMenu();
      await page.getByRole('menuitem', { name: HANDOFF_FILTER_NAME }).click();
      await expect.poll(inboxCustomers, { timeout: 10_000 }).toEqual(['Hana Highrisk']);
      expect(urlFilter()).toMatchObject({ team: 'SERVICE', breached: true });
      await shoot('handoffs');
    });
  });
}
