import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/app.js';

const STAFF_FIELDS = 'staffUser { id email name role team active version } userErrors { field message code }';
const CREATE = `mutation($input: StaffCreateInput!) { staffCreate(input: $input) { ${STAFF_FIELDS} } }`;
const UPDATE = `mutation($input: StaffUpdateInput!) { staffUpdate(input: $input) { ${STAFF_FIELDS} } }`;
const DEACTIVATE = `mutation($input: StaffIdInput!) { staffDeactivate(input: $input) { ${STAFF_FIELDS} } }`;
const REACTIVATE = `mutation($input: StaffIdInput!) { staffReactivate(input: $input) { ${STAFF_FIELDS} } }`;
const RESET = `mutation($input: StaffResetPasswordInput!) { staffResetPassword(input: $input) { ${STAFF_FIELDS} } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token refreshToken userErrors { message code } } }`;
const REFRESH = `mutation($input: TokenRefreshInput!) { tokenRefresh(input: $input) { token userErrors { message code } } }`;

const NEW_PASSWORD = 'a brand new passphrase';

let app: TestApp;
let admin: string;
let adminId: string;

beforeAll(async () => {
  app = await createTestApp();
  admin = await app.adminToken();
  adminId = (await app.sql<{ id: string }>('select id from staff_user where email = ?', [ADMIN_EMAIL]))[0]!.id;
});
afterAll(() => app?.close());

async function signIn(email: string, password = ADMIN_PASSWORD) {
  const { data } = await app.graphql(LOGIN, { input: { email, password } });
  return data.login as { token: string | null; refreshToken: string | null; userErrors: { message: string; code: string }[] };
}

async function run(document: string, input: Record<string, unknown>, token = admin) {
  const { data, errors } = await app.graphql(document, { input }, token);
  expect(errors).toBeUndefined();
  return Object.values(data)[0] as { staffUser: Record<string, any> | null; userErrors: { field: string[] | null; message: string; code: string }[] };
}

async function create(email: string, role: string, team: string | null) {
  const result = await run(CREATE, { email, name: email.split('@')[0], role, team, password: ADMIN_PASSWORD });
  expect(result.userErrors).toEqual([]);
  return result.staffUser!;
}

const fields = (errors: { field: string[] | null; code: string }[]) => errors.map((e) => [e.field?.join('.') ?? null, e.code]);

describe('only ADMIN manages staff', () => {
  const roles = [
    ['MANAGER', 'SALES'],
    ['SALES', 'SALES'],
    ['SERVICE', 'SERVICE'],
    ['SUCCESS', 'SUCCESS'],
    ['MARKETING', 'MARKETING'],
    ['ANALYST', null],
  ] as const;

  it.each(roles)('%s may read the staff list but change nobody', async (role, team) => {
    const person = await create(`${role.toLowerCase()}.person@example.test`, role, team);
    const token = (await signIn(person.email)).token!;
    const list = await app.graphql('{ staffUsers { email } }', {}, token);
    expect(list.errors).toBeUndefined();
    expect(list.data.staffUsers.map((s: { email: string }) => s.email)).toContain(ADMIN_EMAIL);
    const auditBefore = (await app.sql<{ n: number }>('select count(*)::int as n from audit_event'))[0]!.n;
    const attempts: [string, Record<string, unknown>][] = [
      [CREATE, { email: `made.by.${role.toLowerCase()}@example.test`, name: 'X', role: 'ADMIN', password: NEW_PASSWORD }],
      [UPDATE, { id: person.id, role: 'ADMIN', team: null }],
      [DEACTIVATE, { id: adminId }],
      [REACTIVATE, { id: adminId }],
      [RESET, { id: adminId, password: NEW_PASSWORD }],
    ];
    for (const [document, input] of attempts) {
      const result = await run(document, input, token);
      expect(result.staffUser).toBeNull();
      expect(result.userErrors).toEqual([{ field: null, code: 'FORBIDDEN', message: `role ${role} may not write staff` }]);
    }
    expect((await app.sql<{ n: number }>('select count(*)::int as n from audit_event'))[0]!.n).toBe(auditBefore);
    const [self] = await app.sql<{ role: string }>('select role from staff_user where id = ?', [person.id]);
    expect(self!.role).toBe(role);
    expect((await signIn(ADMIN_EMAIL)).userErrors).toEqual([]);
  });
});

