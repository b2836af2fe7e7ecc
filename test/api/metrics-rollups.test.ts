import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer } from '../support/fixtures.js';

// The metrics report answers revenue and the response SLA from hourly rollups kept by triggers
// when it can, and from raw rows otherwise (a customer filter, a customer dimension, a time zone
// or period off the hour). Both must always agree: every write that moves a figure must move
// the rollups too. A filter naming every lifecycle stage selects the same customers as no
// filter, but forces the raw path — so the two reports below must be identical.
let app: TestApp;
let token: string;
const customers: string[] = [];

const EVERY_STAGE = { lifecycleStages: ['LEAD', 'PROSPECT', 'CUSTOMER', 'CHURNED'] };
const REPORT = `query($from: DateTimeISO!, $to: DateTimeISO!, $interval: MetricInterval, $groupBy: MetricDimension, $timeZone: String!, $currency: String!, $filter: CustomerFilter) {
  metrics(from: $from, to: $to, interval: $interval, groupBy: $groupBy, timeZone: $timeZone, currency: $currency, filter: $filter) {
    series { group points { start end revenue { net purchases refunds } responseSla { breachRate breached inbound } } }
  }
}`;

async function report(variables: Record<string, unknown>) {
  const result = await app.graphql(REPORT, { timeZone: 'UTC', currency: 'USD', ...variables }, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.metrics.series;
}

const PERIODS = [
  { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z', interval: 'MONTH' },
  { from: '2026-03-01T00:00:00Z', to: '2026-05-01T00:00:00Z', interval: 'WEEK' },
  { from: '2026-03-30T16:00:00Z', to: '2026-04-09T16:00:00Z', interval: 'DAY', timeZone: 'Asia/Shanghai' },
  { from: '2026-02-01T05:00:00Z', to: '2026-08-01T05:00:00Z', interval: 'MONTH', timeZone: 'America/New_York', currency: 'EUR' },
  { from: '2026-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' },
];

/** Every period and grouping: the rollup answer equals the raw answer. */
async function expectRollupsAgreeWithRawRows(step: string) {
  for (const period of PERIODS) {
    for (const groupBy of [null, 'TEAM', 'CHANNEL', 'JOURNEY_STAGE']) {
      const fromRollups = await report({ ...period, groupBy });
      const fromRows = await report({ ...period, groupBy, filter: EVERY_STAGE });
      expect(fromRollups, `${step}: ${JSON.stringify(period)} by ${groupBy}`).toEqual(fromRows);
    }
  }
}

/** A small deterministic generator: the same rows on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  const next = random(20261123);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  const moment = () => new Date(Date.parse('2026-01-01T00:00:00Z') + Math.floor(next() * 330 * 24) * 3_600_000 + Math.floor(next() * 3_600_000));
  for (let i = 0; i < 24; i++) {
    customers.push(await insertCustomer(app, { name: `Customer ${i}`, archivedAt: i % 6 === 5 ? '2026-06-01T00:00:00Z' : null }));
  }
  for (let i = 0; i < 400; i++) {
    const occurred = moment();
    const answered = next() < 0.85 ? new Date(occurred.getTime() + Math.floor(next() * 60) * 3_600_000) : null;
    await app.sql(
      `insert into interaction (customer_id, channel, direction, team, journey_stage, occurred_at, responded_at) values (?, ?, ?, ?, ?, ?, ?)`,
      [pick(customers), pick(['EMAIL', 'PHONE', 'CHAT', 'WECHAT']), next() < 0.7 ? 'INBOUND' : 'OUTBOUND', pick(['SALES', 'SERVICE', 'SUCCESS']),
        pick([null, 'ONBOARDING', 'SUPPORT', 'RENEWAL']), occurred, answered],
    );
  }
  for (let i = 0; i < 200; i++) {
    await app.sql(`insert into purchase (customer_id, amount, currency, kind, purchased_at) values (?, ?, ?, ?, ?)`, [
      pick(customers), (Math.floor(next() * 100_000) / 100).toFixed(2), pick(['USD', 'USD', 'EUR']), pick(['ONE_TIME', 'SUBSCRIPTION', 'REFUND']), moment(),
    ]);
  }
});
afterAll(() => app?.close());

describe('metric rollups', () => {
  it('answer exactly what the raw rows answer, for every period, time zone, currency and grouping', async () => {
    await expectRollupsAgreeWithRawRows('as loaded');
  });

  it('are what answers an unfiltered report (a tampered rollup shows in it)', async () => {
    const period = PERIODS[0]!;
    const before = await report(period);
    await app.sql(`update revenue_hourly set net = net + 1 where currency = 'USD' and hour = (select min(hour) from revenue_hourly where currency = 'USD')`);
    await app.sql(`update inbound_response_hourly set answered = answered + 1 where dimension = 'TEAM' and hour = (select min(hour) from inbound_response_hourly)`);
    try {
      const tampered = await report(period);
      expect(tampered).not.toEqual(before);
      expect(await report({ ...period, filter: EVERY_STAGE })).toEqual(before);
    } finally {
      await app.sql(`update revenue_hourly set net = net - 1 where currency = 'USD' and hour = (select min(hour) from revenue_hourly where currency = 'USD')`);
      await app.sql(`update inbound_response_hourly set answered = answered - 1 where dimension = 'TEAM' and hour = (select min(hour) from inbound_response_hourly)`);
    }
    expect(await report(period)).toEqual(before);
  });

  it('follow every write that moves a figure', async () => {
    const mutate = async (text: string, input: Record<string, unknown>) => {
      const result = await app.graphql(text, { input }, token);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      const payload = Object.values(result.data as Record<string, { userErrors: unknown[] }>)[0]!;
      expect(payload.userErrors).toEqual([]);
      return payload as any;
    };
    const version = async (id: string) => (await app.sql<{ version: number }>(`select version from customer where id = ?`, [id]))[0]!.version;

    // Recording: a purchase, a refund of it, an inbound interaction, then its answer, late.
    const bought = await mutate(`mutation($input: PurchaseRecordInput!) { purchaseRecord(input: $input) { purchase { id } userErrors { code } } }`,
      { customerId: customers[0], amount: '123.45', currency: 'USD', kind: 'ONE_TIME', purchasedAt: '2026-03-03T10:20:00Z' });
    await mutate(`mutation($input: PurchaseRefundInput!) { purchaseRefund(input: $input) { purchase { id } userErrors { code } } }`,
      { purchaseId: bought.purchase.id, amount: '23.45', refundedAt: '2026-04-04T11:00:00Z' });
    const logged = await mutate(`mutation($input: InteractionLogInput!) { interactionLog(input: $input) { interaction { id } userErrors { code } } }`,
      { customerId: customers[1], channel: 'CHAT', direction: 'INBOUND', team: 'SERVICE', journeyStage: 'SUPPORT', occurredAt: '2026-03-10T08:15:00Z' });
    await expectRollupsAgreeWithRawRows('after recording');
    await mutate(`mutation($input: InteractionMarkRespondedInput!) { interactionMarkResponded(input: $input) { interaction { id } userErrors { code } } }`,
      { id: logged.interaction.id, respondedAt: '2026-03-13T08:15:00Z' });
    await expectRollupsAgreeWithRawRows('after answering');

    // A new response SLA re-counts lateness of every answered interaction of the team.
    const teams = await app.graphql(`{ teamSlas { team version } }`, {}, token);
    const service = teams.data.teamSlas.find((t: { team: string }) => t.team === 'SERVICE');
    await mutate(`mutation($input: TeamSlaUpdateInput!) { teamSlaUpdate(input: $input) { userErrors { code } } }`,
      { team: 'SERVICE', responseSlaMinutes: 180, version: service.version });
    await expectRollupsAgreeWithRawRows('after a new SLA');

    // Archiving takes a customer's rows out, restoring brings them back.
    await mutate(`mutation($input: CustomerVersionInput!) { customerArchive(input: $input) { userErrors { code } } }`, { id: customers[2], version: await version(customers[2]!) });
    await mutate(`mutation($input: CustomerVersionInput!) { customerRestore(input: $input) { userErrors { code } } }`, { id: customers[5], version: await version(customers[5]!) });
    await expectRollupsAgreeWithRawRows('after archiving and restoring');
  });
});
