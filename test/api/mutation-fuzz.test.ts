import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../api/src/graphql/schema.js';
import { resolvers } from '../../api/src/modules/registry.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type GraphQLResponse, type TestApp } from '../support/app.js';
import { insertCustomer, insertRelatedRows, insertStaff } from '../support/fixtures.js';

/**
 * Throws random, odd and hostile inputs at every mutation the schema has (listed from the code and
 * typed by introspection, so mutations added later are fuzzed too) and checks the contract of
 * writes: never an internal error, only userErrors or GraphQL input errors, and a rejected write
 * changes no table.
 */

const RUNS_PER_MUTATION = Number(process.env.FUZZ_RUNS ?? 30);
/** Fixed unless FUZZ_SEED is set, so a failure reproduces; set it to explore other inputs. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const seedFor = (name: string) => [...name].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) | 0, SEED);

/** Known at collection time, so each mutation is its own test; the payload shapes come by introspection. */
const MUTATION_NAMES = Object.keys((await buildApiSchema(resolvers)).getMutationType()!.getFields());

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
}
interface SchemaType {
  kind: string;
  name: string;
  inputFields: InputValue[] | null;
  fields: InputValue[] | null;
  enumValues: { name: string }[] | null;
}
interface MutationField {
  name: string;
  args: InputValue[];
  type: TypeRef;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECTION = `{ __schema {
  mutationType { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } }
  types { kind name inputFields { name type { ${TYPE_REF} } } fields { name type { ${TYPE_REF} } } enumValues { name } }
} }`;

/** Error codes a client may get for bad input; anything else (above all INTERNAL_SERVER_ERROR) is a bug. */
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'INVALID_TRANSITION']);

let app: TestApp;
let token: string;
let types: Map<string, SchemaType>;
let mutations: MutationField[];
let knownIds: string[];
let tables: string[];

const named = (ref: TypeRef): TypeRef => (ref.ofType ? named(ref.ofType) : ref);
const printType = (ref: TypeRef): string =>
  ref.kind === 'NON_NULL' ? `${printType(ref.ofType!)}!` : ref.kind === 'LIST' ? `[${printType(ref.ofType!)}]` : ref.name!;

// Odd values, by scalar. Plausible ones are mixed in so inputs also get past the first checks.
const oddText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0007b', 'line\nbreak', '😀'.repeat(150), "'; drop table customer; --", '"\\{}', 'NULL', '%_', 'USD', 'vip'),
  fc.integer({ min: 190, max: 12_000 }).map((n) => 'x'.repeat(n)),
  fc.emailAddress(),
);
const moments = fc.oneof(
  fc.date({ noInvalidDate: true, min: new Date(Date.now() - 3 * 365 * 86_400_000), max: new Date() }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true, min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z') }).map((d) => d.toISOString()),
  fc.constantFrom('1969-12-31T23:59:59Z', '2999-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '2026-02-30T00:00:00Z', 'yesterday', ''),
);
const decimals = fc.oneof(
  fc.constantFrom('0', '-0', '-3', '1e5', '0.00001', '12.345', '1.2345', '19.99', ' 5 ', '', '1.', '.5', '١٢٣', '0x10', 'NaN', '999999999999999', '99999999999999999999'),
  fc.integer().map(String),
  fc.double().map(String),
  fc.tuple(fc.nat({ max: 10_000 }), fc.nat({ max: 999 })).map(([a, b]) => `${a}.${b}`),
);
const localDates = fc.oneof(
  fc.date({ noInvalidDate: true, min: new Date('1960-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z') }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ noInvalidDate: true, min: new Date('2020-01-01T00:00:00Z'), max: new Date() }).map((d) => `${d.toISOString().slice(0, 7)}-01`),
  fc.constantFrom('2026-02-30', '0000-01-01', '2026-13-01', 'x', ''),
);
const integers = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.integer(), fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1.5));

function scalar(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID':
      return fc.oneof(fc.constantFrom(...knownIds), fc.uuid(), oddText);
    case 'Int':
      return integers;
    case 'Float':
      return fc.double();
    case 'Boolean':
      return fc.boolean();
    case 'Decimal':
      return decimals;
    case 'DateTimeISO':
      return moments;
    case 'LocalDate':
      return localDates;
    case 'JSONObject':
      return fc.object();
    default:
      return oddText;
  }
}

function arbitrary(ref: TypeRef, depth = 0): fc.Arbitrary<unknown> {
  if (ref.kind !== 'NON_NULL') {
    return fc.oneof({ weight: 4, arbitrary: arbitrary({ kind: 'NON_NULL', name: null, ofType: ref }, depth) }, fc.constant(null), fc.constant(undefined));
  }
  const inner = ref.ofType!;
  if (inner.kind === 'LIST') return fc.array(arbitrary(inner.ofType!, depth + 1), { maxLength: depth > 2 ? 0 : 4 });
  const type = types.get(inner.name!)!;
  if (type.kind === 'ENUM') return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...type.enumValues!.map((v) => v.name)) }, fc.constant('NOT_A_VALUE'));
  if (type.kind === 'INPUT_OBJECT') {
    if (depth > 4) return fc.constant({});
    return fc.record(Object.fromEntries(type.inputFields!.map((field) => [field.name, arbitrary(field.type, depth + 1)])));
  }
  return scalar(inner.name!);
}

