import { expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../support/app.js';
import { describeInChromium, useConsoleBrowser } from '../support/console-browser.js';
import { insertCustomer, insertStaff } from '../support/fixtures.js';

const ANALYST_EMAIL = 'ana.analyst@example.test';
const SERVICE_EMAIL = 'sid.service@example.test';
const NEW_STAFF_EMAIL = 'maya.marketing@example.test';

describeInChromium('the console by role in Chromium', () => {
  let adaId: string;

  const ui = useConsoleBrowser({
    screenshotPrefix: 'roles',
    context: { viewport: { width: 1400, height: 900 } },
    setup: async (app) => {
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
    },
  });

  const menuEntries = async () => (await ui.page.locator('.RaMenu-open a, .RaMenu-closed a').allInnerTexts()).map((text) => text.trim());

  it('an ANALYST lands on the dashboard, sees names masked and no way to change anything', async () => {
    expect(await ui.signIn(ANALYST_EMAIL)).toBe('/dashboard');
    await ui.page.getByTestId('cohort-heat-map').or(ui.page.getByText('No cohorts', { exact: false })).first().waitFor({ timeout: 20_000 });
    await expect.poll(menuEntries, { timeout: 10_000 }).toContain('Customers');
    const menu = await menuEntries();
    expect(menu).toContain('Dashboard');
    expect(menu).not.toContain('Audit log');
    expect(menu).not.toContain('Staff');
    expect(menu).not.toContain('API keys');
    await ui.shoot('analyst-dashboard');

    await ui.page.goto(`${ui.app.url}/customers`);
    await ui.page.locator('tbody tr').first().waitFor({ timeout: 15_000 });
    await expect.poll(() => ui.page.locator('tbody tr').count()).toBe(2);
    // Every name, company and email is masked, and says so (not an empty cell).
    expect(await ui.page.locator('tbody [data-testid="masked"]').count()).toBe(6);
    expect(await ui.page.locator('tbody').innerText()).not.toContain('Ada Lovelace');
    expect(await ui.page.getByRole('link', { name: 'Create' }).count()).toBe(0);
    expect(await ui.page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await ui.page.locator('thead input[type="checkbox"]').count()).toBe(0);
    await ui.shoot('analyst-customers');

    await ui.page.goto(`${ui.app.url}/customers/${adaId}/show`);
    await ui.page.getByRole('heading', { level: 1 }).getByTestId('masked').waitFor({ timeout: 15_000 });
    expect(await ui.page.getByTestId('customer-actions').count()).toBe(0);
    expect(await ui.page.getByRole('button', { name: /log interaction|record purchase|archive/i }).count()).toBe(0);

    // The audit log and the admin pages are not reachable by URL either.
    await ui.page.goto(`${ui.app.url}/staff`);
    await ui.page.getByText(/not authorized|access denied|don't have access/i).first().waitFor({ timeout: 10_000 });
  });

  it('SERVICE lands on the handoff inbox, without the dashboard or the admin pages', async () => {
    expect(await ui.signIn(SERVICE_EMAIL)).toBe('/handoffs');
    await expect.poll(menuEntries, { timeout: 10_000 }).toContain('Handoffs');
    const menu = await menuEntries();
    expect(menu).not.toContain('Dashboard');
    expect(menu).not.toContain('Staff');
    expect(menu).not.toContain('Audit log');
    // Personal data is theirs to read: names are shown as they are.
    await ui.page.goto(`${ui.app.url}/customers`);
    await expect.poll(() => ui.page.locator('tbody').innerText(), { timeout: 15_000 }).toContain('Ada Lovelace');
    expect(await ui.page.locator('tbody [data-testid="masked"]').count()).toBe(0);
    await ui.page.goto(`${ui.app.url}/handoffs`);
    await ui.page.waitForURL(/\/handoffs/);
    await ui.shoot('service-inbox');
  });

  it('an ADMIN creates a staff member and an API key, and sees its secret once', async () => {
    expect(await ui.signIn(ADMIN_EMAIL)).toBe('/dashboard');
    await expect.poll(menuEntries, { timeout: 10_000 }).toContain('API keys');
    expect(await menuEntries()).toEqual(expect.arrayContaining(['Dashboard', 'Staff', 'Audit log']));

    await ui.page.goto(`${ui.app.url}/staff`);
    await ui.page.locator('tbody tr').first().waitFor({ timeout: 15_000 });
    await ui.page.getByRole('link', { name: 'Create' }).click();
    await ui.page.waitForURL(/\/staff\/create$/);
    await ui.page.getByRole('textbox', { name: 'Email' }).fill(NEW_STAFF_EMAIL);
    await ui.page.locator('input[name="password"]').fill('short');
    await ui.page.getByRole('textbox', { name: 'Name' }).fill('Maya Marketing');
    await ui.page.getByRole('combobox', { name: /^Role/ }).click();
    await ui.page.getByRole('option', { name: 'Marketing', exact: true }).click();
    await ui.page.getByRole('combobox', { name: /^Team/ }).click();
    await ui.page.getByRole('option', { name: 'Marketing', exact: true }).click();
    await ui.page.getByRole('button', { name: 'Save' }).click();
    // The API's rule on the password field, the input kept, nothing stored.
    await expect
      .poll(() => ui.page.locator('.MuiFormControl-root').filter({ has: ui.page.locator('input[name="password"]') }).last().locator('.MuiFormHelperText-root').innerText(), { timeout: 10_000 })
      .toMatch(/12/);
    expect(await ui.app.sql('select id from staff_user where email = ?', [NEW_STAFF_EMAIL])).toEqual([]);

    await ui.page.locator('input[name="password"]').fill('a-long-enough-password');
    await ui.page.getByRole('button', { name: 'Save' }).click();
    await ui.page.waitForURL(/\/staff$/, { timeout: 15_000 });
    await expect.poll(() => ui.page.locator('tbody').innerText(), { timeout: 10_000 }).toContain('Maya Marketing');
    expect(await ui.app.sql('select name, role, team, active from staff_user where email = ?', [NEW_STAFF_EMAIL])).toEqual([
      { name: 'Maya Marketing', role: 'MARKETING', team: 'MARKETING', active: true },
    ]);

    await ui.page.goto(`${ui.app.url}/apiKeys`);
    await ui.page.getByRole('button', { name: 'New API key' }).click();
    const dialog = ui.page.getByTestId('api-key-create-dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Shop import');
    await dialog.getByRole('button', { name: 'New API key' }).click();
    const secretDialog = ui.page.getByTestId('api-key-secret-dialog');
    await secretDialog.waitFor({ timeout: 15_000 });
    expect(await secretDialog.innerText()).toContain('you will not see it again');
    const secret = await secretDialog.locator('input').inputValue();
    expect(secret).toMatch(/^c360_\w+_\S+$/);
    const [stored] = await ui.app.sql<{ prefix: string; scopes: string[] }>('select prefix, scopes from api_key where name = ?', ['Shop import']);
    expect(secret.startsWith(`c360_${stored!.prefix}_`)).toBe(true);
    expect(stored!.scopes).toEqual(['READ']);
    await ui.shoot('admin-api-key-secret');

    // Once: after closing, the list shows the key's public prefix, never the secret.
    await secretDialog.getByRole('button', { name: 'I have stored it' }).click();
    await expect.poll(() => ui.page.locator('tbody').innerText(), { timeout: 10_000 }).toContain('Shop import');
    expect(await ui.page.content()).not.toContain(secret);
    await ui.shoot('admin-api-keys');
  });

  it('opens the customers behind a cohort from the dashboard', async () => {
    // Two customers acquired in an earlier month than the rest form their own cohort.
    await ui.app.sql(`update customer set acquired_at = date_trunc('month', now()) - interval '2 months' + interval '3 days'`);
    await ui.page.goto(`${ui.app.url}/dashboard`);
    const size = ui.page.getByTestId('cohort-size').first();
    await size.waitFor({ timeout: 20_000 });
    expect(await size.innerText()).toBe('2');
    await size.click();
    await ui.page.waitForURL(/\/customers\?/, { timeout: 10_000 });
    const filter = JSON.parse(new URL(ui.page.url()).searchParams.get('filter')!) as Record<string, string>;
    expect(Object.keys(filter).sort()).toEqual(['acquiredAfter', 'acquiredBefore']);
    await expect.poll(() => ui.page.locator('tbody tr').count(), { timeout: 15_000 }).toBe(2);

    // A cell: the cohort's customers still not churned a month on (one of them churned since).
    await ui.app.sql(`update customer set churned_at = date_trunc('month', now()) - interval '2 months' + interval '10 days', lifecycle_stage = 'CHURNED' where name = 'Grace Hopper'`);
    await ui.page.goto(`${ui.app.url}/dashboard`);
    const firstMonth = ui.page.getByTestId('cohort-row').first().getByTestId('cohort-cell').first();
    await expect.poll(() => firstMonth.innerText(), { timeout: 20_000 }).toMatch(/^50(\.00)?%$/);
    await firstMonth.click();
    await ui.page.waitForURL(/\/customers\?/, { timeout: 10_000 });
    const cellFilter = JSON.parse(new URL(ui.page.url()).searchParams.get('filter')!) as Record<string, string>;
    expect(Object.keys(cellFilter).sort()).toEqual(['acquiredAfter', 'acquiredBefore', 'notChurnedBefore']);
    await expect.poll(() => ui.page.locator('tbody').innerText(), { timeout: 15_000 }).toContain('Ada Lovelace');
    expect(await ui.page.locator('tbody tr').count()).toBe(1);
  });
});
