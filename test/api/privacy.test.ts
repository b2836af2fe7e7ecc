import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_KEPT_KEYS, DATA_MAP } from '../../api/src/modules/privacy/data-map.js';
import { ADMIN_PASSWORD, createTestApp, ADMIN_EMAIL, type TestApp } from '../support/app.js';
import { insertStaff } from '../support/fixtures.js';

// One crafted person with a row of every kind, written through the API (so the audit trail holds
// their personal values too), and one other customer who must never be touched or exported.
let app: TestApp;
const tokens: Record<string, string> = {};
let ownerId: string;
let zeldaId: string;
let oswinId: string;

const ZELDA = {
  name: 'Zelda Quintrell-Vasquez',
  firstEmail: 'z.q.vasquez@old-probe.test',
  email: 'zelda.quintrell@probe-mail.test',
  phone: '+44 20 7946 0958',
  company: 'Quintrell Looms Ltd',
  persona: 'Tapestry hobbyist from Wexcombe',
  externalId: 'ZQV-CRM-77123',
  personalTag: 'zelda quintrell-vasquez referral',
};
const TEXTS = {
  inboundSubject: 'Loom delivery to Wexcombe Farm',
  inboundSummary: 'Called about the blue loom; daughter Imogen answered',
  inboundExternalId: 'CALL-ZQV-0001',
  outboundSubject: 'Re: delivery slot for Wexcombe',
  purchaseExternalId: 'ORDER-ZQV-5521',
  refundReason: 'Loom arrived scratched at Wexcombe',
  refundExternalId: 'REFUND-ZQV-5521',
  surveyComment: 'Imogen says the weaving course was lovely',
  surveyExternalId: 'SURVEY-ZQV-9',
  handoffSummary: 'Signed the Wexcombe workshop plan',
  customerGoals: 'Weave a tapestry for Imogen',
  commitments: 'Free on-site visit to the Wexcombe barn',
  keyContacts: 'Imogen Quintrell, +44 7700 900123',
  risks: 'The Wexcombe barn has no power',
  rejectionReason: 'Wexcombe is outside our service area',
  completionNote: 'Visited the Wexcombe barn twice',
};
/** Every value that identifies Zelda: none may survive the erasure anywhere in the database. */
const ORIGINAL_VALUES = [
  ZELDA.name, ZELDA.firstEmail, ZELDA.email, ZELDA.phone, ZELDA.company, ZELDA.persona, ZELDA.externalId, ZELDA.personalTag, 'Wexcombe', 'Imogen',
  ...Object.values(TEXTS),
];

async function gql(who: string, text: string, variables: Record<string, unknown> = {}) {
  const result = await app.graphql(text, variables, tokens[who]);
  return result;
}

async function mutation(name: string, inputType: string, input: Record<string, unknown>, select: string, who = 'admin') {
  const result = await gql(who, `mutation($input: ${inputType}!) { ${name}(input: $input) { ${select} userErrors { field message code } } }`, { input });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const payload = result.data[name];
  return payload as Record<string, any> & { userErrors: { field: string[]; message: string; code: string }[] };
}

async function ok(name: string, inputType: string, input: Record<string, unknown>, select: string) {
  const payload = await mutation(name, inputType, input, select);
  expect(payload.userErrors, JSON.stringify(payload.userErrors)).toEqual([]);
  return payload;
}