/** The payload fields that tell what happened: userErrors, and per-item results of batches. */
function selection(ref: TypeRef): string {
  const type = types.get(named(ref).name!)!;
  if (type.kind !== 'OBJECT') return '';
  const fields = new Set(type.fields!.map((f) => f.name));
  const parts = ['__typename'];
  if (fields.has('userErrors')) parts.push('userErrors { field message code }');
  if (fields.has('results')) parts.push('results { userErrors { field message code } }');
  return `{ ${parts.join(' ')} }`;
}

/** A session of another administrator, for logout (which may end every session of whoever sends it). */
async function signInAgain(): Promise<string> {
  const { data } = await app.graphql('mutation($input: LoginInput!) { login(input: $input) { token } }', {
    input: { email: LOGOUT_EMAIL, password: ADMIN_PASSWORD },
  });
  return data.login.token;
}

const LOGOUT_EMAIL = 'fuzz.logout@example.test';

async function rowCounts(): Promise<Record<string, string>> {
  const [counts] = await app.sql<Record<string, string>>(`select ${tables.map((t) => `(select count(*) from "${t}") as "${t}"`).join(', ')}`);
  return counts!;
}

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  await app.sql(
    `insert into staff_user (email, name, role, password_hash) select ?, 'Fuzz Logout', 'ADMIN', password_hash from staff_user where email = ?`,
    [LOGOUT_EMAIL, ADMIN_EMAIL],
  );
  const staffId = await insertStaff(app, 'Fuzz Agent', 'SERVICE', 'SERVICE');
  const customerIds = [await insertCustomer(app, { name: 'Fuzz Customer' }), await insertCustomer(app, { name: 'Fuzz Lead', lifecycleStage: 'LEAD' })];
  await insertRelatedRows(app, customerIds, 2, staffId);
  const schema = await app.graphql(INTROSPECTION, {}, token);
  types = new Map((schema.data.__schema.types as SchemaType[]).map((t) => [t.name, t]));
  mutations = schema.data.__schema.mutationType.fields;
  tables = (await app.sql<{ table_name: string }>(
    // login_attempt excepted: a failed sign-in is recorded on purpose (login throttling).
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'mikro_orm%' and table_name <> 'login_attempt' order by 1`,
  )).map((t) => t.table_name);
  // Real ids of every kind (the administrators' excepted, so no fuzzed write can lock the fuzzer out).
  const ids = await Promise.all(
    ['customer', 'interaction', 'purchase', 'survey_response', 'handoff', 'staff_user', 'acquisition_spend'].map((table) =>
      app.sql<{ id: string }>(`select id::text from ${table} where ${table === 'staff_user' ? `email not in ('admin@example.test', '${LOGOUT_EMAIL}')` : 'true'} limit 2`),
    ),
  );
  knownIds = ids.flat().map((r) => r.id);
});
afterAll(() => app?.close());

/**
 * Faults this fuzzer found in modules these tests do not own, reported to their owners: inputs
 * matching one are skipped (not hidden: each is listed here until its fix lands).
 */
const KNOWN_FAULTS: Record<string, (variables: Record<string, any>) => boolean> = {};

describe('every mutation under random input', () => {
  it('covers the customer mutations and ours', () => {
    expect(MUTATION_NAMES).toEqual(expect.arrayContaining(['customerCreate', 'customerUpdate', 'interactionLog', 'interactionLogBatch', 'purchaseRefund', 'acquisitionSpendSet']));
  });

  it.each(MUTATION_NAMES)('%s never fails internally, and when it rejects the input no table changes', async (name) => {
    const mutation = mutations.find((m) => m.name === name)!;
    const document = `mutation(${mutation.args.map((a) => `$${a.name}: ${printType(a.type)}`).join(', ')}) {
      ${name}(${mutation.args.map((a) => `${a.name}: $${a.name}`).join(', ')}) ${selection(mutation.type)} }`;
    const variables = fc.record(Object.fromEntries(mutation.args.map((a) => [a.name, arbitrary(a.type)])));
    await fc.assert(
      fc.asyncProperty(variables, async (vars) => {
        fc.pre(!KNOWN_FAULTS[name]?.(vars));
        // logout ends the session it is sent with: give it one of its own, not the fuzzer's.
        const bearer = name === 'logout' ? await signInAgain() : token;
        const before = await rowCounts();
        const response: GraphQLResponse = await app.graphql(document, vars, bearer);
        const context = `${name} ${JSON.stringify(vars).slice(0, 500)} → ${JSON.stringify(response).slice(0, 500)}`;
        expect(response.status, context).toBeLessThan(500);
        for (const error of response.errors ?? []) expect(CLIENT_CODES.has(error.extensions?.code), context).toBe(true);
        const payload = response.data?.[name];
        const rejected =
          Boolean(response.errors?.length) ||
          Boolean(payload?.userErrors?.length) ||
          (Array.isArray(payload?.results) && payload.results.every((r: { userErrors: unknown[] }) => r.userErrors.length > 0));
        if (rejected) expect(await rowCounts(), context).toEqual(before);
      }),
      { numRuns: RUNS_PER_MUTATION, seed: seedFor(name), endOnFailure: true },
    );
  });
});
