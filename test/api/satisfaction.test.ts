import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer } from '../support/fixtures.js';

let app: TestApp;
let token: string;
const ids: Record<string, string> = {};

type Answer = [kind: string, score: number, day: number, team?: string | null, stage?: string | null];

async function answers(name: string, list: Answer[]) {
  ids[name] = await insertCustomer(app, { name });
  for (const [kind, score, day, team = null, stage = null] of list) {
    await app.sql(
      `insert into survey_response (customer_id, kind, score, responded_at, team, journey_stage) values (?, ?, ?, timestamptz '2026-05-01' + ? * interval '1 day', ?, ?)`,
      [ids[name], kind, score, day, team, stage],
    );
  }
}

const SCORES = `csat { score satisfied total } nps { score promoters passives detractors total } ces { average highEffortRate highEffort total }`;

async function satisfaction(name: string, since: string | null = null, extra = '') {
  const result = await app.graphql(
    `query($id: ID!, $since: DateTimeISO) { customer(id: $id) { satisfaction(since: $since) { since latestNpsCategory ${SCORES} ${extra} } } }`,
    { id: ids[name], since },
    token,
  );
  expect(result.errors).toBeUndefined();
  return result.data.customer.satisfaction;
}

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  await answers('Mixed', [
    ['CSAT', 5, 1, 'SERVICE', 'SUPPORT'], ['CSAT', 4, 2, 'SERVICE', 'ONBOARDING'], ['CSAT', 3, 3, 'SALES', 'PURCHASE'], ['CSAT', 1, 4],
    ['NPS', 10, 1, 'SUCCESS', 'ADOPTION'], ['NPS', 9, 2, 'SUCCESS'], ['NPS', 8, 3], ['NPS', 6, 4], ['NPS', 0, 6, 'SERVICE', 'SUPPORT'],
    ['CES', 7, 1], ['CES', 7, 2], ['CES', 2, 5, 'SERVICE', 'SUPPORT'],
  ]);
  await answers('All Detractors', [['NPS', 0, 1], ['NPS', 3, 2], ['NPS', 6, 3]]);
  await answers('All Passives', [['NPS', 7, 1], ['NPS', 8, 2]]);
  await answers('Effortless', [['CES', 7, 1], ['CES', 7, 2]]);
  await answers('Silent', []);
  await answers('Latest Promoter', [['NPS', 2, 1], ['NPS', 10, 9]]);
});
afterAll(() => app?.close());

it('computes CSAT, NPS and CES with their counts', async () => {
  // CSAT: 5 and 4 of 4 answers → 50.00. NPS: promoters 10, 9; passive 8; detractors 6, 0 →
  // 100 × (2 − 2) ÷ 5 = 0.00. CES: (7 + 7 + 2) ÷ 3 = 5.333… → 5.33; high effort 1 of 3 → 33.33.
  expect(await satisfaction('Mixed')).toEqual({
    since: null,
    latestNpsCategory: 'DETRACTOR',
    csat: { score: '50.00', satisfied: 2, total: 4 },
    nps: { score: '0.00', promoters: 2, passives: 1, detractors: 2, total: 5 },
    ces: { average: '5.33', highEffortRate: '33.33', highEffort: 1, total: 3 },
  });
});

it('returns null scores and zero counts without answers', async () => {
  expect(await satisfaction('Silent')).toEqual({
    since: null,
    latestNpsCategory: null,
    csat: { score: null, satisfied: 0, total: 0 },
    nps: { score: null, promoters: 0, passives: 0, detractors: 0, total: 0 },
    ces: { average: null, highEffortRate: null, highEffort: 0, total: 0 },
  });
});

it('scores all detractors −100, all passives 0, CES all 7s as 7 with no high effort', async () => {
  expect((await satisfaction('All Detractors')).nps).toEqual({ score: '-100.00', promoters: 0, passives: 0, detractors: 3, total: 3 });
  expect((await satisfaction('All Passives')).nps).toEqual({ score: '0.00', promoters: 0, passives: 2, detractors: 0, total: 2 });
  expect((await satisfaction('All Passives')).latestNpsCategory).toBe('PASSIVE');
  expect((await satisfaction('Effortless')).ces).toEqual({ average: '7.00', highEffortRate: '0.00', highEffort: 0, total: 2 });
});

it('takes the category of the most recent NPS answer', async () => {
  expect((await satisfaction('Latest Promoter')).latestNpsCategory).toBe('PROMOTER');
});

it('counts only answers at or after `since`', async () => {
  // Since 2026-05-04 (day 3): CSAT 3, 1 → 0 of 2; NPS 8, 6, 0 → (0 − 2) ÷ 3 = −66.67; CES 2 → 2.00.
  const windowed = await satisfaction('Mixed', '2026-05-04T00:00:00.000Z');
  expect(windowed.csat).toEqual({ score: '0.00', satisfied: 0, total: 2 });
  expect(windowed.nps).toEqual({ score: '-66.67', promoters: 0, passives: 1, detractors: 2, total: 3 });
  expect(windowed.ces).toEqual({ average: '2.00', highEffortRate: '100.00', highEffort: 1, total: 1 });
  expect(windowed.since).toBe('2026-05-04T00:00:00.000Z');
});

it('is empty for a window that excludes everything', async () => {
  const none = await satisfaction('Mixed', '2027-01-01T00:00:00.000Z');
  expect(none.latestNpsCategory).toBeNull();
  expect([none.csat.score, none.nps.score, none.ces.average]).toEqual([null, null, null]);
  expect([none.csat.total, none.nps.total, none.ces.total]).toEqual([0, 0, 0]);
});

it('breaks the scores down by team and by journey stage', async () => {
  const result = await satisfaction('Mixed', null, `byTeam { team ${SCORES} } byJourneyStage { journeyStage csat { score total } nps { score total } }`);
  // SALES: CSAT 3 → 0.00. SERVICE: CSAT 5, 4 → 100.00; NPS 0 → −100.00; CES 2 → 2.00.
  // SUCCESS: NPS 10, 9 → 100.00. Answers without a team are left out.
  expect(result.byTeam).toEqual([
    { team: 'SALES', csat: { score: '0.00', satisfied: 0, total: 1 }, nps: { score: null, promoters: 0, passives: 0, detractors: 0, total: 0 }, ces: { average: null, highEffortRate: null, highEffort: 0, total: 0 } },
    { team: 'SERVICE', csat: { score: '100.00', satisfied: 2, total: 2 }, nps: { score: '-100.00', promoters: 0, passives: 0, detractors: 1, total: 1 }, ces: { average: '2.00', highEffortRate: '100.00', highEffort: 1, total: 1 } },
    { team: 'SUCCESS', csat: { score: null, satisfied: 0, total: 0 }, nps: { score: '100.00', promoters: 2, passives: 0, detractors: 0, total: 2 }, ces: { average: null, highEffortRate: null, highEffort: 0, total: 0 } },
  ]);
  expect(result.byJourneyStage).toEqual([
    { journeyStage: 'ADOPTION', csat: { score: null, total: 0 }, nps: { score: '100.00', total: 1 } },
    { journeyStage: 'ONBOARDING', csat: { score: '100.00', total: 1 }, nps: { score: null, total: 0 } },
    { journeyStage: 'PURCHASE', csat: { score: '0.00', total: 1 }, nps: { score: null, total: 0 } },
    { journeyStage: 'SUPPORT', csat: { score: '100.00', total: 1 }, nps: { score: '-100.00', total: 1 } },
  ]);
});
