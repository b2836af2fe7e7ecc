import { expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/app.js';
import { describeInChromium, useConsoleBrowser } from '../support/console-browser.js';
import { insertCustomer } from '../support/fixtures.js';

/** The first quarter of 2026 in UTC: the dashboard's URL and the same period asked of the API. */
const DASHBOARD_PATH = '/dashboard?from=2026-01-01&to=2026-03-31&interval=MONTH&timeZone=UTC';
const PERIOD = { from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };

/** The dashboard's figures, asked of the API the way an integrator would. */
const FIGURES = `query Figures($from: DateTimeISO!, $to: DateTimeISO!) {
  byTeam: metrics(from: $from, to: $to, groupBy: TEAM) { series { group points { satisfaction { nps { score total } } } } }
  byChannel: metrics(from: $from, to: $to, groupBy: ACQUISITION_CHANNEL) {
    series { group points { acquisition { spend newCustomers averageHistoricalLifetimeValue cac ltvToCac } } }
  }
  cohortRetention(from: $from, to: $to, months: 3) { cohorts { month size retention } }
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
const money = (value: string) => (value.startsWith('-') ? `-USD ${asShown(value.slice(1), 2)}` : `USD ${asShown(value, 2)}`);

describeInChromium('dashboard in Chromium', () => {
  let api: any;
  /** The GraphQL documents the console posted, to check how many requests the dashboard costs. */
  const operations: string[] = [];
  const variablesPosted: Record<string, unknown>[] = [];

  const ui = useConsoleBrowser({
    context: { viewport: { width: 1440, height: 900 } },
    setup: async (app) => {
      const ids: Record<string, string> = {};
      ids.ada = await insertCustomer(app, { name: 'Ada Paid', acquisitionChannel: 'PAID_SEARCH', createdAt: '2026-01-10T00:00:00Z' });
      ids.ben = await insertCustomer(app, { name: 'Ben Paid', acquisitionChannel: 'PAID_SEARCH', createdAt: '2026-02-05T00:00:00Z' });
      ids.cleo = await insertCustomer(app, {
        name: 'Cleo Referred', acquisitionChannel: 'REFERRAL', lifecycleStage: 'CHURNED', createdAt: '2026-01-20T00:00:00Z', churnedAt: '2026-03-10T00:00:00Z',
      });
      ids.dan = await insertCustomer(app, { name: 'Dan Early', acquisitionChannel: 'REFERRAL', createdAt: '2025-11-01T00:00:00Z' });
      // Acquired mid last month: in the default period, with months after it still to come.
      const today = new Date();
      await insertCustomer(app, { name: 'Eve Recent', createdAt: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 15)).toISOString() });

      const buy = (who: string, amount: string, kind: string, at: string) =>
        app.sql(`insert into purchase (customer_id, amount, currency, kind, purchased_at) values (?, ?, 'USD', ?, ?)`, [ids[who], amount, kind, at]);
      await buy('ada', '1200.00', 'SUBSCRIPTION', '2026-01-15T00:00:00Z');
      await buy('ben', '300.50', 'ONE_TIME', '2026-02-10T00:00:00Z');
      await buy('cleo', '99.99', 'ONE_TIME', '2026-01-21T00:00:00Z');
      await buy('dan', '49.00', 'REFUND', '2026-03-05T00:00:00Z');

      const spend = (channel: string, month: string, next: string, amount: string) =>
        app.sql(`insert into acquisition_spend (channel, period_start, period_end, amount, currency) values (?, ?, ?, ?, 'USD')`, [channel, month, next, amount]);
      await spend('PAID_SEARCH', '2026-01-01', '2026-02-01', '1000.00');
      await spend('PAID_SEARCH', '2026-02-01', '2026-03-01', '500.00');
      await spend('REFERRAL', '2026-01-01', '2026-02-01', '200.00');

      const answer = (who: string, kind: string, score: number, team: string, stage: string, at: string) =>
        app.sql(`insert into survey_response (customer_id, kind, score, team, journey_stage, responded_at) values (?, ?, ?, ?, ?, ?)`, [
          ids[who], kind, score, team, stage, at,
        ]);
      await answer('ada', 'NPS', 10, 'SERVICE', 'ONBOARDING', '2026-01-12T00:00:00Z');
      await answer('dan', 'NPS', 3, 'SALES', 'SUPPORT', '2026-02-14T00:00:00Z');
      await answer('ben', 'NPS', 9, 'SERVICE', 'ADOPTION', '2026-03-02T00:00:00Z');
      await answer('dan', 'NPS', 6, 'SERVICE', 'SUPPORT', '2026-03-04T00:00:00Z');
      await answer('ada', 'CSAT', 5, 'SERVICE', 'SUPPORT', '2026-01-20T00:00:00Z');
      await answer('dan', 'CSAT', 2, 'SERVICE', 'SUPPORT', '2026-03-03T00:00:00Z');

      // One inbound email answered after two days (a breach of the 24-hour SLA), one within the hour.
      const touch = (who: string, at: string, respondedAt: string) =>
        app.sql(`insert into interaction (customer_id, channel, direction, team, occurred_at, responded_at) values (?, 'EMAIL', 'INBOUND', 'SERVICE', ?, ?)`, [
          ids[who], at, respondedAt,
        ]);
      await touch('ada', '2026-01-05T00:00:00Z', '2026-01-07T00:00:00Z');
      await touch('dan', '2026-02-06T00:00:00Z', '2026-02-06T00:30:00Z');
      await app.sql(
        `insert into handoff (customer_id, from_team, to_team, summary, customer_goals, commitments, status, requested_at, due_at, accepted_at)
         values (?, 'SALES', 'SERVICE', 'Onboarding', 'Go live', 'Training', 'ACCEPTED', '2026-01-11T00:00:00Z', '2026-01-12T00:00:00Z', '2026-01-11T04:00:00Z')`,
        [ids.ada],
      );

      const answerOfApi = await app.graphql(FIGURES, PERIOD, await app.adminToken());
      expect(answerOfApi.errors).toBeUndefined();
      api = answerOfApi.data;
    },
    onPage: (page) =>
      page.on('request', (request) => {
        if (!request.url().endsWith('/graphql')) return;
        const body = JSON.parse(request.postData() ?? '{}');
        operations.push(body.query ?? '');
        variablesPosted.push(body.variables ?? {});
      }),
  });

  const chart = (id: string) => ui.page.getByTestId(`chart-${id}`);
  const channelOf = (group: string) => api.byChannel.series.find((series: { group: string | null }) => series.group === group).points[0].acquisition;

  it('signs in and opens the dashboard from the menu, every figure in one request', async () => {
    await ui.page.goto(ui.app.url);
    await ui.page.getByLabel('Email').fill(ADMIN_EMAIL);
    await ui.page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await ui.page.getByRole('button', { name: /sign in/i }).click();
    // An ADMIN starts on the dashboard (auth/permissions.ts homePath); the customers are one click away.
    await ui.page.waitForURL(/\/dashboard$/, { timeout: 15_000 });
    await ui.page.goto(`${ui.app.url}/customers`);
    await ui.page.locator('tbody tr').first().waitFor({ timeout: 15_000 });

    operations.length = 0;
    await ui.page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await ui.page.getByTestId('dashboard').waitFor();
    await chart('acquisition').waitFor({ timeout: 15_000 });
    expect(operations.filter((query) => /\bmetrics\s*\(/.test(query))).toHaveLength(1);
    expect(operations.filter((query) => /\bcohortRetention\b/.test(query))).toHaveLength(1);
    const [dashboardQuery] = operations.filter((query) => /\bmetrics\s*\(/.test(query));
    expect(dashboardQuery!.match(/\bmetrics\s*\(/g)!.length).toBeGreaterThanOrEqual(4);
    expect(dashboardQuery).toMatch(/\bcohortRetention\s*\(/);
  });

  it('draws every chart for a fixed period', async () => {
    operations.length = 0;
    await ui.page.goto(`${ui.app.url}${DASHBOARD_PATH}`);
    await chart('acquisition').locator('g[data-series="cac"] rect').first().waitFor({ timeout: 15_000 });
    expect(operations.filter((query) => /\bmetrics\s*\(/.test(query))).toHaveLength(1);

    for (const id of ['satisfaction', 'churn', 'revenue', 'response-sla', 'handoffs']) {
      expect(await chart(id).locator('svg path.MuiLineChart-line').count(), id).toBeGreaterThan(0);
    }
    for (const id of ['nps-by-team', 'nps-by-journey-stage', 'acquisition']) {
      expect(await chart(id).locator('svg g[data-series] rect').count(), id).toBeGreaterThan(0);
    }
    // The pickers show the period of the URL.
    expect(await ui.page.locator('input[name="from"]').inputValue()).toBe('2026-01-01');
    expect(await ui.page.locator('input[name="to"]').inputValue()).toBe('2026-03-31');
  });

  it('keeps a picker’s change in the URL and asks again, in one request', async () => {
    operations.length = 0;
    variablesPosted.length = 0;
    await ui.page.getByRole('combobox', { name: 'Interval' }).click();
    await ui.page.getByRole('option', { name: 'Week' }).click();
    await ui.page.waitForURL(/interval=WEEK/);
    const search = new URL(ui.page.url()).searchParams;
    expect(Object.fromEntries(search)).toEqual({ from: '2026-01-01', to: '2026-03-31', interval: 'WEEK', timeZone: 'UTC' });
    // 1 January 2026 is a Thursday: a first short week, then twelve from Monday 5 January, and one short week at the end.
    await expect.poll(() => chart('satisfaction').locator('.MuiChartsAxis-directionX .MuiChartsAxis-tickContainer').count(), { timeout: 15_000 }).toBe(14);
    expect(operations.filter((query) => /\bmetrics\s*\(/.test(query))).toHaveLength(1);
    expect(variablesPosted.at(-1)).toMatchObject({ from: PERIOD.from.replace('Z', '.000Z'), to: PERIOD.to.replace('Z', '.000Z'), interval: 'WEEK', timeZone: 'UTC' });
    await ui.page.goto(`${ui.app.url}${DASHBOARD_PATH}`);
    await chart('acquisition').locator('g[data-series="cac"] rect').first().waitFor({ timeout: 15_000 });
  });

  it('shows the figures the API gives for the same period', async () => {
    // NPS by team: the overall figure and each team's bar label, as exact strings.
    const teams = api.byTeam.series as { group: string | null; points: { satisfaction: { nps: { score: string | null } } | null }[] }[];
    const overall = teams.find((series) => series.group === null)!.points[0]!.satisfaction!.nps.score!;
    expect(overall).toBe('0.00'); // promoters 2, detractors 2 of 4 answers
    expect(await ui.page.getByTestId('nps-by-team-overall').innerText()).toBe(asShown(overall));
    const service = teams.find((series) => series.group === 'SERVICE')!.points[0]!.satisfaction!.nps.score!;
    expect(service).toBe('33.33');
    await expect.poll(() => chart('nps-by-team').locator('svg text').allTextContents()).toContain(asShown(service));

    // CAC and LTV by channel: spend 1500 for 2 new customers; their value (1200 + 300.50) ÷ 2.
    const paid = channelOf('PAID_SEARCH');
    expect(paid).toMatchObject({ cac: '750.0000', averageHistoricalLifetimeValue: '750.2500', newCustomers: 2 });
    const row = ui.page.locator('[data-testid="acquisition-row"][data-channel="PAID_SEARCH"]');
    expect(await row.getByTestId('acquisition-cac').innerText()).toBe(money(paid.cac));
    expect(await row.getByTestId('acquisition-ltv').innerText()).toBe(money(paid.averageHistoricalLifetimeValue));
    expect(await row.getByTestId('acquisition-ltv-to-cac').innerText()).toBe(asShown(paid.ltvToCac));
    // LTV:CAC under the channel's name on the axis.
    expect(await chart('acquisition').locator('svg text').allTextContents()).toContainEqual(expect.stringContaining(`LTV:CAC ${asShown(paid.ltvToCac)}`));

    // The tooltip of a bar gives the exact figure too.
    await chart('acquisition').locator('g[data-series="cac"] rect').first().hover();
    await expect.poll(() => ui.page.locator('.MuiChartsTooltip-root').allInnerTexts(), { timeout: 10_000 }).toContainEqual(
      expect.stringContaining(money(paid.cac)),
    );
    await ui.page.mouse.move(0, 0);
  });

  it('shades the cohort heat map with the API’s retention', async () => {
    const cohorts = api.cohortRetention.cohorts as { month: string; size: number; retention: (string | null)[] }[];
    // January: Ada and Cleo (who churned in March); February: Ben. No one was acquired in March.
    expect(cohorts.map((cohort) => [cohort.month, cohort.size])).toEqual([
      ['2026-01-01T00:00:00.000Z', 2],
      ['2026-02-01T00:00:00.000Z', 1],
    ]);
    const rows = ui.page.getByTestId('cohort-row');
    await expect.poll(() => rows.count()).toBe(cohorts.length);
    for (const [index, cohort] of cohorts.entries()) {
      const cells = await rows.nth(index).getByTestId('cohort-cell').allInnerTexts();
      expect(cells).toEqual(cohort.retention.map((value) => `${asShown(value!)}%`));
    }
    expect(await rows.first().getByTestId('cohort-cell').allInnerTexts()).toEqual(['100%', '100%', '50%']);
  });

  it('opens the customers acquired through a channel when its bar is clicked', async () => {
    const channels = (api.byChannel.series as { group: string | null }[]).filter((series) => series.group !== null).map((series) => series.group);
    const index = channels.indexOf('PAID_SEARCH');
    expect(index).toBeGreaterThanOrEqual(0);
    await chart('acquisition').locator('g[data-series="cac"] rect').nth(index).click();
    await ui.page.waitForURL(/\/customers\?/);
    const url = new URL(ui.page.url());
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ acquisitionChannel: 'PAID_SEARCH' });
    await expect.poll(() => ui.page.locator('tbody tr').allInnerTexts(), { timeout: 15_000 }).toEqual([
      expect.stringContaining('Ada Paid'),
      expect.stringContaining('Ben Paid'),
    ]);
  });

  it('opens the customers behind a bucket of answers, shows what narrowed the list, and clears it', async () => {
    await ui.page.goto(`${ui.app.url}${DASHBOARD_PATH}`);
    const marks = chart('satisfaction').locator('.MuiLineChart-mark[data-series="nps"]');
    await marks.first().waitFor({ timeout: 15_000 });
    await marks.nth(2).click();
    await ui.page.waitForURL(/\/customers\?/);
    // March's NPS answers: Ben's 9 and Dan's 6 (dashboard/drillDown.ts activityFilter).
    expect(JSON.parse(new URL(ui.page.url()).searchParams.get('filter')!)).toEqual({
      activity: { kind: 'SURVEY_ANSWER', surveyKinds: ['NPS'], after: '2026-03-01T00:00:00.000Z', before: '2026-04-01T00:00:00.000Z' },
    });
    await expect.poll(() => ui.page.locator('tbody tr').allInnerTexts(), { timeout: 15_000 }).toEqual([
      expect.stringContaining('Ben Paid'),
      expect.stringContaining('Dan Early'),
    ]);
    const chip = ui.page.getByTestId('customer-activity-filter');
    expect(await chip.innerText()).toMatch(/^Answered a survey from .+ to before .+ · Survey: NPS$/);
    await chip.locator('.MuiChip-deleteIcon').click();
    await expect.poll(() => ui.page.locator('tbody tr').count(), { timeout: 15_000 }).toBe(5);
    expect(await ui.page.getByTestId('customer-activity-filter').count()).toBe(0);

    // A team's bar: the NPS answers that rated the team in the period, here Dan's for Sales.
    await ui.page.goto(`${ui.app.url}${DASHBOARD_PATH}`);
    const teams = (api.byTeam.series as { group: string | null }[]).filter((series) => series.group !== null).map((series) => series.group);
    const sales = teams.indexOf('SALES');
    expect(sales).toBeGreaterThanOrEqual(0);
    await chart('nps-by-team').locator('g[data-series="nps"] rect').nth(sales).click();
    await ui.page.waitForURL(/\/customers\?/);
    expect(JSON.parse(new URL(ui.page.url()).searchParams.get('filter')!)).toEqual({
      activity: { kind: 'SURVEY_ANSWER', surveyKinds: ['NPS'], teams: ['SALES'], after: '2026-01-01T00:00:00.000Z', before: '2026-04-01T00:00:00.000Z' },
    });
    await expect.poll(() => ui.page.locator('tbody tr').allInnerTexts(), { timeout: 15_000 }).toEqual([expect.stringContaining('Dan Early')]);
    expect(await ui.page.getByTestId('customer-activity-filter').innerText()).toContain('Team: Sales');
  });

  it('stacks the charts on a narrow screen', async () => {
    await ui.page.setViewportSize({ width: 390, height: 844 });
    await ui.page.goto(`${ui.app.url}${DASHBOARD_PATH}`);
    await chart('churn').locator('svg path.MuiLineChart-line').first().waitFor({ timeout: 15_000 });
    const first = (await chart('satisfaction').boundingBox())!;
    const second = (await chart('churn').boundingBox())!;
    expect(Math.abs(first.x - second.x)).toBeLessThan(2);
    expect(second.y).toBeGreaterThanOrEqual(first.y + first.height);
    expect(first.width).toBeLessThanOrEqual(390);
    await ui.page.setViewportSize({ width: 1440, height: 900 });
  });

  it('opens on the last 12 full months in the browser’s time zone, months still to come left blank', async () => {
    await ui.page.goto(`${ui.app.url}/dashboard`);
    await ui.page.getByTestId('cohort-row').first().waitFor({ timeout: 15_000 });
    const timeZone = await ui.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(await ui.page.locator('input[name="timeZone"]').inputValue()).toBe(timeZone);
    const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number) as [number, number];
    const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
    expect(await ui.page.locator('input[name="from"]').inputValue()).toBe(day(year - 1, month, 1));
    expect(await ui.page.locator('input[name="to"]').inputValue()).toBe(day(year, month, 0));

    // Eve's cohort (last month): one month has passed, the other eleven are blank, never 0.
    const eve = ui.page.getByTestId('cohort-row').last();
    const cells = await eve.getByTestId('cohort-cell').allInnerTexts();
    expect(cells).toHaveLength(12);
    expect(cells[0]).toBe('100%');
    expect(cells.slice(1)).toEqual(Array(11).fill(''));
    expect(await eve.locator('[data-testid="cohort-cell"][data-empty="true"]').count()).toBe(11);
  });

  it('draws a line per acquisition channel when grouped, and opens the customers behind a channel’s point', async () => {
    await ui.page.goto(`${ui.app.url}${DASHBOARD_PATH}&groupBy=ACQUISITION_CHANNEL`);
    const referral = chart('churn').locator('.MuiLineChart-mark[data-series="group:REFERRAL"]');
    await referral.first().waitFor({ timeout: 15_000 });
    expect(await chart('churn').locator('path.MuiLineChart-line').evaluateAll((lines) => lines.map((line) => line.getAttribute('data-series')))).toEqual([
      'group:',
      'group:PAID_SEARCH',
      'group:REFERRAL',
    ]);
    // Team groups do not describe customers: the churn chart stays one line, and says why.
    await ui.page.goto(`${ui.app.url}${DASHBOARD_PATH}&groupBy=TEAM`);
    await chart('churn').getByTestId('chart-not-split').waitFor({ timeout: 15_000 });
    expect(await chart('churn').locator('path.MuiLineChart-line').count()).toBe(1);

    await ui.page.goto(`${ui.app.url}${DASHBOARD_PATH}&groupBy=ACQUISITION_CHANNEL`);
    await referral.last().click();
    await ui.page.waitForURL(/\/customers\?/);
    // March's churn of referred customers: those active on 1 March who churned in March (dashboard/drillDown.ts).
    expect(JSON.parse(new URL(ui.page.url()).searchParams.get('filter')!)).toEqual({
      acquisitionChannel: 'REFERRAL',
      acquiredBefore: '2026-03-01T00:00:00.000Z',
      churnedAfter: '2026-03-01T00:00:00.000Z',
      churnedBefore: '2026-04-01T00:00:00.000Z',
    });
    await expect.poll(() => ui.page.locator('tbody tr').allInnerTexts(), { timeout: 15_000 }).toEqual([expect.stringContaining('Cleo Referred')]);
  });

  it('says why there is nothing to show, and what went wrong', async () => {
    await ui.page.goto(`${ui.app.url}/dashboard?from=2024-01-01&to=2024-03-31&interval=MONTH&timeZone=UTC`);
    await chart('satisfaction').getByTestId('chart-empty').waitFor({ timeout: 15_000 });
    expect(await chart('satisfaction').innerText()).toContain('No CSAT or NPS answers in this period.');
    expect(await chart('cohorts').innerText()).toContain('No customers acquired in this period.');

    // Some 1,900 daily buckets: the API refuses (at most 1,000), the dashboard says so.
    await ui.page.goto(`${ui.app.url}/dashboard?from=2021-01-01&to=2026-03-31&interval=DAY&timeZone=UTC`);
    await ui.page.getByTestId('dashboard-error').waitFor({ timeout: 15_000 });
    expect(await ui.page.getByTestId('dashboard-error').innerText()).toContain('The dashboard could not be loaded.');
  });
});
