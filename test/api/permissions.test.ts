import 'reflect-metadata';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '../../api/src/import/importer.js';
import { MASKED } from '../../api/src/modules/access/masking.js';
import { can, PERMISSION_MATRIX, type Action, type Resource } from '../../api/src/modules/access/permissions.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer, insertStaff } from '../support/fixtures.js';

/*
 * The permission matrix, cell by cell: every role against every family of operations, over HTTP.
 * An allowed operation succeeds; a refused read is a GraphQL error with code FORBIDDEN; a refused
 * write is a FORBIDDEN userError naming the role and leaves every table exactly as it was.
 */

const ROLES = ['ADMIN', 'MANAGER', 'SALES', 'SERVICE', 'SUCCESS', 'MARKETING', 'ANALYST'] as const;
type Role = (typeof ROLES)[number];
const TEAMS: Record<Role, string | null> = {
  ADMIN: null, MANAGER: 'MARKETING', SALES: 'SALES', SERVICE: 'SERVICE', SUCCESS: 'SUCCESS', MARKETING: 'MARKETING', ANALYST: null,
};
const ALL: readonly Role[] = ROLES;
const ALL_BUT_ANALYST: readonly Role[] = ROLES.filter((role) => role !== 'ANALYST');

let app: TestApp;
let dir: string;
const tokens = {} as Record<Role, string>;
const emails = {} as Record<Role, string>;

async function signIn(role: Role): Promise<void> {
  const name = `${role.toLowerCase()} member`;
  const id = await insertStaff(app, `Perm ${name}`, role, TEAMS[role]);
  await app.sql(`update staff_user set password_hash = (select password_hash from staff_user where email = ?) where id = ?`, [ADMIN_EMAIL, id]);
  emails[role] = `perm.${role.toLowerCase()}.member@example.test`;
  const { data } = await app.graphql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, {
    input: { email: emails[role], password: ADMIN_PASSWORD },
  });
  tokens[role] = data.login.token;
}

/** Everything any write could touch, as one text: compared before and after each refused write. */
const DOMAIN_TABLES = ['customer', 'interaction', 'purchase', 'survey_response', 'handoff', 'acquisition_spend', 'team_sla', 'audit_event'];
const TABLES = [...DOMAIN_TABLES, 'staff_user', 'api_key'];
async function databaseState(tables = TABLES): Promise<string> {
  const columns = tables.map((table) => `(select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from ${table} t) as ${table}`);
  return JSON.stringify(await app.sql(`select ${columns.join(', ')}`));
}

async function gql(role: Role, text: string, variables: Record<string, unknown> = {}) {
  return app.graphql(text, variables, tokens[role]);
}

/** A write as the admin, for arranging; fails the test on any error. */
async function adminWrite(mutation: string, field: string, input: Record<string, unknown>, selection = 'id version') {
  const result = await gql('ADMIN', `mutation($input: ${inputTypeOf(mutation)}!) { ${mutation}(input: $input) { ${field} { ${selection} } userErrors { field code message } } }`, { input });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  expect(result.data[mutation].userErrors).toEqual([]);
  return result.data[mutation][field];
}

