import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer, insertStaff } from '../support/fixtures.js';

// Health and SLA filters judge "now", so the arranged rows are placed relative to it.
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

let app: TestApp;
let token: string;
const ids: Record<string, string> = {};

const survey = (name: string, kind: string, score: number, days: number) =>
  app.sql(`insert into survey_response (customer_id, kind, score, responded_at) values (?, ?, ?, ?)`, [ids[name], kind, score, daysAgo(days)]);
const touch = (name: string, days: number, direction = 'OUTBOUND') =>
  app.sql(`insert into interaction (customer_id, channel, direction, team, occurred_at) values (?, 'EMAIL', ?, 'SERVICE', ?)`, [ids[name], direction, daysAgo(days)]);
const buy = (name: string, amount: string, days: number, kind = 'ONE_TIME') =>
  app.sql(`insert into purchase (customer_id, amount, currency, kind, purchased_at) values (?, ?, 'USD', ?, ?)`, [ids[name], amount, kind, daysAgo(days)]);

async function names(variables: Record<string, unknown>): Promise<{ names: string[]; totalCount: number; endCursor: string }> {
  const result = await app.graphql(
    `query($first: Int, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
      customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount nodes { name } pageInfo { endCursor } } }`,
    variables,
    token,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const { nodes, totalCount, pageInfo } = result.data.customers;
  return { names: nodes.map((n: { name: string }) => n.name), totalCount, endCursor: pageInfo.endCursor };
}

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  const sales = await insertStaff(app, 'Sal Sales', 'SALES', 'SALES');
  const success = await insertStaff(app, 'Sue Success', 'SUCCESS', 'SUCCESS');

  // Health 50 + 20 (promoter) + 10 (CSAT 100 %) + 15 (1 day) + 0 + 5 (spend up) = 100, LOW. Value 500.
  ids['Alpha Promoter'] = await insertCustomer(app, { name: 'Alpha Promoter', ownerId: sales });
  await app.sql(`update customer set tags = '{vip}' where id = ?`, [ids['Alpha Promoter']]);
  await survey('Alpha Promoter', 'NPS', 10, 2);
  await survey('Alpha Promoter', 'CSAT', 5, 2);
  await touch('Alpha Promoter', 1);
  await buy('Alpha Promoter', '500.00', 10);

  // 50 − 20 (detractor) − 15 (CSAT 0 %) + 15 (3 days) − 10 (1 open breach) − 15 (spend 0 vs 100) = 5, HIGH. Value 100.
  ids['Bravo Detractor'] = await insertCustomer(app, { name: 'Bravo Detractor', ownerId: success });
  await app.sql(`update customer set tags = '{at-risk,vip}' where id = ?`, [ids['Bravo Detractor']]);
  await survey('Bravo Detractor', 'NPS', 3, 5);
  await survey('Bravo Detractor', 'CSAT', 1, 5);
  await touch('Bravo Detractor', 3, 'INBOUND'); // unanswered for 3 days: past the 24-hour SLA
  await buy('Bravo Detractor', '100.00', 100);

  // 50 + 5 (passive) + 0 − 10 (100 days) + 0 + 0 (no spend in 180 days) = 45, MEDIUM. Value 1000 − 250 = 750.
  ids['Charlie Quiet'] = await insertCustomer(app, { name: 'Charlie Quiet' });
  await survey('Charlie Quiet', 'NPS', 8, 150);
  await touch('Charlie Quiet', 100);
  await buy('Charlie Quiet', '1000.00', 300);
  await buy('Charlie Quiet', '250.00', 290, 'REFUND');

  // 50 − 20 (never contacted) = 30, HIGH. Value 0.
  ids['Delta Lead'] = await insertCustomer(app, { name: 'Delta Lead', lifecycleStage: 'LEAD' });
});
afterAll(() => app?.close());

