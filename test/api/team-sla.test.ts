import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer, insertStaff } from '../support/fixtures.js';

const UPDATE = `mutation($input: TeamSlaUpdateInput!) {
  teamSlaUpdate(input: $input) { teamSla { team responseSlaMinutes handoffSlaMinutes version updatedAt } userErrors { field message code } }
}`;
const REQUEST = `mutation($input: HandoffRequestInput!) { handoffRequest(input: $input) { handoff { id requestedAt dueAt } userErrors { code } } }`;

let app: TestApp;
const tokens: Record<string, string> = {};

async function signIn(key: string, name: string, role: string, team: string | null) {
  const id = await insertStaff(app, name, role, team);
  await app.sql(`update staff_user set password_hash = (select password_hash from staff_user where email = ?) where id = ?`, [ADMIN_EMAIL, id]);
  const { data } = await app.graphql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, {
    input: { email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.test`, password: ADMIN_PASSWORD },
  });
  tokens[key] = data.login.token;
}

async function update(who: string, input: Record<string, unknown>) {
  const result = await app.graphql(UPDATE, { input }, tokens[who]);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.teamSlaUpdate as { teamSla: any; userErrors: { field: string[]; message: string; code: string }[] };
}
const errorsOf = (payload: { userErrors: { field: string[]; code: string }[] }) => payload.userErrors.map((e) => [e.field.join('.'), e.code]);
const databaseState = async () =>
  JSON.stringify(await app.sql(`select (select json_agg(t order by t.team) from team_sla t) as slas, (select count(*) from audit_event) as audits`));
const version = async (team: string) => (await app.sql<{ version: number }>('select version from team_sla where team = ?', [team]))[0]!.version;

beforeAll(async () => {
  app = await createTestApp();
  tokens.admin = await app.adminToken();
  await signIn('mona', 'Mona Manager', 'MANAGER', 'SERVICE');
  await signIn('sally', 'Sally Sales', 'SALES', 'SALES');
  await signIn('andy', 'Andy Analyst', 'ANALYST', null);
});
afterAll(() => app?.close());

describe('teamSlas', () => {
  it('starts every team at 24 hours, version 1', async () => {
    const { data } = await app.graphql(`{ teamSlas { team responseSlaMinutes handoffSlaMinutes version } }`, {}, tokens.sally);
    expect(data.teamSlas).toEqual(
      ['MARKETING', 'SALES', 'SERVICE', 'SUCCESS'].map((team) => ({ team, responseSlaMinutes: 1440, handoffSlaMinutes: 1440, version: 1 })),
    );
  });
});

describe('teamSlaUpdate', () => {
  it('lets a manager change one level, keeps the other, bumps the version and audits the difference', async () => {
    const { teamSla, userErrors } = await update('mona', { team: 'SALES', handoffSlaMinutes: 240, version: 1 });
    expect(userErrors).toEqual([]);
    expect(teamSla).toMatchObject({ team: 'SALES', responseSlaMinutes: 1440, handoffSlaMinutes: 240, version: 2 });
    const audits = await app.sql<{ action: string; entity_type: string; customer_id: string | null; before: unknown; after: unknown }>(
      `select action, entity_type, customer_id, before, after from audit_event where entity_type = 'TeamSla'`);
    expect(audits).toEqual([
      {
        action: 'teamSlaUpdate', entity_type: 'TeamSla', customer_id: null,
        before: { team: 'SALES', handoffSlaMinutes: 1440, version: 1 }, after: { team: 'SALES', handoffSlaMinutes: 240, version: 2 },
      },
    ]);
    const both = await update('admin', { team: 'SALES', responseSlaMinutes: 60, handoffSlaMinutes: 120, version: 2 });
    expect(both.teamSla).toMatchObject({ responseSlaMinutes: 60, handoffSlaMinutes: 120, version: 3 });
  });

  it('refuses everyone but managers and admins with FORBIDDEN, and writes nothing', async () => {
    for (const [who, role] of [['sally', 'SALES'], ['andy', 'ANALYST']] as const) {
      const before = await databaseState();
      const payload = await update(who, { team: 'MARKETING', responseSlaMinutes: 30, version: 1 });
      expect(payload.teamSla).toBeNull();
      expect(payload.userErrors).toEqual([{ field: ['input', 'team'], code: 'FORBIDDEN', message: `role ${role} may not write team SLAs` }]);
      expect(await databaseState()).toBe(before);
    }
  });

  it('accepts 1 minute to 30 days, and needs at least one level', async () => {
    const before = await databaseState();
    expect(errorsOf(await update('mona', { team: 'SERVICE', responseSlaMinutes: 0, handoffSlaMinutes: 43_201, version: 1 }))).toEqual([
      ['input.responseSlaMinutes', 'INVALID'], ['input.handoffSlaMinutes', 'INVALID'],
    ]);
    expect(errorsOf(await update('mona', { team: 'SERVICE', version: 1 }))).toEqual([['input', 'REQUIRED']]);
    expect(errorsOf(await update('mona', { team: 'SERVICE', responseSlaMinutes: null, version: 1 }))).toEqual([['input', 'REQUIRED']]);
    expect(await databaseState()).toBe(before);
    const edges = await update('mona', { team: 'SERVICE', responseSlaMinutes: 1, handoffSlaMinutes: 43_200, version: 1 });
    expect(edges.teamSla).toMatchObject({ responseSlaMinutes: 1, handoffSlaMinutes: 43_200 });
  });

  it('refuses a stale version with CONFLICT and overwrites nothing', async () => {
    const before = await databaseState();
    const { teamSla, userErrors } = await update('mona', { team: 'SERVICE', handoffSlaMinutes: 5, version: 1 });
    expect(teamSla).toBeNull();
    expect(userErrors[0]).toMatchObject({ field: ['input', 'version'], code: 'CONFLICT' });
    expect(userErrors[0]!.message).toMatch(/you sent version 1, it is now 2/);
    expect(await databaseState()).toBe(before);
  });

  it('applies a new handoff SLA to handoffs requested afterwards only', async () => {
    const request = async (name: string) => {
      const customerId = await insertCustomer(app, { name });
      const { data } = await app.graphql(REQUEST, {
        input: { customerId, toTeam: 'SUCCESS', summary: 's', customerGoals: 'g', commitments: 'c' },
      }, tokens.sally);
      expect(data.handoffRequest.userErrors).toEqual([]);
      return data.handoffRequest.handoff as { id: string; requestedAt: string; dueAt: string };
    };
    const minutesAllowed = (h: { requestedAt: string; dueAt: string }) => (Date.parse(h.dueAt) - Date.parse(h.requestedAt)) / 60_000;
    const earlier = await request('Earlier Account');
    expect(minutesAllowed(earlier)).toBe(1440);
    await update('mona', { team: 'SUCCESS', handoffSlaMinutes: 45, version: await version('SUCCESS') });
    const later = await request('Later Account');
    expect(minutesAllowed(later)).toBe(45);
    const { data } = await app.graphql(`{ handoffs(filter: { toTeams: [SUCCESS] }) { nodes { id dueAt } } }`, {}, tokens.sally);
    expect(data.handoffs.nodes.find((n: { id: string }) => n.id === earlier.id).dueAt).toBe(earlier.dueAt);
  });
});
