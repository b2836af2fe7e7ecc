import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer, insertStaff } from '../support/fixtures.js';

const FIELDS = `id status version fromTeam toTeam summary customerGoals commitments keyContacts risks rejectionReason completionNote cancellationReason
  requestedAt dueAt acceptedAt completedAt rejectedAt cancelledAt fromStaff { id } toStaff { id } customer { id }`;
const STATUSES = ['REQUESTED', 'ACCEPTED', 'COMPLETED', 'REJECTED', 'CANCELLED'] as const;
const STEPS = {
  handoffAccept: { from: ['REQUESTED'], to: 'ACCEPTED', extra: {} },
  handoffComplete: { from: ['ACCEPTED'], to: 'COMPLETED', extra: { note: 'Onboarded' } },
  handoffReject: { from: ['REQUESTED'], to: 'REJECTED', extra: { reason: 'Not ours' } },
  handoffCancel: { from: ['REQUESTED', 'ACCEPTED'], to: 'CANCELLED', extra: { reason: 'Sent by mistake' } },
} as const;
type Mutation = 'handoffRequest' | keyof typeof STEPS;
type UserError = { field: string[]; message: string; code: string };

let app: TestApp;
const tokens: Record<string, string> = {};
const staff: Record<string, string> = {};
const context = { summary: 'Signed the annual plan', customerGoals: 'Live in May', commitments: 'Free onboarding call' };

