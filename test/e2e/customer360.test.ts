import { expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/app.js';
import { describeInChromium, useConsoleBrowser } from '../support/console-browser.js';
import { insertCustomer, insertStaff } from '../support/fixtures.js';

/** The figures of the 360 page, asked of the API the way an integrator would. */
const FIGURES = `query Figures($id: ID!, $recentSince: DateTimeISO!) {
  customer(id: $id) {
    lifetimeValue { currency historicalValue predictedValue otherCurrencies }
    satisfaction { csat { score } nps { score promoters passives detractors } ces { average } latestNpsCategory }
    recent: satisfaction(since: $recentSince) { csat { score } nps { score } ces { average } }
    health { score churnRisk }
    slaState { openBreaches }
    timeline(first: 100) { totalCount nodes { id kind occurredAt } }
    purchaseEvents: timeline(first: 100, kinds: [PURCHASE]) { totalCount nodes { id } }
  }
}`;

/**
 * How the console shows an exact decimal string: integer digits grouped by thousands, trailing
 * zeros trimmed down to `minFractionDigits`. Written again here so the test does not grade the
 * console's formatter with itself.
 */
function asShown(value: string, minFractionDigits = 0): string {
  const [, sign, integer, fraction = ''] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value)!;
  const trimmed = fraction.replace(/0+$/, '').padEnd(minFractionDigits, '0');
  const digits = `${integer!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${trimmed ? `.${trimmed}` : ''}`;
  return /^[0.,]*$/.test(digits) ? digits : `${sign}${digits}`;
}
const money = (value: string, currency: string) => `${currency} ${asShown(value, 2)}`;
const RISK_LABELS: Record<string, string> = { LOW: 'Low risk', MEDIUM: 'Medium risk', HIGH: 'High risk' };

