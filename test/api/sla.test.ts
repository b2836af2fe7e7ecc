import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer } from '../support/fixtures.js';

const AS_OF = '2026-06-10T12:00:00.000Z';

let app: TestApp;
let token: string;
let customerId: string;

async function interaction(subject: string, direction: string, team: string, occurredAt: string, respondedAt: string | null = null) {
  await app.sql(
    `insert into interaction (customer_id, channel, direction, team, subject, occurred_at, responded_at) values (?, 'CHAT', ?, ?, ?, ?, ?)`,
    [customerId, direction, team, subject, occurredAt, respondedAt],
  );
}

async function handoff(summary: string, status: string, requestedAt: string, dueAt: string, moments: Record<string, string> = {}) {
  await app.sql(
    `insert into handoff (customer_id, from_team, to_team, summary, customer_goals, commitments, status, requested_at, due_at, accepted_at, cancelled_at)
     values (?, 'SALES', 'SERVICE', ?, 'g', 'c', ?, ?, ?, ?, ?)`,
    [customerId, summary, status, requestedAt, dueAt, moments.acceptedAt ?? null, moments.cancelledAt ?? null],
  );
}

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  await app.sql(`update team_sla set response_sla_minutes = 240 where team = 'SERVICE'`); // 4 hours
  customerId = await insertCustomer(app, { name: 'Waiting Walter' });
  await interaction('unanswered, due 04:00', 'INBOUND', 'SERVICE', '2026-06-10T00:00:00Z');
  await interaction('unanswered, due 15:30', 'INBOUND', 'SERVICE', '2026-06-10T11:30:00Z');
  await interaction('unanswered, due 12:30', 'INBOUND', 'SERVICE', '2026-06-10T08:30:00Z');
  await interaction('answered in time', 'INBOUND', 'SALES', '2026-06-08T00:00:00Z', '2026-06-08T10:00:00Z');
  await interaction('answered late', 'INBOUND', 'SALES', '2026-06-01T00:00:00Z', '2026-06-03T00:00:00Z');
  await interaction('outbound', 'OUTBOUND', 'SALES', '2026-06-09T00:00:00Z');
  await interaction('answered after asOf', 'INBOUND', 'SALES', '2026-06-05T00:00:00Z', '2026-06-10T13:00:00Z');
  await handoff('waiting past due', 'REQUESTED', '2026-06-08T00:00:00Z', '2026-06-09T00:00:00Z');
  await handoff('accepted late', 'ACCEPTED', '2026-06-01T00:00:00Z', '2026-06-02T00:00:00Z', { acceptedAt: '2026-06-03T00:00:00Z' });
  await handoff('cancelled', 'CANCELLED', '2026-06-01T00:00:00Z', '2026-06-02T00:00:00Z', { cancelledAt: '2026-06-05T00:00:00Z' });
  await handoff('waiting, in time', 'REQUESTED', '2026-06-10T00:00:00Z', '2026-06-11T00:00:00Z');
});
afterAll(() => app?.close());

it('gives each inbound interaction a status against its team’s response SLA', async () => {
  const { data, errors } = await app.graphql(
    `query($id: ID!, $asOf: DateTimeISO) { customer(id: $id) { interactions(first: 20) { nodes { subject responseDueAt slaStatus(asOf: $asOf) } } } }`,
    { id: customerId, asOf: AS_OF },
    token,
  );
  expect(errors).toBeUndefined();
  const bySubject = Object.fromEntries(data.customer.interactions.nodes.map((n: { subject: string }) => [n.subject, n]));
  expect(bySubject).toEqual({
    'unanswered, due 04:00': { subject: 'unanswered, due 04:00', responseDueAt: '2026-06-10T04:00:00.000Z', slaStatus: 'BREACHED' },
    'unanswered, due 15:30': { subject: 'unanswered, due 15:30', responseDueAt: '2026-06-10T15:30:00.000Z', slaStatus: 'ON_TRACK' },
    // 30 minutes left of 4 hours: within the last quarter.
    'unanswered, due 12:30': { subject: 'unanswered, due 12:30', responseDueAt: '2026-06-10T12:30:00.000Z', slaStatus: 'DUE_SOON' },
    'answered in time': { subject: 'answered in time', responseDueAt: '2026-06-09T00:00:00.000Z', slaStatus: 'MET' },
    'answered late': { subject: 'answered late', responseDueAt: '2026-06-02T00:00:00.000Z', slaStatus: 'BREACHED' },
    outbound: { subject: 'outbound', responseDueAt: null, slaStatus: null },
    'answered after asOf': { subject: 'answered after asOf', responseDueAt: '2026-06-06T00:00:00.000Z', slaStatus: 'BREACHED' },
  });
});

it('gives each handoff a status against its dueAt', async () => {
  const { data } = await app.graphql(
    `query($id: ID!, $asOf: DateTimeISO) { customer(id: $id) { handoffs { nodes { summary slaStatus(asOf: $asOf) } } } }`,
    { id: customerId, asOf: AS_OF },
    token,
  );
  expect(Object.fromEntries(data.customer.handoffs.nodes.map((n: { summary: string; slaStatus: string }) => [n.summary, n.slaStatus]))).toEqual({
    'waiting past due': 'BREACHED',
    'accepted late': 'BREACHED',
    cancelled: null,
    'waiting, in time': 'ON_TRACK',
  });
});

it('counts the open breaches of a customer at a moment, with the oldest', async () => {
  const state = async (asOf: string) =>
    (await app.graphql(`query($id: ID!, $asOf: DateTimeISO) { customer(id: $id) { slaState(asOf: $asOf) {
      asOf openBreaches interactionBreaches handoffBreaches oldestBreachDueAt } } }`, { id: customerId, asOf }, token)).data.customer.slaState;
  // Open at AS_OF: the 04:00 interaction, the one answered only after AS_OF (due 06-06), and the
  // handoff due 06-09. The late answer and the late acceptance are no longer open.
  expect(await state(AS_OF)).toEqual({
    asOf: AS_OF, openBreaches: 3, interactionBreaches: 2, handoffBreaches: 1, oldestBreachDueAt: '2026-06-06T00:00:00.000Z',
  });
  // At 2026-06-02T12:00 only the first late answer (due 06-02T00:00) and the handoff accepted
  // late (due 06-02T00:00) are open; the cancelled one was still open too (cancelled on 06-05).
  expect(await state('2026-06-02T12:00:00.000Z')).toEqual({
    asOf: '2026-06-02T12:00:00.000Z', openBreaches: 3, interactionBreaches: 1, handoffBreaches: 2, oldestBreachDueAt: '2026-06-02T00:00:00.000Z',
  });
  expect(await state('2026-05-01T00:00:00.000Z')).toMatchObject({ openBreaches: 0, oldestBreachDueAt: null });
});

it('lists every team’s service levels', async () => {
  const { data } = await app.graphql('{ teamSlas { team responseSlaMinutes handoffSlaMinutes } }', {}, token);
  expect(data.teamSlas).toEqual([
    { team: 'MARKETING', responseSlaMinutes: 1440, handoffSlaMinutes: 1440 },
    { team: 'SALES', responseSlaMinutes: 1440, handoffSlaMinutes: 1440 },
    { team: 'SERVICE', responseSlaMinutes: 240, handoffSlaMinutes: 1440 },
    { team: 'SUCCESS', responseSlaMinutes: 1440, handoffSlaMinutes: 1440 },
  ]);
});
