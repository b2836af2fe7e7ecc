import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer, insertRelatedRows, insertStaff } from '../support/fixtures.js';

const TIMELINE = `query Timeline($id: ID!, $first: Int, $after: String, $kinds: [TimelineEventKind!], $channels: [Channel!], $teams: [Team!], $since: DateTimeISO, $until: DateTimeISO) {
  customer(id: $id) {
    timeline(first: $first, after: $after, kinds: $kinds, channels: $channels, teams: $teams, since: $since, until: $until) {
      totalCount
      edges {
        cursor
        node {
          id kind occurredAt channel team
          ... on InteractionEvent { interaction { id subject channel team } }
          ... on PurchaseEvent { purchase { id amount currency kind purchasedAt } }
          ... on SurveyResponseEvent { surveyResponse { id kind score } }
          ... on HandoffEvent { transition handoff { id status fromTeam toTeam rejectionReason } }
        }
      }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;

interface TimelinePage {
  totalCount: number;
  edges: { cursor: string; node: Record<string, any> }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

let app: TestApp;
let token: string;
let historyId: string;
let emptyId: string;

/** Readable fixed row ids: I1 = interaction 1 … H4 = handoff 4. */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const I = { 1: id(101), 2: id(102), 3: id(103), 4: id(104), 5: id(105), 6: id(100) };
const P = { 1: id(201), 2: id(202), 3: id(203) };
const S = { 1: id(301), 2: id(302) };
const H = { 1: id(401), 2: id(402), 3: id(403), 4: id(404) };

async function interaction(rowId: string, occurredAt: string, channel: string, team: string): Promise<void> {
  await app.sql(
    `insert into interaction (id, customer_id, channel, direction, team, occurred_at, subject) values (?, ?, ?, 'INBOUND', ?, ?, ?)`,
    [rowId, historyId, channel, team, occurredAt, `Subject ${rowId.slice(-3)}`],
  );
}

async function purchase(rowId: string, purchasedAt: string, amount: string, kind = 'ONE_TIME'): Promise<void> {
  await app.sql(`insert into purchase (id, customer_id, amount, currency, kind, purchased_at) values (?, ?, ?, 'EUR', ?, ?)`, [
    rowId, historyId, amount, kind, purchasedAt,
  ]);
}

async function surveyResponse(rowId: string, respondedAt: string, channel: string | null, team: string | null, score: number): Promise<void> {
  await app.sql(`insert into survey_response (id, customer_id, kind, score, channel, team, responded_at) values (?, ?, 'NPS', ?, ?, ?, ?)`, [
    rowId, historyId, score, channel, team, respondedAt,
  ]);
}

interface HandoffSteps {
  requested: string;
  accepted?: string;
  completed?: string;
  rejected?: string;
  cancelled?: string;
}

async function handoff(rowId: string, fromTeam: string, toTeam: string, status: string, steps: HandoffSteps): Promise<void> {
  await app.sql(
    `insert into handoff (id, customer_id, from_team, to_team, summary, customer_goals, commitments, status, rejection_reason,
                          requested_at, due_at, accepted_at, completed_at, rejected_at, cancelled_at)
     values (?, ?, ?, ?, 'Summary', 'Goals', 'Commitments', ?, ?, ?, ?::timestamptz + interval '1 day', ?, ?, ?, ?)`,
    [
      rowId, historyId, fromTeam, toTeam, status, status === 'REJECTED' ? 'Not ours' : null,
      steps.requested, steps.requested, steps.accepted ?? null, steps.completed ?? null, steps.rejected ?? null, steps.cancelled ?? null,
    ],
  );
}

async function timelineResult(variables: Record<string, unknown>) {
  return app.graphql<{ customer: { timeline: TimelinePage } | null }>(TIMELINE, { id: historyId, ...variables }, token);
}

async function timeline(variables: Record<string, unknown> = {}): Promise<TimelinePage> {
  const result = await timelineResult(variables);
  expect(result.errors).toBeUndefined();
  return result.data!.customer!.timeline;
}

async function eventIds(variables: Record<string, unknown> = {}): Promise<string[]> {
  return (await timeline({ first: 100, ...variables })).edges.map((e) => e.node.id);
}

/** Follows endCursor from the first page to the last and returns every event id seen, in order. */
async function pagedEventIds(first: number, variables: Record<string, unknown> = {}): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let pages = 1; pages <= 100; pages += 1) {
    const page = await timeline({ ...variables, first, after });
    expect(page.edges.length).toBeLessThanOrEqual(first);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    seen.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) return seen;
    expect(page.edges).toHaveLength(first);
    after = page.pageInfo.endCursor;
  }
  throw new Error('the timeline never ended');
}

// The whole history, newest first, checked by hand: equal moments list the later step of a story
// first (handoff steps, then survey responses, purchases, interactions), then the greater row id.
const HISTORY = [
  `INTERACTION:${I[6]}`, // 04-08 12:00:00.000001, a microsecond after the next two
  `INTERACTION:${I[5]}`, // 04-08 12:00 (same moment and kind: greater id first)
  `INTERACTION:${I[4]}`, // 04-08 12:00
  `HANDOFF_CANCELLED:${H[3]}`, // 04-08 10:00 (same moment as the next, another handoff)
  `HANDOFF_REQUESTED:${H[4]}`, // 04-08 10:00
  `HANDOFF_REQUESTED:${H[3]}`, // 04-07 11:00
  `HANDOFF_REJECTED:${H[2]}`, // 04-07 10:00
  `HANDOFF_REQUESTED:${H[2]}`, // 04-06 10:00
  `PURCHASE:${P[3]}`, // 04-06 09:00
  `HANDOFF_COMPLETED:${H[1]}`, // 04-05 12:00, four kinds at one moment
  `SURVEY_RESPONSE:${S[1]}`, // 04-05 12:00
  `PURCHASE:${P[2]}`, // 04-05 12:00
  `INTERACTION:${I[3]}`, // 04-05 12:00
  `SURVEY_RESPONSE:${S[2]}`, // 04-04 09:00
  `HANDOFF_ACCEPTED:${H[1]}`, // 04-03 10:00
  `PURCHASE:${P[1]}`, // 04-03 09:00
  `HANDOFF_REQUESTED:${H[1]}`, // 04-02 10:00
  `INTERACTION:${I[2]}`, // 04-02 09:00
  `INTERACTION:${I[1]}`, // 04-01 09:00
];

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  historyId = await insertCustomer(app, { name: 'Hana History' });
  emptyId = await insertCustomer(app, { name: 'Nadia Nothing' });

  await interaction(I[1], '2026-04-01T09:00:00Z', 'EMAIL', 'SERVICE');
  await interaction(I[2], '2026-04-02T09:00:00Z', 'PHONE', 'SALES');
  await interaction(I[3], '2026-04-05T12:00:00Z', 'CHAT', 'SUCCESS');
  await interaction(I[4], '2026-04-08T12:00:00Z', 'EMAIL', 'SALES');
  await interaction(I[5], '2026-04-08T12:00:00Z', 'WHATSAPP', 'SERVICE');
  await interaction(I[6], '2026-04-08T12:00:00.000001Z', 'PHONE', 'SUCCESS');
  await purchase(P[1], '2026-04-03T09:00:00Z', '1234.5000');
  await purchase(P[2], '2026-04-05T12:00:00Z', '0.1000');
  await purchase(P[3], '2026-04-06T09:00:00Z', '99.9900', 'REFUND');
  await surveyResponse(S[1], '2026-04-05T12:00:00Z', 'EMAIL', 'SERVICE', 9);
  await surveyResponse(S[2], '2026-04-04T09:00:00Z', null, null, 3);
  await handoff(H[1], 'SALES', 'SERVICE', 'COMPLETED', { requested: '2026-04-02T10:00:00Z', accepted: '2026-04-03T10:00:00Z', completed: '2026-04-05T12:00:00Z' });
  await handoff(H[2], 'SERVICE', 'SUCCESS', 'REJECTED', { requested: '2026-04-06T10:00:00Z', rejected: '2026-04-07T10:00:00Z' });
  await handoff(H[3], 'SUCCESS', 'MARKETING', 'CANCELLED', { requested: '2026-04-07T11:00:00Z', cancelled: '2026-04-08T10:00:00Z' });
  await handoff(H[4], 'MARKETING', 'SALES', 'REQUESTED', { requested: '2026-04-08T10:00:00Z' });
});
afterAll(() => app?.close());

describe('Customer.timeline', () => {
  it('lists every kind of event newest first, equal moments in a fixed kind order, then by row id', async () => {
    const page = await timeline({ first: 100 });
    expect(page.edges.map((e) => e.node.id)).toEqual(HISTORY);
    expect(page.totalCount).toBe(19);
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('types each event and carries its whole object, channel and team', async () => {
    const nodes = new Map((await timeline({ first: 100 })).edges.map((e) => [e.node.id, e.node]));
    expect(nodes.get(`INTERACTION:${I[6]}`)).toEqual({
      id: `INTERACTION:${I[6]}`, kind: 'INTERACTION', occurredAt: '2026-04-08T12:00:00.000Z', channel: 'PHONE', team: 'SUCCESS',
      interaction: { id: I[6], subject: 'Subject 100', channel: 'PHONE', team: 'SUCCESS' },
    });
    expect(nodes.get(`PURCHASE:${P[1]}`)).toEqual({
      id: `PURCHASE:${P[1]}`, kind: 'PURCHASE', occurredAt: '2026-04-03T09:00:00.000Z', channel: null, team: null,
      purchase: { id: P[1], amount: '1234.5000', currency: 'EUR', kind: 'ONE_TIME', purchasedAt: '2026-04-03T09:00:00.000Z' },
    });
    expect(nodes.get(`SURVEY_RESPONSE:${S[1]}`)).toEqual({
      id: `SURVEY_RESPONSE:${S[1]}`, kind: 'SURVEY_RESPONSE', occurredAt: '2026-04-05T12:00:00.000Z', channel: 'EMAIL', team: 'SERVICE',
      surveyResponse: { id: S[1], kind: 'NPS', score: 9 },
    });
    const rejectedHandoff = { id: H[2], status: 'REJECTED', fromTeam: 'SERVICE', toTeam: 'SUCCESS', rejectionReason: 'Not ours' };
    // A request belongs to the team handing over, the later steps to the receiving team.
    expect(nodes.get(`HANDOFF_REQUESTED:${H[2]}`)).toEqual({
      id: `HANDOFF_REQUESTED:${H[2]}`, kind: 'HANDOFF_REQUESTED', occurredAt: '2026-04-06T10:00:00.000Z', channel: null, team: 'SERVICE',
      transition: 'REQUESTED', handoff: rejectedHandoff,
    });
    expect(nodes.get(`HANDOFF_REJECTED:${H[2]}`)).toEqual({
      id: `HANDOFF_REJECTED:${H[2]}`, kind: 'HANDOFF_REJECTED', occurredAt: '2026-04-07T10:00:00.000Z', channel: null, team: 'SUCCESS',
      transition: 'REJECTED', handoff: rejectedHandoff,
    });
    const transitions = [...nodes.values()].filter((n) => n.transition).map((n) => n.transition);
    expect(new Set(transitions)).toEqual(new Set(['REQUESTED', 'ACCEPTED', 'COMPLETED', 'REJECTED', 'CANCELLED']));
  });

  it('answers the same events, channels, teams and transitions when no source object is selected (no source rows fetched)', async () => {
    const LEAN = `query Lean($id: ID!) {
      customer(id: $id) { timeline(first: 100) { edges { cursor node { id kind occurredAt channel team ... on HandoffEvent { transition } } } } }
    }`;
    const lean = await app.graphql<{ customer: { timeline: { edges: { cursor: string; node: Record<string, unknown> }[] } } }>(LEAN, { id: historyId }, token);
    expect(lean.errors).toBeUndefined();
    const full = await timeline({ first: 100 });
    const own = ({ id, kind, occurredAt, channel, team, transition }: Record<string, unknown>) => ({ id, kind, occurredAt, channel, team, transition });
    expect(lean.data!.customer.timeline.edges.map((e) => ({ cursor: e.cursor, ...own(e.node) }))).toEqual(full.edges.map((e) => ({ cursor: e.cursor, ...own(e.node) })));
    expect(lean.data!.customer.timeline.edges.map((e) => e.node.team)).toContain('SERVICE');
  });

  it('pages through the whole history with cursors, every event exactly once and in order', async () => {
    for (const first of [1, 2, 3, 5]) {
      const paged = await pagedEventIds(first);
      expect(new Set(paged).size, `first: ${first}`).toBe(paged.length);
      expect(paged, `first: ${first}`).toEqual(HISTORY);
    }
  });

  it('keeps the cursor stable: the page after an event is the same whoever asks', async () => {
    const [one, two] = await Promise.all([timeline({ first: 4 }), timeline({ first: 4 })]);
    expect(one.pageInfo.endCursor).toBe(two.pageInfo.endCursor);
    const next = await timeline({ first: 3, after: one.pageInfo.endCursor });
    expect(next.edges.map((e) => e.node.id)).toEqual(HISTORY.slice(4, 7));
    expect(next.pageInfo.hasPreviousPage).toBe(true);
    // first: 0 tells only whether there is anything at all.
    const none = await timeline({ first: 0 });
    expect(none.edges).toEqual([]);
    expect(none.pageInfo.hasNextPage).toBe(true);
  });

  it('filters by kind', async () => {
    expect(await eventIds({ kinds: ['PURCHASE', 'HANDOFF_REQUESTED'] })).toEqual([
      `HANDOFF_REQUESTED:${H[4]}`,
      `HANDOFF_REQUESTED:${H[3]}`,
      `HANDOFF_REQUESTED:${H[2]}`,
      `PURCHASE:${P[3]}`,
      `PURCHASE:${P[2]}`,
      `PURCHASE:${P[1]}`,
      `HANDOFF_REQUESTED:${H[1]}`,
    ]);
    expect((await timeline({ kinds: ['HANDOFF_ACCEPTED', 'HANDOFF_COMPLETED'] })).totalCount).toBe(2);
    expect(await eventIds({ kinds: [] })).toEqual([]);
  });

  it('filters by channel, leaving out events that have none', async () => {
    expect(await eventIds({ channels: ['EMAIL'] })).toEqual([`INTERACTION:${I[4]}`, `SURVEY_RESPONSE:${S[1]}`, `INTERACTION:${I[1]}`]);
    const emailOrPhone = await timeline({ first: 100, channels: ['EMAIL', 'PHONE'] });
    expect(emailOrPhone.edges.map((e) => e.node.id)).toEqual([
      `INTERACTION:${I[6]}`,
      `INTERACTION:${I[4]}`,
      `SURVEY_RESPONSE:${S[1]}`,
      `INTERACTION:${I[2]}`,
      `INTERACTION:${I[1]}`,
    ]);
    expect(emailOrPhone.totalCount).toBe(5);
    expect(await eventIds({ kinds: ['PURCHASE'], channels: ['EMAIL'] })).toEqual([]);
  });

  it('filters by team, matching a handoff step by either of its teams', async () => {
    const service = await timeline({ first: 100, teams: ['SERVICE'] });
    expect(service.edges.map((e) => [e.node.id, e.node.team])).toEqual([
      [`INTERACTION:${I[5]}`, 'SERVICE'],
      [`HANDOFF_REJECTED:${H[2]}`, 'SUCCESS'], // from SERVICE
      [`HANDOFF_REQUESTED:${H[2]}`, 'SERVICE'],
      [`HANDOFF_COMPLETED:${H[1]}`, 'SERVICE'],
      [`SURVEY_RESPONSE:${S[1]}`, 'SERVICE'],
      [`HANDOFF_ACCEPTED:${H[1]}`, 'SERVICE'],
      [`HANDOFF_REQUESTED:${H[1]}`, 'SALES'], // to SERVICE
      [`INTERACTION:${I[1]}`, 'SERVICE'],
    ]);
    expect(service.totalCount).toBe(8);
    expect(await pagedEventIds(3, { teams: ['SERVICE'] })).toEqual(service.edges.map((e) => e.node.id));
  });

  it('filters by a half-open time range: since inclusive, until exclusive', async () => {
    const range = await timeline({ first: 100, since: '2026-04-05T12:00:00Z', until: '2026-04-07T10:00:00Z' });
    expect(range.edges.map((e) => e.node.id)).toEqual([
      `HANDOFF_REQUESTED:${H[2]}`,
      `PURCHASE:${P[3]}`,
      `HANDOFF_COMPLETED:${H[1]}`,
      `SURVEY_RESPONSE:${S[1]}`,
      `PURCHASE:${P[2]}`,
      `INTERACTION:${I[3]}`,
    ]);
    expect(range.totalCount).toBe(6);
    expect(await eventIds({ since: '2026-04-08T11:00:00Z' })).toEqual(HISTORY.slice(0, 3));
    expect(await eventIds({ until: '2026-04-02T10:00:00Z' })).toEqual(HISTORY.slice(-2));
  });

  it('is empty for a customer without history', async () => {
    const result = await app.graphql(TIMELINE, { id: emptyId }, token);
    expect(result.errors).toBeUndefined();
    expect(result.data.customer.timeline).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it('refuses invalid arguments as bad user input naming the argument', async () => {
    const interactions = await app.graphql(`query($id: ID!) { customer(id: $id) { interactions(first: 1) { edges { cursor } } } }`, { id: historyId }, token);
    const foreignCursor = interactions.data.customer.interactions.edges[0].cursor;
    const cases: [Record<string, unknown>, string][] = [
      [{ first: 101 }, 'first'],
      [{ first: -1 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
      [{ after: foreignCursor }, 'after'],
      [{ since: '2026-04-05T00:00:00Z', until: '2026-04-05T00:00:00Z' }, 'until'],
      [{ since: '2026-04-06T00:00:00Z', until: '2026-04-05T00:00:00Z' }, 'until'],
    ];
    for (const [variables, field] of cases) {
      const result = await timelineResult(variables);
      expect(result.errors, JSON.stringify(variables)).toHaveLength(1);
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: [field] });
    }
  });
});

describe('Customer.timeline on a page of customers', () => {
  const PAGE_WITH_TIMELINES = `query Page($first: Int!) {
    customers(first: $first) {
      nodes {
        id
        timeline(first: 10) {
          totalCount
          edges {
            cursor
            node {
              id kind occurredAt channel team
              ... on InteractionEvent { interaction { subject channel } }
              ... on PurchaseEvent { purchase { amount product } }
              ... on SurveyResponseEvent { surveyResponse { score } }
              ... on HandoffEvent { transition handoff { summary status } }
            }
          }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }`;

  beforeAll(async () => {
    const staff = await insertStaff(app, 'Tom Timeline', 'SERVICE', 'SERVICE');
    const ids: string[] = [];
    for (let i = 0; i < 50; i += 1) ids.push(await insertCustomer(app, { name: `Timeline ${String(i).padStart(2, '0')}` }));
    // 6 interactions, 6 purchases, 6 survey responses and 6 handoff requests each: 24 events.
    await insertRelatedRows(app, ids, 6, staff);
  });

  async function statementsFor(first: number): Promise<number> {
    const result = await app.graphql(PAGE_WITH_TIMELINES, { first }, token);
    expect(result.errors).toBeUndefined();
    const customers = result.data.customers.nodes as { timeline: TimelinePage }[];
    expect(customers).toHaveLength(first);
    for (const { timeline } of customers) {
      expect(timeline.edges).toHaveLength(Math.min(10, timeline.totalCount));
      expect(timeline.pageInfo.hasNextPage).toBe(timeline.totalCount > 10);
    }
    expect(customers.filter((c) => c.timeline.totalCount === 24).length).toBeGreaterThanOrEqual(first - 2);
    return result.extensions!.sqlStatements as number;
  }

  it('runs the same 4 SQL statements for 5 customers as for 50', async () => {
    const forFive = await statementsFor(5);
    const forFifty = await statementsFor(50);
    // The viewer, the page of customers, every customer's 10 latest events (one statement,
    // carrying the events' whole rows), and every customer's event count (one grouped statement).
    expect(forFive).toBe(4);
    expect(forFifty).toBe(forFive);
  });

  it('does not count unless totalCount is asked for', async () => {
    const result = await app.graphql('{ customers(first: 50) { nodes { timeline(first: 10) { nodes { id occurredAt } } } } }', {}, token);
    expect(result.errors).toBeUndefined();
    expect(result.extensions!.sqlStatements).toBe(3);
  });
});
