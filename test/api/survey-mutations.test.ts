import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer } from '../support/fixtures.js';

let app: TestApp;
let token: string;
let customerId: string;
let otherCustomerId: string;
let interactionId: string;

const FIELDS = 'id kind score comment team channel journeyStage respondedAt externalId version customer { id } interaction { id }';
type Payload = { surveyResponse: any; userErrors: { field: string[]; message: string; code: string }[] };

const record = async (input: Record<string, unknown>): Promise<Payload> => {
  const result = await app.graphql(
    `mutation($input: SurveyResponseRecordInput!) { surveyResponseRecord(input: $input) { surveyResponse { ${FIELDS} } userErrors { field message code } } }`,
    { input: { customerId, ...input } },
    token,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.surveyResponseRecord;
};
const errorsOf = (payload: Payload) => payload.userErrors.map((e) => [e.field.join('.'), e.code]);
const counts = async () =>
  (await app.sql<{ responses: string; audits: string }>(
    'select (select count(*) from survey_response) as responses, (select count(*) from audit_event) as audits',
  ))[0];

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  customerId = await insertCustomer(app, { name: 'Ada Lovelace' });
  otherCustomerId = await insertCustomer(app, { name: 'Grace Hopper' });
  [{ id: interactionId }] = (await app.sql<{ id: string }>(
    `insert into interaction (customer_id, channel, direction, team, journey_stage, occurred_at)
     values (?, 'CHAT', 'INBOUND', 'SERVICE', 'SUPPORT', '2026-03-01T10:00:00Z') returning id`,
    [customerId],
  )) as [{ id: string }];
});
afterAll(() => app?.close());

describe('surveyResponseRecord', () => {
  it('records an NPS answer, updates the latest NPS of the customer and audits it', async () => {
    const { surveyResponse, userErrors } = await record({ kind: 'NPS', score: 9, comment: ' Great 🎉 ', respondedAt: '2026-03-02T00:00:00Z' });
    expect(userErrors).toEqual([]);
    expect(surveyResponse).toMatchObject({
      kind: 'NPS', score: 9, comment: 'Great 🎉', team: null, interaction: null, respondedAt: '2026-03-02T00:00:00.000Z', version: 1, customer: { id: customerId },
    });
    expect((await app.sql<{ latest_nps_score: number }>('select latest_nps_score from customer where id = ?', [customerId]))[0]!.latest_nps_score).toBe(9);
    const [audit] = await app.sql<{ action: string; entity_type: string; customer_id: string; after: any }>(
      'select action, entity_type, customer_id, after from audit_event where entity_id = ?',
      [surveyResponse.id],
    );
    expect(audit).toMatchObject({ action: 'surveyResponseRecord', entity_type: 'SurveyResponse', customer_id: customerId, after: { kind: 'NPS', score: 9 } });
  });

  describe.each([
    ['CSAT', 1, 5],
    ['NPS', 0, 10],
    ['CES', 1, 7],
  ])('%s scores', (kind, min, max) => {
    it.each([
      [min - 1, false],
      [min, true],
      [max, true],
      [max + 1, false],
    ])(`score %i accepted: %s`, async (score, accepted) => {
      const payload = await record({ kind, score });
      if (accepted) {
        expect(payload.userErrors).toEqual([]);
        expect(payload.surveyResponse).toMatchObject({ kind, score });
      } else {
        expect(payload.surveyResponse).toBeNull();
        expect(payload.userErrors).toEqual([{ field: ['input', 'score'], code: 'INVALID', message: `must be a whole number from ${min} to ${max} for ${kind}` }]);
      }
    });
  });

  it('takes team, channel and journey stage from the rated interaction unless given', async () => {
    const rated = await record({ kind: 'CSAT', score: 4, interactionId, respondedAt: '2026-03-01T11:00:00Z' });
    expect(rated.surveyResponse).toMatchObject({ team: 'SERVICE', channel: 'CHAT', journeyStage: 'SUPPORT', interaction: { id: interactionId } });
    const overridden = await record({ kind: 'CSAT', score: 4, interactionId, team: 'SUCCESS', respondedAt: '2026-03-01T11:00:00Z' });
    expect(overridden.surveyResponse).toMatchObject({ team: 'SUCCESS', channel: 'CHAT' });
  });

  it('refuses an interaction of another customer, an unknown one, and an answer before the interaction', async () => {
    const before = await counts();
    expect(errorsOf(await record({ kind: 'CSAT', score: 4, customerId: otherCustomerId, interactionId, respondedAt: '2026-03-02T00:00:00Z' }))).toEqual([
      ['input.interactionId', 'INVALID'],
    ]);
    expect(errorsOf(await record({ kind: 'CSAT', score: 4, interactionId: '00000000-0000-4000-8000-000000000000' }))).toEqual([['input.interactionId', 'NOT_FOUND']]);
    const early = await record({ kind: 'CSAT', score: 4, interactionId, respondedAt: '2026-03-01T09:59:59Z' });
    expect(errorsOf(early)).toEqual([['input.respondedAt', 'INVALID']]);
    expect(early.userErrors[0]!.message).toBe('must not be before the rated interaction occurred (2026-03-01T10:00:00.000Z)');
    expect(await counts()).toEqual(before);
  });

  it('reports every broken rule at once and writes nothing', async () => {
    const before = await counts();
    const payload = await record({
      kind: 'CES', score: 0, customerId: 'not-an-id', comment: 'c'.repeat(5001), interactionId: 'nope', respondedAt: '1900-01-01T00:00:00Z',
      externalId: 'bad\u0000id',
    });
    expect(errorsOf(payload)).toEqual([
      ['input.score', 'INVALID'], ['input.customerId', 'NOT_FOUND'], ['input.comment', 'INVALID'], ['input.interactionId', 'NOT_FOUND'],
      ['input.respondedAt', 'INVALID'], ['input.externalId', 'INVALID'],
    ]);
    expect(errorsOf(await record({ kind: 'CSAT', score: 3, customerId: '00000000-0000-4000-8000-000000000000' }))).toEqual([['input.customerId', 'NOT_FOUND']]);
    expect(errorsOf(await record({ kind: 'CSAT', score: 3, customerId: '' }))).toEqual([['input.customerId', 'REQUIRED']]);
    expect(await counts()).toEqual(before);
  });

  it('is idempotent by externalId, also under concurrency; another customer\'s externalId is a CONFLICT', async () => {
    const first = await record({ kind: 'NPS', score: 10, externalId: 'typeform-1' });
    const retry = await record({ kind: 'NPS', score: 3, externalId: 'typeform-1' });
    expect(retry.surveyResponse).toEqual(first.surveyResponse);
    expect(errorsOf(await record({ kind: 'NPS', score: 10, customerId: otherCustomerId, externalId: 'typeform-1' }))).toEqual([['input.externalId', 'CONFLICT']]);
    const parallel = await Promise.all(Array.from({ length: 8 }, () => record({ kind: 'CSAT', score: 5, externalId: 'race-1' })));
    expect(parallel.flatMap((p) => p.userErrors)).toEqual([]);
    expect(new Set(parallel.map((p) => p.surveyResponse.id)).size).toBe(1);
    expect(await app.sql(`select id from survey_response where external_id in ('race-1', 'typeform-1')`)).toHaveLength(2);
    expect(await app.sql(`select id from audit_event where entity_id = ?`, [parallel[0]!.surveyResponse.id])).toHaveLength(1);
  });
});