describe('staffCreate', () => {
  it('creates an account that can sign in with its initial password, audited without the password', async () => {
    const result = await run(CREATE, { email: ' New.Agent@Example.test ', name: 'New Agent', role: 'SERVICE', team: 'SERVICE', password: NEW_PASSWORD });
    expect(result.userErrors).toEqual([]);
    expect(result.staffUser).toMatchObject({ email: 'new.agent@example.test', name: 'New Agent', role: 'SERVICE', team: 'SERVICE', active: true, version: 1 });
    const [row] = await app.sql<{ password_hash: string }>('select password_hash from staff_user where id = ?', [result.staffUser!.id]);
    expect(row!.password_hash).toMatch(/^scrypt\$/);
    expect((await signIn('new.agent@example.test', NEW_PASSWORD)).userErrors).toEqual([]);
    const [audit] = await app.sql<{ action: string; actor_id: string; after: object }>('select action, actor_id, after from audit_event where entity_id = ?', [
      result.staffUser!.id,
    ]);
    expect(audit).toEqual({
      action: 'staffCreate',
      actor_id: adminId,
      after: { email: 'new.agent@example.test', name: 'New Agent', role: 'SERVICE', team: 'SERVICE', active: true },
    });
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });

  it('names every broken rule and writes nothing', async () => {
    const before = (await app.sql<{ n: number }>('select count(*)::int as n from staff_user'))[0]!.n;
    const result = await run(CREATE, { email: 'not an email', name: ' ', role: 'SALES', team: 'SERVICE', password: 'short' });
    expect(fields(result.userErrors)).toEqual([
      ['input.email', 'INVALID'],
      ['input.name', 'REQUIRED'],
      ['input.team', 'INVALID'],
      ['input.password', 'INVALID'],
    ]);
    expect(result.userErrors[2]!.message).toBe('a SALES staff member sits in the SALES team');
    expect(result.userErrors[3]!.message).toBe('must be at least 12 characters long');
    expect((await app.sql<{ n: number }>('select count(*)::int as n from staff_user'))[0]!.n).toBe(before);
  });

  it('applies the team and password rules', async () => {
    const cases: [Record<string, unknown>, [string, string], string][] = [
      [{ role: 'SUCCESS', team: null }, ['input.team', 'REQUIRED'], 'a SUCCESS staff member sits in the SUCCESS team'],
      [{ role: 'MANAGER', team: null }, ['input.team', 'REQUIRED'], 'a MANAGER manages one team: name it'],
      [{ role: 'ANALYST', team: null, password: 'rules.case@example.test' }, ['input.password', 'INVALID'], 'must not be the email address'],
      [{ role: 'ANALYST', team: null, password: 'x'.repeat(201) }, ['input.password', 'INVALID'], 'must be at most 200 characters long'],
      [{ role: 'ANALYST', team: null, password: '              ' }, ['input.password', 'REQUIRED'], 'is required'],
    ];
    for (const [overrides, field, message] of cases) {
      const result = await run(CREATE, { email: 'rules.case@example.test', name: 'Rules', password: NEW_PASSWORD, ...overrides });
      expect(result.userErrors).toEqual([{ field: field[0].split('.'), code: field[1], message }]);
    }
    const analyst = await run(CREATE, { email: 'rules.case@example.test', name: 'Rules', role: 'ANALYST', team: null, password: NEW_PASSWORD });
    expect(analyst.userErrors).toEqual([]);
  });

  it('refuses an email already in use, whatever its case', async () => {
    const result = await run(CREATE, { email: ADMIN_EMAIL.toUpperCase(), name: 'Twin', role: 'ADMIN', password: NEW_PASSWORD });
    expect(result.userErrors).toEqual([{ field: ['input', 'email'], code: 'CONFLICT', message: 'another staff member already signs in with this email' }]);
  });
});

describe('staffUpdate', () => {
  it('changes name, role and team, bumps the version and audits the change', async () => {
    const person = await create('mover@example.test', 'SALES', 'SALES');
    const result = await run(UPDATE, { id: person.id, version: person.version, name: 'Mover Manager', role: 'MANAGER', team: 'SERVICE' });
    expect(result.userErrors).toEqual([]);
    expect(result.staffUser).toMatchObject({ name: 'Mover Manager', role: 'MANAGER', team: 'SERVICE', version: 2 });
    const [audit] = await app.sql<{ before: object; after: object }>(`select before, after from audit_event where entity_id = ? and action = 'staffUpdate'`, [person.id]);
    expect(audit).toEqual({
      before: { name: 'mover', role: 'SALES', team: 'SALES' },
      after: { name: 'Mover Manager', role: 'MANAGER', team: 'SERVICE' },
    });
    // The new role applies to the very next request of an existing session.
    const token = (await signIn('mover@example.test')).token!;
    expect((await app.graphql('{ me { role } }', {}, token)).data.me.role).toBe('MANAGER');
  });

  it('refuses a stale version, an unknown id and a team that does not fit the role', async () => {
    const person = await create('stale@example.test', 'SUCCESS', 'SUCCESS');
    await run(UPDATE, { id: person.id, name: 'Changed once' });
    const stale = await run(UPDATE, { id: person.id, version: 1, name: 'Changed twice' });
    expect(stale.userErrors[0]).toMatchObject({ field: ['input', 'version'], code: 'CONFLICT' });
    const unknown = await run(UPDATE, { id: '00000000-0000-4000-8000-000000000000', name: 'Nobody' });
    expect(unknown.userErrors[0]).toMatchObject({ field: ['input', 'id'], code: 'NOT_FOUND' });
    const misfit = await run(UPDATE, { id: person.id, team: 'SALES' });
    expect(misfit.userErrors).toEqual([{ field: ['input', 'team'], code: 'INVALID', message: 'a SUCCESS staff member sits in the SUCCESS team' }]);
  });

  it('never leaves the company without an active administrator', async () => {
    const result = await run(UPDATE, { id: adminId, role: 'ANALYST', team: null });
    expect(result.userErrors[0]).toMatchObject({ field: ['input', 'role'], code: 'INVALID_TRANSITION', message: expect.stringMatching(/no active administrator/) });
    expect((await app.sql<{ role: string }>('select role from staff_user where id = ?', [adminId]))[0]!.role).toBe('ADMIN');
  });
});