describeInChromium('customer 360 page in Chromium', () => {
  let adaId: string;
  let api: any;
  /** The GraphQL documents the console posted, to check how many requests a page costs. */
  const operations: string[] = [];

  const ui = useConsoleBrowser({
    context: { viewport: { width: 1440, height: 900 } },
    setup: async (app) => {
      const owner = await insertStaff(app, 'Sam Sales', 'SALES', 'SALES');
      adaId = await insertCustomer(app, { name: 'Ada Lovelace', company: 'Analytical Engines', ownerId: owner });
      await insertCustomer(app, { name: 'Eve Empty', company: 'Nothing Yet Ltd' });

      // Purchases: USD 1,200.00 + 300.50 + 99.99 − refund 49.00 = USD 1,551.49; the EUR one is not counted.
      await purchase(adaId, '1200.00', 'USD', 'SUBSCRIPTION', 'Annual plan', '300 days');
      await purchase(adaId, '300.50', 'USD', 'EXPANSION', 'Extra seats', '100 days');
      await purchase(adaId, '99.99', 'USD', 'ONE_TIME', 'Training', '40 days');
      await purchase(adaId, '49.00', 'USD', 'REFUND', 'Training refund', '20 days');
      await purchase(adaId, '80.00', 'EUR', 'ONE_TIME', 'Workshop', '10 days');

      // All time: CSAT 2 of 4 satisfied = 50%, NPS (2 − 1) ÷ 3 = 33.33, CES 4. Last 90 days: CSAT 66.67, NPS 0.
      await answer(adaId, 'CSAT', 5, 'SERVICE', 'EMAIL', 'SUPPORT', '5 days');
      await answer(adaId, 'CSAT', 4, 'SUCCESS', 'CHAT', 'ONBOARDING', '30 days');
      await answer(adaId, 'CSAT', 2, 'SERVICE', 'PHONE', 'SUPPORT', '60 days');
      await answer(adaId, 'CSAT', 1, 'SALES', 'EMAIL', 'PURCHASE', '200 days');
      await answer(adaId, 'NPS', 10, 'SUCCESS', 'EMAIL', 'ADOPTION', '15 days');
      await answer(adaId, 'NPS', 3, 'SERVICE', 'EMAIL', 'SUPPORT', '45 days');
      await answer(adaId, 'NPS', 9, 'SALES', 'EMAIL', 'PURCHASE', '120 days');
      await answer(adaId, 'CES', 6, 'SERVICE', 'CHAT', 'SUPPORT', '7 days');
      await answer(adaId, 'CES', 2, 'SERVICE', 'PHONE', 'SUPPORT', '50 days');

      // 24 outbound check-ins every 3 days, an inbound question unanswered for 2 days (an SLA breach),
      // and the newest event of all: an inbound email 2 hours ago, still within its 24-hour SLA.
      await app.sql(
        `insert into interaction (customer_id, channel, direction, team, occurred_at, staff_id, subject)
         select ?, (array['EMAIL', 'PHONE', 'CHAT'])[1 + n % 3], 'OUTBOUND', 'SUCCESS', now() - n * interval '3 days' - interval '1 hour', ?, 'Check-in ' || n
         from generate_series(1, 24) as n`,
        [adaId, owner],
      );
      await app.sql(`insert into interaction (customer_id, channel, direction, team, occurred_at, subject) values (?, 'CHAT', 'INBOUND', 'SERVICE', ${ago('2 days')}, 'Invoice question')`, [adaId]);
      await app.sql(`insert into interaction (customer_id, channel, direction, team, occurred_at, subject) values (?, 'EMAIL', 'INBOUND', 'SERVICE', ${ago('2 hours')}, 'Login help')`, [adaId]);

      // A handoff never accepted (a breach) and one that went all the way (three timeline events).
      await app.sql(
        `insert into handoff (customer_id, from_team, to_team, from_staff_id, summary, customer_goals, commitments, requested_at, due_at)
         values (?, 'SALES', 'SUCCESS', ?, 'Renewal at risk', 'Renew', 'Call back', ${ago('6 days')}, ${ago('5 days')})`,
        [adaId, owner],
      );
      await app.sql(
        `insert into handoff (customer_id, from_team, to_team, summary, customer_goals, commitments, status, requested_at, due_at, accepted_at, completed_at)
         values (?, 'SALES', 'SERVICE', 'Onboarding handover', 'Go live', 'Training', 'COMPLETED', ${ago('90 days')}, ${ago('89 days')}, ${ago('89 days')}, ${ago('80 days')})`,
        [adaId],
      );

      const recentSince = new Date(Date.now() - 90 * 86_400_000).toISOString();
      const answer360 = await app.graphql(FIGURES, { id: adaId, recentSince }, await app.adminToken());
      expect(answer360.errors).toBeUndefined();
      api = answer360.data.customer;
    },
    onPage: (page) =>
      page.on('request', (request) => {
        if (request.url().endsWith('/graphql')) operations.push(JSON.parse(request.postData() ?? '{}').query ?? '');
      }),
  });

  /** Arrange helpers: every moment is relative to now, so health and service levels are judged as a person would see them. */
  const ago = (interval: string) => `now() - interval '${interval}'`;
  async function purchase(customerId: string, amount: string, currency: string, kind: string, product: string, when: string) {
    await ui.app.sql(`insert into purchase (customer_id, amount, currency, kind, product, purchased_at) values (?, ?, ?, ?, ?, ${ago(when)})`, [
      customerId, amount, currency, kind, product,
    ]);
  }
  async function answer(customerId: string, kind: string, score: number, team: string, channel: string, stage: string, when: string) {
    await ui.app.sql(
      `insert into survey_response (customer_id, kind, score, team, channel, journey_stage, responded_at) values (?, ?, ?, ?, ?, ?, ${ago(when)})`,
      [customerId, kind, score, team, channel, stage],
    );
  }

  const shown = (testId: string) => ui.page.getByTestId(testId).first().innerText();
  const timelineEvents = () => ui.page.getByTestId('timeline-event');

  it('signs in and lists customers with health, lifetime value and last interaction', async () => {
    await ui.page.goto(ui.app.url);
    await ui.page.getByLabel('Email').fill(ADMIN_EMAIL);
    await ui.page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await ui.page.getByRole('button', { name: /sign in/i }).click();
    // An ADMIN starts on the dashboard (auth/permissions.ts homePath); the customers are one click away.
    await ui.page.waitForURL(/\/dashboard$/, { timeout: 15_000 });
    await ui.page.goto(`${ui.app.url}/customers`);
    const ada = ui.page.locator('tbody tr', { hasText: 'Ada Lovelace' });
    await ada.waitFor({ timeout: 15_000 });
    const row = await ada.innerText();
    expect(row).toContain('USD 1,551.49');
    expect(row).toContain(RISK_LABELS[api.health.churnRisk]);
    expect(await ui.page.locator('tbody tr', { hasText: 'Eve Empty' }).innerText()).toContain('Never');
    // The figures of the whole page come with the page itself, not one request per row.
    const figureRequests = operations.filter((query) => /\bhealth\b|\blifetimeValue\b/.test(query));
    expect(figureRequests.length).toBeGreaterThan(0);
    expect(figureRequests.every((query) => /query Customers\b/.test(query))).toBe(true);
  });

  it('opens the customer and shows the figures the API gives for them', async () => {
    operations.length = 0;
    await ui.page.locator('tbody tr', { hasText: 'Ada Lovelace' }).click();
    await ui.page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor({ timeout: 10_000 });
    await ui.page.getByTestId('ltv-historical').waitFor();

    expect(api.lifetimeValue.currency).toBe('USD');
    expect(await shown('ltv-historical')).toBe('USD 1,551.49');
    expect(await shown('ltv-historical')).toBe(money(api.lifetimeValue.historicalValue, 'USD'));
    expect(await shown('ltv-predicted')).toBe(money(api.lifetimeValue.predictedValue, 'USD'));
    expect(await ui.page.getByText('Not counted: purchases in EUR.').count()).toBe(1);

    expect(await shown('csat-score')).toBe(`${asShown(api.satisfaction.csat.score)}%`);
    expect(await shown('csat-score')).toBe('50%');
    expect(await shown('nps-score')).toBe(asShown(api.satisfaction.nps.score));
    expect(await shown('nps-score')).toBe('33.33');
    expect(await ui.page.getByText('Promoters: 2 · Passives: 0 · Detractors: 1').count()).toBe(1);
    expect(await shown('ces-average')).toBe(asShown(api.satisfaction.ces.average));
    expect(await shown('nps-latest-category')).toBe('Promoter');

    expect(await shown('health-score')).toBe(String(api.health.score));
    expect(await shown('health-risk')).toBe(RISK_LABELS[api.health.churnRisk]);
    expect(await ui.page.getByTestId('health-factor').count()).toBe(6);

    expect(api.slaState.openBreaches).toBe(2);
    expect(await shown('sla-open-breaches')).toBe(String(api.slaState.openBreaches));

    // Profile and every card in one request.
    const cardRequests = operations.filter((query) => /\b(lifetimeValue|satisfaction|health|slaState)\b/.test(query));
    expect(cardRequests).toHaveLength(1);
    expect(cardRequests[0]).toMatch(/lifetimeValue[\s\S]*satisfaction[\s\S]*health[\s\S]*slaState/);
  });

  it('shows the last 90 days of satisfaction when asked', async () => {
    await ui.page.getByRole('button', { name: 'Last 90 days' }).click();
    await expect.poll(() => shown('csat-score')).toBe(`${asShown(api.recent.csat.score)}%`);
    expect(await shown('csat-score')).toBe('66.67%');
    expect(await shown('nps-score')).toBe(asShown(api.recent.nps.score));
    expect(await shown('ces-average')).toBe(asShown(api.recent.ces.average));
    await ui.page.getByRole('button', { name: 'All time' }).click();
    await expect.poll(() => shown('csat-score')).toBe('50%');
  });

  it('lists the timeline newest first, and loads the next page when its end scrolls into view', async () => {
    const expected = api.timeline.nodes as { id: string; kind: string; occurredAt: string }[];
    expect(api.timeline.totalCount).toBe(44);
    await timelineEvents().first().waitFor();
    await expect.poll(() => timelineEvents().count()).toBe(20);

    const first = timelineEvents().first();
    expect(await first.getAttribute('data-event-id')).toBe(expected[0]!.id);
    expect(await first.innerText()).toContain('Login help');
    expect(await first.innerText()).toContain('On track');
    const ids = () => timelineEvents().evaluateAll((items) => items.map((item) => item.getAttribute('data-event-id')));
    expect(await ids()).toEqual(expected.slice(0, 20).map((event) => event.id));

    const scroller = ui.page.getByTestId('timeline-scroller');
    await scroller.scrollIntoViewIfNeeded();
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect.poll(() => timelineEvents().count()).toBe(40);
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect.poll(() => timelineEvents().count()).toBe(44);
    expect(await ids()).toEqual(expected.map((event) => event.id));
    expect(await ui.page.getByTestId('timeline-count').innerText()).toBe('44 of 44 events');
    // A refund counts negative, exactly.
    expect(await ui.page.getByTestId('timeline-amount').allInnerTexts()).toContain('-USD 49.00');
  });

  it('narrows the timeline with a kind filter, starting it again', async () => {
    await ui.page.getByTestId('timeline-kind-filter').getByRole('button', { name: 'Purchases' }).click();
    await expect.poll(() => timelineEvents().count()).toBe(api.purchaseEvents.totalCount);
    expect(api.purchaseEvents.totalCount).toBe(5);
    expect(await timelineEvents().evaluateAll((items) => items.map((item) => item.getAttribute('data-event-id')))).toEqual(
      api.purchaseEvents.nodes.map((event: { id: string }) => event.id),
    );
    expect(new Set(await timelineEvents().evaluateAll((items) => items.map((item) => item.getAttribute('data-kind'))))).toEqual(new Set(['PURCHASE']));
    await ui.page.getByTestId('timeline-kind-filter').getByRole('button', { name: 'All' }).click();
    await expect.poll(() => timelineEvents().count()).toBe(20);
  });

  it('says what is missing for a customer without history, never showing 0 for no answers', async () => {
    await ui.page.goto(`${ui.app.url}/customers`);
    await ui.page.locator('tbody tr', { hasText: 'Eve Empty' }).click();
    await ui.page.getByRole('heading', { name: 'Eve Empty' }).waitFor({ timeout: 10_000 });
    await ui.page.getByText('No purchases yet: lifetime value starts with the first purchase.').waitFor();
    expect(await ui.page.getByText('No survey answers yet', { exact: false }).count()).toBe(1);
    expect(await ui.page.getByTestId('csat-score').count()).toBe(0);
    await ui.page.getByTestId('timeline-empty').waitFor();
    expect(await shown('timeline-empty')).toContain('No events yet');
    expect(await shown('sla-open-breaches')).toBe('0');
  });
});
