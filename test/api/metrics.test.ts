import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer } from '../support/fixtures.js';

// Every expected figure below is worked out by hand from the rows arranged here.
let app: TestApp;
let token: string;
const ids: Record<string, string> = {};

const REPORT = `query($from: DateTimeISO!, $to: DateTimeISO!, $interval: MetricInterval, $groupBy: MetricDimension, $timeZone: String!, $filter: CustomerFilter) {
  metrics(from: $from, to: $to, interval: $interval, groupBy: $groupBy, timeZone: $timeZone, filter: $filter) {
    series { group points {
      start end
      satisfaction { nps { score total promoters } csat { score total } }
      customers { active new churned }
      churn { rate retentionRate activeAtStart churnedOfActive }
      revenue { net purchases refunds }
      acquisition { spend newCustomers averageHistoricalLifetimeValue cac ltvToCac }
      responseSla { breachRate breached inbound }
      handoffs { requested accepted acceptanceRate medianHoursToAccept p90HoursToAccept }
      churnReasons { reason customers }
    } }
  }
}`;

async function report(variables: Record<string, unknown>) {
  const result = await app.graphql(REPORT, { timeZone: 'UTC', ...variables }, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.metrics.series as { group: string | null; points: any[] }[];
}

const Q1 = { from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z', interval: 'MONTH' };

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  ids.A = await insertCustomer(app, { name: 'A', acquisitionChannel: 'PAID_SEARCH', lifecycleStage: 'CHURNED', createdAt: '2025-12-15T00:00:00Z', churnedAt: '2026-02-01T00:00:00Z' });
  ids.B = await insertCustomer(app, { name: 'B', acquisitionChannel: 'PAID_SEARCH', createdAt: '2026-01-10T00:00:00Z' });
  ids.C = await insertCustomer(app, { name: 'C', acquisitionChannel: 'REFERRAL', lifecycleStage: 'CHURNED', createdAt: '2026-01-20T00:00:00Z', churnedAt: '2026-01-25T00:00:00Z' });
  ids.D = await insertCustomer(app, { name: 'D', acquisitionChannel: 'REFERRAL', createdAt: '2025-11-01T00:00:00Z' });
  await app.sql(`update customer set churn_reason = 'Moved' where id = ?`, [ids.C]);
  const buy = (who: string, amount: string, kind: string, at: string) =>
    app.sql(`insert into purchase (customer_id, amount, currency, kind, purchased_at) values (?, ?, 'USD', ?, ?)`, [ids[who], amount, kind, at]);
  await buy('B', '100.00', 'ONE_TIME', '2026-01-10T00:00:00Z');
  await buy('B', '150.00', 'REFUND', '2026-02-05T00:00:00Z'); // a refund larger than what B ever paid
  await buy('C', '50.00', 'ONE_TIME', '2026-01-20T00:00:00Z');
  await buy('D', '30.00', 'RENEWAL', '2026-03-31T23:30:00Z'); // 1 April, 07:30 in Shanghai
  const spend = (channel: string, month: string, next: string, amount: string) =>
    app.sql(`insert into acquisition_spend (channel, period_start, period_end, amount, currency) values (?, ?, ?, ?, 'USD')`, [channel, month, next, amount]);
  await spend('PAID_SEARCH', '2026-01-01', '2026-02-01', '1000.00');
  await spend('REFERRAL', '2026-01-01', '2026-02-01', '0');
  await spend('PAID_SEARCH', '2026-02-01', '2026-03-01', '500.00');
  const answer = (who: string, kind: string, score: number, team: string | null, at: string) =>
    app.sql(`insert into survey_response (customer_id, kind, score, team, responded_at) values (?, ?, ?, ?, ?)`, [ids[who], kind, score, team, at]);
  await answer('B', 'NPS', 10, 'SERVICE', '2026-01-12T00:00:00Z');
  await answer('D', 'NPS', 0, 'SALES', '2026-01-13T00:00:00Z');
  await answer('D', 'CSAT', 5, null, '2026-03-02T00:00:00Z');
  const touch = (who: string, at: string, respondedAt: string) =>
    app.sql(`insert into interaction (customer_id, channel, direction, team, occurred_at, responded_at) values (?, 'EMAIL', 'INBOUND', 'SERVICE', ?, ?)`, [ids[who], at, respondedAt]);
  await touch('B', '2026-01-05T00:00:00Z', '2026-01-07T00:00:00Z'); // 48 h: breached (SLA 24 h)
  await touch('D', '2026-01-06T00:00:00Z', '2026-01-06T01:00:00Z'); // 1 h: met
  const handoff = (who: string, at: string, acceptedAfterHours: number | null) =>
    app.sql(
      `insert into handoff (customer_id, from_team, to_team, summary, customer_goals, commitments, status, requested_at, due_at, accepted_at)
       values (?, 'SALES', 'SERVICE', 's', 'g', 'c', ?, ?::timestamptz, ?::timestamptz + interval '1 day', ?::timestamptz + ? * interval '1 hour')`,
      [ids[who], acceptedAfterHours === null ? 'REQUESTED' : 'ACCEPTED', at, at, acceptedAfterHours === null ? null : at, acceptedAfterHours ?? 0],
    );
  await handoff('B', '2026-01-10T00:00:00Z', 2);
  await handoff('D', '2026-01-11T00:00:00Z', 10);
  await handoff('D', '2026-01-12T00:00:00Z', null);
});
afterAll(() => app?.close());

