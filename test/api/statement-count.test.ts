import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer, insertRelatedRows, insertStaff } from '../support/fixtures.js';

// A page of customers with everything the console's list and 360 page show beside each one.
const PAGE_WITH_RELATED_LISTS = `query Page($first: Int!) {
  customers(first: $first) {
    totalCount
    nodes {
      name
      owner { name }
      interactions(first: 5) { totalCount nodes { subject staff { name } } }
      purchases(first: 5) { totalCount nodes { amount refundOf { id } } }
      surveyResponses(first: 5) { totalCount nodes { score interaction { id } } }
      handoffs(first: 5) { totalCount nodes { status fromStaff { name } toStaff { name } } }
    }
  }
}`;

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  const owner = await insertStaff(app, 'Olive Owner', 'SALES', 'SALES');
  const ids: string[] = [];
  for (let i = 0; i < 60; i += 1) {
    ids.push(await insertCustomer(app, { name: `Customer ${String(i).padStart(2, '0')}`, ownerId: i % 2 ? owner : null }));
  }
  await insertRelatedRows(app, ids, 6, owner);
});
afterAll(() => app?.close());

async function statementsFor(first: number): Promise<number> {
  const result = await app.graphql(PAGE_WITH_RELATED_LISTS, { first }, token);
  expect(result.errors).toBeUndefined();
  expect(result.data.customers.nodes).toHaveLength(first);
  const [one] = result.data.customers.nodes;
  expect(one.interactions.totalCount).toBe(6);
  expect(one.interactions.nodes).toHaveLength(5);
  return result.extensions!.sqlStatements as number;
}

it('runs the same number of SQL statements for a page of 5 customers as for a page of 50', async () => {
  const forFive = await statementsFor(5);
  const forFifty = await statementsFor(50);
  expect(forFifty).toBe(forFive);
  // Viewer, page, total, owners, then per related list one page and one count (the staff behind
  // interactions and handoffs are the owners, already in the per-request loader's cache).
  expect(forFive).toBe(12);
});

// The customer-360 page: every computed figure and the 10 latest timeline events per customer.
const PAGE_360 = `query Page360($first: Int!) {
  customers(first: $first, orderBy: { field: HEALTH, direction: ASC }, filter: { churnRisks: [LOW, MEDIUM, HIGH] }) {
    nodes {
      name
      lifetimeValue { historicalValue predictedValue purchaseFrequencyPerYear expectedLifespanYears }
      satisfaction { latestNpsCategory csat { score } nps { score promoters } ces { average } }
      health { score churnRisk factors { name contribution } }
      slaState { openBreaches oldestBreachDueAt }
      timeline(first: 10) {
        nodes {
          kind occurredAt
          ... on InteractionEvent { interaction { subject slaStatus } }
          ... on PurchaseEvent { purchase { amount } }
          ... on SurveyResponseEvent { surveyResponse { score } }
          ... on HandoffEvent { transition handoff { summary slaStatus } }
        }
      }
    }
  }
}`;

it('answers the full 360 page of 5 or of 50 customers in the same, small number of statements', async () => {
  const run = async (first: number) => {
    const result = await app.graphql(PAGE_360, { first }, token);
    expect(result.errors).toBeUndefined();
    expect(result.data.customers.nodes).toHaveLength(first);
    expect(result.data.customers.nodes[0].timeline.nodes).toHaveLength(10);
    return result.extensions!.sqlStatements as number;
  };
  const forFive = await run(5);
  const forFifty = await run(50);
  expect(forFifty).toBe(forFive);
  // Viewer, page (with health for the order), lifetime value (totals and segment churn),
  // satisfaction, health, SLA state, timeline, team service levels.
  expect(forFive).toBe(9);
});

it('counts nothing it was not asked for', async () => {
  const result = await app.graphql('{ customers(first: 50) { nodes { name } } }', {}, token);
  // The viewer lookup and the page itself: no count, no related lists.
  expect(result.extensions!.sqlStatements).toBe(2);
});