async function signIn(key: string, name: string, role: string, team: string | null) {
  staff[key] = await insertStaff(app, name, role, team);
  await app.sql(`update staff_user set password_hash = (select password_hash from staff_user where email = ?) where id = ?`, [ADMIN_EMAIL, staff[key]]);
  const { data } = await app.graphql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, {
    input: { email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.test`, password: ADMIN_PASSWORD },
  });
  tokens[key] = data.login.token;
}

async function call(who: string, mutation: Mutation, input: Record<string, unknown>) {
  const type = `Handoff${mutation.slice('handoff'.length)}Input`;
  const result = await app.graphql(
    `mutation($input: ${type}!) { ${mutation}(input: $input) { handoff { ${FIELDS} } userErrors { field message code } } }`,
    { input },
    tokens[who],
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data[mutation] as { handoff: any; userErrors: UserError[] };
}
const errorsOf = (payload: { userErrors: UserError[] }) => payload.userErrors.map((e) => [e.field.join('.'), e.code]);

/** Everything a handoff mutation may write: compared before and after each refused one. */
const databaseState = async () =>
  JSON.stringify(await app.sql(`select (select json_agg(h order by h.id) from handoff h) as handoffs, (select count(*) from audit_event) as audits`));
async function expectRefused(who: string, mutation: Mutation, input: Record<string, unknown>): Promise<UserError[]> {
  const before = await databaseState();
  const { handoff, userErrors } = await call(who, mutation, input);
  expect(handoff).toBeNull();
  expect(userErrors.length).toBeGreaterThan(0);
  expect(await databaseState()).toBe(before);
  return userErrors;
}

/** A SALES → SERVICE handoff inserted directly in `status`, with the times that status implies. */
async function insertHandoff(customerId: string, status: string, teams: [string, string] = ['SALES', 'SERVICE']): Promise<string> {
  const [row] = await app.sql<{ id: string }>(
    `insert into handoff (customer_id, from_team, to_team, from_staff_id, summary, customer_goals, commitments, status, requested_at, due_at,
                          accepted_at, completed_at, rejected_at, rejection_reason, cancelled_at)
     values (?, ?, ?, ?, 's', 'g', 'c', ?, now() - interval '2 hours', now() + interval '22 hours',
             case when ? in ('ACCEPTED', 'COMPLETED') then now() - interval '1 hour' end, case when ? = 'COMPLETED' then now() end,
             case when ? = 'REJECTED' then now() end, case when ? = 'REJECTED' then 'No capacity' end, case when ? = 'CANCELLED' then now() end)
     returning id`,
    [customerId, ...teams, staff.sally, status, status, status, status, status, status],
  );
  return row!.id;
}

beforeAll(async () => {
  app = await createTestApp();
  tokens.admin = await app.adminToken();
  await signIn('sally', 'Sally Sales', 'SALES', 'SALES');
  await signIn('sid', 'Sid Sales', 'SALES', 'SALES');
  await signIn('sam', 'Sam Service', 'SERVICE', 'SERVICE');
  await signIn('cora', 'Cora Success', 'SUCCESS', 'SUCCESS');
  await signIn('mona', 'Mona Manager', 'MANAGER', 'MARKETING');
  await signIn('andy', 'Andy Analyst', 'ANALYST', null);
  staff.sue = await insertStaff(app, 'Sue Service', 'SERVICE', 'SERVICE');
});
afterAll(() => app?.close());

describe('handoffRequest', () => {
  it("hands over with the context, due after the receiving team's handoff SLA, and audits it", async () => {
    const sla = await app.graphql(`mutation { teamSlaUpdate(input: { team: SUCCESS, handoffSlaMinutes: 90, version: 1 }) { userErrors { code } } }`, {}, tokens.mona);
    expect(sla.data.teamSlaUpdate.userErrors).toEqual([]);
    const customerId = await insertCustomer(app, { name: 'Ada Account' });
    const before = Date.now();
    const { handoff, userErrors } = await call('sally', 'handoffRequest', { customerId, toTeam: 'SUCCESS', ...context, keyContacts: ' CFO Bea ', toStaffId: null });
    expect(userErrors).toEqual([]);
    expect(handoff).toMatchObject({
      status: 'REQUESTED', version: 1, fromTeam: 'SALES', toTeam: 'SUCCESS', ...context, keyContacts: 'CFO Bea', risks: null,
      fromStaff: { id: staff.sally }, toStaff: null, customer: { id: customerId }, acceptedAt: null,
    });
    expect(Date.parse(handoff.requestedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(handoff.dueAt) - Date.parse(handoff.requestedAt)).toBe(90 * 60_000);
    const audits = await app.sql<{ action: string; entity_type: string; customer_id: string; before: unknown; after: Record<string, unknown> }>(
      `select action, entity_type, customer_id, before, after from audit_event where entity_id = ?`, [handoff.id]);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'handoffRequest', entity_type: 'Handoff', customer_id: customerId, before: null });
    expect(audits[0]!.after).toMatchObject({ status: 'REQUESTED', toTeam: 'SUCCESS', summary: context.summary, version: 1 });
  });

  it('reports every broken rule at once, naming each field, and writes nothing', async () => {
    const customerId = await insertCustomer(app, { name: 'Bad Input' });
    const userErrors = await expectRefused('sally', 'handoffRequest', {
      customerId, toTeam: 'SALES', summary: ' ', customerGoals: '', commitments: 'x'.repeat(5001), risks: 'y'.repeat(5001), toStaffId: staff.sam,
    });
    expect(errorsOf({ userErrors })).toEqual([
      ['input.toTeam', 'INVALID'], ['input.summary', 'REQUIRED'], ['input.customerGoals', 'REQUIRED'], ['input.commitments', 'INVALID'],
      ['input.risks', 'INVALID'], ['input.toStaffId', 'INVALID'],
    ]);
    expect(userErrors[0]!.message).toBe('must differ from the sending team (SALES)');
    expect(errorsOf({ userErrors: await expectRefused('sally', 'handoffRequest', { customerId: '00000000-0000-4000-8000-000000000000', toTeam: 'SERVICE', ...context }) }))
      .toEqual([['input.customerId', 'NOT_FOUND']]);
    expect(errorsOf({ userErrors: await expectRefused('admin', 'handoffRequest', { customerId, toTeam: 'SERVICE', ...context }) })).toEqual([['input.fromTeam', 'REQUIRED']]);
    expect(errorsOf({ userErrors: await expectRefused('sally', 'handoffRequest', { customerId, fromTeam: 'MARKETING', toTeam: 'SERVICE', ...context }) }))
      .toEqual([['input.fromTeam', 'FORBIDDEN']]);
    const forManager = await call('mona', 'handoffRequest', { customerId, fromTeam: 'SALES', toTeam: 'SERVICE', toStaffId: staff.sue, ...context });
    expect(forManager.handoff).toMatchObject({ fromTeam: 'SALES', fromStaff: { id: staff.mona }, toStaff: { id: staff.sue } });
  });

  it('keeps one open handoff per customer and receiving team, even under concurrent requests', async () => {
    const customerId = await insertCustomer(app, { name: 'Busy Account' });
    const results = await Promise.all(Array.from({ length: 6 }, () => call('sally', 'handoffRequest', { customerId, toTeam: 'SERVICE', ...context })));
    const opened = results.filter((r) => r.handoff);
    expect(opened).toHaveLength(1);
    for (const refused of results.filter((r) => !r.handoff)) expect(errorsOf(refused)).toEqual([['input.toTeam', 'CONFLICT']]);
    expect((await call('sally', 'handoffRequest', { customerId, toTeam: 'SUCCESS', ...context })).userErrors).toEqual([]);
    await call('sam', 'handoffAccept', { id: opened[0]!.handoff.id, version: 1 });
    expect(errorsOf(await call('sally', 'handoffRequest', { customerId, toTeam: 'SERVICE', ...context }))).toEqual([['input.toTeam', 'CONFLICT']]);
    await call('sam', 'handoffComplete', { id: opened[0]!.handoff.id, version: 2 });
    expect((await call('sally', 'handoffRequest', { customerId, toTeam: 'SERVICE', ...context })).userErrors).toEqual([]);
  });
});

describe('the state machine', () => {
  let customerId: string;
  beforeAll(async () => {
    customerId = await insertCustomer(app, { name: 'Matrix Account' });
  });

  for (const status of STATUSES) {
    for (const [mutation, step] of Object.entries(STEPS) as [keyof typeof STEPS, (typeof STEPS)[keyof typeof STEPS]][]) {
      const allowed = (step.from as readonly string[]).includes(status);
      it(`${allowed ? 'allows' : 'refuses'} ${mutation} from ${status}`, async () => {
        const id = await insertHandoff(customerId, status);
        if (!allowed) {
          const [error] = await expectRefused('admin', mutation, { id, version: 1, ...step.extra });
          expect(error).toMatchObject({ field: ['input', 'id'], code: 'INVALID_TRANSITION' });
          expect(error!.message).toMatch(new RegExp(`^cannot go from ${status} to ${step.to}:`));
          return;
        }
        const { handoff, userErrors } = await call('admin', mutation, { id, version: 1, ...step.extra });
        expect(userErrors).toEqual([]);
        expect(handoff).toMatchObject({ status: step.to, version: 2 });
        const time = { ACCEPTED: 'acceptedAt', COMPLETED: 'completedAt', REJECTED: 'rejectedAt', CANCELLED: 'cancelledAt' }[step.to];
        expect(Math.abs(Date.parse(handoff[time]) - Date.now())).toBeLessThan(10_000);
      });
    }
  }
});

describe('who may take each step', () => {
  let customerId: string;
  beforeAll(async () => {
    customerId = await insertCustomer(app, { name: 'Permission Account' });
  });

  it('lets only the receiving team, managers and admins accept, complete or reject', async () => {
    const requested = await insertHandoff(customerId, 'REQUESTED');
    const accepted = await insertHandoff(customerId, 'ACCEPTED');
    for (const who of ['sally', 'cora', 'andy']) {
      for (const [mutation, id] of [['handoffAccept', requested], ['handoffReject', requested], ['handoffComplete', accepted]] as const) {
        const [error] = await expectRefused(who, mutation, { id, version: 1, ...STEPS[mutation].extra });
        // An analyst writes nothing at all (the permission matrix), before any team rule is looked at.
        expect(error).toEqual(
          who === 'andy'
            ? { field: null, code: 'FORBIDDEN', message: 'role ANALYST may not write handoffs' }
            : { field: ['input', 'id'], code: 'FORBIDDEN', message: `only the SERVICE team (receiving), managers and admins may ${mutation.slice(7).toLowerCase()} this handoff` },
        );
      }
    }
    expect((await call('sam', 'handoffReject', { id: requested, version: 1, reason: 'Wrong region' })).handoff).toMatchObject({ status: 'REJECTED', rejectionReason: 'Wrong region' });
    expect((await call('mona', 'handoffComplete', { id: accepted, version: 1, note: ' Kick-off done ' })).handoff).toMatchObject({ status: 'COMPLETED', completionNote: 'Kick-off done' });
  });

  it('lets only the requester, the sending team, managers and admins cancel', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => insertHandoff(customerId, 'ACCEPTED')));
    for (const who of ['sam', 'cora']) {
      expect(errorsOf({ userErrors: await expectRefused(who, 'handoffCancel', { id: ids[0], version: 1 }) })).toEqual([['input.id', 'FORBIDDEN']]);
    }
    expect(await expectRefused('andy', 'handoffCancel', { id: ids[0], version: 1 })).toEqual([
      { field: null, code: 'FORBIDDEN', message: 'role ANALYST may not write handoffs' },
    ]);
    expect((await call('sid', 'handoffCancel', { id: ids[0], version: 1, reason: 'Deal fell through' })).handoff).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Deal fell through' });
    expect((await call('sally', 'handoffCancel', { id: ids[1], version: 1 })).handoff).toMatchObject({ status: 'CANCELLED', cancellationReason: null });
    expect((await call('mona', 'handoffCancel', { id: ids[2], version: 1 })).handoff.status).toBe('CANCELLED');
  });

  it('assigns the accepting person, or an active member of the receiving team named instead', async () => {
    const [mine, named, wrong] = await Promise.all([1, 2, 3].map(() => insertHandoff(customerId, 'REQUESTED')));
    expect((await call('sam', 'handoffAccept', { id: mine, version: 1 })).handoff.toStaff).toEqual({ id: staff.sam });
    expect((await call('mona', 'handoffAccept', { id: named, version: 1, toStaffId: staff.sue })).handoff.toStaff).toEqual({ id: staff.sue });
    expect(errorsOf({ userErrors: await expectRefused('sam', 'handoffAccept', { id: wrong, version: 1, toStaffId: staff.cora }) })).toEqual([['input.toStaffId', 'INVALID']]);
    expect(errorsOf({ userErrors: await expectRefused('sam', 'handoffAccept', { id: wrong, version: 1, toStaffId: '00000000-0000-4000-8000-000000000000' }) }))
      .toEqual([['input.toStaffId', 'NOT_FOUND']]);
  });

  it('requires a reason to reject, refuses a stale version and an unknown handoff, and writes nothing', async () => {
    const id = await insertHandoff(customerId, 'REQUESTED');
    expect(errorsOf({ userErrors: await expectRefused('sam', 'handoffReject', { id, version: 1, reason: '  ' }) })).toEqual([['input.reason', 'REQUIRED']]);
    await call('sam', 'handoffAccept', { id, version: 1 });
    const [conflict] = await expectRefused('sam', 'handoffComplete', { id, version: 1 });
    expect(conflict).toMatchObject({ field: ['input', 'version'], code: 'CONFLICT' });
    expect(conflict!.message).toMatch(/you sent version 1, it is now 2/);
    expect(errorsOf({ userErrors: await expectRefused('sam', 'handoffAccept', { id: '00000000-0000-4000-8000-000000000000', version: 1 }) }))
      .toEqual([['input.id', 'NOT_FOUND']]);
    expect(errorsOf({ userErrors: await expectRefused('sam', 'handoffAccept', { id: 'not-an-id', version: 1 }) })).toEqual([['input.id', 'NOT_FOUND']]);
  });
});

describe('a handoff story', () => {
  it('shows each step on the timeline and in the audit trail, and judges the SLA at its boundaries', async () => {
    const customerId = await insertCustomer(app, { name: 'Story Account' });
    const request = async (toTeam: string) => (await call('sally', 'handoffRequest', { customerId, toTeam, ...context })).handoff;
    const served = await request('SERVICE');
    await call('sam', 'handoffAccept', { id: served.id, version: 1 });
    await call('sam', 'handoffComplete', { id: served.id, version: 2, note: 'Set up' });
    const rejected = await request('SUCCESS');
    await call('cora', 'handoffReject', { id: rejected.id, version: 1, reason: 'Too small for success' });
    const cancelled = await request('MARKETING');
    await call('sally', 'handoffCancel', { id: cancelled.id, version: 1 });

    const { data } = await app.graphql(
      `query($id: ID!) { customer(id: $id) { timeline(first: 20) { nodes { kind ... on HandoffEvent { transition handoff { id } } } } } }`,
      { id: customerId }, tokens.sam);
    const steps = data.customer.timeline.nodes.map((n: any) => [n.handoff.id, n.kind, n.transition]).reverse();
    expect(steps).toEqual([
      [served.id, 'HANDOFF_REQUESTED', 'REQUESTED'], [served.id, 'HANDOFF_ACCEPTED', 'ACCEPTED'], [served.id, 'HANDOFF_COMPLETED', 'COMPLETED'],
      [rejected.id, 'HANDOFF_REQUESTED', 'REQUESTED'], [rejected.id, 'HANDOFF_REJECTED', 'REJECTED'],
      [cancelled.id, 'HANDOFF_REQUESTED', 'REQUESTED'], [cancelled.id, 'HANDOFF_CANCELLED', 'CANCELLED'],
    ]);
    const audits = await app.sql<{ action: string; entity_type: string; entity_id: string; actor_id: string }>(
      `select action, entity_type, entity_id, actor_id from audit_event where customer_id = ? order by occurred_at, action`, [customerId]);
    expect(audits.map((a) => [a.entity_id, a.action, a.entity_type])).toEqual([
      [served.id, 'handoffRequest', 'Handoff'], [served.id, 'handoffAccept', 'Handoff'], [served.id, 'handoffComplete', 'Handoff'],
      [rejected.id, 'handoffRequest', 'Handoff'], [rejected.id, 'handoffReject', 'Handoff'],
      [cancelled.id, 'handoffRequest', 'Handoff'], [cancelled.id, 'handoffCancel', 'Handoff'],
    ]);
    expect(audits[1]!.actor_id).toBe(staff.sam);

    const waiting = await request('SERVICE');
    const due = Date.parse(waiting.dueAt);
    const at = (ms: number) => new Date(ms).toISOString();
    const sla = await app.graphql(
      `query($id: ID!, $start: DateTimeISO, $quarter: DateTimeISO, $due: DateTimeISO, $late: DateTimeISO) {
         customer(id: $id) { handoffs(first: 1) { nodes { id
           start: slaStatus(asOf: $start) quarter: slaStatus(asOf: $quarter) due: slaStatus(asOf: $due) late: slaStatus(asOf: $late) } } } }`,
      { id: customerId, start: waiting.requestedAt, quarter: at(due - 6 * 3_600_000), due: waiting.dueAt, late: at(due + 1) }, tokens.sam);
    expect(sla.data.customer.handoffs.nodes[0]).toEqual({ id: waiting.id, start: 'ON_TRACK', quarter: 'DUE_SOON', due: 'DUE_SOON', late: 'BREACHED' });
  });
});

describe('the handoff inbox', () => {
  let customerId: string;
  const ids: Record<string, string> = {};
  const inbox = async (args: string, who = 'sam') => {
    const result = await app.graphql(
      `query($c: ID!) { handoffs(${args.replace('FILTER', 'customerId: $c')}) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
      { c: customerId }, tokens[who]);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    return { ...result.data.handoffs, names: result.data.handoffs.nodes.map((n: { id: string }) => names[n.id]) };
  };

  beforeAll(async () => {
    customerId = await insertCustomer(app, { name: 'Inbox Account' });
    const rows: [string, string, string, string, string, string][] = [
      ['breached', 'SALES', 'SERVICE', 'REQUESTED', '2026-06-01T00:00:00Z', '2026-06-02T00:00:00Z'],
      ['waiting', 'SALES', 'SUCCESS', 'REQUESTED', 'now', 'future'],
      ['acceptedLate', 'MARKETING', 'SALES', 'ACCEPTED', '2026-06-03T00:00:00Z', '2026-06-04T00:00:00Z'],
      ['completed', 'SERVICE', 'SUCCESS', 'COMPLETED', '2026-05-01T00:00:00Z', '2026-05-02T00:00:00Z'],
      ['cancelled', 'SALES', 'SERVICE', 'CANCELLED', '2026-06-05T00:00:00Z', '2026-06-06T00:00:00Z'],
    ];
    for (const [name, from, to, status, requestedAt, dueAt] of rows) {
      const [row] = await app.sql<{ id: string }>(
        `insert into handoff (customer_id, from_team, to_team, summary, customer_goals, commitments, status, requested_at, due_at, accepted_at, completed_at, cancelled_at)
         values (?, ?, ?, 's', 'g', 'c', ?, coalesce(?::timestamptz, now()), coalesce(?::timestamptz, now() + interval '1 day'),
                 case when ? in ('ACCEPTED', 'COMPLETED') then ?::timestamptz + interval '2 days' end,
                 case when ? = 'COMPLETED' then ?::timestamptz + interval '3 days' end, case when ? = 'CANCELLED' then ?::timestamptz end)
         returning id`,
        [customerId, from, to, status, requestedAt === 'now' ? null : requestedAt, dueAt === 'future' ? null : dueAt,
          status, requestedAt, status, requestedAt, status, requestedAt].map((p) => (p === 'now' ? null : p)),
      );
      ids[name] = row!.id;
    }
  });

  it('lists the most urgent first by default, newest request first on demand, a page at a time', async () => {
    const first = await inbox('first: 2, filter: { FILTER }');
    expect(first).toMatchObject({ names: ['completed', 'breached'], totalCount: 5, pageInfo: { hasNextPage: true } });
    const second = await inbox(`first: 2, after: "${first.pageInfo.endCursor}", filter: { FILTER }`);
    expect(second.names).toEqual(['acceptedLate', 'cancelled']);
    const third = await inbox(`first: 2, after: "${second.pageInfo.endCursor}", filter: { FILTER }`);
    expect(third).toMatchObject({ names: ['waiting'], pageInfo: { hasNextPage: false } });
    expect((await inbox('filter: { FILTER }, orderBy: { field: REQUESTED_AT }')).names).toEqual(['waiting', 'cancelled', 'acceptedLate', 'breached', 'completed']);
    expect((await inbox('filter: { FILTER }, orderBy: { field: DUE_AT, direction: DESC }')).names).toEqual(['waiting', 'cancelled', 'acceptedLate', 'breached', 'completed']);
  });

  it('filters by receiving and sending team, status, customer and breach', async () => {
    expect((await inbox('filter: { FILTER, toTeams: [SERVICE] }')).names).toEqual(['breached', 'cancelled']);
    expect((await inbox('filter: { FILTER, toTeams: [SERVICE, SALES] }')).names).toEqual(['breached', 'acceptedLate', 'cancelled']);
    expect((await inbox('filter: { FILTER, fromTeams: [SALES] }')).names).toEqual(['breached', 'cancelled', 'waiting']);
    expect((await inbox('filter: { FILTER, statuses: [REQUESTED, ACCEPTED] }')).names).toEqual(['breached', 'acceptedLate', 'waiting']);
    expect((await inbox('filter: { FILTER, breached: true }')).names).toEqual(['breached']);
    expect((await inbox('filter: { FILTER, breached: false }')).names).toEqual(['completed', 'acceptedLate', 'cancelled', 'waiting']);
    expect((await inbox('filter: { FILTER, toTeams: [] }')).totalCount).toBe(0);
    const all = await app.graphql(`{ handoffs(first: 100) { totalCount nodes { dueAt } } }`, {}, tokens.sam);
    const total = Number((await app.sql<{ n: string }>('select count(*) as n from handoff'))[0]!.n);
    expect(all.data.handoffs.totalCount).toBe(total);
    const dues = all.data.handoffs.nodes.map((n: { dueAt: string }) => Date.parse(n.dueAt));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
  });

  it('names a malformed filter or cursor', async () => {
    const bad = await app.graphql(`{ handoffs(filter: { customerId: "nope" }) { totalCount } }`, {}, tokens.sam);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'customerId'] });
    const cursor = await app.graphql(`{ handoffs(after: "garbage") { totalCount } }`, {}, tokens.sam);
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
  });
});
