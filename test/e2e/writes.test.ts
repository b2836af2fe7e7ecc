import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../support/app.js';
import { describeInChromium, useConsoleBrowser } from '../support/console-browser.js';
import { insertCustomer, insertStaff } from '../support/fixtures.js';

const SERVICE_EMAIL = 'sid.service@example.test';
const SALES_EMAIL = 'sam.seller@example.test';

describeInChromium('console writes in Chromium', () => {
  let adaId: string;
  let maryId: string;

  const ui = useConsoleBrowser({
    screenshotPrefix: 'writes',
    setup: async (app) => {
      const owner = await insertStaff(app, 'Sam Sales', 'SALES', 'SALES');
      adaId = await insertCustomer(app, { name: 'Ada Lovelace', company: 'Analytical Engines', ownerId: owner });
      await insertCustomer(app, { name: 'Grace Hopper', company: 'Navy', lifecycleStage: 'PROSPECT' });
      // Handed over from sales to service by the last test (the others archive Grace and hand Ada over).
      maryId = await insertCustomer(app, { name: 'Mary Jackson', company: 'Langley' });
      // A SERVICE and a SALES member who sign in with the administrator's password (as test/api/auth.test.ts does).
      await app.sql(
        `insert into staff_user (email, name, role, team, password_hash)
         select ?, 'Sid Service', 'SERVICE', 'SERVICE', password_hash from staff_user where email = ?`,
        [SERVICE_EMAIL, ADMIN_EMAIL],
      );
      await app.sql(
        `insert into staff_user (email, name, role, team, password_hash)
         select ?, 'Sam Seller', 'SALES', 'SALES', password_hash from staff_user where email = ?`,
        [SALES_EMAIL, ADMIN_EMAIL],
      );
    },
  });

  const choose = async (label: string | RegExp, option: string) => {
    await ui.page.getByRole('combobox', { name: label }).click();
    await ui.page.getByRole('option', { name: option, exact: true }).click();
  };
  const dialog = (testId: string) => ui.page.getByTestId(testId);
  /** The helper text under an input (a page-rooted locator, matched inside each form control): where react-admin shows a field's error. */
  const helperTextOf = (input: Locator) =>
    ui.page.locator('.MuiFormControl-root').filter({ has: input }).last().locator('.MuiFormHelperText-root').innerText().catch(() => '');
  const customerRow = async (name: string) =>
    (await ui.app.sql<{ id: string; version: number; name: string; email: string | null }>('select id, version, name, email from customer where name = ?', [name]))[0];

  it('creates a customer through the form and lists it', async () => {
    await ui.signIn(ADMIN_EMAIL);
    await ui.page.goto(`${ui.app.url}/customers`);
    await ui.page.locator('tbody tr').first().waitFor({ timeout: 15_000 });
    await ui.page.getByRole('link', { name: 'Create' }).click();
    await ui.page.waitForURL(/\/customers\/create$/);
    await ui.page.getByRole('textbox', { name: 'Name' }).fill('Katherine Johnson');
    await ui.page.getByRole('textbox', { name: 'Company' }).fill('NASA');
    await choose(/^Segment/, 'Enterprise');
    await choose(/^Acquisition channel/, 'Referral');
    await ui.page.getByRole('button', { name: 'Save' }).click();

    await ui.page.getByRole('heading', { name: 'Katherine Johnson' }).waitFor({ timeout: 15_000 });
    expect(await customerRow('Katherine Johnson')).toMatchObject({ version: 1 });
    await ui.page.goto(`${ui.app.url}/customers`);
    await expect.poll(() => ui.page.locator('tbody tr').allInnerTexts(), { timeout: 10_000 }).toContainEqual(expect.stringContaining('Katherine Johnson'));
  });

  it("shows the API's message on the email field, and keeps the input", async () => {
    const { id } = (await customerRow('Katherine Johnson'))!;
    await ui.page.goto(`${ui.app.url}/customers/${id}`);
    await ui.page.getByLabel('Email').fill('not-an-email');
    await ui.page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => helperTextOf(ui.page.getByRole('textbox', { name: 'Email' })), { timeout: 10_000 })
      .toBe('must be an email address like name@example.com');
    expect(await ui.page.getByLabel('Email').inputValue()).toBe('not-an-email');
    expect((await customerRow('Katherine Johnson'))!.email).toBeNull();
  });

  it('says someone else changed the customer when the version is stale, keeping the input', async () => {
    await ui.page.goto(`${ui.app.url}/customers/${adaId}`);
    await expect.poll(() => ui.page.getByLabel('Name').inputValue()).toBe('Ada Lovelace');
    // Someone else saves the customer while the form is open.
    await ui.app.sql(`update customer set company = 'Babbage & Co', version = version + 1 where id = ?`, [adaId]);
    await ui.page.getByLabel('Name').fill('Ada King');
    await ui.page.getByRole('button', { name: 'Save' }).click();

    await ui.page.getByText('Someone else changed this customer since you opened it. Reload to see their changes.').waitFor({ timeout: 10_000 });
    expect(await ui.page.getByRole('button', { name: 'Reload' }).count()).toBe(1);
    expect(await ui.page.getByLabel('Name').inputValue()).toBe('Ada King');
    expect(await customerRow('Ada Lovelace')).toMatchObject({ version: 2 });

    // Reloading shows their change; saving again goes through.
    await ui.page.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => ui.page.getByLabel('Company').inputValue()).toBe('Babbage & Co');
  });

  it("logs an interaction from the customer's page and shows it at the top of the timeline", async () => {
    await ui.page.goto(`${ui.app.url}/customers/${adaId}/show`);
    await ui.page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor({ timeout: 15_000 });
    await ui.page.getByRole('button', { name: 'Log interaction' }).click();
    const form = dialog('log-interaction-dialog');
    // The administrator belongs to no team: the team that handled it is chosen.
    await choose(/^Team/, 'Service');
    await form.getByLabel('Subject').fill('Renewal call with Ada');
    await form.getByLabel('Summary').fill('Wants two more seats.');
    await form.getByRole('button', { name: 'Log interaction' }).click();

    await ui.page.getByText('Interaction logged').waitFor();
    await expect.poll(() => ui.page.getByTestId('timeline-event').first().innerText(), { timeout: 10_000 }).toContain('Renewal call with Ada');
    await expect.poll(() => ui.page.getByTestId('log-interaction-dialog').count()).toBe(0);
    const [row] = await ui.app.sql<{ subject: string; team: string }>('select subject, team from interaction where customer_id = ?', [adaId]);
    expect(row).toMatchObject({ subject: 'Renewal call with Ada' });
  });

  it('records a purchase with the amount as typed, and refuses a malformed one on its field', async () => {
    await ui.page.getByRole('button', { name: 'Record purchase' }).click();
    const form = dialog('record-purchase-dialog');
    await form.getByLabel('Amount').fill('12.345');
    await form.getByLabel('Product').fill('Extra seats');
    await form.getByRole('button', { name: 'Record purchase' }).click();
    // Three decimals pass the console's format check; the API's rule for USD lands on the field.
    await expect.poll(() => helperTextOf(ui.page.getByRole('textbox', { name: 'Amount' })), { timeout: 10_000 }).toBe('must have at most 2 decimal places for USD');

    await form.getByLabel('Amount').fill('1299.50');
    await form.getByRole('button', { name: 'Record purchase' }).click();
    await ui.page.getByText('Purchase recorded').waitFor();
    await expect.poll(() => ui.page.getByTestId('timeline-event').first().innerText(), { timeout: 10_000 }).toContain('USD 1,299.50');
    const [purchase] = await ui.app.sql<{ amount: string }>('select amount::text as amount from purchase where customer_id = ?', [adaId]);
    expect(purchase!.amount).toBe('1299.5000');
  });

  it('records a survey answer within the scale of its kind', async () => {
    await ui.page.getByRole('button', { name: 'Record survey answer' }).click();
    const form = dialog('record-survey-answer-dialog');
    await choose(/^Survey/, 'NPS');
    await form.getByLabel('Score').fill('11');
    await form.getByRole('button', { name: 'Record survey answer' }).click();
    await form.getByText('Must be 10 or less').waitFor();
    await form.getByLabel('Score').fill('9');
    await form.getByRole('button', { name: 'Record survey answer' }).click();
    await ui.page.getByText('Survey answer recorded').waitFor();
    await expect.poll(() => ui.page.getByTestId('timeline-event').first().innerText(), { timeout: 10_000 }).toContain('9 of 10');
  });

  it('walks a customer through the lifecycle from the 360 page, and offers a reload when the version is stale', async () => {
    const [{ id: graceId }] = (await ui.app.sql<{ id: string }>('select id from customer where name = ?', ['Grace Hopper'])) as [{ id: string }];
    const stored = async () =>
      (await ui.app.sql<{ lifecycle_stage: string; churn_reason: string | null; archived: boolean }>(
        'select lifecycle_stage, churn_reason, archived_at is not null as archived from customer where id = ?',
        [graceId],
      ))[0];
    await ui.page.goto(`${ui.app.url}/customers/${graceId}/show`);
    await ui.page.getByRole('heading', { name: 'Grace Hopper' }).waitFor({ timeout: 15_000 });

    // A prospect becomes a customer: the dialog proposes the next stage.
    await ui.page.getByRole('button', { name: 'Change stage' }).click();
    await dialog('change-stage-dialog').getByRole('button', { name: 'Change stage' }).click();
    await ui.page.getByText('Lifecycle stage changed').waitFor();
    expect(await stored()).toMatchObject({ lifecycle_stage: 'CUSTOMER' });

    // Churning needs a reason.
    await ui.page.getByRole('button', { name: 'Mark churned' }).click();
    const churn = dialog('mark-churned-dialog');
    await churn.getByRole('button', { name: 'Mark churned' }).click();
    await churn.getByText('Required').waitFor();
    await churn.getByLabel('Why did they leave?').fill('Moved to a competitor');
    await churn.getByRole('button', { name: 'Mark churned' }).click();
    await ui.page.getByText('Customer marked as churned').waitFor();
    expect(await stored()).toMatchObject({ lifecycle_stage: 'CHURNED', churn_reason: 'Moved to a competitor' });

    // Someone else changes the customer while the archive dialog is open.
    await ui.page.getByRole('button', { name: 'Archive' }).click();
    const archive = dialog('archive-dialog');
    await ui.app.sql('update customer set version = version + 1 where id = ?', [graceId]);
    await archive.getByRole('button', { name: 'Archive' }).click();
    await archive.getByText('Someone else changed this customer since you opened it. Reload to see their changes.').waitFor();
    expect(await stored()).toMatchObject({ archived: false });
    const reloaded = ui.page.waitForResponse((response) => response.request().postData()?.includes('query Customer360') ?? false);
    await archive.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect.poll(() => archive.getByRole('alert').count()).toBe(0);
    await archive.getByRole('button', { name: 'Archive' }).click();
    await ui.page.getByText('Customer archived').waitFor();
    expect(await stored()).toMatchObject({ archived: true });
    await ui.page.getByRole('button', { name: 'Restore' }).waitFor();

    // An error on what the page supplies (the customer) is shown above the form, not lost.
    await ui.page.getByRole('button', { name: 'Request handoff' }).click();
    const handoff = dialog('request-handoff-dialog');
    await choose(/^To team/, 'Success');
    await choose(/^From team/, 'Sales');
    await handoff.getByLabel('Summary').fill('Win-back attempt');
    await handoff.getByLabel('Customer goals').fill('Come back');
    await handoff.getByLabel('Commitments').fill('A discount');
    await handoff.getByRole('button', { name: 'Request handoff' }).click();
    await handoff.getByRole('alert').getByText('is archived: restore the customer before handing it over').waitFor();
    await handoff.getByRole('button', { name: 'Cancel' }).click();
  });

  it('requests a handoff to SERVICE with its context', async () => {
    await ui.page.goto(`${ui.app.url}/customers/${adaId}/show`);
    await ui.page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor({ timeout: 15_000 });
    await ui.page.getByRole('button', { name: 'Request handoff' }).click();
    const form = dialog('request-handoff-dialog');
    await choose(/^To team/, 'Service');
    // The administrator belongs to no team: the API asks which team hands over.
    await form.getByLabel('Summary').fill('Signed the annual plan');
    await form.getByLabel('Customer goals').fill('Live in May');
    await form.getByLabel('Commitments').fill('Free onboarding call');
    await form.getByRole('button', { name: 'Request handoff' }).click();
    await expect
      .poll(() => helperTextOf(ui.page.getByRole('combobox', { name: /^From team/ })), { timeout: 10_000 })
      .toBe('is required: you belong to no team, so say which team hands over');

    await choose(/^From team/, 'Sales');
    await form.getByRole('button', { name: 'Request handoff' }).click();
    await ui.page.getByText('Handoff requested').waitFor();
    await expect.poll(() => ui.page.getByTestId('timeline-event').first().innerText(), { timeout: 10_000 }).toMatch(/handoff requested[\s\S]*Sales → Service/i);
    const handoffs = await ui.app.sql<{ status: string; from_team: string; to_team: string }>('select status, from_team, to_team from handoff where customer_id = ?', [adaId]);
    expect(handoffs).toEqual([{ status: 'REQUESTED', from_team: 'SALES', to_team: 'SERVICE' }]);
  });

  it("lets the SERVICE team accept it from its inbox, with a live countdown to the SLA", async () => {
    // Sign out: the session (and react-admin's stored list filters) live in localStorage.
    await ui.page.evaluate('localStorage.clear()');
    await ui.signIn(SERVICE_EMAIL);
    await ui.page.getByRole('menuitem', { name: 'Handoffs' }).click();
    await ui.page.getByText('Handoff inbox').first().waitFor();
    const row = ui.page.locator('tbody tr', { hasText: 'Ada Lovelace' });
    await row.waitFor({ timeout: 15_000 });
    const countdown = row.getByTestId('due-countdown');
    const first = await countdown.innerText();
    expect(first).toMatch(/left$/);
    await expect.poll(() => countdown.innerText(), { timeout: 5_000 }).not.toBe(first);

    // The context is one click away.
    await row.getByText('Signed the annual plan').click();
    await ui.page.getByText('Free onboarding call').waitFor();

    await row.getByRole('button', { name: 'Accept' }).click();
    await ui.page.getByText('Handoff accepted').waitFor();
    const [handoff] = await ui.app.sql<{ status: string; version: number; to_staff: string }>(
      'select h.status, h.version, s.email as to_staff from handoff h join staff_user s on s.id = h.to_staff_id where h.customer_id = ?',
      [adaId],
    );
    expect(handoff).toEqual({ status: 'ACCEPTED', version: 2, to_staff: SERVICE_EMAIL });
    await expect.poll(() => ui.page.locator('tbody tr', { hasText: 'Ada Lovelace' }).getByRole('button', { name: 'Complete' }).count(), { timeout: 10_000 }).toBe(1);
  });

  it('offers SERVICE no accept on a handoff to SALES, only the withdrawal its sending team may make', async () => {
    const [{ id: handoffId }] = (await ui.app.sql<{ id: string }>(
      `insert into handoff (customer_id, from_team, to_team, summary, customer_goals, commitments, requested_at, due_at)
       values (?, 'SERVICE', 'SALES', 'Needs an upsell', 'More seats', 'A quote this week', now() - interval '2 hours', now() - interval '1 hour')
       returning id`,
      [adaId],
    )) as [{ id: string }];
    await choose(/^Show/, 'Outgoing: from the team');
    const row = ui.page.locator('tbody tr', { hasText: 'Needs an upsell' });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getByTestId('due-countdown').innerText()).toMatch(/^Overdue by/);
    expect(await row.getByTestId('due-countdown').getAttribute('data-breached')).toBe('true');
    // Only the receiving team, a MANAGER or an ADMIN may accept (the API's refusal is tested in test/api).
    await row.getByTestId('handoff-steps').waitFor();
    expect(await row.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    expect(await row.getByRole('button', { name: 'Reject' }).count()).toBe(0);
    expect(await row.getByRole('button', { name: 'Withdraw' }).count()).toBe(1);
    expect((await ui.app.sql<{ status: string }>('select status from handoff where id = ?', [handoffId]))[0]!.status).toBe('REQUESTED');
  });

  it('a SALES member hands a customer over to SERVICE from the 360 page, and SERVICE accepts it from its inbox', async () => {
    await ui.signIn(SALES_EMAIL);
    await ui.page.goto(`${ui.app.url}/customers/${maryId}/show`);
    await ui.page.getByRole('heading', { name: 'Mary Jackson' }).waitFor({ timeout: 15_000 });
    await ui.page.getByRole('button', { name: 'Request handoff' }).click();
    const form = dialog('request-handoff-dialog');
    await choose(/^To team/, 'Service');
    // A SALES member hands over as SALES: no team to name.
    await form.getByLabel('Summary').fill('Pilot signed, needs onboarding');
    await form.getByLabel('Customer goals').fill('Ten ships live by June');
    await form.getByLabel('Commitments').fill('Weekly check-in');
    await form.getByRole('button', { name: 'Request handoff' }).click();
    await ui.page.getByText('Handoff requested').waitFor();
    const requested = () =>
      ui.app.sql<{ status: string; from_team: string; to_team: string; requested_by: string; accepted_by: string | null }>(
        `select h.status, h.from_team, h.to_team, r.email as requested_by, a.email as accepted_by
           from handoff h join staff_user r on r.id = h.from_staff_id left join staff_user a on a.id = h.to_staff_id
          where h.customer_id = ?`,
        [maryId],
      );
    expect(await requested()).toEqual([{ status: 'REQUESTED', from_team: 'SALES', to_team: 'SERVICE', requested_by: SALES_EMAIL, accepted_by: null }]);
    await ui.shoot('sales-requests-handoff');

    // SERVICE signs in to its inbox (its home page), finds the context and accepts. Signing out
    // first: the inbox's filters from the earlier tests live in this browser's localStorage.
    await ui.page.evaluate('localStorage.clear()');
    expect(await ui.signIn(SERVICE_EMAIL)).toBe('/handoffs');
    const row = ui.page.locator('tbody tr', { hasText: 'Mary Jackson' });
    await row.waitFor({ timeout: 15_000 });
    await row.getByText('Pilot signed, needs onboarding').click();
    await ui.page.getByText('Weekly check-in').waitFor();
    await row.getByRole('button', { name: 'Accept' }).click();
    await ui.page.getByText('Handoff accepted').waitFor();
    await expect.poll(requested, { timeout: 10_000 }).toEqual([
      { status: 'ACCEPTED', from_team: 'SALES', to_team: 'SERVICE', requested_by: SALES_EMAIL, accepted_by: SERVICE_EMAIL },
    ]);
    await ui.shoot('service-accepts-handoff');
  });
});