async function signIn(key: string, role: string) {
  const name = `${role[0]}${role.slice(1).toLowerCase()} Person`;
  const id = await insertStaff(app, name, role, role === 'SALES' ? 'SALES' : null);
  await app.sql(`update staff_user set password_hash = (select password_hash from staff_user where email = ?) where id = ?`, [ADMIN_EMAIL, id]);
  const { data } = await app.graphql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, {
    input: { email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.test`, password: ADMIN_PASSWORD },
  });
  tokens[key] = data.login.token;
}

/** Gives a customer an interaction pair, a purchase and its refund, a survey answer and two handoffs, all through the API. */
async function arrangeHistory(customerId: string, texts: typeof TEXTS) {
  const interaction = 'id version';
  const inbound = await ok('interactionLog', 'InteractionLogInput', {
    customerId, channel: 'PHONE', direction: 'INBOUND', team: 'SERVICE', journeyStage: 'ONBOARDING', staffId: ownerId,
    subject: texts.inboundSubject, summary: texts.inboundSummary, occurredAt: '2026-05-04T09:00:00Z', externalId: texts.inboundExternalId,
  }, `interaction { ${interaction} }`);
  await ok('interactionLog', 'InteractionLogInput', {
    customerId, channel: 'EMAIL', direction: 'OUTBOUND', team: 'SERVICE', staffId: ownerId, subject: texts.outboundSubject, occurredAt: '2026-05-05T10:00:00Z',
  }, `interaction { ${interaction} }`);
  const purchase = await ok('purchaseRecord', 'PurchaseRecordInput', {
    customerId, amount: '1200.5000', currency: 'USD', product: 'Tapestry loom', kind: 'ONE_TIME', purchasedAt: '2026-05-02T12:00:00Z',
    externalId: texts.purchaseExternalId,
  }, 'purchase { id }');
  await ok('purchaseRefund', 'PurchaseRefundInput', {
    purchaseId: purchase.purchase.id, amount: '200.2500', reason: texts.refundReason, refundedAt: '2026-05-20T12:00:00Z', externalId: texts.refundExternalId,
  }, 'purchase { id }');
  await ok('surveyResponseRecord', 'SurveyResponseRecordInput', {
    customerId, kind: 'NPS', score: 9, comment: texts.surveyComment, team: 'SERVICE', channel: 'EMAIL', respondedAt: '2026-05-21T08:00:00Z',
    interactionId: inbound.interaction.id, externalId: texts.surveyExternalId,
  }, 'surveyResponse { id }');
  const context = { customerId, fromTeam: 'SALES', summary: texts.handoffSummary, customerGoals: texts.customerGoals, commitments: texts.commitments,
    keyContacts: texts.keyContacts, risks: texts.risks };
  const rejected = await ok('handoffRequest', 'HandoffRequestInput', { ...context, toTeam: 'SERVICE' }, 'handoff { id version }');
  await ok('handoffReject', 'HandoffRejectInput', { id: rejected.handoff.id, version: rejected.handoff.version, reason: texts.rejectionReason }, 'handoff { id }');
  const completed = await ok('handoffRequest', 'HandoffRequestInput', { ...context, toTeam: 'SUCCESS' }, 'handoff { id version }');
  const accepted = await ok('handoffAccept', 'HandoffAcceptInput', { id: completed.handoff.id, version: completed.handoff.version }, 'handoff { id version }');
  await ok('handoffComplete', 'HandoffCompleteInput', { id: accepted.handoff.id, version: accepted.handoff.version, note: texts.completionNote }, 'handoff { id }');
}

/** Every (table, column) of the public schema that can hold text, and how many rows contain any of `values` (case-insensitive). */
async function searchDatabase(values: readonly string[]): Promise<Record<string, number>> {
  const columns = await app.sql<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = 'public' and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
      order by 1, 2`,
  );
  expect(columns.length).toBeGreaterThan(40);
  const patterns = `{${values.map((v) => `"%${v.toLowerCase().replace(/[\\%_"]/g, (c) => '\\' + c)}%"`).join(',')}}`;
  const hits: Record<string, number> = {};
  for (const { table_name: table, column_name: column } of columns) {
    const [row] = await app.sql<{ n: number }>(`select count(*)::int as n from "${table}" where lower("${column}"::text) like any(?::text[])`, [patterns]);
    if (row!.n > 0) hits[`${table}.${column}`] = row!.n;
  }
  return hits;
}

const EXPORT = `query($id: ID!) { customerExport(id: $id) { customerId exportedAt formatVersion document
  counts { customer interactions purchases surveyResponses handoffs auditEvents } } }`;
const ERASE_SELECT = `erasure { customerId erasedAt anonymisedRows { customer interactions purchases surveyResponses handoffs auditEvents } }
  customer { id name email phone company persona externalId tags churnReason lifecycleStage segment version erasedAt }`;
