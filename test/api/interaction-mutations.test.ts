import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer, insertStaff } from '../support/fixtures.js';

let app: TestApp;
let token: string;
let customerId: string;
let otherCustomerId: string;
let staffId: string;
let formerStaffId: string;

const FIELDS = 'id channel direction team journeyStage subject summary occurredAt respondedAt resolvedAt externalId version customer { id } staff { id }';
const INPUT_TYPES: Record<string, string> = {
  interactionLog: 'InteractionLogInput',
  interactionMarkResponded: 'InteractionMarkRespondedInput',
  interactionMarkResolved: 'InteractionMarkResolvedInput',
};
type Payload = { interaction: any; userErrors: { field: string[]; message: string; code: string }[] };

const call = async (mutation: string, input: Record<string, unknown>): Promise<Payload> => {
  const result = await app.graphql(
    `mutation($input: ${INPUT_TYPES[mutation]}!) { ${mutation}(input: $input) { interaction { ${FIELDS} } userErrors { field message code } } }`,
    { input },
    token,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data[mutation];
};
const errorsOf = (payload: Payload) => payload.userErrors.map((e) => [e.field.join('.'), e.code]);
const counts = async () =>
  (await app.sql<{ interactions: string; audits: string }>(
    'select (select count(*) from interaction) as interactions, (select count(*) from audit_event) as audits',
  ))[0];
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const inboundEmail = { channel: 'EMAIL', direction: 'INBOUND', team: 'SERVICE' };

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  customerId = await insertCustomer(app, { name: 'Ada Lovelace' });
  otherCustomerId = await insertCustomer(app, { name: 'Grace Hopper' });
  staffId = await insertStaff(app, 'Sam Service', 'SERVICE', 'SERVICE');
  formerStaffId = await insertStaff(app, 'Former Agent', 'SERVICE', 'SERVICE');
  await app.sql('update staff_user set active = false where id = ?', [formerStaffId]);
});
afterAll(() => app?.close());

