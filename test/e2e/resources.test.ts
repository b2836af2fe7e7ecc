import { readFile } from 'node:fs/promises';
import { beforeAll, expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../support/app.js';
import { describeInChromium, useConsoleBrowser } from '../support/console-browser.js';
import { insertCustomer, insertStaff } from '../support/fixtures.js';

/** A CSV text as rows of fields (quoted fields with commas, quotes and line breaks included). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') (field += '"'), index++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(field), (field = '');
    else if (char === '\n') row.push(field.replace(/\r$/, '')), rows.push(row), (row = []), (field = '');
    else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describeInChromium('console resources across customers in Chromium', () => {
  let adaId: string;
  let graceId: string;
  let samId: string;

  const ui = useConsoleBrowser({
    screenshotPrefix: 'resources',
    context: {
      acceptDownloads: true,
      viewport: { width: 1600, height: 1000 },
    },
    setup: async (app) => {
      samId = await insertStaff(app, 'Sam Sales', 'SALES', 'SALES');
      adaId = await insertCustomer(app, { name: 'Ada Lovelace', company: 'Acme Engines' });
      graceId = await insertCustomer(app, { name: 'Grace Hopper', company: 'Acme Navy' });
      await insertCustomer(app, { name: 'Katherine Johnson', company: 'Acme Orbits' });
      await insertCustomer(app, { name: 'Linus Torvalds', company: 'Kernel Ltd' });
      await insertCustomer(app, { name: 'Barbara Liskov', company: 'ACME Substitution' });
      await insertCustomer(app, { name: 'Alan Turing', company: 'Bletchley' });
      // Ada: 20 chats and 20 emails on consecutive days (answered); Grace: 5 phone calls nobody answered yet.
      await app.sql(
        `insert into interaction (customer_id, channel, direction, team, occurred_at, responded_at, subject)
         select ?, case when n % 2 = 0 then 'CHAT' else 'EMAIL' end, 'INBOUND', 'SERVICE',
                timestamptz '2026-03-01T09:00:00Z' + n * interval '1 day', timestamptz '2026-03-01T10:00:00Z' + n * interval '1 day',
                case when n % 2 = 0 then 'Chat ' || (n / 2) else 'Email ' || ((n + 1) / 2) end
         from generate_series(1, 40) as n`,
        [adaId],
      );
      await app.sql(
        `insert into interaction (customer_id, channel, direction, team, occurred_at, subject)
         select ?, 'PHONE', 'INBOUND', 'SERVICE', timestamptz '2026-05-01T09:00:00Z' + n * interval '1 hour', 'Call ' || n
         from generate_series(1, 5) as n`,
        [graceId],
      );
      await app.sql(
        `insert into purchase (customer_id, amount, currency, kind, product, purchased_at)
         values (?, '1200.0000', 'USD', 'SUBSCRIPTION', 'Annual plan', '2026-03-05T12:00:00Z'),
                (?, '80.0000', 'USD', 'ONE_TIME', 'Workshop', '2026-03-06T12:00:00Z')`,
        [adaId, graceId],
      );
    },
  });

  const rowTexts = () => ui.page.locator('tbody tr').allInnerTexts();
  const paginationText = () => ui.page.locator('.MuiTablePagination-displayedRows').innerText();
  const choose = async (label: string | RegExp, option: string) => {
    await ui.page.getByRole('combobox', { name: label }).click();
    await ui.page.getByRole('option', { name: option, exact: true }).click();
  };

  beforeAll(() => ui.signIn());

  it('filters, sorts and pages the interactions list, keeping the filter in the URL', async () => {
    await ui.page.goto(`${ui.app.url}/interactions`);
    await expect.poll(paginationText, { timeout: 15_000 }).toBe('1-25 of 45');

    // Chats only: 20 of Ada's, newest first.
    await ui.page.getByRole('combobox', { name: 'Channel' }).click();
    await ui.page.getByRole('option', { name: 'Chat', exact: true }).click();
    await ui.page.keyboard.press('Escape');
    await expect.poll(paginationText).toBe('1-20 of 20');
    expect(decodeURIComponent(ui.page.url())).toContain('"channel":["CHAT"]');

    // Ten a page: the second page holds the ten oldest chats.
    await choose(/Rows per page/, '10');
    await expect.poll(paginationText).toBe('1-10 of 20');
    expect((await rowTexts())[0]).toContain('Chat 20');
    await ui.page.getByRole('button', { name: 'Go to page 2' }).click();
    await expect.poll(paginationText).toBe('11-20 of 20');
    await expect.poll(async () => (await rowTexts())[0]).toContain('Chat 10');
    const secondPage = await rowTexts();
    expect(secondPage).toHaveLength(10);
    expect(secondPage[9]).toContain('Chat 1\t');

    // Oldest first, back on page one; every row is a chat and links to Ada's 360 page.
    await ui.page.locator('thead').getByText('When', { exact: true }).click();
    await expect.poll(async () => (await rowTexts())[0]).toContain('Chat 1\t');
    expect(decodeURIComponent(ui.page.url())).toContain('order=ASC');
    expect((await rowTexts()).every((row) => row.includes('Chat') && row.includes('Ada Lovelace'))).toBe(true);
    await ui.shoot('interactions-filtered-sorted');

    // The filter survives a reload (it lives in the URL).
    await ui.page.reload();
    await expect.poll(paginationText, { timeout: 15_000 }).toBe('1-10 of 20');
    await ui.page.locator('tbody tr').first().getByTestId('customer-link').click();
    await ui.page.waitForURL(new RegExp(`/customers/${adaId}/show$`));
    await ui.page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor({ timeout: 15_000 });
  });

  it('marks an inbound interaction responded from its page, and resolves another from the 360 page', async () => {
    // Explicit list parameters: react-admin would otherwise restore the previous test's filter and sort.
    await ui.page.goto(`${ui.app.url}/interactions?filter=%7B%7D&page=1&perPage=25&sort=occurredAt&order=DESC`);
    await choose('Awaiting an answer', 'Yes');
    await expect.poll(paginationText, { timeout: 15_000 }).toBe('1-5 of 5');
    expect((await rowTexts()).every((row) => row.includes('Grace Hopper') && row.includes('Phone'))).toBe(true);

    await ui.page.locator('tbody tr', { hasText: 'Call 5' }).click();
    await ui.page.getByRole('heading', { name: 'Call 5', exact: true }).waitFor({ timeout: 15_000 });
    await ui.page.getByRole('button', { name: 'Mark responded' }).click();
    const dialog = ui.page.getByTestId('interaction-mark-responded-dialog');
    await dialog.getByRole('button', { name: 'Mark responded' }).click();
    await ui.page.getByText('Marked as responded').waitFor();
    await expect.poll(() => ui.page.getByRole('button', { name: 'Mark responded' }).count()).toBe(0);
    const [call5] = await ui.app.sql<{ responded_at: Date | null }>(`select responded_at from interaction where subject = 'Call 5'`);
    expect(call5!.responded_at).not.toBeNull();
    await ui.shoot('interaction-marked-responded');

    // The list awaiting an answer now has four.
    await ui.page.goBack();
    await expect.poll(paginationText, { timeout: 15_000 }).toBe('1-4 of 4');

    // On Grace's 360 page: resolve the newest open call (resolving answers it too).
    await ui.page.goto(`${ui.app.url}/customers/${graceId}/show`);
    await ui.page.getByRole('heading', { name: 'Grace Hopper' }).waitFor({ timeout: 15_000 });
    const call4 = ui.page.locator('tbody tr', { hasText: 'Call 4' });
    await call4.getByRole('button', { name: 'Mark resolved' }).click();
    await ui.page.getByTestId('interaction-mark-resolved-dialog').getByRole('button', { name: 'Mark resolved' }).click();
    await ui.page.getByText('Marked as resolved').waitFor();
    await expect.poll(() => call4.getByRole('button', { name: 'Mark resolved' }).count()).toBe(0);
    const [row] = await ui.app.sql<{ resolved_at: Date | null }>(`select resolved_at from interaction where subject = 'Call 4'`);
    expect(row!.resolved_at).not.toBeNull();
  });

  it('opens a purchase and refunds part of it', async () => {
    await ui.page.goto(`${ui.app.url}/purchases`);
    await expect.poll(paginationText, { timeout: 15_000 }).toBe('1-2 of 2');
    // Largest amount first.
    await ui.page.locator('thead').getByText('Amount', { exact: true }).click();
    await expect.poll(async () => (await rowTexts())[0]).toContain('Annual plan');
    expect((await rowTexts())[0]).toContain('USD 1,200.00');

    await ui.page.locator('tbody tr', { hasText: 'Annual plan' }).click();
    await ui.page.getByRole('heading', { name: 'Annual plan', exact: true }).waitFor({ timeout: 15_000 });
    await ui.page.getByTestId('purchase-refunds').getByText('Nothing refunded yet.').waitFor();
    await ui.page.getByRole('button', { name: 'Refund' }).click();
    const dialog = ui.page.getByTestId('refund-purchase-dialog');
    await dialog.getByLabel('Amount to refund').fill('200.50');
    await dialog.getByLabel(/Why is the money going back/).fill('Two seats cancelled');
    await dialog.getByRole('button', { name: 'Refund' }).click();
    await ui.page.getByText('Refund recorded').waitFor();

    await expect.poll(() => ui.page.getByTestId('purchase-refunds').innerText()).toContain('-USD 200.50');
    const refunds = await ui.app.sql<{ amount: string; currency: string; kind: string; original: string }>(
      `select r.amount::text, r.currency, r.kind, p.product as original from purchase r join purchase p on p.id = r.refund_of_id where r.kind = 'REFUND'`,
    );
    expect(refunds).toEqual([{ amount: '200.5000', currency: 'USD', kind: 'REFUND', original: 'Annual plan' }]);
    await ui.shoot('purchase-refunded');

    // More than what is left is refused on the amount field, and nothing is written.
    await ui.page.getByRole('button', { name: 'Refund' }).click();
    await dialog.getByLabel('Amount to refund').fill('5000');
    await dialog.getByRole('button', { name: 'Refund' }).click();
    await expect
      .poll(() => dialog.locator('.MuiFormHelperText-root.Mui-error').allInnerTexts())
      .toEqual([expect.stringMatching(/\S/)]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await ui.app.sql(`select id from purchase where kind = 'REFUND'`)).toHaveLength(1);
  });

  it('bulk-assigns an owner to three selected customers and shows it on their rows', async () => {
    await ui.page.goto(`${ui.app.url}/customers`);
    await expect.poll(paginationText, { timeout: 15_000 }).toBe('1-6 of 6');
    const chosen = ['Ada Lovelace', 'Grace Hopper', 'Linus Torvalds'];
    for (const name of chosen) await ui.page.locator('tbody tr', { hasText: name }).locator('input[type="checkbox"]').check();
    await ui.page.getByText('3 items selected').waitFor();
    await ui.page.getByTestId('customer-bulk-actions').getByRole('button', { name: 'Assign owner' }).click();
    const dialog = ui.page.getByTestId('bulk-assign-owner-dialog');
    await dialog.getByText('3 customers selected.').waitFor();
    await dialog.getByRole('combobox', { name: 'Owner' }).fill('Sam');
    await ui.page.getByRole('option', { name: 'Sam Sales' }).click();
    await dialog.getByRole('button', { name: 'Assign owner' }).click();
    await ui.page.getByText('3 customers updated').waitFor();

    for (const name of chosen) await expect.poll(async () => ui.page.locator('tbody tr', { hasText: name }).innerText()).toContain('Sam Sales');
    expect(await ui.page.locator('tbody tr', { hasText: 'Katherine Johnson' }).innerText()).not.toContain('Sam Sales');
    const owned = await ui.app.sql<{ name: string }>(`select name from customer where owner_id = ? order by name`, [samId]);
    expect(owned.map((customer) => customer.name)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Linus Torvalds']);
    await ui.shoot('customers-bulk-owner');
  });

  it('says which customer stood in the way when a bulk change is refused, and changes none', async () => {
    await ui.app.sql(`update customer set lifecycle_stage = 'LEAD', acquired_at = null where name = 'Alan Turing'`);
    await ui.page.goto(`${ui.app.url}/customers`);
    await expect.poll(paginationText, { timeout: 15_000 }).toBe('1-6 of 6');
    for (const name of ['Alan Turing', 'Barbara Liskov']) await ui.page.locator('tbody tr', { hasText: name }).locator('input[type="checkbox"]').check();
    await ui.page.getByTestId('customer-bulk-actions').getByRole('button', { name: 'Change stage' }).click();
    const dialog = ui.page.getByTestId('bulk-change-stage-dialog');
    await dialog.getByRole('combobox', { name: /Lifecycle stage/ }).click();
    await ui.page.getByRole('option', { name: 'Prospect', exact: true }).click();
    await dialog.getByRole('button', { name: 'Change stage' }).click();
    // Barbara is a CUSTOMER: never backwards. Alan (a LEAD) alone could move, but nothing is written.
    const problems = dialog.getByTestId('bulk-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('Barbara Liskov');
    expect(await problems.innerText()).not.toContain('Alan Turing');
    const stages = await ui.app.sql<{ name: string; lifecycle_stage: string }>(
      `select name, lifecycle_stage from customer where name in ('Alan Turing', 'Barbara Liskov') order by name`,
    );
    expect(stages).toEqual([
      { name: 'Alan Turing', lifecycle_stage: 'LEAD' },
      { name: 'Barbara Liskov', lifecycle_stage: 'CUSTOMER' },
    ]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await ui.page.getByRole('button', { name: 'Unselect' }).click();
  });

  it('reads the bulk change in the audit log, before beside after, each row linked to its customer', async () => {
    await ui.page.goto(`${ui.app.url}/auditEvents`);
    const bulkRow = ui.page.locator('tbody tr', { hasText: 'customerBulkUpdate' }).filter({ hasText: 'Grace Hopper' });
    await bulkRow.waitFor({ timeout: 15_000 });
    expect(await bulkRow.innerText()).toContain(ADMIN_EMAIL);
    await bulkRow.click();
    const diff = ui.page.getByTestId('audit-diff');
    await diff.waitFor();
    expect(await diff.locator('tbody tr').count()).toBeGreaterThan(0);
    // Staff names arrive with the staff list, a moment after the diff itself.
    await expect.poll(() => diff.innerText(), { timeout: 15_000 }).toContain(`Sam Sales (${samId})`);
    await ui.shoot('audit-log-diff');
  });

  it('sets and corrects what a channel cost in a month', async () => {
    await ui.page.goto(`${ui.app.url}/acquisitionSpend/create`);
    await ui.page.getByLabel('Month').fill('2026-03');
    await choose(/^Channel/, 'Events');
    await ui.page.getByRole('textbox', { name: 'Amount' }).fill('1500.25');
    await ui.page.getByRole('button', { name: 'Save' }).click();
    await ui.page.waitForURL(/\/acquisitionSpend\/2026-03-01~EVENTS\/show$/, { timeout: 15_000 });
    await ui.page.getByText('USD 1,500.25').first().waitFor();

    await ui.page.getByRole('link', { name: 'Edit' }).click();
    await ui.page.getByRole('textbox', { name: 'Amount' }).fill('1600');
    await ui.page.getByRole('button', { name: 'Save' }).click();
    await ui.page.getByText('USD 1,600.00').first().waitFor({ timeout: 15_000 });
    const rows = await ui.app.sql<{ amount: string; currency: string }>(
      `select amount::text, currency from acquisition_spend where channel = 'EVENTS' and period_start = '2026-03-01'`,
    );
    expect(rows).toEqual([{ amount: '1600.0000', currency: 'USD' }]);

    await ui.page.goto(`${ui.app.url}/acquisitionSpend?filter=${encodeURIComponent(JSON.stringify({ from: '2026-01', to: '2026-06' }))}`);
    await expect.poll(rowTexts, { timeout: 15_000 }).toEqual([expect.stringMatching(/March 2026\tEvents\tUSD 1,600\.00/)]);
    await ui.shoot('acquisition-spend');
  });

  it('exports the filtered customer list as CSV: every matching customer, in the list order, as the API lists them', async () => {
    await ui.page.goto(`${ui.app.url}/customers`);
    await ui.page.getByPlaceholder('Search').fill('acme');
    await expect.poll(paginationText, { timeout: 15_000 }).toBe('1-4 of 4');
    // By name, Z to A, then export.
    await ui.page.locator('thead').getByText('Name', { exact: true }).click();
    await expect.poll(() => decodeURIComponent(ui.page.url())).toContain('order=DESC');
    // The list has re-rendered in the new order before the export reads it.
    await expect.poll(async () => (await rowTexts())[0] ?? '', { timeout: 15_000 }).toContain('Katherine Johnson');
    const [download] = await Promise.all([ui.page.waitForEvent('download'), ui.page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^customers-\d{8}-\d{6}\.csv$/);
    const csv = parseCsv(await readFile((await download.path())!, 'utf8'));
    const [header, ...rows] = csv;
    const nameColumn = header!.indexOf('name');
    expect(nameColumn).toBeGreaterThanOrEqual(0);

    const token = await ui.app.adminToken();
    const answer = await ui.app.graphql<{ customers: { totalCount: number; nodes: { name: string; id: string }[] } }>(
      `query { customers(first: 100, filter: { search: "acme" }, orderBy: { field: NAME, direction: DESC }) { totalCount nodes { id name } } }`,
      {},
      token,
    );
    expect(rows).toHaveLength(answer.data!.customers.totalCount);
    expect(rows.map((row) => row[nameColumn])).toEqual(answer.data!.customers.nodes.map((customer) => customer.name));
    expect(rows.map((row) => row[header!.indexOf('id')])).toEqual(answer.data!.customers.nodes.map((customer) => customer.id));
    expect(rows.map((row) => row[nameColumn])).toEqual(['Katherine Johnson', 'Grace Hopper', 'Barbara Liskov', 'Ada Lovelace']);
    await ui.shoot('customers-export-filtered');
  });
});