/** The input type's name: the mutation's, capitalised, but for the few mutations that share one. */
const SHARED_INPUT_TYPES: Record<string, string> = { customerTagsAdd: 'CustomerTagsInput', customerArchive: 'CustomerVersionInput' };
function inputTypeOf(mutation: string): string {
  return SHARED_INPUT_TYPES[mutation] ?? `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
}

const newCustomer = (stage = 'CUSTOMER') => insertCustomer(app, { name: `Arranged ${Math.random().toString(36).slice(2)}`, lifecycleStage: stage });

async function versionOf(table: string, id: string): Promise<number> {
  return (await app.sql<{ version: number }>(`select version from ${table} where id = ?`, [id]))[0]!.version;
}

type Outcome = 'allowed' | 'forbidden';

interface Operation {
  family: string;
  /** What the matrix must grant (all of it); the expected roles follow from PERMISSION_MATRIX too. */
  needs: [Action, Resource][];
  /** The roles the product allows, stated plainly (the matrix is checked against it). */
  allowed: readonly Role[];
  /** A rule beyond the matrix narrows the roles (the handoff's receiving team). */
  narrowedBy?: string;
  run(role: Role): Promise<Outcome>;
}

/** Runs a mutation: allowed when it answers no userErrors; refused when it answers one FORBIDDEN userError and wrote nothing. */
function write(mutation: string, arrange: (role: Role) => Promise<Record<string, unknown>>, selection = 'userErrors { field code message }') {
  return async (role: Role): Promise<Outcome> => {
    const input = await arrange(role);
    const before = await databaseState();
    const result = await gql(role, `mutation($input: ${inputTypeOf(mutation)}!) { ${mutation}(input: $input) { ${selection} } }`, { input });
    expect(result.errors, `${role} ${mutation}: ${JSON.stringify(result.errors)}`).toBeUndefined();
    const { userErrors } = result.data[mutation] as { userErrors: { field: string[] | null; code: string; message: string }[] };
    if (!userErrors.length) return 'allowed';
    expect(userErrors, `${role} ${mutation}`).toHaveLength(1);
    expect(userErrors[0]!.code, `${role} ${mutation}: ${JSON.stringify(userErrors)}`).toBe('FORBIDDEN');
    expect(await databaseState(), `${role} ${mutation} wrote despite FORBIDDEN`).toBe(before);
    return 'forbidden';
  };
}

/** Runs a query: allowed when it answers data without errors; refused when the error's code is FORBIDDEN (never a server error). */
function read(text: string, variables: () => Promise<Record<string, unknown>> | Record<string, unknown> = () => ({})) {
  return async (role: Role): Promise<Outcome> => {
    const result = await gql(role, text, await variables());
    if (!result.errors) return 'allowed';
    expect(result.status, JSON.stringify(result.errors)).toBe(200);
    expect(result.errors.map((e) => e.extensions?.code), `${role}: ${JSON.stringify(result.errors)}`).toEqual(result.errors.map(() => 'FORBIDDEN'));
    expect(result.errors[0]!.message).toContain(`role ${role} may not read`);
    return 'forbidden';
  };
}

let customerId: string;
let purchaseId: string;

const handoffContext = { summary: 'Closed the deal', customerGoals: 'Go live soon', commitments: 'Kick-off call' };
const otherTeam = (role: Role) => (TEAMS[role] === 'SERVICE' ? 'SUCCESS' : 'SERVICE');

const OPERATIONS: Operation[] = [
  // Reads
  {
    family: 'read customers (list)', needs: [['read', 'customers']], allowed: ALL,
    run: read(`{ customers(first: 5) { totalCount nodes { id lifecycleStage } } }`),
  },
  {
    family: 'read one customer with personal fields', needs: [['read', 'customers']], allowed: ALL,
    run: read(`query($id: ID!) { customer(id: $id) { id name email phone personalDataMasked } }`, () => ({ id: customerId })),
  },
  {
    family: 'read related lists', needs: [['read', 'interactions'], ['read', 'purchases'], ['read', 'surveys'], ['read', 'handoffs']], allowed: ALL,
    run: read(
      `query($id: ID!) { customer(id: $id) { interactions(first: 2) { totalCount } purchases(first: 2) { totalCount }
         surveyResponses(first: 2) { totalCount } handoffs(first: 2) { totalCount } } }`,
      () => ({ id: customerId }),
    ),
  },
  {
    family: 'read timeline', needs: [['read', 'interactions'], ['read', 'purchases'], ['read', 'surveys'], ['read', 'handoffs']], allowed: ALL,
    run: read(`query($id: ID!) { customer(id: $id) { timeline(first: 5) { nodes { kind occurredAt } } } }`, () => ({ id: customerId })),
  },
  {
    family: 'read the handoff inbox', needs: [['read', 'handoffs']], allowed: ALL,
    run: read(`{ handoffs(first: 5) { totalCount nodes { status } } }`),
  },
  {
    family: 'read team SLAs', needs: [['read', 'teamSla']], allowed: ALL,
    run: read(`{ teamSlas { team responseSlaMinutes } }`),
  },
  {
    family: 'read metrics', needs: [['read', 'metrics']], allowed: ['ADMIN', 'MANAGER', 'SUCCESS', 'MARKETING', 'ANALYST'],
    run: read(`{ metrics(from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z") { series { points { revenue { net } } } } }`),
  },
  {
    family: 'read cohort retention', needs: [['read', 'metrics']], allowed: ['ADMIN', 'MANAGER', 'SUCCESS', 'MARKETING', 'ANALYST'],
    run: read(`{ cohortRetention(from: "2026-01-01T00:00:00Z", to: "2026-07-01T00:00:00Z", months: 3) { cohorts { size } } }`),
  },
  {
    family: 'read acquisition spend', needs: [['read', 'acquisitionSpend']], allowed: ['ADMIN', 'MANAGER', 'MARKETING', 'ANALYST'],
    run: read(`{ acquisitionSpend(from: "2026-01-01", to: "2027-01-01") { amount } }`),
  },
  {
    family: 'read the audit log', needs: [['read', 'auditLog']], allowed: ['ADMIN', 'MANAGER'],
    run: read(`{ auditEvents(first: 3) { totalCount nodes { action before after } } }`),
  },
  {
    family: 'read staff', needs: [['read', 'staff']], allowed: ALL,
    run: read(`{ staffUsers { id name role } }`),
  },

  // Writes
  {
    family: 'write customer (create)', needs: [['write', 'customers'], ['write', 'personalData']], allowed: ALL_BUT_ANALYST,
    run: write('customerCreate', async (role) => ({ name: `Created by ${role}`, segment: 'CONSUMER', acquisitionChannel: 'REFERRAL' })),
  },
  {
    family: 'write customer (update)', needs: [['write', 'customers'], ['write', 'personalData']], allowed: ALL_BUT_ANALYST,
    run: write('customerUpdate', async (role) => {
      const id = await newCustomer();
      return { id, version: await versionOf('customer', id), email: `${role.toLowerCase()}@new.example` };
    }),
  },
  {
    family: 'tags', needs: [['write', 'customers']], allowed: ALL_BUT_ANALYST,
    run: write('customerTagsAdd', async (role) => ({ id: customerId, tags: [`by-${role.toLowerCase()}`] })),
  },
  {
    family: 'owner', needs: [['write', 'customers']], allowed: ALL_BUT_ANALYST,
    run: write('customerChangeOwner', async () => {
      const id = await newCustomer();
      return { id, version: await versionOf('customer', id), ownerId: null };
    }),
  },
  {
    family: 'lifecycle', needs: [['write', 'customers']], allowed: ALL_BUT_ANALYST,
    run: write('customerChangeLifecycleStage', async () => {
      const id = await newCustomer('LEAD');
      return { id, version: await versionOf('customer', id), lifecycleStage: 'PROSPECT' };
    }),
  },
  {
    family: 'churn', needs: [['write', 'customers']], allowed: ALL_BUT_ANALYST,
    run: write('customerMarkChurned', async () => {
      const id = await newCustomer();
      return { id, version: await versionOf('customer', id), reason: 'Moved away' };
    }),
  },
  {
    family: 'interaction', needs: [['write', 'interactions']], allowed: ALL_BUT_ANALYST,
    run: write('interactionLog', async () => ({ customerId, channel: 'PHONE', direction: 'OUTBOUND', team: 'SALES', subject: 'Follow-up' })),
  },
  {
    family: 'purchase', needs: [['write', 'purchases']], allowed: ['ADMIN', 'MANAGER', 'SALES', 'SERVICE'],
    run: write('purchaseRecord', async () => ({ customerId, amount: '10.00', currency: 'USD', kind: 'ONE_TIME' })),
  },
  {
    family: 'refund', needs: [['write', 'purchases']], allowed: ['ADMIN', 'MANAGER', 'SALES', 'SERVICE'],
    run: write('purchaseRefund', async () => ({ purchaseId, amount: '1.00' })),
  },
  {
    family: 'survey answer', needs: [['write', 'surveys']], allowed: ALL_BUT_ANALYST,
    run: write('surveyResponseRecord', async () => ({ customerId, kind: 'CSAT', score: 4 })),
  },
  {
    family: 'handoff request', needs: [['write', 'handoffs']], allowed: ['ADMIN', 'MANAGER', 'SALES', 'SERVICE', 'SUCCESS'],
    run: write('handoffRequest', async (role) => ({
      customerId: await newCustomer(), fromTeam: TEAMS[role] ?? 'SALES', toTeam: otherTeam(role), ...handoffContext,
    })),
  },
  {
    family: 'handoff accept (SALES → SERVICE: the receiving team only)', needs: [['write', 'handoffs']], allowed: ['ADMIN', 'MANAGER', 'SERVICE'],
    narrowedBy: 'only the receiving team (SERVICE), managers and admins act on a handoff',
    run: write('handoffAccept', async () => {
      const handoff = await adminWrite('handoffRequest', 'handoff', { customerId: await newCustomer(), fromTeam: 'SALES', toTeam: 'SERVICE', ...handoffContext });
      return { id: handoff.id, version: handoff.version };
    }),
  },
  {
    family: 'acquisition spend', needs: [['write', 'acquisitionSpend']], allowed: ['ADMIN', 'MANAGER', 'MARKETING'],
    run: write('acquisitionSpendSet', async (role) => ({ channel: 'PAID_SEARCH', periodStart: '2026-03-01', amount: `${ROLES.indexOf(role) + 100}.00`, currency: 'USD' })),
  },
  {
    family: 'team SLA', needs: [['write', 'teamSla']], allowed: ['ADMIN', 'MANAGER'],
    run: write('teamSlaUpdate', async (role) => {
      const [{ version }] = (await app.sql<{ version: number }>(`select version from team_sla where team = 'SUCCESS'`)) as [{ version: number }];
      return { team: 'SUCCESS', responseSlaMinutes: 600 + ROLES.indexOf(role), version };
    }),
  },
  {
    family: 'batch write (customerCreateBatch)', needs: [['write', 'customers'], ['write', 'personalData']], allowed: ALL_BUT_ANALYST,
    run: write(
      'customerCreateBatch',
      async (role) => ({ items: [{ name: `Batch by ${role}`, segment: 'CONSUMER', acquisitionChannel: 'REFERRAL' }] }),
      'results { userErrors { code } } userErrors { field code message }',
    ),
  },
  {
    family: 'CSV import', needs: [['write', 'import'], ['write', 'customers'], ['write', 'personalData']], allowed: ['ADMIN', 'MANAGER'],
    async run(role) {
      const file = path.join(dir, `${role}.csv`);
      await writeFile(file, `id,name\n${role}-csv-1,Imported by ${role}\n`);
      const mapping = {
        kind: 'customers' as const,
        fields: { externalId: { column: 'id' }, name: { column: 'name' }, segment: { value: 'CONSUMER' }, acquisitionChannel: { value: 'DIRECT' } },
      };
      const before = await databaseState();
      try {
        const summary = await importCsv(app.orm, { kind: 'customers', file, mapping, actorEmail: emails[role] });
        expect(summary).toMatchObject({ created: 1, rejected: 0 });
        return 'allowed';
      } catch (error) {
        expect(String(error)).toContain(`is ${role}, a role that may not import`);
        expect(await databaseState()).toBe(before);
        return 'forbidden';
      }
    },
  },
  {
    family: 'staff write (staffCreate)', needs: [['write', 'staff']], allowed: ['ADMIN'],
    run: write(
      'staffCreate',
      async (role) => ({ email: `new.by.${role.toLowerCase()}@example.test`, name: `New by ${role}`, role: 'SALES', team: 'SALES', password: 'a long enough password' }),
    ),
  },
  {
    family: 'read API keys (apiKeys)', needs: [['read', 'apiKeys']], allowed: ['ADMIN'],
    run: read(`{ apiKeys { id name } }`),
  },
  {
    family: 'API key create (apiKeyCreate)', needs: [['write', 'apiKeys']], allowed: ['ADMIN'],
    run: write('apiKeyCreate', async (role) => ({ name: `Key by ${role}`, scopes: ['READ'] })),
  },
  {
    family: 'privacy export (customerExport)', needs: [['read', 'privacyExport'], ['read', 'personalData']], allowed: ['ADMIN', 'MANAGER'],
    run: read(`query($id: ID!) { customerExport(id: $id) { customerId counts { interactions } } }`, () => ({ id: customerId })),
  },
  {
    family: 'privacy erase (customerErase)', needs: [['write', 'privacyErase']], allowed: ['ADMIN'],
    run: write('customerErase', async () => ({ id: await newCustomer(), reason: 'Erasure request, ticket 4711', confirm: true })),
  },
];

beforeAll(async () => {
  app = await createTestApp();
  dir = await mkdtemp(path.join(tmpdir(), 'permissions-'));
  tokens.ADMIN = await app.adminToken();
  emails.ADMIN = ADMIN_EMAIL;
  for (const role of ROLES.filter((r) => r !== 'ADMIN')) await signIn(role);
  customerId = await newCustomer();
  purchaseId = (await adminWrite('purchaseRecord', 'purchase', { customerId, amount: '500.00', currency: 'USD', kind: 'ONE_TIME' }, 'id')).id;
  await adminWrite('interactionLog', 'interaction', { customerId, channel: 'EMAIL', direction: 'INBOUND', team: 'SERVICE', subject: 'Hello' }, 'id');
});
afterAll(async () => {
  await app?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the permission matrix, every role against every operation family', () => {
  it('states each family plainly, and the plain statement agrees with PERMISSION_MATRIX', () => {
    for (const operation of OPERATIONS) {
      const byMatrix = ROLES.filter((role) =>
        operation.needs.every(([action, resource]) => PERMISSION_MATRIX[role][resource]?.includes(action) ?? false),
      );
      if (operation.narrowedBy) expect(byMatrix, operation.family).toEqual(expect.arrayContaining([...operation.allowed]));
      else expect(byMatrix, operation.family).toEqual(operation.allowed);
    }
  });

  for (const operation of OPERATIONS) {
    it(`${operation.family}: allowed for ${operation.allowed.join(', ')}; FORBIDDEN for the others`, async () => {
      const outcomes = {} as Record<Role, Outcome>;
      for (const role of ROLES) outcomes[role] = await operation.run(role);
      expect(outcomes).toEqual(Object.fromEntries(ROLES.map((role) => [role, operation.allowed.includes(role) ? 'allowed' : 'forbidden'])));
    });
  }

  it('names the role and what it lacks in a refused write', async () => {
    const result = await gql('ANALYST', `mutation($input: CustomerTagsInput!) { customerTagsAdd(input: $input) { customer { id } userErrors { field code message } } }`, {
      input: { id: customerId, tags: ['vip'] },
    });
    expect(result.data.customerTagsAdd).toEqual({ customer: null, userErrors: [{ field: null, code: 'FORBIDDEN', message: 'role ANALYST may not write customers' }] });
    const sales = await gql('SUCCESS', `mutation($input: PurchaseRecordInput!) { purchaseRecord(input: $input) { userErrors { code message } } }`, {
      input: { customerId, amount: '1.00', currency: 'USD', kind: 'ONE_TIME' },
    });
    expect(sales.data.purchaseRecord.userErrors).toEqual([{ code: 'FORBIDDEN', message: 'role SUCCESS may not write purchases' }]);
  });

  it('answers a refused read with FORBIDDEN and the role, on the refused field only', async () => {
    const result = await gql('SALES', `{ me { role } metrics(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { currency } }`);
    expect(result.status).toBe(200);
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ message: 'role SALES may not read metrics', path: ['metrics'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
    const related = await gql('SALES', `{ teamSlas { team } auditEvents(first: 1) { totalCount } }`);
    expect(related.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['auditEvents'], 'FORBIDDEN']]);
  });
});