const REPORT = `query($from: DateTimeISO!, $to: DateTimeISO!) {
  metrics(from: $from, to: $to, interval: MONTH, groupBy: SEGMENT) { series { group points { start
    satisfaction { nps { score total promoters } csat { score total } }
    customers { active new churned } churn { rate activeAtStart churnedOfActive } revenue { net purchases refunds }
    responseSla { breachRate breached inbound } handoffs { requested accepted acceptanceRate medianHoursToAccept }
    churnReasons { reason customers } } } } }`;
const FIGURES = `query($id: ID!) { customer(id: $id) {
  lifetimeValue(asOf: "2026-11-01T00:00:00Z") { currency historicalValue grossPurchases refunds purchaseCount refundCount averagePurchaseValue predictedValue }
  satisfaction { latestNpsCategory nps { score total } csat { score total } }
  health(asOf: "2026-11-01T00:00:00Z") { score churnRisk factors { name rawValue contribution } } } }`;

async function figuresOf(customerId: string) {
  const [report, figures] = await Promise.all([
    gql('admin', REPORT, { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }),
    gql('admin', FIGURES, { id: customerId }),
  ]);
  expect(report.errors, JSON.stringify(report.errors)).toBeUndefined();
  expect(figures.errors, JSON.stringify(figures.errors)).toBeUndefined();
  return { metrics: report.data.metrics, customer: figures.data.customer };
}

const rowsOf = (customerId: string) =>
  app.sql<{ t: string; row: unknown }>(
    `select * from (select 'customer' as t, to_jsonb(c) as row from customer c where c.id = ?
     union all select 'interaction', to_jsonb(i) from interaction i where i.customer_id = ?
     union all select 'purchase', to_jsonb(p) from purchase p where p.customer_id = ?
     union all select 'survey_response', to_jsonb(s) from survey_response s where s.customer_id = ?
     union all select 'handoff', to_jsonb(h) from handoff h where h.customer_id = ?
     union all select 'audit_event', to_jsonb(a) from audit_event a where a.customer_id = ?) as rows order by t, row::text`,
    Array(6).fill(customerId),
  );

beforeAll(async () => {
  app = await createTestApp();
  tokens.admin = await app.adminToken();
  for (const role of ['MANAGER', 'SALES', 'ANALYST']) await signIn(role.toLowerCase(), role);
  ownerId = await insertStaff(app, 'Olive Owner', 'SERVICE', 'SERVICE');
  const customer = 'customer { id version }';
  const created = await ok('customerCreate', 'CustomerCreateInput', {
    name: ZELDA.name, email: ZELDA.firstEmail, phone: ZELDA.phone, company: ZELDA.company, persona: ZELDA.persona, segment: 'SMALL_BUSINESS',
    acquisitionChannel: 'REFERRAL', lifecycleStage: 'CUSTOMER', acquiredAt: '2026-02-01T00:00:00Z', ownerId, tags: ['weaver', ZELDA.personalTag],
    externalId: ZELDA.externalId, locale: 'en-GB',
  }, customer);
  zeldaId = created.customer.id;
  await ok('customerUpdate', 'CustomerUpdateInput', { id: zeldaId, version: created.customer.version, email: ZELDA.email }, customer);
  await arrangeHistory(zeldaId, TEXTS);
  const oswin = await ok('customerCreate', 'CustomerCreateInput', {
    name: 'Oswin Plake', email: 'oswin.plake@probe-mail.test', segment: 'SMALL_BUSINESS', acquisitionChannel: 'EVENTS', lifecycleStage: 'CUSTOMER',
    acquiredAt: '2026-03-01T00:00:00Z', ownerId, externalId: 'OSW-1',
  }, customer);
  oswinId = oswin.customer.id;
  await arrangeHistory(oswinId, Object.fromEntries(Object.entries(TEXTS).map(([key, value]) => [key, `Oswin ${key} ${value.length}`])) as typeof TEXTS);
  const latest = (await app.sql<{ version: number }>('select version from customer where id = ?', [zeldaId]))[0]!;
  await ok('customerMarkChurned', 'CustomerMarkChurnedInput', { id: zeldaId, version: latest.version, reason: 'Moved to a competitor', churnedAt: '2026-08-01T00:00:00Z' }, customer);
});
afterAll(() => app?.close());