describe('staffDeactivate and staffReactivate', () => {
  it('locks the person out at once: tokens, refresh tokens and sign-in', async () => {
    const person = await create('leaver2@example.test', 'SERVICE', 'SERVICE');
    const session = await signIn(person.email);
    const other = await signIn(person.email);
    expect((await app.graphql('{ me { email } }', {}, session.token)).data.me).toEqual({ email: person.email });
    const result = await run(DEACTIVATE, { id: person.id });
    expect(result.staffUser).toMatchObject({ active: false });
    for (const token of [session.token, other.token]) {
      const refused = await app.graphql('{ me { email } }', {}, token);
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.message).toMatch(/deactivated/);
    }
    const refreshed = await app.graphql(REFRESH, { input: { refreshToken: session.refreshToken } });
    expect(refreshed.data.tokenRefresh.userErrors[0].code).toBe('REFRESH_TOKEN_INVALID');
    expect((await signIn(person.email)).userErrors[0]).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'this account is deactivated' });
    const sessions = await app.sql<{ revoked_reason: string }>('select revoked_reason from staff_session s where staff_user_id = ?', [person.id]);
    expect(sessions.map((s) => s.revoked_reason)).toEqual(['DEACTIVATED', 'DEACTIVATED']);
    const [audit] = await app.sql<{ before: object; after: object }>(`select before, after from audit_event where entity_id = ? and action = 'staffDeactivate'`, [person.id]);
    expect(audit).toEqual({ before: { active: true }, after: { active: false } });

    expect((await run(DEACTIVATE, { id: person.id })).userErrors[0]).toMatchObject({ code: 'INVALID_TRANSITION' });
    const back = await run(REACTIVATE, { id: person.id });
    expect(back.staffUser).toMatchObject({ active: true });
    // Reactivation lets them sign in again, but the ended sessions stay ended.
    expect((await signIn(person.email)).userErrors).toEqual([]);
    expect((await app.graphql('{ me { email } }', {}, session.token)).status).toBe(401);
    expect((await run(REACTIVATE, { id: person.id })).userErrors[0]).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('refuses to deactivate yourself or the last other administrator', async () => {
    const self = await run(DEACTIVATE, { id: adminId });
    expect(self.userErrors).toEqual([{ field: ['input', 'id'], code: 'INVALID', message: 'you cannot deactivate your own account' }]);
    const second = await create('second.admin@example.test', 'ADMIN', null);
    const secondToken = (await signIn(second.email)).token!;
    // Two admins: the second may deactivate the first…
    expect((await run(DEACTIVATE, { id: adminId }, secondToken)).userErrors).toEqual([]);
    // …but not be demoted now that it is the only one left.
    const demote = await run(UPDATE, { id: second.id, role: 'ANALYST' }, secondToken);
    expect(demote.userErrors[0]).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringMatching(/no active administrator/) });
    expect((await run(REACTIVATE, { id: adminId }, secondToken)).userErrors).toEqual([]);
    admin = (await signIn(ADMIN_EMAIL)).token!;
  });
});

describe('staffResetPassword', () => {
  it('sets a new password, ends every session and records no password', async () => {
    const person = await create('forgetful@example.test', 'MARKETING', 'MARKETING');
    const session = await signIn(person.email);
    const short = await run(RESET, { id: person.id, password: 'too short' });
    expect(short.userErrors).toEqual([{ field: ['input', 'password'], code: 'INVALID', message: 'must be at least 12 characters long' }]);
    const result = await run(RESET, { id: person.id, password: NEW_PASSWORD });
    expect(result.userErrors).toEqual([]);
    const refused = await app.graphql('{ me { email } }', {}, session.token);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.message).toMatch(/password was reset/);
    expect((await signIn(person.email)).userErrors[0]?.code).toBe('INVALID_CREDENTIALS');
    expect((await signIn(person.email, NEW_PASSWORD)).userErrors).toEqual([]);
    const [audit] = await app.sql<{ after: object }>(`select after from audit_event where entity_id = ? and action = 'staffResetPassword'`, [person.id]);
    expect(audit!.after).toEqual({ passwordReset: true, endedSessions: 1 });
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });
});