describe('API keys (the grant a key carries)', () => {
  const staff = { staffUserId: 'x', email: 'a@b.c', name: 'Admin', role: 'ADMIN', team: null };
  const key = (scopes: ('READ' | 'WRITE' | 'IMPORT')[], resources: string[] | null) => ({ ...staff, apiKey: { id: 'k', name: 'shop', scopes, resources } });

  it('lets a read-only key read and never write, and no key touch staff, keys, the audit log or erasure', () => {
    const readOnly = key(['READ'], null);
    expect(can(readOnly, 'read', 'customers')).toBe(true);
    expect(can(readOnly, 'read', 'personalData')).toBe(true);
    expect(can(readOnly, 'write', 'customers')).toBe(false);
    const everything = key(['READ', 'WRITE', 'IMPORT'], null);
    for (const resource of ['staff', 'apiKeys', 'auditLog', 'privacyErase'] as const) {
      expect(can(everything, 'read', resource)).toBe(false);
      expect(can(everything, 'write', resource)).toBe(false);
    }
  });

  it('gives a key limited to some resources no personal data unless it names personalData', () => {
    expect(can(key(['READ'], ['customers', 'purchases']), 'read', 'personalData')).toBe(false);
    expect(can(key(['READ'], ['customers', 'personalData']), 'read', 'personalData')).toBe(true);
    expect(can(key(['READ', 'WRITE'], ['purchases']), 'write', 'customers')).toBe(false);
  });
});