describe('metrics by month', () => {
  it('computes every family per bucket, empty buckets included with null ratios', async () => {
    const [all] = await report(Q1);
    expect(all!.group).toBeNull();
    const [jan, feb, mar] = all!.points;
    expect(all!.points.map((p: { start: string; end: string }) => [p.start, p.end])).toEqual([
      ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
      ['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
      ['2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
    ]);
    // January: S = {A, D}; A churns exactly on 1 February, so in February (half-open buckets).
    // B and C are new; C is acquired and churned inside January: new and churned, not in S or L.
    expect(jan).toMatchObject({
      satisfaction: { nps: { score: '0.00', total: 2 }, csat: { score: null, total: 0 } },
      customers: { active: 3, new: 2, churned: 1 },
      churn: { rate: '0.00', retentionRate: '100.00', activeAtStart: 2, churnedOfActive: 0 },
      revenue: { net: '150.0000', purchases: 2, refunds: 0 },
      // Spend 1000 + 0; CAC 1000 ÷ 2; new customers' value (−50 + 50) ÷ 2 = 0 → LTV:CAC 0.
      acquisition: { spend: '1000.0000', newCustomers: 2, averageHistoricalLifetimeValue: '0.0000', cac: '500.0000', ltvToCac: '0.00' },
      responseSla: { breachRate: '50.00', breached: 1, inbound: 2 },
      // Accepted after 2 h and 10 h: median 6; p90 = 2 + 0.9 × 8 = 9.2.
      handoffs: { requested: 3, accepted: 2, acceptanceRate: '66.67', medianHoursToAccept: '6.00', p90HoursToAccept: '9.20' },
      churnReasons: [{ reason: 'Moved', customers: 1 }],
    });
    // February: S = {A, B, D}, L = {A} → 33.33; a refund larger than the month's purchases; spend
    // with no new customers: CAC null, spend shown; no answers: null scores, zero counts.
    expect(feb).toMatchObject({
      satisfaction: { nps: { score: null, total: 0 } },
      customers: { active: 2, new: 0, churned: 1 },
      churn: { rate: '33.33', retentionRate: '66.67', activeAtStart: 3, churnedOfActive: 1 },
      revenue: { net: '-150.0000', purchases: 0, refunds: 1 },
      acquisition: { spend: '500.0000', newCustomers: 0, averageHistoricalLifetimeValue: null, cac: null, ltvToCac: null },
      responseSla: { breachRate: null, breached: 0, inbound: 0 },
      handoffs: { requested: 0, accepted: 0, acceptanceRate: null, medianHoursToAccept: null, p90HoursToAccept: null },
      churnReasons: [{ reason: 'Price too high', customers: 1 }],
    });
    expect(mar).toMatchObject({
      satisfaction: { csat: { score: '100.00', total: 1 } },
      churn: { rate: '0.00', activeAtStart: 2, churnedOfActive: 0 },
      revenue: { net: '30.0000', purchases: 1, refunds: 0 },
      acquisition: { spend: '0.0000', newCustomers: 0, cac: null },
      churnReasons: [],
    });
  });

  it('splits churn, CAC and LTV:CAC by acquisition channel, and the groups add up to the total', async () => {
    const series = await report({ ...Q1, groupBy: 'ACQUISITION_CHANNEL' });
    expect(series.map((s) => s.group)).toEqual([null, 'PAID_SEARCH', 'REFERRAL']);
    const [all, paid, referral] = series;
    // PAID_SEARCH in January: spend 1000, new {B} → CAC 1000; B's value 100 − 150 = −50 → −0.05.
    expect(paid!.points[0].acquisition).toEqual({ spend: '1000.0000', newCustomers: 1, averageHistoricalLifetimeValue: '-50.0000', cac: '1000.0000', ltvToCac: '-0.05' });
    // REFERRAL: zero spend → CAC null even with a new customer.
    expect(referral!.points[0].acquisition).toEqual({ spend: '0.0000', newCustomers: 1, averageHistoricalLifetimeValue: '50.0000', cac: null, ltvToCac: null });
    // February churn: A (PAID_SEARCH) of S = {A, B}; REFERRAL's S = {D} lost nobody.
    expect(paid!.points[1].churn).toEqual({ rate: '50.00', retentionRate: '50.00', activeAtStart: 2, churnedOfActive: 1 });
    expect(referral!.points[1].churn).toEqual({ rate: '0.00', retentionRate: '100.00', activeAtStart: 1, churnedOfActive: 0 });
    for (let i = 0; i < 3; i += 1) {
      const sum = (pick: (p: any) => number) => pick(paid!.points[i]) + pick(referral!.points[i]);
      expect(sum((p) => p.customers.active)).toBe(all!.points[i].customers.active);
      expect(sum((p) => p.churn.activeAtStart)).toBe(all!.points[i].churn.activeAtStart);
      expect(sum((p) => p.satisfaction.nps.total)).toBe(all!.points[i].satisfaction.nps.total);
      expect(sum((p) => Number(p.revenue.net))).toBeCloseTo(Number(all!.points[i].revenue.net), 4);
    }
  });

  it('groups satisfaction by team and leaves customer metrics out of team groups', async () => {
    const series = await report({ ...Q1, groupBy: 'TEAM' });
    expect(series.map((s) => s.group)).toEqual([null, 'SALES', 'SERVICE', 'UNSPECIFIED']);
    const sales = series[1]!.points[0];
    expect(sales.satisfaction.nps).toEqual({ score: '-100.00', total: 1, promoters: 0 });
    expect(series[2]!.points[0].satisfaction.nps).toEqual({ score: '100.00', total: 1, promoters: 1 });
    expect(series[2]!.points[0].handoffs).toMatchObject({ requested: 3, accepted: 2 });
    expect(series[2]!.points[0].responseSla).toMatchObject({ inbound: 2, breached: 1 });
    expect(sales.churn).toBeNull();
    expect(sales.revenue).toBeNull();
    // The CSAT answer without a team sits in UNSPECIFIED, so groups still add up.
    expect(series[3]!.points[2].satisfaction.csat).toEqual({ score: '100.00', total: 1 });
  });
});

describe('metrics edge cases', () => {
  it('answers one bucket for the whole period without an interval', async () => {
    const [all] = await report({ from: Q1.from, to: Q1.to });
    expect(all!.points).toHaveLength(1);
    // S at 1 January = {A, D}; L = {A} (churned 1 February, inside the quarter).
    expect(all!.points[0]).toMatchObject({ churn: { rate: '50.00', activeAtStart: 2, churnedOfActive: 1 }, revenue: { net: '30.0000' } });
  });

  it('moves a purchase across a day boundary with the time zone', async () => {
    const utc = await report({ from: '2026-03-31T00:00:00Z', to: '2026-04-02T00:00:00Z', interval: 'DAY' });
    expect(utc[0]!.points.map((p: any) => [p.start, p.revenue.net])).toEqual([
      ['2026-03-31T00:00:00.000Z', '30.0000'],
      ['2026-04-01T00:00:00.000Z', '0.0000'],
    ]);
    // 1 and 2 April in Shanghai (UTC+8): the purchase at 23:30 UTC is on 1 April there.
    const shanghai = await report({ from: '2026-03-31T16:00:00Z', to: '2026-04-02T16:00:00Z', interval: 'DAY', timeZone: 'Asia/Shanghai' });
    expect(shanghai[0]!.points.map((p: any) => [p.start, p.revenue.net])).toEqual([
      ['2026-03-31T16:00:00.000Z', '30.0000'],
      ['2026-04-01T16:00:00.000Z', '0.0000'],
    ]);
    // Kolkata is UTC+5:30, off the hour the rollups are kept by: the same answer from the raw rows.
    // 23:30 UTC on 31 March is 05:00 on 1 April there.
    const kolkata = await report({ from: '2026-03-30T18:30:00Z', to: '2026-04-01T18:30:00Z', interval: 'DAY', timeZone: 'Asia/Kolkata' });
    expect(kolkata[0]!.points.map((p: any) => [p.start, p.revenue.net])).toEqual([
      ['2026-03-30T18:30:00.000Z', '0.0000'],
      ['2026-03-31T18:30:00.000Z', '30.0000'],
    ]);
  });

  it('applies the customer filter to every family', async () => {
    const [all] = await report({ ...Q1, filter: { acquisitionChannels: ['REFERRAL'] } });
    expect(all!.points[0]).toMatchObject({ customers: { new: 1 }, revenue: { net: '50.0000' }, acquisition: { spend: '0.0000', cac: null } });
  });

  it('rejects a reversed period, an unknown time zone and too many buckets, naming the argument', async () => {
    for (const [variables, field] of [
      [{ from: Q1.to, to: Q1.from }, 'to'],
      [{ ...Q1, timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ from: '2000-01-01T00:00:00Z', to: '2010-01-01T00:00:00Z', interval: 'DAY' }, 'interval'],
    ] as const) {
      const result = await app.graphql(REPORT, { timeZone: 'UTC', ...variables }, token);
      expect(result.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', field: [field] });
    }
  });
});

it('follows acquisition cohorts month by month', async () => {
  const { data, errors } = await app.graphql(
    `{ cohortRetention(from: "2025-11-01T00:00:00Z", to: "2026-02-01T00:00:00Z", months: 3) { months cohorts { month size retention retained } } }`,
    {},
    token,
  );
  expect(errors).toBeUndefined();
  // Nov: D stays. Dec: A churns on 1 Feb = exactly 2 months after 1 Dec, so still counted at
  // month 2, gone at month 3. Jan: C churned within the first month, B stays.
  expect(data.cohortRetention.cohorts).toEqual([
    { month: '2025-11-01T00:00:00.000Z', size: 1, retention: ['100.00', '100.00', '100.00'], retained: [1, 1, 1] },
    { month: '2025-12-01T00:00:00.000Z', size: 1, retention: ['100.00', '100.00', '0.00'], retained: [1, 1, 0] },
    { month: '2026-01-01T00:00:00.000Z', size: 2, retention: ['50.00', '50.00', '50.00'], retained: [1, 1, 1] },
  ]);
});

it('computes only the metric families the query selects, one statement each', async () => {
  const only = await app.graphql(
    `query($from: DateTimeISO!, $to: DateTimeISO!) { metrics(from: $from, to: $to, interval: MONTH) { series { points { satisfaction { nps { score } } } } } }`,
    { from: Q1.from, to: Q1.to },
    token,
  );
  expect(only.errors).toBeUndefined();
  expect(only.data.metrics.series[0].points[0].satisfaction.nps.score).toBe('0.00');
  // The viewer, the buckets, the satisfaction family.
  expect(only.extensions!.sqlStatements).toBe(3);
  const everything = await app.graphql(REPORT, { ...Q1, timeZone: 'UTC' }, token);
  // The viewer, the buckets and eight families.
  expect(everything.extensions!.sqlStatements).toBe(10);
});

describe('drill-down', () => {
  // Clicking a point lists the customers behind it: the customers list, filtered by the point's
  // dates, must hold exactly as many customers as the report counted.
  it('finds the new, churned and active customers of every bucket with the customers filters', async () => {
    const count = async (filter: Record<string, unknown>) => {
      const result = await app.graphql('query($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }', { filter }, token);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data.customers as { totalCount: number; nodes: { id: string }[] };
    };
    const [all] = await report({ from: '2025-11-01T00:00:00Z', to: '2026-04-01T00:00:00Z', interval: 'MONTH' });
    const counted = { new: 0, churned: 0 };
    for (const point of all!.points) {
      expect((await count({ acquiredAfter: point.start, acquiredBefore: point.end })).totalCount, `new in ${point.start}`).toBe(point.customers.new);
      expect((await count({ churnedAfter: point.start, churnedBefore: point.end })).totalCount, `churned in ${point.start}`).toBe(point.customers.churned);
      expect((await count({ acquiredBefore: point.end, notChurnedBefore: point.end })).totalCount, `active in ${point.start}`).toBe(point.customers.active);
      expect((await count({ acquiredBefore: point.start, notChurnedBefore: point.start })).totalCount, `S of ${point.start}`).toBe(point.churn.activeAtStart);
      counted.new += point.customers.new;
      counted.churned += point.customers.churned;
    }
    // By hand: D (Nov), A (Dec), B and C (Jan) acquired; C (Jan) and A (1 Feb, on the boundary) churned.
    expect(counted).toEqual({ new: 4, churned: 2 });
    expect((await count({ churnedAfter: '2026-02-01T00:00:00Z', churnedBefore: '2026-03-01T00:00:00Z' })).nodes.map((n) => n.id)).toEqual([ids.A]);
  });

  // A bucket of answers, revenue, inbound interactions or handoffs lists the distinct customers
  // who own its rows: the `activity` filter, checked against the same rows read directly.
  const listed = async (activity: Record<string, unknown>) => {
    const result = await app.graphql('query($filter: CustomerFilter) { customers(filter: $filter, first: 100) { totalCount nodes { id } } }', { filter: { activity } }, token);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const { totalCount, nodes } = result.data.customers as { totalCount: number; nodes: { id: string }[] };
    expect(totalCount).toBe(nodes.length);
    return nodes.map((n) => n.id).sort();
  };
  const distinct = async (text: string, params: unknown[]) => (await app.sql<{ id: string }>(text, params)).map((r) => r.id).sort();
  const name = (id: string) => Object.keys(ids).find((key) => ids[key] === id);

  it('lists the customers behind each bucket of NPS answers, revenue, inbound interactions and handoffs', async () => {
    const [all] = await report(Q1);
    const byHand: Record<string, string[]>[] = [];
    for (const point of all!.points) {
      const period = { after: point.start, before: point.end };
      const range = [point.start, point.end];
      const nps = await listed({ kind: 'SURVEY_ANSWER', surveyKinds: ['NPS'], ...period });
      expect(nps).toEqual(await distinct(`select distinct customer_id as id from survey_response where kind = 'NPS' and responded_at >= ? and responded_at < ?`, range));
      const revenue = await listed({ kind: 'PURCHASE', currency: 'USD', ...period });
      expect(revenue).toEqual(await distinct(`select distinct customer_id as id from purchase where currency = 'USD' and purchased_at >= ? and purchased_at < ?`, range));
      const inbound = await listed({ kind: 'INBOUND_INTERACTION', ...period });
      expect(inbound).toEqual(
        await distinct(`select distinct customer_id as id from interaction where direction = 'INBOUND' and occurred_at >= ? and occurred_at < ?`, range),
      );
      const handoffs = await listed({ kind: 'HANDOFF_REQUEST', ...period });
      expect(handoffs).toEqual(await distinct(`select distinct customer_id as id from handoff where requested_at >= ? and requested_at < ?`, range));
      // A bucket the report counts nothing in lists nobody, and the other way round.
      expect(nps.length === 0).toBe(point.satisfaction.nps.total === 0);
      expect(revenue.length === 0).toBe(point.revenue.purchases + point.revenue.refunds === 0);
      expect(inbound.length === 0).toBe(point.responseSla.inbound === 0);
      expect(handoffs.length === 0).toBe(point.handoffs.requested === 0);
      byHand.push({ nps: nps.map(name!), revenue: revenue.map(name!), inbound: inbound.map(name!), handoffs: handoffs.map(name!) } as Record<string, string[]>);
    }
    // By hand from the rows above: February's only revenue row is B's refund; D's March answer is CSAT, not NPS.
    expect(byHand.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, [...v].sort()])))).toEqual([
      { nps: ['B', 'D'], revenue: ['B', 'C'], inbound: ['B', 'D'], handoffs: ['B', 'D'] },
      { nps: [], revenue: ['B'], inbound: [], handoffs: [] },
      { nps: [], revenue: ['D'], inbound: [], handoffs: [] },
    ]);
    // Other kinds, currencies and outbound touches are not counted.
    expect(await listed({ kind: 'SURVEY_ANSWER', surveyKinds: ['CSAT'], after: Q1.from, before: Q1.to })).toEqual([ids.D]);
    expect(await listed({ kind: 'PURCHASE', currency: 'EUR', after: Q1.from, before: Q1.to })).toEqual([]);
  });

  it('narrows by the team of a TEAM-grouped report: rated team for answers, handling team for interactions, receiving team for handoffs', async () => {
    const series = await report({ ...Q1, groupBy: 'TEAM' });
    const january = { after: Q1.from, before: '2026-02-01T00:00:00Z' };
    for (const { group, points } of series) {
      if (!group || group === 'UNSPECIFIED') continue;
      const [jan] = points;
      const nps = await listed({ kind: 'SURVEY_ANSWER', surveyKinds: ['NPS'], teams: [group], ...january });
      expect(nps, `NPS of ${group}`).toEqual(
        await distinct(`select distinct customer_id as id from survey_response where kind = 'NPS' and team = ? and responded_at >= ? and responded_at < ?`, [group, january.after, january.before]),
      );
      expect(nps.length === 0).toBe(jan.satisfaction.nps.total === 0);
      const handoffs = await listed({ kind: 'HANDOFF_REQUEST', teams: [group], ...january });
      expect(handoffs.length === 0, `handoffs to ${group}`).toBe(jan.handoffs.requested === 0);
      const inbound = await listed({ kind: 'INBOUND_INTERACTION', teams: [group], ...january });
      expect(inbound.length === 0, `inbound of ${group}`).toBe(jan.responseSla.inbound === 0);
    }
    expect(await listed({ kind: 'SURVEY_ANSWER', surveyKinds: ['NPS'], teams: ['SERVICE'], ...january })).toEqual([ids.B]);
    expect(await listed({ kind: 'SURVEY_ANSWER', surveyKinds: ['NPS'], teams: ['SALES'], ...january })).toEqual([ids.D]);
    // Handoffs go SALES → SERVICE: the receiving team lists them, the sending team does not.
    expect(await listed({ kind: 'HANDOFF_REQUEST', teams: ['SERVICE'], ...january })).toEqual([ids.B, ids.D].sort());
    expect(await listed({ kind: 'HANDOFF_REQUEST', teams: ['SALES'], ...january })).toEqual([]);
  });

  it('rejects an empty period, a narrowing the kind does not have and a malformed currency, naming the field', async () => {
    const period = { after: Q1.from, before: Q1.to };
    for (const [activity, field] of [
      [{ kind: 'PURCHASE', after: Q1.to, before: Q1.to }, ['filter', 'activity', 'before']],
      [{ kind: 'PURCHASE', after: Q1.to, before: Q1.from }, ['filter', 'activity', 'before']],
      [{ kind: 'PURCHASE', surveyKinds: ['NPS'], ...period }, ['filter', 'activity', 'surveyKinds']],
      [{ kind: 'HANDOFF_REQUEST', channels: ['EMAIL'], ...period }, ['filter', 'activity', 'channels']],
      [{ kind: 'INBOUND_INTERACTION', currency: 'USD', ...period }, ['filter', 'activity', 'currency']],
      [{ kind: 'PURCHASE', currency: 'usd', ...period }, ['filter', 'activity', 'currency']],
    ] as const) {
      const result = await app.graphql('query($filter: CustomerFilter) { customers(filter: $filter) { totalCount } }', { filter: { activity } }, token);
      expect(result.errors?.[0]?.extensions, JSON.stringify(activity)).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INVALID', field });
    }
  });
});

