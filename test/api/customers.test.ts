import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer, insertRelatedRows, insertStaff } from '../support/fixtures.js';

let app: TestApp;
let token: string;
let salesId: string;
let successId: string;
const ids: Record<string, string> = {};

const NAMES = `query Names($first: Int, $after: String, $offset: Int, $filter: CustomerFilter, $orderBy: CustomerOrder) {
  customers(first: $first, after: $after, offset: $offset, filter: $filter, orderBy: $orderBy) {
    totalCount
    nodes { name }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

async function names(variables: Record<string, unknown>) {
  const result = await app.graphql(NAMES, variables, token);
  expect(result.errors).toBeUndefined();
  return result.data.customers as { totalCount: number; nodes: { name: string }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null } };
}

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  salesId = await insertStaff(app, 'Sam Sales', 'SALES', 'SALES');
  successId = await insertStaff(app, 'Sue Success', 'SUCCESS', 'SUCCESS');
  const seeds = [
    { name: 'Ada Lovelace', company: 'Analytical Engines', segment: 'ENTERPRISE', acquisitionChannel: 'REFERRAL', ownerId: salesId, createdAt: '2025-01-05T10:00:00Z' },
    { name: 'Brendan Eich', company: null, segment: 'CONSUMER', lifecycleStage: 'LEAD', acquisitionChannel: 'PAID_SEARCH', createdAt: '2025-03-01T10:00:00Z' },
    { name: 'Chen Wei', email: 'wei@panda.example', company: 'Panda Foods', segment: 'MID_MARKET', ownerId: successId, createdAt: '2025-02-01T10:00:00Z' },
    { name: 'Dana Scully', segment: 'SMALL_BUSINESS', lifecycleStage: 'CHURNED', acquisitionChannel: 'EVENTS', ownerId: salesId, createdAt: '2025-04-01T10:00:00Z' },
    { name: 'Edsger Dijkstra', segment: 'ENTERPRISE', lifecycleStage: 'PROSPECT', acquisitionChannel: 'OUTBOUND_SALES', createdAt: '2025-01-01T10:00:00Z' },
    { name: 'Frances Allen', segment: 'MID_MARKET', createdAt: '2025-05-01T10:00:00Z', archivedAt: '2025-06-01T00:00:00Z' },
    { name: 'Grace Hopper', company: 'Navy 100% Cobol_Works', segment: 'ENTERPRISE', createdAt: '2025-06-01T10:00:00Z' },
  ];
  for (const seed of seeds) ids[seed.name] = await insertCustomer(app, seed);
  await insertRelatedRows(app, [ids['Ada Lovelace']!], 3, salesId);
});
afterAll(() => app?.close());

describe('customer(id)', () => {
  it('returns the customer with its owner and its four related lists, newest first', async () => {
    const { data, errors } = await app.graphql(
      `query($id: ID!) { customer(id: $id) {
        id name company segment lifecycleStage acquisitionChannel tags version createdAt acquiredAt churnedAt
        owner { name team createdAt }
        interactions(first: 2) { totalCount nodes { subject channel staff { name } } pageInfo { hasNextPage } }
        lastInteraction: interactions(first: 1) { nodes { occurredAt respondedAt } }
        purchases { totalCount nodes { amount currency kind product purchasedAt } }
        surveyResponses { totalCount nodes { kind score } }
        handoffs { totalCount nodes { summary fromTeam toTeam status fromStaff { name } customer { name } } }
        firstHandoff: handoffs(first: 1) { nodes { requestedAt dueAt acceptedAt } }
      } }`,
      { id: ids['Ada Lovelace'] },
      token,
    );
    expect(errors).toBeUndefined();
    const customer = data.customer;
    expect(customer).toMatchObject({
      id: ids['Ada Lovelace'],
      name: 'Ada Lovelace',
      company: 'Analytical Engines',
      segment: 'ENTERPRISE',
      lifecycleStage: 'CUSTOMER',
      acquisitionChannel: 'REFERRAL',
      tags: [],
      version: 1,
      createdAt: '2025-01-05T10:00:00.000Z',
      acquiredAt: '2025-01-05T10:00:00.000Z',
      churnedAt: null,
      owner: { name: 'Sam Sales', team: 'SALES' },
    });
    expect(Date.parse(customer.owner.createdAt)).toBeGreaterThan(Date.parse('2026-01-01'));
    expect(customer.lastInteraction.nodes).toEqual([{ occurredAt: '2026-03-04T00:00:00.000Z', respondedAt: null }]);
    expect(customer.purchases.nodes[2].purchasedAt).toBe('2026-03-02T00:00:00.000Z');
    expect(customer.firstHandoff.nodes).toEqual([{ requestedAt: '2026-03-04T00:00:00.000Z', dueAt: '2026-03-05T00:00:00.000Z', acceptedAt: null }]);
    expect(customer.interactions).toEqual({
      totalCount: 3,
      nodes: [
        { subject: 'Question 3', channel: 'EMAIL', staff: { name: 'Sam Sales' } },
        { subject: 'Question 2', channel: 'EMAIL', staff: { name: 'Sam Sales' } },
      ],
      pageInfo: { hasNextPage: true },
    });
    // Money comes back exactly, as the decimal string PostgreSQL stores.
    expect(customer.purchases.nodes.map((p: { amount: string }) => p.amount)).toEqual(['300.3000', '200.2000', '100.1000']);
    expect(customer.purchases.nodes[0]).toMatchObject({ currency: 'USD', kind: 'ONE_TIME', product: 'Plan 3' });
    expect(customer.surveyResponses).toEqual({ totalCount: 3, nodes: [{ kind: 'NPS', score: 3 }, { kind: 'NPS', score: 2 }, { kind: 'NPS', score: 1 }] });
    expect(customer.handoffs.totalCount).toBe(3);
    expect(customer.handoffs.nodes[0]).toEqual({
      summary: 'Summary 3', fromTeam: 'SALES', toTeam: 'SERVICE', status: 'REQUESTED', fromStaff: { name: 'Sam Sales' }, customer: { name: 'Ada Lovelace' },
    });
  });

  it('pages through a related list with cursors', async () => {
    const page = async (after: string | null) =>
      (await app.graphql(`query($id: ID!, $after: String) { customer(id: $id) { interactions(first: 2, after: $after) {
        nodes { subject } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`, { id: ids['Ada Lovelace'], after }, token)).data.customer.interactions;
    const first = await page(null);
    const second = await page(first.pageInfo.endCursor);
    expect(second.nodes).toEqual([{ subject: 'Question 1' }]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('returns null for an id that does not exist, or is not an id at all', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      const { data, errors } = await app.graphql('query($id: ID!) { customer(id: $id) { id } }', { id }, token);
      expect(errors).toBeUndefined();
      expect(data.customer).toBeNull();
    }
  });

  it('gives a customer without related rows empty lists and zero totals', async () => {
    const { data } = await app.graphql(`query($id: ID!) { customer(id: $id) { owner { id }
      interactions { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`, { id: ids['Brendan Eich'] }, token);
    expect(data.customer).toEqual({ owner: null, interactions: { totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } });
  });
});

describe('customers(...)', () => {
  it('lists active customers by name by default, archived ones left out', async () => {
    const list = await names({});
    expect(list.totalCount).toBe(6);
    expect(list.nodes.map((n) => n.name)).toEqual(['Ada Lovelace', 'Brendan Eich', 'Chen Wei', 'Dana Scully', 'Edsger Dijkstra', 'Grace Hopper']);
    const all = await names({ filter: { includeArchived: true } });
    expect(all.totalCount).toBe(7);
  });

  it('pages across pages with cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await names({ first: 4, after, filter: { includeArchived: true } });
      seen.push(...page.nodes.map((n) => n.name));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(2);
    expect(seen).toEqual(['Ada Lovelace', 'Brendan Eich', 'Chen Wei', 'Dana Scully', 'Edsger Dijkstra', 'Frances Allen', 'Grace Hopper']);
  });

  it('jumps to a page by offset', async () => {
    const page = await names({ first: 2, offset: 4 });
    expect(page.nodes.map((n) => n.name)).toEqual(['Edsger Dijkstra', 'Grace Hopper']);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('orders by creation time either way, cursors following the order', async () => {
    const newest = await names({ first: 3, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
    expect(newest.nodes.map((n) => n.name)).toEqual(['Grace Hopper', 'Dana Scully', 'Brendan Eich']);
    const next = await names({ first: 3, after: newest.pageInfo.endCursor, orderBy: { field: 'CREATED_AT', direction: 'DESC' } });
    expect(next.nodes.map((n) => n.name)).toEqual(['Chen Wei', 'Ada Lovelace', 'Edsger Dijkstra']);
    const byNameDesc = await names({ first: 2, orderBy: { field: 'NAME', direction: 'DESC' } });
    expect(byNameDesc.nodes.map((n) => n.name)).toEqual(['Grace Hopper', 'Edsger Dijkstra']);
  });

  it.each([
    ['lifecycle stage', { lifecycleStages: ['LEAD', 'PROSPECT'] }, ['Brendan Eich', 'Edsger Dijkstra']],
    ['segment', { segments: ['ENTERPRISE'] }, ['Ada Lovelace', 'Edsger Dijkstra', 'Grace Hopper']],
    ['acquisition channel', { acquisitionChannels: ['EVENTS', 'REFERRAL'] }, ['Ada Lovelace', 'Dana Scully']],
    ['text in the name, any case', { search: 'LOVE' }, ['Ada Lovelace']],
    ['text in the email', { search: 'panda.example' }, ['Chen Wei']],
    ['text in the company', { search: 'cobol' }, ['Grace Hopper']],
    ['LIKE wildcards taken literally', { search: '100%' }, ['Grace Hopper']],
    ['underscore taken literally', { search: 'l_w' }, ['Grace Hopper']],
    ['several conditions at once', { segments: ['ENTERPRISE'], search: 'a' }, ['Ada Lovelace', 'Edsger Dijkstra', 'Grace Hopper']],
  ])('filters by %s', async (_label, filter, expected) => {
    const list = await names({ filter });
    expect(list.nodes.map((n) => n.name)).toEqual(expected);
    expect(list.totalCount).toBe(expected.length);
  });

  it('filters by owner', async () => {
    const list = await names({ filter: { ownerIds: [salesId] } });
    expect(list.nodes.map((n) => n.name)).toEqual(['Ada Lovelace', 'Dana Scully']);
  });

  it('rejects bad paging arguments with the field and the rule', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ first: 101 }, 'first', /between 0 and 100/],
      [{ first: -1 }, 'first', /between 0 and 100/],
      [{ after: 'garbage' }, 'after', /cursor/],
      [{ offset: 2, after: 'WyJBZGEiLCJ4Il0' }, 'offset', /cannot be combined/],
      [{ filter: { ownerIds: ['someone'] } }, 'filter.ownerIds.0', /staff user id/],
    ];
    for (const [variables, field, message] of cases) {
      const result = await app.graphql(NAMES, variables, token);
      expect(result.status, JSON.stringify(variables)).toBe(200);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INVALID', field: field.split('.') });
      expect(result.errors?.[0]?.message).toMatch(message);
    }
  });

  it('rejects a cursor of another ordering instead of failing in SQL', async () => {
    const byName = await names({ first: 1 });
    const result = await app.graphql(NAMES, { first: 1, after: byName.pageInfo.endCursor, orderBy: { field: 'CREATED_AT', direction: 'ASC' } }, token);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
  });

  it('lists staff for owner pickers', async () => {
    const { data } = await app.graphql('{ staffUsers { name role team active } }', {}, token);
    expect(data.staffUsers.map((s: { name: string }) => s.name)).toEqual(['Administrator', 'Sam Sales', 'Sue Success']);
  });
});