describe('customerExport', () => {
  it('holds every row about the customer with its exact values, its figures, and nothing of anyone else', async () => {
    const auditRows = await app.sql<{ id: string }>('select id from audit_event where customer_id = ? order by occurred_at, id', [zeldaId]);
    const result = await gql('admin', EXPORT, { id: zeldaId });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const { document, counts, formatVersion, customerId } = result.data.customerExport;
    expect([customerId, formatVersion]).toEqual([zeldaId, 1]);
    expect(counts).toEqual({ customer: 1, interactions: 2, purchases: 2, surveyResponses: 1, handoffs: 2, auditEvents: auditRows.length });
    expect(document).toMatchObject({ format: 'customer360.customer-export', formatVersion: 1, exportedBy: { email: ADMIN_EMAIL } });

    expect(document.customer).toMatchObject({
      id: zeldaId, name: ZELDA.name, email: ZELDA.email, phone: ZELDA.phone, company: ZELDA.company, persona: ZELDA.persona, externalId: ZELDA.externalId,
      segment: 'SMALL_BUSINESS', lifecycleStage: 'CHURNED', churnReason: 'Moved to a competitor', locale: 'en-GB', tags: ['weaver', ZELDA.personalTag],
      historicalValue: '1000.2500', valueCurrency: 'USD', erasedAt: null, owner: { id: ownerId, name: 'Olive Owner' },
    });
    // Every column of every table is in the document, under its camelCase name.
    const columns = await app.sql<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns where table_schema = 'public' and table_name = any(?::text[])`,
      ['{customer,interaction,purchase,survey_response,handoff,audit_event}'],
    );
    const camel = (column: string) => column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    const sections: Record<string, any[]> = {
      customer: [document.customer], interaction: document.interactions, purchase: document.purchases,
      survey_response: document.surveyResponses, handoff: document.handoffs, audit_event: document.auditEvents,
    };
    for (const { table_name: table, column_name: column } of columns) {
      for (const row of sections[table]!) expect(row, `${table}.${column}`).toHaveProperty(camel(column));
    }

    expect(document.interactions.map((i: any) => [i.subject, i.summary, i.externalId, i.channel, i.direction, i.staffId])).toEqual([
      [TEXTS.inboundSubject, TEXTS.inboundSummary, TEXTS.inboundExternalId, 'PHONE', 'INBOUND', ownerId],
      [TEXTS.outboundSubject, null, null, 'EMAIL', 'OUTBOUND', ownerId],
    ]);
    const [bought, refund] = document.purchases;
    expect([bought.amount, bought.kind, bought.product, bought.externalId]).toEqual(['1200.5000', 'ONE_TIME', 'Tapestry loom', TEXTS.purchaseExternalId]);
    expect([refund.amount, refund.kind, refund.refundOfId, refund.externalId]).toEqual(['200.2500', 'REFUND', bought.id, TEXTS.refundExternalId]);
    expect(document.surveyResponses).toMatchObject([{ kind: 'NPS', score: 9, comment: TEXTS.surveyComment, externalId: TEXTS.surveyExternalId }]);
    expect(document.handoffs).toMatchObject([
      { toTeam: 'SERVICE', status: 'REJECTED', summary: TEXTS.handoffSummary, customerGoals: TEXTS.customerGoals, commitments: TEXTS.commitments,
        keyContacts: TEXTS.keyContacts, risks: TEXTS.risks, rejectionReason: TEXTS.rejectionReason },
      { toTeam: 'SUCCESS', status: 'COMPLETED', completionNote: TEXTS.completionNote },
    ]);
    expect(document.handoffs.map((h: any) => h.steps.map((s: any) => s.step))).toEqual([['REQUESTED', 'REJECTED'], ['REQUESTED', 'ACCEPTED', 'COMPLETED']]);
    expect(document.auditEvents.map((a: any) => a.id)).toEqual(auditRows.map((a) => a.id));
    const update = document.auditEvents.find((a: any) => a.action === 'customerUpdate');
    expect([update.before.email, update.after.email]).toEqual([ZELDA.firstEmail, ZELDA.email]);
    expect(document.auditEvents.find((a: any) => a.action === 'purchaseRefund').after.reason).toBe(TEXTS.refundReason);
    expect(document.staff).toContainEqual({ id: ownerId, name: 'Olive Owner', team: 'SERVICE' });

    // The figures are the API's own, as of the export.
    const asOf = document.exportedAt;
    const api = await gql('admin', `query($id: ID!, $asOf: DateTimeISO) { customer(id: $id) {
      lifetimeValue(asOf: $asOf) { historicalValue predictedValue purchaseCount } health(asOf: $asOf) { score churnRisk } satisfaction { nps { score total } } } }`,
    { id: zeldaId, asOf });
    expect(document.figures.lifetimeValue).toMatchObject(api.data.customer.lifetimeValue);
    expect(document.figures.health).toMatchObject(api.data.customer.health);
    expect(document.figures.satisfaction).toMatchObject(api.data.customer.satisfaction);
    expect(document.figures.lifetimeValue.historicalValue).toBe('1000.2500');

    const text = JSON.stringify(document);
    expect(text).not.toContain(oswinId);
    expect(text).not.toMatch(/oswin/i);
  });

  it('reads a constant number of statements however many rows the customer has', async () => {
    const sparse = await ok('customerCreate', 'CustomerCreateInput', {
      name: 'Sparse Probe', segment: 'CONSUMER', acquisitionChannel: 'DIRECT', ownerId,
    }, 'customer { id }');
    await ok('interactionLog', 'InteractionLogInput', { customerId: sparse.customer.id, channel: 'CHAT', direction: 'OUTBOUND', team: 'SALES', staffId: ownerId }, 'interaction { id }');
    const full = await gql('admin', EXPORT, { id: zeldaId });
    const small = await gql('admin', EXPORT, { id: sparse.customer.id });
    expect(small.data.customerExport.counts.interactions).toBe(1);
    expect(full.extensions!.sqlStatements).toBe(small.extensions!.sqlStatements);
    // Beyond what any request costs (`me`): 6 tables, staff names, 5 for the figures, the audit row, BEGIN and COMMIT.
    const baseline = await gql('admin', '{ me { id } }');
    expect(full.extensions!.sqlStatements - baseline.extensions!.sqlStatements).toBe(15);
  });

  it('is audited with counts only, no personal value', async () => {
    const before = Number((await app.sql<{ n: string }>(`select count(*) as n from audit_event where action = 'customerExport' and customer_id = ?`, [zeldaId]))[0]!.n);
    await gql('manager', EXPORT, { id: zeldaId });
    const events = await app.sql<{ actor_label: string; before: unknown; after: any }>(
      `select actor_label, before, after from audit_event where action = 'customerExport' and customer_id = ? order by occurred_at desc, id desc`, [zeldaId]);
    expect(events).toHaveLength(before + 1);
    expect(events[0]).toMatchObject({ actor_label: 'manager.person@example.test', before: null, after: { formatVersion: 1, exportedRows: { interactions: 2 } } });
    const text = JSON.stringify(events[0]).toLowerCase();
    for (const value of ORIGINAL_VALUES) expect(text).not.toContain(value.toLowerCase());
  });

  it.each([['sales'], ['analyst']])('is refused to %s (FORBIDDEN)', async (who) => {
    const result = await gql(who, EXPORT, { id: zeldaId });
    expect(result.data?.customerExport ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toMatch(/role (SALES|ANALYST) may not read privacy export/);
  });

  it('answers NOT_FOUND for an unknown id and a clear error for a malformed one', async () => {
    const unknown = await gql('admin', EXPORT, { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: ['id'] });
    const malformed = await gql('admin', EXPORT, { id: 'nope' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'INVALID', field: ['id'] });
  });
});

describe('the data map', () => {
  it('decides the fate of every column of every table holding customer data', async () => {
    const columns = await app.sql<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
        where table_schema = 'public' and (table_name = 'customer' or table_name in (
          select table_name from information_schema.columns where table_schema = 'public' and column_name = 'customer_id'))
        order by 1, 2`,
    );
    const inDatabase = columns.map((c) => `${c.table_name}.${c.column_name}`);
    const mapped = Object.entries(DATA_MAP).flatMap(([table, map]) => Object.keys(map).map((column) => `${table}.${column}`)).sort();
    expect(inDatabase).toEqual(mapped);
  });
});