describe('filters', () => {
  it.each([
    ['churn risk HIGH', { churnRisks: ['HIGH'] }, ['Bravo Detractor', 'Delta Lead']],
    ['churn risk LOW or MEDIUM', { churnRisks: ['LOW', 'MEDIUM'] }, ['Alpha Promoter', 'Charlie Quiet']],
    ['health at least 40', { healthMin: 40 }, ['Alpha Promoter', 'Charlie Quiet']],
    ['health at most 30 (inclusive)', { healthMax: 30 }, ['Bravo Detractor', 'Delta Lead']],
    ['health between 5 and 45', { healthMin: 5, healthMax: 45 }, ['Bravo Detractor', 'Charlie Quiet', 'Delta Lead']],
    ['lifetime value at least 500', { lifetimeValueMin: '500' }, ['Alpha Promoter', 'Charlie Quiet']],
    ['lifetime value at most 100', { lifetimeValueMax: '100.00' }, ['Bravo Detractor', 'Delta Lead']],
    ['latest NPS detractor or passive', { latestNpsCategories: ['DETRACTOR', 'PASSIVE'] }, ['Bravo Detractor', 'Charlie Quiet']],
    ['an open SLA breach', { hasOpenSlaBreach: true }, ['Bravo Detractor']],
    ['no open SLA breach', { hasOpenSlaBreach: false }, ['Alpha Promoter', 'Charlie Quiet', 'Delta Lead']],
    ['last interaction in the last week', { lastInteractionAfter: daysAgo(7) }, ['Alpha Promoter', 'Bravo Detractor']],
    ['no interaction in the last week', { lastInteractionBefore: daysAgo(7) }, ['Charlie Quiet', 'Delta Lead']],
    ['CSAT below 50 within 30 days', { csatBelow: { score: '50', withinDays: 30 } }, ['Bravo Detractor']],
    ['CSAT below 50 within 1 day (no answers: no match)', { csatBelow: { score: '50', withinDays: 1 } }, []],
    ["owner's team", { teams: ['SALES'] }, ['Alpha Promoter']],
    ['any of the tags', { tags: ['vip', 'nonexistent'] }, ['Alpha Promoter', 'Bravo Detractor']],
    ['health and a customer condition together', { churnRisks: ['HIGH'], lifecycleStages: ['LEAD'] }, ['Delta Lead']],
  ])('by %s', async (_label, filter, expected) => {
    const result = await names({ filter });
    expect(result.names).toEqual(expected);
    expect(result.totalCount).toBe(expected.length);
  });

  it('rejects out-of-range values with the field and the rule', async () => {
    for (const [filter, field] of [
      [{ healthMin: 101 }, ['filter', 'healthMin']],
      [{ csatBelow: { score: '50', withinDays: 0 } }, ['filter', 'csatBelow', 'withinDays']],
      [{ tags: [''] }, ['filter', 'tags', '0']],
    ] as const) {
      const result = await app.graphql('query($filter: CustomerFilter) { customers(filter: $filter) { totalCount } }', { filter }, token);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INVALID', field });
    }
  });
});

describe('orderings', () => {
  async function walk(orderBy: Record<string, string>, first = 1): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i += 1) {
      const page = await names({ first, after, orderBy });
      seen.push(...page.names);
      if (page.names.length < first) break;
      after = page.endCursor;
    }
    return seen;
  }

  it('by lifetime value, across pages', async () => {
    expect(await walk({ field: 'LIFETIME_VALUE', direction: 'DESC' })).toEqual(['Charlie Quiet', 'Alpha Promoter', 'Bravo Detractor', 'Delta Lead']);
    expect(await walk({ field: 'LIFETIME_VALUE', direction: 'ASC' }, 3)).toEqual(['Delta Lead', 'Bravo Detractor', 'Alpha Promoter', 'Charlie Quiet']);
  });

  it('by health, across pages', async () => {
    expect(await walk({ field: 'HEALTH', direction: 'ASC' })).toEqual(['Bravo Detractor', 'Delta Lead', 'Charlie Quiet', 'Alpha Promoter']);
    expect(await walk({ field: 'HEALTH', direction: 'DESC' }, 2)).toEqual(['Alpha Promoter', 'Charlie Quiet', 'Delta Lead', 'Bravo Detractor']);
  });

  it('by last interaction, never-contacted customers at the far end', async () => {
    expect(await walk({ field: 'LAST_INTERACTION_AT', direction: 'DESC' })).toEqual(['Alpha Promoter', 'Bravo Detractor', 'Charlie Quiet', 'Delta Lead']);
    expect(await walk({ field: 'LAST_INTERACTION_AT', direction: 'ASC' }, 2)).toEqual(['Delta Lead', 'Charlie Quiet', 'Bravo Detractor', 'Alpha Promoter']);
  });
});

describe('rollups', () => {
  it('follow every insert, update and delete of the rows behind them', async () => {
    const value = async () =>
      (await app.graphql('query($id: ID!) { customer(id: $id) { lifetimeValue { historicalValue } lastInteractionAt } }', { id: ids['Delta Lead'] }, token)).data
        .customer;
    await buy('Delta Lead', '40.00', 1);
    await buy('Delta Lead', '2.50', 1);
    await touch('Delta Lead', 2);
    expect((await names({ filter: { lifetimeValueMin: '42.5', lifetimeValueMax: '42.5' } })).names).toEqual(['Delta Lead']);
    await app.sql(`update purchase set amount = 60 where customer_id = ? and amount = 40`, [ids['Delta Lead']]);
    expect((await names({ filter: { lifetimeValueMin: '62.5', lifetimeValueMax: '62.5' } })).names).toEqual(['Delta Lead']);
    await app.sql(`delete from purchase where customer_id = ?`, [ids['Delta Lead']]);
    await app.sql(`delete from interaction where customer_id = ?`, [ids['Delta Lead']]);
    expect((await names({ filter: { lifetimeValueMax: '0' } })).names).toEqual(['Delta Lead']);
    expect(await value()).toEqual({ lifetimeValue: { historicalValue: '0.0000' }, lastInteractionAt: null });
  });
});