describe('masking personal data for viewers who may not read it', () => {
  const PERSONAL = ['Zelda', 'Quixote', '7946', 'private.example', 'crm-zelda'];
  let zelda: string;

  const FULL_360 = `query($id: ID!) {
    customer(id: $id) {
      id name company email phone externalId personalDataMasked segment lifecycleStage tags churnReason
      owner { name }
      lifetimeValue { historicalValue predictedValue purchaseCount }
      satisfaction { latestNpsCategory nps { score promoters total } csat { score } }
      health { score churnRisk factors { name contribution rawValue explanation } }
      slaState { openBreaches }
      interactions(first: 10) { nodes { subject summary channel customer { name email } } }
      purchases(first: 10) { nodes { amount currency product customer { name } } }
      surveyResponses(first: 10) { nodes { score comment interaction { subject } } }
      handoffs(first: 10) { nodes { summary customerGoals commitments keyContacts risks rejectionReason completionNote cancellationReason status } }
      timeline(first: 20) {
        nodes {
          kind
          ... on InteractionEvent { interaction { subject summary } }
          ... on PurchaseEvent { purchase { amount } }
          ... on SurveyResponseEvent { surveyResponse { comment score } }
          ... on HandoffEvent { handoff { summary customerGoals commitments keyContacts risks rejectionReason } transition }
        }
      }
    }
  }`;

  beforeAll(async () => {
    zelda = (await adminWrite('customerCreate', 'customer', {
      name: 'Zelda Quixote', company: 'Quixote Holdings Ltd', email: 'zelda.quixote@private.example', phone: '+44 20 7946 0958',
      externalId: 'crm-zelda-4711', segment: 'CONSUMER', lifecycleStage: 'CUSTOMER', acquisitionChannel: 'REFERRAL', acquiredAt: '2026-01-10T00:00:00Z',
    })).id;
    const interaction = await adminWrite('interactionLog', 'interaction', {
      customerId: zelda, channel: 'PHONE', direction: 'INBOUND', team: 'SERVICE', occurredAt: '2026-02-01T10:00:00Z',
      subject: 'Zelda asked about her overdue invoice', summary: 'Zelda Quixote called from +44 20 7946 0958',
    }, 'id');
    await adminWrite('purchaseRecord', 'purchase', { customerId: zelda, amount: '1234.50', currency: 'USD', kind: 'ONE_TIME', purchasedAt: '2026-01-15T00:00:00Z' }, 'id');
    await adminWrite('surveyResponseRecord', 'surveyResponse', {
      customerId: zelda, kind: 'NPS', score: 9, comment: 'Zelda loved the onboarding', interactionId: interaction.id, respondedAt: '2026-02-02T00:00:00Z',
    }, 'id');
    const handoff = await adminWrite('handoffRequest', 'handoff', {
      customerId: zelda, fromTeam: 'SALES', toTeam: 'SERVICE', summary: 'Zelda prefers calls after 6pm', customerGoals: 'Zelda wants a Lisbon office',
      commitments: 'Promised Zelda Quixote a discount', keyContacts: 'Zelda Quixote, +44 20 7946 0958', risks: 'Zelda might leave',
    });
    await adminWrite('handoffReject', 'handoff', { id: handoff.id, version: handoff.version, reason: 'Zelda is moving abroad' }, 'id');
  });

  it('shows an ANALYST no personal value anywhere in a full 360 query, while money and scores stay visible', async () => {
    const asAdmin = await gql('ADMIN', FULL_360, { id: zelda });
    const asAnalyst = await gql('ANALYST', FULL_360, { id: zelda });
    expect(asAdmin.errors).toBeUndefined();
    expect(asAnalyst.errors).toBeUndefined();
    const adminText = JSON.stringify(asAdmin.data);
    const analystText = JSON.stringify(asAnalyst.data);
    for (const value of PERSONAL) {
      expect(adminText).toContain(value);
      expect(analystText).not.toContain(value);
    }
    const customer = asAnalyst.data.customer;
    expect(customer).toMatchObject({ name: MASKED, company: MASKED, email: MASKED, phone: MASKED, externalId: MASKED, personalDataMasked: true });
    expect(customer.interactions.nodes[0]).toMatchObject({ subject: MASKED, summary: MASKED, customer: { name: MASKED, email: MASKED } });
    expect(customer.surveyResponses.nodes[0]).toMatchObject({ score: 9, comment: MASKED, interaction: { subject: MASKED } });
    expect(customer.handoffs.nodes[0]).toMatchObject({
      summary: MASKED, customerGoals: MASKED, commitments: MASKED, keyContacts: MASKED, risks: MASKED, rejectionReason: MASKED,
      completionNote: null, cancellationReason: null, status: 'REJECTED',
    });
    const timelineTexts = customer.timeline.nodes.flatMap((event: any) =>
      [event.interaction?.subject, event.interaction?.summary, event.surveyResponse?.comment, event.handoff?.summary, event.handoff?.rejectionReason].filter((t) => t != null),
    );
    expect(timelineTexts.length).toBeGreaterThanOrEqual(5);
    expect(new Set(timelineTexts)).toEqual(new Set([MASKED]));
    // Money, scores and everything computed are the same as the admin's.
    for (const key of ['lifetimeValue', 'satisfaction', 'health', 'slaState', 'segment', 'lifecycleStage', 'tags'] as const) {
      expect(customer[key], key).toEqual(asAdmin.data.customer[key]);
    }
    expect(customer.lifetimeValue).toMatchObject({ historicalValue: '1234.5000', purchaseCount: 1 });
    expect(customer.satisfaction.nps).toMatchObject({ promoters: 1, total: 1 });
    expect(customer.purchases.nodes[0]).toMatchObject({ amount: '1234.5000', currency: 'USD', customer: { name: MASKED } });
    expect(asAdmin.data.customer.personalDataMasked).toBe(false);
    // Masking costs no SQL.
    expect(asAnalyst.extensions!.sqlStatements).toBe(asAdmin.extensions!.sqlStatements);
  });

  it('masks for the ANALYST only: every other role reads the personal fields', async () => {
    for (const role of ROLES) {
      const { data } = await gql(role, `query($id: ID!) { customer(id: $id) { name email personalDataMasked } }`, { id: zelda });
      expect(data.customer, role).toEqual(
        role === 'ANALYST'
          ? { name: MASKED, email: MASKED, personalDataMasked: true }
          : { name: 'Zelda Quixote', email: 'zelda.quixote@private.example', personalDataMasked: false },
      );
    }
  });

  it('refuses the ANALYST text search and ordering by name, which would reveal names, and orders by creation instead', async () => {
    const search = await gql('ANALYST', `{ customers(filter: { search: "zelda" }) { totalCount } }`);
    expect(search.errors?.[0]).toMatchObject({
      message: 'role ANALYST may not read personal data, so it may not search customers by name, email or company',
      extensions: { code: 'FORBIDDEN', field: ['filter', 'search'] },
    });
    const byName = await gql('ANALYST', `{ customers(orderBy: { field: NAME }) { totalCount } }`);
    expect(byName.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', field: ['orderBy', 'field'] } });
    const metrics = await gql('ANALYST', `{ metrics(from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z", filter: { search: "zelda" }) { currency } }`);
    expect(metrics.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', field: ['filter', 'search'] } });

    const page = await gql('ANALYST', `{ customers(first: 100) { nodes { id createdAt } pageInfo { endCursor } } }`);
    expect(page.errors).toBeUndefined();
    const times = page.data.customers.nodes.map((node: { createdAt: string }) => node.createdAt);
    expect(times).toEqual([...times].sort());
    expect(Buffer.from(page.data.customers.pageInfo.endCursor, 'base64url').toString()).not.toContain('Zelda');
    expect((await gql('MARKETING', `{ customers(filter: { search: "zelda" }) { totalCount } }`)).data.customers.totalCount).toBe(1);
  });

  it('masks personal values in audit before/after for such viewers', async () => {
    const { maskAuditValues } = await import('../../api/src/modules/access/masking.js');
    const analyst = { staffUserId: 'a', email: 'a@example.test', name: 'A', role: 'ANALYST', team: null, apiKey: null };
    const admin = { ...analyst, role: 'ADMIN' };
    const values = { name: 'Zelda Quixote', email: null, segment: 'CONSUMER', version: 2 };
    expect(maskAuditValues(analyst, 'Customer', values)).toEqual({ name: MASKED, email: null, segment: 'CONSUMER', version: 2 });
    expect(maskAuditValues(admin, 'Customer', values)).toEqual(values);
    expect(maskAuditValues(analyst, 'Handoff', { summary: 'Zelda', status: 'REJECTED' })).toEqual({ summary: MASKED, status: 'REJECTED' });
    expect(maskAuditValues(analyst, 'SomethingNew', { note: 'Zelda', count: 3 })).toEqual({ note: MASKED, count: 3 });
  });
});

describe('API keys over HTTP: scopes and resources decide, personal data masked unless granted', () => {
  async function createKey(name: string, scopes: string[], resources: string[] | null): Promise<string> {
    const result = await gql('ADMIN', `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { key userErrors { field message } } }`, {
      input: { name, scopes, resources },
    });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data.apiKeyCreate.userErrors).toEqual([]);
    return result.data.apiKeyCreate.key;
  }

  it('masks personal fields for a key limited to customers and purchases, and refuses what it was not given', async () => {
    const key = await createKey('BI export', ['READ'], ['customers', 'purchases']);
    const result = await app.graphql(`query($id: ID!) { customer(id: $id) { name email personalDataMasked lifetimeValue { historicalValue } } }`, { id: customerId }, key);
    expect(result.errors).toBeUndefined();
    expect(result.data.customer).toMatchObject({ name: MASKED, email: MASKED, personalDataMasked: true, lifetimeValue: { historicalValue: expect.stringMatching(/^\d+\.\d{4}$/) } });
    const refused = await app.graphql(`query($id: ID!) { customer(id: $id) { interactions(first: 1) { totalCount } } }`, { id: customerId }, key);
    expect(refused.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.message])).toEqual([
      ['customer.interactions', 'FORBIDDEN', 'API key "BI export" may not read interactions'],
    ]);
    const writer = await createKey('Purchases only', ['READ', 'WRITE'], ['purchases']);
    // A key's use is recorded on it (lastUsedAt), so compare the domain's tables.
    const before = await databaseState(DOMAIN_TABLES);
    const write = await app.graphql(`mutation { customerTagsAdd(input: { id: "${customerId}", tags: ["x"] }) { userErrors { code message } } }`, {}, writer);
    // Refused before execution (the api-keys module's check), or by the service: FORBIDDEN either way, nothing written.
    const refusals = write.errors?.map((e) => e.extensions?.code) ?? write.data.customerTagsAdd.userErrors.map((e: { code: string }) => e.code);
    expect(refusals).toEqual(['FORBIDDEN']);
    expect(await databaseState(DOMAIN_TABLES)).toBe(before);
  });

  it('lets an IMPORT key use the batch mutations of its resources only, and no single writes', async () => {
    const key = await createKey('Shop import', ['IMPORT'], ['purchases']);
    const batch = await app.graphql(
      `mutation($input: PurchaseRecordBatchInput!) { purchaseRecordBatch(input: $input) { results { userErrors { code } } userErrors { code message } } }`,
      { input: { items: [{ customerId, amount: '3.00', currency: 'USD', kind: 'ONE_TIME', externalId: 'shop-import-1' }] } },
      key,
    );
    expect(batch.errors).toBeUndefined();
    expect(batch.data.purchaseRecordBatch).toEqual({ results: [{ userErrors: [] }], userErrors: [] });
    const single = await app.graphql(
      `mutation($input: PurchaseRecordInput!) { purchaseRecord(input: $input) { userErrors { code message } } }`,
      { input: { customerId, amount: '3.00', currency: 'USD', kind: 'ONE_TIME' } },
      key,
    );
    // Refused before execution (the api-keys module's scope check), or by the service: FORBIDDEN either way.
    const refusals = single.errors?.map((e) => e.extensions?.code) ?? single.data.purchaseRecord.userErrors.map((e: { code: string }) => e.code);
    expect(refusals).toEqual(['FORBIDDEN']);
    const customers = await app.graphql(
      `mutation($input: CustomerCreateBatchInput!) { customerCreateBatch(input: $input) { userErrors { code message } } }`,
      { input: { items: [{ name: 'Nope', segment: 'CONSUMER', acquisitionChannel: 'DIRECT' }] } },
      key,
    );
    expect(customers.data.customerCreateBatch.userErrors).toEqual([{ code: 'FORBIDDEN', message: 'API key "Shop import" may not write customers' }]);
  });
});
