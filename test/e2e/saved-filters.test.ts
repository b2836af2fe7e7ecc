import { expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../support/app.js';
import { describeInChromium, useConsoleBrowser } from '../support/console-browser.js';
import { insertCustomer } from '../support/fixtures.js';

const SERVICE_EMAIL = 'sid.service@example.test';
const SAVED_NAME = 'My HIGH-risk customers';
const HANDOFF_FILTER_NAME = 'Breached handoffs of my team';

describeInChromium('saved filters in Chromium', () => {
  const ui = useConsoleBrowser({
    screenshotPrefix: 'saved-filters',
    // No profile: each context (ui.freshContext()) is another browser to the console, its localStorage (session, react-admin's stored list state) empty.
    persistentProfile: false,
    context: { viewport: { width: 1440, height: 900 } },
    setup: async (app) => {
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
    },
  });

  const choose = async (label: string | RegExp, option: string) => {
    await ui.page.getByRole('combobox', { name: label }).click();
    await ui.page.getByRole('option', { name: option, exact: true }).click();
  };
  /** The first cell's text of every row shown: customer names on the customer list. */
  const customerNames = () => ui.page.locator('tbody tr td.column-name').allInnerTexts();
  const inboxCustomers = () => ui.page.getByTestId('handoff-customer').allInnerTexts();
  /** The list's filter as the URL holds it. */
  const urlFilter = () => JSON.parse(new URL(ui.page.url()).searchParams.get('filter') ?? '{}') as Record<string, unknown>;
  const openMenu = async () => {
    await ui.page.getByTestId('saved-filters-button').click();
    await ui.page.getByTestId('saved-filters-menu').getByRole('menu').waitFor();
  };
  const savedRows = (name: string) => ui.app.sql<{ name: string; resource: string; filter: unknown; sort_field: string | null }>(
    `select f.name, f.resource, f.filter, f.sort_field from saved_filter f join staff_user s on s.id = f.staff_user_id where s.email = ? order by f.name`,
    [name],
  );

  it('saves the customer list filter under a name, and applies it again from the menu', async () => {
    await ui.signIn(ADMIN_EMAIL);
    await ui.page.goto(`${ui.app.url}/customers?filter=%7B%7D&page=1&perPage=25&sort=name&order=ASC`);
    await expect.poll(customerNames, { timeout: 15_000 }).toEqual(['Hana Highrisk', 'Hugo Highrisk', 'Lena Lowrisk', 'Mira Medium']);
    await openMenu();
    await ui.page.getByText('No saved filters yet').waitFor();
    await ui.page.keyboard.press('Escape');

    // Churn risk: high.
    await ui.page.getByRole('button', { name: 'Add filter' }).click();
    await ui.page.getByRole('menu').getByText('Churn risk', { exact: true }).click();
    await choose('Churn risk', 'High risk');
    await ui.page.keyboard.press('Escape');
    await expect.poll(customerNames, { timeout: 10_000 }).toEqual(['Hana Highrisk', 'Hugo Highrisk']);

    await openMenu();
    await ui.page.getByRole('menuitem', { name: 'Save current filter…' }).click();
    const dialog = ui.page.getByTestId('saved-filter-dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(SAVED_NAME);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await ui.page.getByText('Filter saved').waitFor();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await savedRows(ADMIN_EMAIL)).toEqual([{ name: SAVED_NAME, resource: 'CUSTOMERS', filter: { churnRisk: ['HIGH'] }, sort_field: 'name' }]);
    // The button names the saved filter the list shows.
    await expect.poll(() => ui.page.getByTestId('saved-filters-button').textContent()).toBe(SAVED_NAME);

    // The same name in other letters: the API's refusal on the name field, nothing saved.
    await openMenu();
    await ui.page.getByRole('menuitem', { name: 'Save current filter…' }).click();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('my high-risk CUSTOMERS');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('you already have a saved filter with this name for this list (names ignore case)').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await savedRows(ADMIN_EMAIL)).toHaveLength(1);

    // Cleared filters show everyone; the saved filter brings the HIGH-risk customers back, in the URL too.
    await ui.page.goto(`${ui.app.url}/customers?filter=%7B%7D&page=1&perPage=25&sort=createdAt&order=DESC`);
    await expect.poll(async () => (await customerNames()).length, { timeout: 15_000 }).toBe(4);
    await openMenu();
    await ui.page.getByRole('menuitem', { name: SAVED_NAME }).click();
    await expect.poll(customerNames, { timeout: 10_000 }).toEqual(['Hana Highrisk', 'Hugo Highrisk']);
    expect(urlFilter()).toEqual({ churnRisk: ['HIGH'] });
    expect(new URL(ui.page.url()).searchParams.get('sort')).toBe('name');
    await ui.page.getByRole('combobox', { name: 'Churn risk' }).waitFor();
    await ui.shoot('customers');
  });

  it('follows the person to another browser, where they delete it', async () => {
    await ui.freshContext();
    await ui.signIn(ADMIN_EMAIL);
    await ui.page.goto(`${ui.app.url}/customers?filter=%7B%7D&page=1&perPage=25&sort=name&order=ASC`);
    await expect.poll(async () => (await customerNames()).length, { timeout: 15_000 }).toBe(4);
    await openMenu();
    const item = ui.page.getByRole('menuitem', { name: SAVED_NAME });
    await item.waitFor();
    // Once the menu has faded in.
    await expect.poll(() => ui.page.getByTestId('saved-filters-menu').locator('.MuiPaper-root').evaluate((menu) => (globalThis as unknown as { getComputedStyle(e: unknown): { opacity: string } }).getComputedStyle(menu).opacity)).toBe('1');
    await ui.shoot('menu');
    await item.getByRole('button', { name: `Delete saved filter "${SAVED_NAME}"` }).click();
    await ui.page.getByText(`Saved filter "${SAVED_NAME}" deleted`).waitFor();
    await ui.page.getByText('No saved filters yet').waitFor();
    expect(await savedRows(ADMIN_EMAIL)).toEqual([]);
    // Deleting did not apply it.
    expect(urlFilter()).toEqual({});
    await ui.page.keyboard.press('Escape');
  });

  it('saves "breached handoffs of my team" on the handoff inbox', async () => {
    await ui.freshContext();
    await ui.signIn(SERVICE_EMAIL);
    await ui.page.goto(`${ui.app.url}/handoffs`);
    await expect.poll(inboxCustomers, { timeout: 15_000 }).toEqual(['Hana Highrisk', 'Mira Medium']);
    await choose(/^Past due/, 'Yes');
    await expect.poll(inboxCustomers, { timeout: 10_000 }).toEqual(['Hana Highrisk']);

    await openMenu();
    await ui.page.getByRole('menuitem', { name: 'Save current filter…' }).click();
    const dialog = ui.page.getByTestId('saved-filter-dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(HANDOFF_FILTER_NAME);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await ui.page.getByText('Filter saved').waitFor();
    const [saved] = await savedRows(SERVICE_EMAIL);
    expect(saved).toMatchObject({ name: HANDOFF_FILTER_NAME, resource: 'HANDOFFS', filter: { box: 'incoming', team: 'SERVICE', statuses: ['REQUESTED', 'ACCEPTED'], breached: true } });
    // Another person sees none of it.
    expect(await savedRows(ADMIN_EMAIL)).toEqual([]);

    await ui.page.goto(`${ui.app.url}/handoffs?filter=%7B%7D&page=1&perPage=25&sort=dueAt&order=ASC`);
    await expect.poll(inboxCustomers, { timeout: 15_000 }).toEqual(['Hana Highrisk', 'Mira Medium']);
    await openMenu();
    await ui.page.getByRole('menuitem', { name: HANDOFF_FILTER_NAME }).click();
    await expect.poll(inboxCustomers, { timeout: 10_000 }).toEqual(['Hana Highrisk']);
    expect(urlFilter()).toMatchObject({ team: 'SERVICE', breached: true });
    await ui.shoot('handoffs');
  });
});
