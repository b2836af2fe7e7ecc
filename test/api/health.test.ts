import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer } from '../support/fixtures.js';

// As of 2026-06-30: the last 90 days start 2026-04-01, the 90 before start 2026-01-01.
const AS_OF = '2026-06-30T00:00:00.000Z';

let app: TestApp;
let token: string;
const ids: Record<string, string> = {};

const survey = (name: string, kind: string, score: number, at: string) =>
  app.sql(`insert into survey_response (customer_id, kind, score, responded_at) values (?, ?, ?, ?)`, [ids[name], kind, score, at]);
const touch = (name: string, at: string, direction = 'OUTBOUND') =>
  app.sql(`insert into interaction (customer_id, channel, direction, team, occurred_at) values (?, 'PHONE', ?, 'SALES', ?)`, [ids[name], direction, at]);
const buy = (name: string, amount: string, at: string) =>
  app.sql(`insert into purchase (customer_id, amount, currency, kind, purchased_at) values (?, ?, 'USD', 'RENEWAL', ?)`, [ids[name], amount, at]);

async function health(name: string) {
  const result = await app.graphql(
    `query($id: ID!, $asOf: DateTimeISO) { customer(id: $id) { health(asOf: $asOf) {
      asOf score churnRisk baseline factors { name rawValue contribution explanation } } } }`,
    { id: ids[name], asOf: AS_OF },
    token,
  );
  expect(result.errors).toBeUndefined();
  return result.data.customer.health;
}

const contributions = (h: { factors: { name: string; contribution: number }[] }) =>
  Object.fromEntries(h.factors.map((f) => [f.name, f.contribution]));

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  ids['Loyal Promoter'] = await insertCustomer(app, { name: 'Loyal Promoter', createdAt: '2025-01-01T00:00:00Z' });
  await survey('Loyal Promoter', 'NPS', 10, '2026-06-01T00:00:00Z');
  await survey('Loyal Promoter', 'CSAT', 5, '2026-05-01T00:00:00Z');
  await survey('Loyal Promoter', 'CSAT', 5, '2026-06-01T00:00:00Z');
  await touch('Loyal Promoter', '2026-06-20T00:00:00Z');
  await buy('Loyal Promoter', '100.00', '2026-02-01T00:00:00Z');
  await buy('Loyal Promoter', '150.00', '2026-05-01T00:00:00Z');

  ids['Churned Detractor'] = await insertCustomer(app, {
    name: 'Churned Detractor', lifecycleStage: 'CHURNED', createdAt: '2025-01-01T00:00:00Z', churnedAt: '2026-05-01T00:00:00Z',
  });
  await survey('Churned Detractor', 'NPS', 2, '2026-04-01T00:00:00Z');
  await survey('Churned Detractor', 'CSAT', 1, '2026-04-15T00:00:00Z');
  await touch('Churned Detractor', '2026-04-20T00:00:00Z');
  await buy('Churned Detractor', '200.00', '2026-02-01T00:00:00Z');

  ids['Silent Lead'] = await insertCustomer(app, { name: 'Silent Lead', lifecycleStage: 'LEAD' });

  ids['Middling'] = await insertCustomer(app, { name: 'Middling', createdAt: '2025-01-01T00:00:00Z' });
  await survey('Middling', 'NPS', 8, '2026-05-01T00:00:00Z');
  await survey('Middling', 'CSAT', 4, '2026-05-01T00:00:00Z');
  await survey('Middling', 'CSAT', 2, '2026-05-02T00:00:00Z');
  await touch('Middling', '2026-06-01T00:00:00Z', 'INBOUND'); // never answered: due 06-02, breached
  await app.sql(
    `insert into handoff (customer_id, from_team, to_team, summary, customer_goals, commitments, requested_at, due_at)
     values (?, 'SALES', 'SUCCESS', 's', 'g', 'c', '2026-06-09T00:00:00Z', '2026-06-10T00:00:00Z')`,
    [ids['Middling']],
  );
  await buy('Middling', '100.00', '2026-03-01T00:00:00Z');
  await buy('Middling', '80.00', '2026-06-01T00:00:00Z');
});
afterAll(() => app?.close());