describe('interactionLog', () => {
  it('logs a touchpoint with defaults, updates the customer rollup and audits it', async () => {
    const before = Date.now();
    const { interaction, userErrors } = await call('interactionLog', {
      ...inboundEmail, customerId, staffId, subject: '  Invoice question ', summary: 'Line one\nLine two', journeyStage: 'SUPPORT',
    });
    expect(userErrors).toEqual([]);
    expect(interaction).toMatchObject({
      channel: 'EMAIL', direction: 'INBOUND', team: 'SERVICE', journeyStage: 'SUPPORT', subject: 'Invoice question',
      summary: 'Line one\nLine two', respondedAt: null, resolvedAt: null, externalId: null, version: 1,
      customer: { id: customerId }, staff: { id: staffId },
    });
    expect(new Date(interaction.occurredAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const [customer] = await app.sql<{ last_interaction_at: string }>('select last_interaction_at from customer where id = ?', [customerId]);
    expect(new Date(customer!.last_interaction_at).toISOString()).toBe(interaction.occurredAt);
    const audits = await app.sql<{ action: string; entity_type: string; customer_id: string; before: unknown; after: any }>(
      'select action, entity_type, customer_id, before, after from audit_event where entity_id = ?',
      [interaction.id],
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'interactionLog', entity_type: 'Interaction', customer_id: customerId, before: null });
    expect(audits[0]!.after).toMatchObject({ subject: 'Invoice question', customerId, staffId, direction: 'INBOUND' });
  });

  it('reports every broken rule at once, naming each field, and writes nothing', async () => {
    const before = await counts();
    const payload = await call('interactionLog', {
      ...inboundEmail, direction: 'OUTBOUND', customerId: '00000000-0000-4000-8000-000000000000', staffId: formerStaffId,
      subject: 'x'.repeat(301), summary: 'bell \u0007', occurredAt: minutesAgo(60), respondedAt: minutesAgo(30), resolvedAt: minutesAgo(90),
      externalId: 'e'.repeat(201),
    });
    expect(payload.interaction).toBeNull();
    expect(errorsOf(payload)).toEqual([
      ['input.respondedAt', 'INVALID'], ['input.resolvedAt', 'INVALID'], ['input.subject', 'INVALID'], ['input.summary', 'INVALID'],
      ['input.externalId', 'INVALID'], ['input.customerId', 'NOT_FOUND'], ['input.staffId', 'NOT_FOUND'],
    ]);
    expect(payload.userErrors[0]!.message).toMatch(/only for INBOUND/);
    expect(await counts()).toEqual(before);
  });

  it('refuses absurd moments, missing ids and ids that are not ids', async () => {
    expect(errorsOf(await call('interactionLog', { ...inboundEmail, customerId, occurredAt: '1969-12-31T23:59:59Z' }))).toEqual([['input.occurredAt', 'INVALID']]);
    expect(errorsOf(await call('interactionLog', { ...inboundEmail, customerId, occurredAt: '2999-01-01T00:00:00Z' }))).toEqual([['input.occurredAt', 'INVALID']]);
    expect(errorsOf(await call('interactionLog', { ...inboundEmail, customerId: '' }))).toEqual([['input.customerId', 'REQUIRED']]);
    expect(errorsOf(await call('interactionLog', { ...inboundEmail, customerId: 'not-a-uuid', staffId: 'nope' }))).toEqual([
      ['input.customerId', 'NOT_FOUND'], ['input.staffId', 'NOT_FOUND'],
    ]);
    expect(errorsOf(await call('interactionLog', { ...inboundEmail, customerId, respondedAt: '2999-01-01T00:00:00Z' }))).toEqual([['input.respondedAt', 'INVALID']]);
    expect(errorsOf(await call('interactionLog', { ...inboundEmail, customerId, occurredAt: minutesAgo(10), respondedAt: minutesAgo(5), resolvedAt: minutesAgo(7) }))).toEqual([
      ['input.resolvedAt', 'INVALID'],
    ]);
  });

  it('counts the resolution of an unanswered inbound interaction as its answer', async () => {
    const resolvedAt = minutesAgo(5);
    const { interaction } = await call('interactionLog', { ...inboundEmail, customerId, occurredAt: minutesAgo(60), resolvedAt });
    expect(interaction).toMatchObject({ respondedAt: resolvedAt, resolvedAt });
    const outbound = await call('interactionLog', { ...inboundEmail, direction: 'OUTBOUND', customerId, occurredAt: minutesAgo(60), resolvedAt });
    expect(outbound.interaction).toMatchObject({ respondedAt: null, resolvedAt });
  });

  it('is idempotent by externalId: a retry returns the stored interaction unchanged and audits nothing', async () => {
    const first = await call('interactionLog', { ...inboundEmail, customerId, subject: 'Call from the phone system', externalId: 'pbx-1' });
    const audits = (await counts())!.audits;
    const retry = await call('interactionLog', { ...inboundEmail, customerId, subject: 'Changed on retry', externalId: 'pbx-1' });
    expect(retry.userErrors).toEqual([]);
    expect(retry.interaction).toEqual(first.interaction);
    expect((await counts())!.audits).toBe(audits);
    expect(errorsOf(await call('interactionLog', { ...inboundEmail, customerId: otherCustomerId, externalId: 'pbx-1' }))).toEqual([['input.externalId', 'CONFLICT']]);
  });

  it('makes one interaction of 8 concurrent requests with one externalId', async () => {
    const parallel = await Promise.all(Array.from({ length: 8 }, () => call('interactionLog', { ...inboundEmail, customerId, externalId: 'race-1' })));
    expect(parallel.flatMap((p) => p.userErrors)).toEqual([]);
    expect(new Set(parallel.map((p) => p.interaction.id)).size).toBe(1);
    expect(await app.sql(`select id from interaction where external_id = 'race-1'`)).toHaveLength(1);
    expect(await app.sql(`select id from audit_event where entity_id = ?`, [parallel[0]!.interaction.id])).toHaveLength(1);
  });
});

describe('interactionMarkResponded and interactionMarkResolved', () => {
  let inboundId: string;
  let outboundId: string;
  const occurredAt = minutesAgo(120);
  const answeredAt = minutesAgo(60);

  beforeAll(async () => {
    inboundId = (await call('interactionLog', { ...inboundEmail, customerId, occurredAt })).interaction.id;
    // Another team's outbound message, so it does not answer the inbound one.
    outboundId = (await call('interactionLog', { ...inboundEmail, direction: 'OUTBOUND', team: 'SALES', customerId, occurredAt })).interaction.id;
  });

  it('refuses a response before the interaction, in the future, or for an unknown interaction, and writes nothing', async () => {
    const before = await counts();
    expect(errorsOf(await call('interactionMarkResponded', { id: inboundId, respondedAt: minutesAgo(121) }))).toEqual([['input.respondedAt', 'INVALID']]);
    expect(errorsOf(await call('interactionMarkResponded', { id: inboundId, respondedAt: '2999-01-01T00:00:00Z' }))).toEqual([['input.respondedAt', 'INVALID']]);
    expect(errorsOf(await call('interactionMarkResponded', { id: '00000000-0000-4000-8000-000000000000' }))).toEqual([['input.id', 'NOT_FOUND']]);
    expect(errorsOf(await call('interactionMarkResponded', { id: outboundId }))).toEqual([['input.id', 'INVALID_TRANSITION']]);
    expect(await counts()).toEqual(before);
    expect((await app.sql<{ responded_at: null }>('select responded_at from interaction where id = ?', [inboundId]))[0]!.responded_at).toBeNull();
  });

  it('records the answer once, bumps the version and audits the difference', async () => {
    const respondedAt = answeredAt;
    const { interaction, userErrors } = await call('interactionMarkResponded', { id: inboundId, respondedAt });
    expect(userErrors).toEqual([]);
    expect(interaction).toMatchObject({ respondedAt, resolvedAt: null, version: 2 });
    const [audit] = await app.sql<{ before: unknown; after: unknown }>(
      `select before, after from audit_event where entity_id = ? and action = 'interactionMarkResponded'`,
      [inboundId],
    );
    expect(audit).toEqual({ before: { respondedAt: null, version: 1 }, after: { respondedAt, version: 2 } });
    const again = await call('interactionMarkResponded', { id: inboundId });
    expect(errorsOf(again)).toEqual([['input.id', 'INVALID_TRANSITION']]);
    expect(again.userErrors[0]!.message).toContain(respondedAt);
  });

  it('resolves once, not before the answer; an unanswered inbound one counts as answered then', async () => {
    expect(errorsOf(await call('interactionMarkResolved', { id: inboundId, resolvedAt: minutesAgo(90) }))).toEqual([['input.resolvedAt', 'INVALID']]);
    const resolved = await call('interactionMarkResolved', { id: inboundId });
    expect(resolved.interaction).toMatchObject({ respondedAt: answeredAt, version: 3 });
    expect(errorsOf(await call('interactionMarkResolved', { id: inboundId }))).toEqual([['input.id', 'INVALID_TRANSITION']]);

    const unanswered = (await call('interactionLog', { ...inboundEmail, customerId, occurredAt })).interaction.id;
    const resolvedAt = minutesAgo(30);
    expect((await call('interactionMarkResolved', { id: unanswered, resolvedAt })).interaction).toMatchObject({ respondedAt: resolvedAt, resolvedAt });
    expect((await call('interactionMarkResolved', { id: outboundId, resolvedAt })).interaction).toMatchObject({ respondedAt: null, resolvedAt });
    expect(errorsOf(await call('interactionMarkResolved', { id: 'x' }))).toEqual([['input.id', 'NOT_FOUND']]);
  });
});

describe('an outbound interaction answers the open inbound ones', () => {
  it('sets respondedAt on the same team’s waiting inbound interactions of the customer, and audits it', async () => {
    const service = await call('interactionLog', { customerId, ...inboundEmail, occurredAt: minutesAgo(300) });
    const sales = await call('interactionLog', { customerId, channel: 'CHAT', direction: 'INBOUND', team: 'SALES', occurredAt: minutesAgo(290) });
    const later = await call('interactionLog', { customerId, ...inboundEmail, occurredAt: minutesAgo(10) });
    const reply = await call('interactionLog', { customerId, channel: 'PHONE', direction: 'OUTBOUND', team: 'SERVICE', occurredAt: minutesAgo(100) });
    expect(reply.userErrors).toEqual([]);
    const rows = await app.sql<{ id: string; responded_at: Date | string | null; version: number }>(
      'select id, responded_at, version from interaction where id = any(?::uuid[])',
      [`{${[service, sales, later].map((p) => p.interaction.id).join(',')}}`],
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    // Answered at the reply's moment; another team's message and a message after the reply stay open.
    expect(new Date(byId[service.interaction.id]!.responded_at as string).toISOString()).toBe(reply.interaction.occurredAt);
    expect(byId[service.interaction.id]!.version).toBe(2);
    expect(byId[sales.interaction.id]!.responded_at).toBeNull();
    expect(byId[later.interaction.id]!.responded_at).toBeNull();
    const [audit] = await app.sql<{ before: unknown; after: Record<string, unknown> }>(
      `select before, after from audit_event where entity_id = ? and before is not null`,
      [service.interaction.id],
    );
    expect(audit).toEqual({ before: { respondedAt: null }, after: { respondedAt: reply.interaction.occurredAt, answeredBy: reply.interaction.id } });
  });
});
