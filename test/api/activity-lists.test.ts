import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer, insertStaff } from '../support/fixtures.js';

// The cross-customer lists the console's resources page through: interactions, purchases and
// survey answers, filtered and ordered, continued by keyset cursors.
let app: TestApp;
let token: string;
const ids: Record<string, string> = {};

async function list(field: string, args: Record<string, unknown>, selection = 'id') {
  const types: Record<string, string> = {
    interactions: 'InteractionListFilter, $orderBy: InteractionOrder',
    purchases: 'PurchaseListFilter, $orderBy: PurchaseOrder',
    surveyResponses: 'SurveyResponseListFilter, $orderBy: SurveyResponseOrder',
  };
  const result = await app.graphql(
    `query($first: Int, $after: String, $filter: ${types[field]}) {
      ${field}(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`,
    args,
    token,
  );
  return result;
}

async function ok(field: string, args: Record<string, unknown>, selection = 'id') {
  const result = await list(field, args, selection);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data[field] as { totalCount: number; nodes: any[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  ids.agent = await insertStaff(app, 'Ann Agent', 'SERVICE', 'SERVICE');
  ids.ada = await insertCustomer(app, { name: 'Ada' });
  ids.bob = await insertCustomer(app, { name: 'Bob' });
  const touch = (who: string, channel: string, direction: string, team: string, at: string, respondedAt: string | null, subject: string) =>
    app.sql(`insert into interaction (customer_id, channel, direction, team, occurred_at, responded_at, staff_id, subject) values (?, ?, ?, ?, ?, ?, ?, ?)`,
      [ids[who], channel, direction, team, at, respondedAt, team === 'SERVICE' ? ids.agent : null, subject]);
  await touch('ada', 'EMAIL', 'INBOUND', 'SERVICE', '2026-03-01T10:00:00.123456Z', null, 'i1');
  await touch('ada', 'PHONE', 'OUTBOUND', 'SALES', '2026-03-02T10:00:00Z', null, 'i2');
  await touch('bob', 'CHAT', 'INBOUND', 'SERVICE', '2026-03-03T10:00:00Z', '2026-03-03T11:00:00Z', 'i3');
  await touch('bob', 'EMAIL', 'INBOUND', 'SUCCESS', '2026-03-04T10:00:00Z', null, 'i4');
  // Two at the same moment: the id breaks the tie, and paging neither skips nor repeats one.
  await touch('bob', 'EMAIL', 'OUTBOUND', 'SUCCESS', '2026-03-05T10:00:00Z', null, 'i5');
  await touch('ada', 'EMAIL', 'OUTBOUND', 'SUCCESS', '2026-03-05T10:00:00Z', null, 'i6');
  const buy = (who: string, amount: string, currency: string, kind: string, at: string, product: string) =>
    app.sql(`insert into purchase (customer_id, amount, currency, kind, purchased_at, product) values (?, ?, ?, ?, ?, ?)`, [ids[who], amount, currency, kind, at, product]);
  await buy('ada', '100.50', 'USD', 'ONE_TIME', '2026-02-01T00:00:00Z', 'p1');
  await buy('ada', '20.25', 'USD', 'REFUND', '2026-02-03T00:00:00Z', 'p2');
  await buy('bob', '999.99', 'EUR', 'SUBSCRIPTION', '2026-02-02T00:00:00Z', 'p3');
  await buy('bob', '100.5', 'USD', 'RENEWAL', '2026-02-04T00:00:00Z', 'p4');
  const answer = (who: string, kind: string, score: number, team: string | null, at: string, comment: string) =>
    app.sql(`insert into survey_response (customer_id, kind, score, team, responded_at, comment) values (?, ?, ?, ?, ?, ?)`, [ids[who], kind, score, team, at, comment]);
  await answer('ada', 'NPS', 3, 'SERVICE', '2026-01-01T00:00:00Z', 's1');
  await answer('ada', 'NPS', 10, 'SALES', '2026-01-02T00:00:00Z', 's2');
  await answer('bob', 'CSAT', 4, null, '2026-01-03T00:00:00Z', 's3');
  await answer('bob', 'NPS', 6, 'SERVICE', '2026-01-04T00:00:00Z', 's4');
});
afterAll(() => app?.close());

describe('interactions', () => {
  it('lists every customer\'s interactions newest first, filtered', async () => {
    const all = await ok('interactions', {}, 'subject');
    expect(all.totalCount).toBe(6);
    expect(all.nodes.map((n) => n.subject).slice(2)).toEqual(['i4', 'i3', 'i2', 'i1']);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ teams: ['SERVICE'] }, ['i3', 'i1']],
      [{ channels: ['EMAIL'], directions: ['INBOUND'] }, ['i4', 'i1']],
      [{ customerId: ids.ada, occurredBefore: '2026-03-05T00:00:00Z' }, ['i2', 'i1']],
      [{ occurredAfter: '2026-03-03T10:00:00Z', occurredBefore: '2026-03-05T00:00:00Z' }, ['i4', 'i3']],
      [{ awaitingResponse: true }, ['i4', 'i1']],
      [{ staffId: ids.agent }, ['i3', 'i1']],
    ];
    for (const [filter, subjects] of cases) {
      const page = await ok('interactions', { filter }, 'subject');
      expect(page.nodes.map((n) => n.subject), JSON.stringify(filter)).toEqual(subjects);
      expect(page.totalCount).toBe(subjects.length);
    }
  });

  it('pages by cursor without skipping or repeating ties, in either direction', async () => {
    for (const direction of ['DESC', 'ASC']) {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Awaited<ReturnType<typeof ok>> = await ok('interactions', { first: 2, after, orderBy: { field: 'OCCURRED_AT', direction } }, 'subject');
        seen.push(...page.nodes.map((n) => n.subject));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(6);
      expect(new Set(seen).size).toBe(6);
      const chronological = ['i1', 'i2', 'i3', 'i4'];
      expect(direction === 'ASC' ? seen.slice(0, 4) : seen.slice(2).reverse()).toEqual(chronological);
    }
  });

  it('keeps microseconds in the cursor (no row lost at a sub-millisecond moment)', async () => {
    const first = await ok('interactions', { first: 5 }, 'subject');
    const rest = await ok('interactions', { first: 5, after: first.pageInfo.endCursor }, 'subject');
    expect(rest.nodes.map((n) => n.subject)).toEqual(['i1']);
  });

  it('names the argument of a bad id, range or cursor', async () => {
    for (const [args, field] of [
      [{ filter: { customerId: 'nope' } }, ['filter', 'customerId']],
      [{ filter: { occurredAfter: '2026-03-05T00:00:00Z', occurredBefore: '2026-03-01T00:00:00Z' } }, ['filter', 'occurredBefore']],
      [{ after: 'bm90IGEgY3Vyc29y' }, ['after']],
      [{ first: 101 }, ['first']],
    ] as const) {
      const result = await list('interactions', args);
      expect(result.errors?.[0]?.extensions, JSON.stringify(args)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('answers a page with its customers and staff in a fixed number of statements', async () => {
    // Both pages hold interactions with a staff member, so both need the staff loader.
    const small = await app.graphql('{ interactions(first: 4) { nodes { id customer { name } staff { name } } } }', {}, token);
    const large = await app.graphql('{ interactions(first: 6) { nodes { id customer { name } staff { name } } } }', {}, token);
    expect(small.errors).toBeUndefined();
    expect(large.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
  });
});

describe('purchases', () => {
  it('filters by kind, currency, time and amount, and orders by amount with exact decimals', async () => {
    const byAmount = await ok('purchases', { orderBy: { field: 'AMOUNT', direction: 'DESC' } }, 'product amount');
    // 100.50 and 100.5 are the same amount: the id breaks the tie, both come back exactly.
    expect(byAmount.nodes[0]).toEqual({ product: 'p3', amount: '999.9900' });
    expect(byAmount.nodes.at(-1).product).toBe('p2');
    expect(new Set(byAmount.nodes.slice(1, 3).map((n) => n.product))).toEqual(new Set(['p1', 'p4']));
    const cases: [Record<string, unknown>, string[]][] = [
      [{ kinds: ['REFUND'] }, ['p2']],
      [{ currency: 'USD' }, ['p4', 'p2', 'p1']],
      [{ purchasedAfter: '2026-02-02T00:00:00Z', purchasedBefore: '2026-02-04T00:00:00Z' }, ['p2', 'p3']],
      [{ amountMin: '100.5', amountMax: '500' }, ['p4', 'p1']],
      [{ customerId: ids.bob }, ['p4', 'p3']],
    ];
    for (const [filter, products] of cases) {
      const page = await ok('purchases', { filter }, 'product');
      expect(page.nodes.map((n) => n.product), JSON.stringify(filter)).toEqual(products);
    }
    const paged = await ok('purchases', { first: 2, orderBy: { field: 'AMOUNT', direction: 'ASC' } }, 'product');
    const next = await ok('purchases', { first: 2, after: paged.pageInfo.endCursor, orderBy: { field: 'AMOUNT', direction: 'ASC' } }, 'product');
    expect([...paged.nodes, ...next.nodes].map((n) => n.product).sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
    const bad = await list('purchases', { filter: { currency: 'usd' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'currency'] });
  });
});

describe('one by id', () => {
  it('reads an interaction, a purchase and a survey answer by id; null for none', async () => {
    const [interaction] = await app.sql<{ id: string }>(`select id from interaction where subject = 'i3'`);
    const [purchase] = await app.sql<{ id: string }>(`select id from purchase where product = 'p3'`);
    const [answer] = await app.sql<{ id: string }>(`select id from survey_response where comment = 's2'`);
    const result = await app.graphql(
      `query($i: ID!, $p: ID!, $s: ID!) { interaction(id: $i) { subject customer { name } } purchase(id: $p) { amount currency } surveyResponse(id: $s) { score } }`,
      { i: interaction!.id, p: purchase!.id, s: answer!.id },
      token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ interaction: { subject: 'i3', customer: { name: 'Bob' } }, purchase: { amount: '999.9900', currency: 'EUR' }, surveyResponse: { score: 10 } });
    const none = await app.graphql(
      `{ a: interaction(id: "00000000-0000-4000-8000-000000000000") { id } b: purchase(id: "not-an-id") { id } c: surveyResponse(id: "${purchase!.id}") { id } }`,
      {},
      token,
    );
    expect(none.errors).toBeUndefined();
    expect(none.data).toEqual({ a: null, b: null, c: null });
  });
});

describe('survey responses', () => {
  it('filters detractors and orders by score', async () => {
    const detractors = await ok('surveyResponses', { filter: { kinds: ['NPS'], scoreMax: 6 } }, 'comment');
    expect(detractors.nodes.map((n) => n.comment)).toEqual(['s4', 's1']);
    const byScore = await ok('surveyResponses', { orderBy: { field: 'SCORE', direction: 'ASC' } }, 'comment score');
    expect(byScore.nodes.map((n) => n.score)).toEqual([3, 4, 6, 10]);
    const byTeam = await ok('surveyResponses', { filter: { teams: ['SERVICE'], respondedAfter: '2026-01-02T00:00:00Z' } }, 'comment');
    expect(byTeam.nodes.map((n) => n.comment)).toEqual(['s4']);
  });
});