it('scores a loyal promoter 100, LOW risk, and says why', async () => {
  // 50 + NPS 10 (+20) + CSAT 2 of 2 (+10) + last touch 10 days ago (+15) + no breach (0) + spend 150 ≥ 100 (+5) = 100.
  expect(await health('Loyal Promoter')).toEqual({
    asOf: AS_OF,
    score: 100,
    churnRisk: 'LOW',
    baseline: 50,
    factors: [
      { name: 'LIFECYCLE', rawValue: 'ACTIVE', contribution: 0, explanation: 'The customer has not churned.' },
      { name: 'LATEST_NPS', rawValue: 'PROMOTER', contribution: 20, explanation: 'The latest NPS answer was 10 (promoter).' },
      { name: 'RECENT_CSAT', rawValue: '100.00', contribution: 10, explanation: '2 of 2 CSAT answers in the last 90 days were satisfied (4 or 5).' },
      { name: 'ENGAGEMENT', rawValue: '10', contribution: 15, explanation: 'The last interaction was 10 days ago.' },
      { name: 'OPEN_SLA_BREACHES', rawValue: '0', contribution: 0, explanation: 'No open SLA breach.' },
      { name: 'SPEND_TREND', rawValue: '150.0000 vs 100.0000', contribution: 5, explanation: 'Net purchases of the last 90 days: 150.0000; of the 90 days before: 100.0000.' },
    ],
  });
});

it('scores a churned detractor 0, HIGH risk', async () => {
  // 50 − 100 (churned) − 20 (NPS 2) − 15 (CSAT 0 of 1) + 5 (71 days) + 0 − 15 (0 against 200) = −95 → 0.
  const result = await health('Churned Detractor');
  expect(result).toMatchObject({ score: 0, churnRisk: 'HIGH' });
  expect(contributions(result)).toEqual({
    LIFECYCLE: -100, LATEST_NPS: -20, RECENT_CSAT: -15, ENGAGEMENT: 5, OPEN_SLA_BREACHES: 0, SPEND_TREND: -15,
  });
  expect(result.factors.find((f: { name: string }) => f.name === 'ENGAGEMENT').rawValue).toBe('71');
});

it('gives a customer with no history the baseline minus the missing engagement', async () => {
  // 50 − 20 (never contacted); every other factor has nothing to measure.
  const result = await health('Silent Lead');
  expect(result).toMatchObject({ score: 30, churnRisk: 'HIGH' });
  expect(result.factors.map((f: { rawValue: string | null }) => f.rawValue)).toEqual(['ACTIVE', null, null, null, '0', '0.0000 vs 0.0000']);
  expect(contributions(result)).toEqual({ LIFECYCLE: 0, LATEST_NPS: 0, RECENT_CSAT: 0, ENGAGEMENT: -20, OPEN_SLA_BREACHES: 0, SPEND_TREND: 0 });
});

it('weighs open SLA breaches and falling spend: MEDIUM risk', async () => {
  // 50 + 5 (NPS 8) + 0 (CSAT 1 of 2 = 50 %) + 15 (29 days) − 20 (2 breaches) − 5 (80 < 100, above half) = 45.
  const result = await health('Middling');
  expect(result).toMatchObject({ score: 45, churnRisk: 'MEDIUM' });
  expect(contributions(result)).toEqual({ LIFECYCLE: 0, LATEST_NPS: 5, RECENT_CSAT: 0, ENGAGEMENT: 15, OPEN_SLA_BREACHES: -20, SPEND_TREND: -5 });
});

it('gives the same score for the same inputs', async () => {
  expect(await health('Middling')).toEqual(await health('Middling'));
});
