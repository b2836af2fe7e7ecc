import { expect, it } from 'vitest';
import { ADMIN_EMAIL } from '../support/app.js';
import { describeInChromium, useConsoleBrowser } from '../support/console-browser.js';
import { insertCustomer, insertStaff } from '../support/fixtures.js';

const ANALYST_EMAIL = 'ana.analyst@example.test';
const SERVICE_EMAIL = 'sid.service@example.test';
/** An iPhone 12–15 sized screen. */
const PHONE = { width: 390, height: 844 };

describeInChromium('the console on a phone in Chromium', () => {
  let adaId: string;
  let handoffId: string;

  const ui = useConsoleBrowser({
    screenshotPrefix: 'phone',
    context: {
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    },
    setup: async (app) => {
      const owner = await insertStaff(app, 'Sam Sales', 'SALES', 'SALES');
      adaId = await insertCustomer(app, { name: 'Ada Lovelace', company: 'Analytical Engines', ownerId: owner });
      await insertCustomer(app, { name: 'Grace Hopper', company: 'Navy', lifecycleStage: 'PROSPECT' });
      // A SERVICE member and an ANALYST who sign in with the administrator's password (as test/api/auth.test.ts does).
      await app.sql(
        `insert into staff_user (email, name, role, team, password_hash)
         select ?, 'Sid Service', 'SERVICE', 'SERVICE', password_hash from staff_user where email = ?`,
        [SERVICE_EMAIL, ADMIN_EMAIL],
      );
      await app.sql(
        `insert into staff_user (email, name, role, team, password_hash)
         select ?, 'Ana Analyst', 'ANALYST', null, password_hash from staff_user where email = ?`,
        [ANALYST_EMAIL, ADMIN_EMAIL],
      );
      // Ada: an open handoff from Sales to Service, due in three hours; an inbound question; a survey answer with a comment.
      const [handoff] = await app.sql<{ id: string }>(
        `insert into handoff (customer_id, from_team, to_team, from_staff_id, summary, customer_goals, commitments, requested_at, due_at)
         values (?, 'SALES', 'SERVICE', ?, 'Needs help with the invoice export', 'Monthly invoices in the ERP', 'A call this week',
                 now() - interval '1 hour', now() + interval '3 hours') returning id`,
        [adaId, owner],
      );
      handoffId = handoff!.id;
      await app.sql(
        `insert into interaction (customer_id, channel, direction, team, occurred_at, subject, summary)
         values (?, 'EMAIL', 'INBOUND', 'SERVICE', now() - interval '2 hours', 'Invoice question', 'Asked where the March invoice went')`,
        [adaId],
      );
      await app.sql(
        `insert into survey_response (customer_id, kind, score, comment, team, channel, responded_at)
         values (?, 'CSAT', 4, 'Quick and friendly', 'SERVICE', 'EMAIL', now() - interval '1 day')`,
        [adaId],
      );
    },
  });

  /** The page's width as scrolled: no wider than the phone means no sideways scrolling. */
  const pageScrollWidth = () => ui.page.evaluate<number>('document.scrollingElement.scrollWidth');
  /** The items of the page's simple list (react-admin's SimpleList: a list of buttons, no table). */
  const listItems = () => ui.page.locator('#main-content .MuiList-root .MuiListItemButton-root');

  it('SERVICE opens the inbox as a simple list with the countdown and accepts a handoff with a tap', async () => {
    expect(await ui.signIn(SERVICE_EMAIL)).toBe('/handoffs');
    const item = listItems().filter({ hasText: 'Ada Lovelace' });
    await item.waitFor({ timeout: 15_000 });
    expect(await ui.page.locator('table').count()).toBe(0);
    expect(await item.innerText()).toContain('Sales → Service');
    expect(await item.innerText()).toContain('Requested');
    const countdown = item.getByTestId('due-countdown');
    expect(await countdown.innerText()).toMatch(/^2h \d\dm \d\ds left$/);
    // Live: the seconds move on.
    const before = await countdown.innerText();
    await expect.poll(() => countdown.innerText(), { timeout: 5_000 }).not.toBe(before);
    expect(await pageScrollWidth()).toBeLessThanOrEqual(PHONE.width);
    await ui.shoot('inbox');

    // A tap opens the handoff: its context, and its steps as full-width buttons a thumb reaches.
    await item.tap();
    const sheet = ui.page.getByTestId('handoff-sheet');
    await sheet.waitFor();
    expect(await sheet.innerText()).toContain('Needs help with the invoice export');
    expect(await sheet.innerText()).toContain('A call this week');
    const accept = sheet.getByRole('button', { name: 'Accept' });
    const reject = sheet.getByRole('button', { name: 'Reject' });
    for (const button of [accept, reject]) {
      const box = (await button.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThan(PHONE.width * 0.8);
    }
    await ui.shoot('handoff-sheet');
    await accept.tap();
    await expect
      .poll(async () => (await ui.app.sql<{ status: string }>('select status from handoff where id = ?', [handoffId]))[0]!.status, { timeout: 10_000 })
      .toBe('ACCEPTED');
    // The sheet follows: the next step is to complete it.
    await sheet.getByRole('button', { name: 'Complete' }).waitFor({ timeout: 10_000 });
    expect(await sheet.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await ui.shoot('handoff-accepted');

    await sheet.getByTestId('handoff-open-customer').tap();
    await ui.page.waitForURL(new RegExp(`/customers/${adaId}/show`), { timeout: 10_000 });
  });

  it("the customer's 360 page stacks into one column, with no sideways scrolling", async () => {
    await ui.page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor({ timeout: 15_000 });
    // The four figure cards, in their order.
    const cards = ['Lifetime value', 'Satisfaction', 'Health', 'Service levels'].map((name) => ui.page.getByRole('region', { name, exact: true }));
    for (const card of cards) await card.waitFor({ timeout: 15_000 });
    const boxes = await Promise.all(cards.map(async (card) => (await card.boundingBox())!));
    for (let index = 1; index < boxes.length; index += 1) {
      const [above, below] = [boxes[index - 1]!, boxes[index]!];
      expect(below.x).toBeCloseTo(above.x, 0);
      expect(below.width).toBeCloseTo(above.width, 0);
      expect(below.y).toBeGreaterThanOrEqual(above.y + above.height);
    }
    expect(boxes[0]!.x + boxes[0]!.width).toBeLessThanOrEqual(PHONE.width);
    // The actions wrap onto several lines rather than widen the page.
    const actions = ui.page.getByTestId('customer-actions');
    const actionsBox = (await actions.boundingBox())!;
    expect(actionsBox.x + actionsBox.width).toBeLessThanOrEqual(PHONE.width);
    expect(actionsBox.height).toBeGreaterThan(60);
    // The histories are simple lists too, and the interaction is there.
    await listItems().filter({ hasText: 'Invoice question' }).waitFor({ timeout: 15_000 });
    await expect.poll(pageScrollWidth).toBeLessThanOrEqual(PHONE.width);
    await ui.shoot('customer-360');
  });

  it('the customers list is a simple list that filters, and the menu drawer navigates', async () => {
    await ui.page.goto(`${ui.app.url}/customers?filter=%7B%7D&page=1&perPage=25&sort=name&order=ASC`);
    await expect.poll(() => listItems().count(), { timeout: 15_000 }).toBe(2);
    expect(await ui.page.locator('table').count()).toBe(0);
    expect(await listItems().first().innerText()).toContain('Ada Lovelace');
    // A filter added from the filter button: prospects only.
    await ui.page.getByRole('button', { name: 'Add filter' }).tap();
    await ui.page.getByRole('menu').getByText('Lifecycle stage', { exact: true }).tap();
    await ui.page.getByRole('combobox', { name: 'Lifecycle stage' }).tap();
    await ui.page.getByRole('option', { name: 'Prospect' }).tap();
    await expect.poll(() => listItems().count(), { timeout: 10_000 }).toBe(1);
    expect(await listItems().first().innerText()).toContain('Grace Hopper');
    expect(await pageScrollWidth()).toBeLessThanOrEqual(PHONE.width);
    await ui.shoot('customers-filtered');
    // A tap on the item opens the customer.
    await listItems().first().tap();
    await ui.page.getByRole('heading', { level: 1, name: 'Grace Hopper' }).waitFor({ timeout: 15_000 });

    // The sidebar is a drawer behind the menu button; choosing an entry navigates and closes it.
    await ui.page.getByRole('button', { name: 'Open menu' }).tap();
    const drawer = ui.page.locator('.MuiDrawer-paper').filter({ has: ui.page.getByRole('menuitem', { name: 'Interactions' }) });
    await drawer.waitFor();
    await drawer.getByRole('menuitem', { name: 'Interactions' }).tap();
    await ui.page.waitForURL(/\/interactions/, { timeout: 10_000 });
    await listItems().filter({ hasText: 'Invoice question' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => drawer.isVisible()).toBe(false);
    expect(await ui.page.locator('table').count()).toBe(0);
    await ui.shoot('interactions');
  });

  it('an ANALYST on a phone sees the texts of interactions, survey answers and handoffs masked, as masked', async () => {
    expect(await ui.signIn(ANALYST_EMAIL)).toBe('/dashboard');
    await ui.page.goto(`${ui.app.url}/interactions?filter=%7B%7D&page=1&perPage=25&sort=occurredAt&order=DESC`);
    const item = listItems().first();
    await item.getByTestId('masked').first().waitFor({ timeout: 15_000 });
    expect(await ui.page.locator('#main-content').innerText()).not.toContain('Invoice question');
    // Its subject and the customer's name, both masked.
    expect(await item.getByTestId('masked').count()).toBe(2);
    await ui.shoot('analyst-interactions');

    await item.tap();
    await ui.page.waitForURL(/\/interactions\/[^/]+\/show/, { timeout: 10_000 });
    await ui.page.getByRole('heading', { level: 1 }).getByTestId('masked').waitFor({ timeout: 15_000 });
    expect(await ui.page.locator('main').innerText()).not.toContain('Asked where the March invoice went');
    expect(await pageScrollWidth()).toBeLessThanOrEqual(PHONE.width);
    await ui.shoot('analyst-interaction');

    // A survey answer's comment, masked too.
    await ui.page.goto(`${ui.app.url}/surveyResponses?filter=%7B%7D&page=1&perPage=25&sort=respondedAt&order=DESC`);
    const answer = listItems().first();
    await answer.getByTestId('masked').first().waitFor({ timeout: 15_000 });
    expect(await answer.innerText()).toContain('CSAT answer: 4 of 5');
    expect(await answer.getByTestId('masked').count()).toBe(2);
    expect(await ui.page.locator('#main-content').innerText()).not.toContain('Quick and friendly');

    // And the handoff's texts, in its sheet from the customer's page.
    await ui.page.goto(`${ui.app.url}/customers/${adaId}/show/handoffs`);
    const handoff = ui.page.locator('#main-content .MuiListItemButton-root').filter({ hasText: 'Sales → Service' });
    await handoff.waitFor({ timeout: 15_000 });
    await handoff.tap();
    const sheet = ui.page.getByTestId('handoff-sheet');
    await sheet.waitFor();
    // Summary, goals, commitments; the texts nobody wrote stay "—".
    expect(await sheet.getByTestId('masked').count()).toBeGreaterThanOrEqual(3);
    expect(await sheet.innerText()).not.toContain('Needs help with the invoice export');
    // Reading is all an ANALYST may do.
    expect(await sheet.getByTestId('handoff-steps').count()).toBe(0);
    await ui.shoot('analyst-handoff');
  });
});
