import { expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/app.js';
import { describeInChromium, useConsoleBrowser } from '../support/console-browser.js';
import { insertCustomer, insertRelatedRows, insertStaff } from '../support/fixtures.js';

describeInChromium('console in Chromium', () => {
  const ui = useConsoleBrowser({
    setup: async (app) => {
      const owner = await insertStaff(app, 'Sam Sales', 'SALES', 'SALES');
      const ada = await insertCustomer(app, { name: 'Ada Lovelace', company: 'Analytical Engines', ownerId: owner });
      await insertCustomer(app, { name: 'Chen Wei', company: 'Panda Foods', segment: 'ENTERPRISE' });
      await insertCustomer(app, { name: 'Grace Hopper', company: 'Navy', lifecycleStage: 'PROSPECT' });
      await insertRelatedRows(app, [ada], 3, owner);
    },
  });

  it('refuses a wrong password with a readable message', async () => {
    await ui.page.goto(ui.app.url);
    await ui.page.getByLabel('Email').fill(ADMIN_EMAIL);
    await ui.page.locator('input[name="password"]').fill('not the password');
    await ui.page.getByRole('button', { name: /sign in/i }).click();
    await expect.poll(() => ui.page.getByText(/email or password/i).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('signs in and lists the customers from the API', async () => {
    await ui.page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await ui.page.getByRole('button', { name: /sign in/i }).click();
    // An ADMIN starts on the dashboard (auth/permissions.ts homePath); the customers are one click away.
    await ui.page.waitForURL(/\/dashboard$/, { timeout: 15_000 });
    await ui.page.goto(`${ui.app.url}/customers`);
    const rows = ui.page.locator('tbody tr');
    await rows.first().waitFor({ timeout: 15_000 });
    await expect.poll(() => rows.allInnerTexts()).toEqual([
      expect.stringContaining('Ada Lovelace'),
      expect.stringContaining('Chen Wei'),
      expect.stringContaining('Grace Hopper'),
    ]);
    expect(await rows.first().innerText()).toContain('Sam Sales');
  });

  it('searches the list through the API', async () => {
    await ui.page.getByPlaceholder(/search/i).fill('panda');
    await expect.poll(() => ui.page.locator('tbody tr').allInnerTexts(), { timeout: 10_000 }).toEqual([expect.stringContaining('Chen Wei')]);
    await ui.page.getByPlaceholder(/search/i).fill('');
    await expect.poll(() => ui.page.locator('tbody tr').count(), { timeout: 10_000 }).toBe(3);
  });

  it('opens a customer with its profile and related lists', async () => {
    await ui.page.locator('tbody tr', { hasText: 'Ada Lovelace' }).click();
    await ui.page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor({ timeout: 10_000 });
    expect(await ui.page.getByText('Analytical Engines').count()).toBeGreaterThan(0);
    await expect.poll(() => ui.page.getByText('Question 3').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await ui.page.getByRole('tab', { name: 'Purchases' }).click();
    await expect.poll(() => ui.page.getByText('USD 300.30').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await ui.page.getByRole('tab', { name: 'Survey responses' }).click();
    await expect.poll(() => ui.page.locator('tbody tr').count(), { timeout: 10_000 }).toBe(3);

    await ui.page.getByRole('tab', { name: 'Handoffs' }).click();
    await expect.poll(() => ui.page.getByText('Summary 3').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });
});