describe('consistency with the raw rows', () => {
  // For random periods over the arranged data, the ungrouped report equals the same figures
  // recomputed directly from the rows with SPEC's definitions.
  it('matches NPS counts, net revenue, new customers and churn S and L recomputed from raw rows', async () => {
    const start = Date.parse('2025-10-01T00:00:00Z');
    const span = Date.parse('2026-05-01T00:00:00Z') - start;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: span - 1 }), fc.integer({ min: 1, max: span }), async (offset, length) => {
        const from = new Date(start + offset);
        const to = new Date(Math.min(start + offset + length, start + span));
        fc.pre(to > from);
        const [all] = await report({ from: from.toISOString(), to: to.toISOString() });
        const point = all!.points[0];
        const [raw] = await app.sql<Record<string, string>>(
          `select
             (select count(*) from survey_response where kind = 'NPS' and responded_at >= ? and responded_at < ?) as nps_total,
             (select count(*) from survey_response where kind = 'NPS' and score >= 9 and responded_at >= ? and responded_at < ?) as promoters,
             (select coalesce(sum(case when kind = 'REFUND' then -amount else amount end), 0)::numeric(19, 4)::text
                from purchase where currency = 'USD' and purchased_at >= ? and purchased_at < ?) as net,
             (select count(*) from customer where acquired_at >= ? and acquired_at < ?) as new_customers,
             (select count(*) from customer where acquired_at < ? and (churned_at is null or churned_at >= ?)) as s,
             (select count(*) from customer where acquired_at < ? and churned_at >= ? and churned_at < ?) as l`,
          [from, to, from, to, from, to, from, to, from, from, from, from, to],
        );
        expect(point.satisfaction.nps.total).toBe(Number(raw!.nps_total));
        expect(point.satisfaction.nps.promoters).toBe(Number(raw!.promoters));
        expect(point.revenue.net).toBe(raw!.net);
        expect(point.customers.new).toBe(Number(raw!.new_customers));
        expect(point.churn.activeAtStart).toBe(Number(raw!.s));
        expect(point.churn.churnedOfActive).toBe(Number(raw!.l));
      }),
      { numRuns: 40, seed: 20261123 },
    );
  });
});