describe('customerErase', () => {
  const erase = (input: Record<string, unknown>, who = 'admin') => mutation('customerErase', 'CustomerEraseInput', input, ERASE_SELECT, who);
  const valid = () => ({ id: zeldaId, reason: 'GDPR art. 17 request, ticket 4711', confirm: true });
  let before: Awaited<ReturnType<typeof figuresOf>>;
  let oswinRows: unknown[];

  it('is refused to a manager and to sales (FORBIDDEN), writing nothing', async () => {
    for (const who of ['manager', 'sales']) {
      const payload = await erase(valid(), who);
      expect(payload.erasure).toBeNull();
      expect(payload.userErrors).toMatchObject([{ code: 'FORBIDDEN', message: expect.stringMatching(/role (MANAGER|SALES) may not write privacy erasure/) }]);
    }
    expect(await searchDatabase([ZELDA.email])).toMatchObject({ 'customer.email': 1 });
  });

  it('checks its input: confirmation, reason, id', async () => {
    expect((await erase({ ...valid(), confirm: false })).userErrors).toMatchObject([{ field: ['input', 'confirm'], code: 'INVALID' }]);
    expect((await erase({ ...valid(), reason: '  ' })).userErrors).toMatchObject([{ field: ['input', 'reason'], code: 'REQUIRED' }]);
    expect((await erase({ ...valid(), reason: `asked by ${ZELDA.email.toUpperCase()}` })).userErrors).toMatchObject([
      { field: ['input', 'reason'], code: 'INVALID', message: expect.stringMatching(/stays in the audit trail/) },
    ]);
    expect((await erase({ ...valid(), id: '00000000-0000-4000-8000-000000000000' })).userErrors).toMatchObject([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
    expect((await erase({ ...valid(), id: 'not-an-id' })).userErrors).toMatchObject([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
    expect((await erase({ ...valid(), version: 1 })).userErrors).toMatchObject([{ field: ['input', 'version'], code: 'CONFLICT' }]);
  });

  it('finds the original values all over the database before erasure (the search works)', async () => {
    const hits = await searchDatabase(ORIGINAL_VALUES);
    for (const column of ['customer.name', 'customer.email', 'customer.phone', 'customer.company', 'customer.persona', 'customer.external_id', 'customer.tags',
      'interaction.subject', 'interaction.summary', 'interaction.external_id', 'purchase.external_id', 'survey_response.comment', 'survey_response.external_id',
      'handoff.summary', 'handoff.customer_goals', 'handoff.commitments', 'handoff.key_contacts', 'handoff.risks', 'handoff.rejection_reason',
      'handoff.completion_note', 'audit_event.before', 'audit_event.after']) {
      expect(hits[column], column).toBeGreaterThan(0);
    }
  });

  it('leaves nothing half-written when its last statement fails', async () => {
    const rows = await rowsOf(zeldaId);
    // A constraint only this test adds makes the final audit insert fail after every other statement ran.
    await app.sql(`alter table audit_event add constraint privacy_test_refuse_erasure check (action <> 'customerErase') not valid`);
    try {
      const result = await gql('admin', `mutation($input: CustomerEraseInput!) { customerErase(input: $input) { userErrors { code } } }`, { input: valid() });
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await app.sql('alter table audit_event drop constraint privacy_test_refuse_erasure');
    }
    expect(await rowsOf(zeldaId)).toEqual(rows);
  });

  it('removes every original value from every table and column, and the metrics stay the same', async () => {
    before = await figuresOf(zeldaId);
    oswinRows = await rowsOf(oswinId);
    const auditBefore = await app.sql<{ before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
      'select before, after from audit_event where customer_id = ?', [zeldaId]);
    const kept = new Set(AUDIT_KEPT_KEYS);
    const personal = (values: Record<string, unknown> | null) =>
      Object.entries(values ?? {}).some(([key, value]) => !kept.has(key) && value !== null && !['number', 'boolean'].includes(typeof value));
    const auditWithPersonalValues = auditBefore.filter((a) => personal(a.before) || personal(a.after)).length;

    const payload = await erase(valid());
    expect(payload.userErrors).toEqual([]);
    expect(payload.erasure.anonymisedRows).toEqual({
      customer: 1, interactions: 2, purchases: 2, surveyResponses: 1, handoffs: 2, auditEvents: auditWithPersonalValues,
    });
    expect(payload.customer).toMatchObject({
      id: zeldaId, name: `Erased customer ${zeldaId.slice(0, 8)}`, email: null, phone: null, company: null, persona: null, externalId: null,
      tags: ['weaver'], churnReason: 'Moved to a competitor', lifecycleStage: 'CHURNED', segment: 'SMALL_BUSINESS', erasedAt: payload.erasure.erasedAt,
    });

    expect(await searchDatabase(ORIGINAL_VALUES)).toEqual({});
    expect(await figuresOf(zeldaId)).toEqual(before);
    expect(await rowsOf(oswinId)).toEqual(oswinRows);
  });

  it('keeps the anonymised money, score and time rows, with texts replaced by a marker', async () => {
    const [interaction] = await app.sql<any>(`select subject, summary, external_id, channel, occurred_at::text from interaction where customer_id = ? and direction = 'INBOUND'`, [zeldaId]);
    expect(interaction).toMatchObject({ subject: '[erased]', summary: '[erased]', external_id: null, channel: 'PHONE', occurred_at: '2026-05-04 09:00:00+00' });
    const purchases = await app.sql<any>(`select amount, kind, product, external_id from purchase where customer_id = ? order by purchased_at`, [zeldaId]);
    expect(purchases).toEqual([
      { amount: '1200.5000', kind: 'ONE_TIME', product: 'Tapestry loom', external_id: null },
      { amount: '200.2500', kind: 'REFUND', product: 'Tapestry loom', external_id: null },
    ]);
    expect(await app.sql(`select score, comment from survey_response where customer_id = ?`, [zeldaId])).toEqual([{ score: 9, comment: '[erased]' }]);
    const handoffs = await app.sql<any>(`select status, summary, key_contacts, rejection_reason, completion_note from handoff where customer_id = ? order by to_team`, [zeldaId]);
    expect(handoffs).toEqual([
      { status: 'REJECTED', summary: '[erased]', key_contacts: '[erased]', rejection_reason: '[erased]', completion_note: null },
      { status: 'COMPLETED', summary: '[erased]', key_contacts: '[erased]', rejection_reason: null, completion_note: '[erased]' },
    ]);
    const [update] = await app.sql<any>(`select before, after from audit_event where customer_id = ? and action = 'customerUpdate'`, [zeldaId]);
    expect(update).toEqual({ before: { email: '[erased]', version: 1 }, after: { email: '[erased]', version: 2 } });
  });

  it('is audited: who, when, why and how many rows, without personal values', async () => {
    const [event] = await app.sql<any>(`select actor_label, entity_type, entity_id, before, after from audit_event where action = 'customerErase'`);
    expect(event).toMatchObject({
      actor_label: ADMIN_EMAIL, entity_type: 'Customer', entity_id: zeldaId, before: null,
      after: { reason: 'GDPR art. 17 request, ticket 4711', anonymisedRows: { interactions: 2, purchases: 2, surveyResponses: 1, handoffs: 2 } },
    });
  });

  it('leaves nothing for the trigram search to find', async () => {
    const result = await gql('admin', `query($search: String!) { customers(filter: { search: $search, includeArchived: true }) { totalCount } }`, { search: 'quintrell' });
    expect(result.data.customers.totalCount).toBe(0);
  });

  it('refuses every later change of the erased customer, and a second erasure', async () => {
    const [{ version }] = await app.sql<{ version: number }>('select version from customer where id = ?', [zeldaId]);
    const update = await mutation('customerUpdate', 'CustomerUpdateInput', { id: zeldaId, version, name: ZELDA.name }, 'customer { id }');
    expect(update.userErrors).toMatchObject([{ field: ['input', 'id'], code: 'INVALID_TRANSITION', message: expect.stringMatching(/erased .* can no longer be changed/) }]);
    const tags = await mutation('customerTagsAdd', 'CustomerTagsInput', { id: zeldaId, tags: ['again'] }, 'customer { id }');
    expect(tags.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);
    const again = await erase(valid());
    expect(again.userErrors).toMatchObject([{ field: ['input', 'id'], code: 'INVALID_TRANSITION', message: expect.stringMatching(/already erased/) }]);
    expect(await searchDatabase([ZELDA.name])).toEqual({});
  });

  it('records nothing new about the erased person: no interaction, purchase, answer or handoff', async () => {
    const refused = { field: ['input', 'customerId'], code: 'INVALID_TRANSITION', message: expect.stringMatching(/erased/) };
    const rowCounts = `select (select count(*) from interaction where customer_id = ?) as interactions, (select count(*) from purchase where customer_id = ?) as purchases,
      (select count(*) from survey_response where customer_id = ?) as answers, (select count(*) from handoff where customer_id = ?) as handoffs`;
    const [before] = await app.sql<Record<string, string>>(rowCounts, [zeldaId, zeldaId, zeldaId, zeldaId]);
    const interaction = await mutation('interactionLog', 'InteractionLogInput', { customerId: zeldaId, channel: 'EMAIL', direction: 'INBOUND', team: 'SERVICE' }, 'interaction { id }');
    expect(interaction.userErrors).toMatchObject([refused]);
    const purchase = await mutation('purchaseRecord', 'PurchaseRecordInput', { customerId: zeldaId, amount: '10.00', currency: 'USD', kind: 'ONE_TIME' }, 'purchase { id }');
    expect(purchase.userErrors).toMatchObject([refused]);
    const answer = await mutation('surveyResponseRecord', 'SurveyResponseRecordInput', { customerId: zeldaId, kind: 'NPS', score: 9 }, 'surveyResponse { id }');
    expect(answer.userErrors).toMatchObject([refused]);
    const handoff = await mutation(
      'handoffRequest',
      'HandoffRequestInput',
      { customerId: zeldaId, fromTeam: 'SALES', toTeam: 'SERVICE', summary: 's', customerGoals: 'g', commitments: 'c' },
      'handoff { id }',
    );
    expect(handoff.userErrors).toMatchObject([refused]);
    const [after] = await app.sql<Record<string, string>>(rowCounts, [zeldaId, zeldaId, zeldaId, zeldaId]);
    expect(after).toEqual(before);
  });

  it('keeps contact data off the erased row even for writes outside the API', async () => {
    await expect(app.sql('update customer set email = ? where id = ?', [ZELDA.email, zeldaId])).rejects.toThrow(/customer_erased_has_no_contacts/);
  });

  it('exports the erased customer with nothing personal left', async () => {
    const result = await gql('admin', EXPORT, { id: zeldaId });
    expect(result.data.customerExport.document.customer.erasedAt).not.toBeNull();
    const text = JSON.stringify(result.data.customerExport.document).toLowerCase();
    for (const value of ORIGINAL_VALUES) expect(text).not.toContain(value.toLowerCase());
  });

  it('cannot be undone by an upsert with the old external id: that makes a new customer', async () => {
    const created = await ok('customerCreate', 'CustomerCreateInput', {
      name: ZELDA.name, segment: 'CONSUMER', acquisitionChannel: 'DIRECT', externalId: ZELDA.externalId,
    }, 'customer { id }');
    expect(created.customer.id).not.toBe(zeldaId);
    const [erased] = await app.sql<any>('select name, external_id from customer where id = ?', [zeldaId]);
    expect(erased).toEqual({ name: `Erased customer ${zeldaId.slice(0, 8)}`, external_id: null });
  });
});
