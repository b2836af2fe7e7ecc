import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_LIMITS } from '../../api/src/graphql/limits/defaults.js';
import { createTestApp, type GraphQLResponse, type TestApp } from '../support/app.js';
import { insertCustomer } from '../support/fixtures.js';

/** The introspection query GraphiQL and code generators send, from the API's own graphql-js (a dependency of api/, not of test/). */
const { getIntrospectionQuery } = createRequire(new URL('../../api/package.json', import.meta.url))('graphql') as {
  getIntrospectionQuery(options?: Record<string, boolean>): string;
};

let app: TestApp;
let token: string;
let customerId: string;

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  customerId = await insertCustomer(app, { name: 'Ada Lovelace' });
});

afterAll(async () => {
  await app?.close();
});

const { maxDepth, maxCost, maxAliases, maxTokens } = DEFAULT_QUERY_LIMITS;
/** What CustomerCreateInput requires besides the name. */
const REQUIRED = 'segment: SMALL_BUSINESS, acquisitionChannel: ORGANIC_SEARCH';

/** A query exactly `depth` fields deep: customer → interactions → nodes → customer → … → __typename. */
function queryOfDepth(depth: number): string {
  const chain = ['customer(id: $id)', 'interactions(first: 1)', 'nodes'];
  const fields = Array.from({ length: depth - 1 }, (_, i) => (i === 0 ? chain[0] : i % 3 === 0 ? 'customer' : chain[i % 3]));
  return `query($id: ID!) { ${fields.map((f) => `${f} {`).join(' ')} __typename ${'}'.repeat(depth - 1)} }`;
}

/** 99 customers × 99 interactions each: 1 + 99 × (1 + 1 + 99 × 1) = 10,000 points with default limits. */
const COSTLY = `query($customers: Int!, $interactions: Int!) {
  customers(first: $customers) { nodes { interactions(first: $interactions) { nodes { id } } } }
}`;

function expectRefused(result: GraphQLResponse, code: string, limit: number, actual: number) {
  expect(result.data).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0]!.extensions).toMatchObject({ code, limit, actual });
  expect(result.errors![0]!.message).toContain(String(limit));
  expect(result.errors![0]!.message).toContain(String(actual));
}

describe('query limits, each just under and just over', () => {
  it(`accepts ${maxDepth} levels of fields and refuses ${maxDepth + 1}`, async () => {
    const under = await app.graphql(queryOfDepth(maxDepth), { id: customerId }, token);
    expect(under.errors).toBeUndefined();
    expect(under.data.customer.interactions.nodes).toEqual([]);

    const over = await app.graphql(queryOfDepth(maxDepth + 1), { id: customerId }, token);
    expect(over.status).toBe(400);
    expectRefused(over, 'QUERY_TOO_DEEP', maxDepth, maxDepth + 1);
  });

  it(`accepts ${maxAliases} aliases and refuses ${maxAliases + 1}`, async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const under = await app.graphql(aliases(maxAliases), {}, token);
    expect(under.errors).toBeUndefined();
    expect(Object.keys(under.data)).toHaveLength(maxAliases);

    const over = await app.graphql(aliases(maxAliases + 1), {}, token);
    expect(over.status).toBe(400);
    expectRefused(over, 'TOO_MANY_ALIASES', maxAliases, maxAliases + 1);
  });

  it('counts aliases inside fragments at every use', async () => {
    const half = Math.ceil((maxAliases + 1) / 2);
    const fragment = `fragment Many on Query { ${Array.from({ length: half }, (_, i) => `f${i}: __typename`).join(' ')} }`;
    const result = await app.graphql(`{ ...Many ... on Query { ...Many } } ${fragment}`, {}, token);
    expectRefused(result, 'TOO_MANY_ALIASES', maxAliases, half * 2);
  });

  it(`accepts ${maxTokens} tokens and refuses ${maxTokens + 1}, before parsing`, async () => {
    // 16 tokens around n strings; comments and commas do not count.
    const document = (tokens: number) =>
      `# a comment is not a token\n{ customers(filter: { tags: [${Array.from({ length: tokens - 16 }, () => '"vip"').join(', ')}] }) { totalCount } }`;
    const under = await app.graphql(document(maxTokens), {}, token);
    expect(under.errors).toBeUndefined();
    expect(under.data).toEqual({ customers: { totalCount: 0 } });

    const over = await app.graphql(document(maxTokens + 1), {}, token);
    expect(over.status).toBe(400);
    expectRefused(over, 'TOO_MANY_TOKENS', maxTokens, maxTokens + 1);
  });

  it('accepts first: 100 on any connection and refuses 101 before execution, from a literal or a variable', async () => {
    const nested = 'query($id: ID!, $first: Int) { customer(id: $id) { timeline(first: $first) { totalCount } } }';
    const under = await app.graphql(nested, { id: customerId, first: 100 }, token);
    expect(under.errors).toBeUndefined();
    expect(under.data.customer.timeline.totalCount).toBe(0);

    const over = await app.graphql(nested, { id: customerId, first: 101 }, token);
    expect(over.data).toBeUndefined();
    expect(over.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'INVALID',
      field: ['first'],
      connection: 'Customer.timeline',
      limit: 100,
      actual: 101,
    });
    expect(over.errors![0]!.message).toMatch(/between 0 and 100, got 101/);

    const literal = await app.graphql('{ customers(first: 101) { totalCount } }', {}, token);
    expect(literal.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', connection: 'Query.customers', limit: 100, actual: 101 });
  });

  it(`accepts an operation costing ${maxCost} points and refuses one costing ${maxCost + 1}, counting variables`, async () => {
    const under = await app.graphql(COSTLY, { customers: 99, interactions: 99 }, token);
    expect(under.errors).toBeUndefined();
    expect(under.extensions?.cost).toMatchObject({ requestedCost: maxCost, maximumCost: maxCost });

    // The same document, one more interaction per customer: 1 + 99 × 102.
    const over = await app.graphql(COSTLY, { customers: 99, interactions: 100 }, token);
    expect(over.status).toBe(400);
    expectRefused(over, 'QUERY_TOO_COSTLY', maxCost, 1 + 99 * 102);
    expect(over.extensions?.cost).toMatchObject({ requestedCost: 1 + 99 * 102 });
  });

  it('refuses a mutation over a limit without running it', async () => {
    const aliases = Array.from({ length: maxAliases + 1 }, (_, i) => `c${i}: customerCreate(input: { name: "Alias ${i}", ${REQUIRED} }) { customer { id } }`).join(' ');
    const result = await app.graphql(`mutation { ${aliases} }`, {}, token);
    expect(result.errors![0]!.extensions!.code).toBe('TOO_MANY_ALIASES');
    expect(await app.sql(`select id from customer where name like 'Alias %'`)).toEqual([]);
  });

  it('lets the standard introspection query through and refuses introspection that recurses through types', async () => {
    const standard = await app.graphql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }), {}, token);
    expect(standard.errors).toBeUndefined();
    expect(standard.data.__schema.queryType.name).toBe('Query');

    const recursive = await app.graphql('{ __schema { types { fields { type { fields { name } } } } } }', {}, token);
    expect(recursive.status).toBe(400);
    expectRefused(recursive, 'INTROSPECTION_TOO_DEEP', 1, 2);
  });
});

describe('the cost model', () => {
  const costOf = async (query: string, variables: Record<string, unknown> = {}) => {
    const result = await app.graphql(query, { id: customerId, ...variables }, token);
    expect(result.errors).toBeUndefined();
    return result.extensions!.cost.requestedCost as number;
  };

  it('charges nothing for scalars, 1 per object, and a connection its `first` times what each item selects', async () => {
    expect(await costOf('query($id: ID!) { customer(id: $id) { id name email } }')).toBe(1);
    expect(await costOf('query($id: ID!) { customer(id: $id) { owner { name } } }')).toBe(2);
    // customers 1 + totalCount 1 + 20 (the default page) × node 1.
    expect(await costOf('{ customers { totalCount nodes { id } } }')).toBe(22);
    expect(await costOf('{ customers(first: 50) { nodes { id } edges { cursor node { id } } pageInfo { hasNextPage } } }')).toBe(1 + 50 + 50);
    // Each customer's purchases: 1 + 5 × 1 per customer.
    expect(await costOf('query($n: Int) { customers(first: $n) { nodes { purchases(first: 5) { nodes { amount } } } } }', { n: 10 })).toBe(1 + 10 * (1 + 1 + 5));
  });

  it('charges the computed customer 360 more than plain columns', async () => {
    const plain = await costOf('query($id: ID!) { customer(id: $id) { name } }');
    const computed = await costOf('query($id: ID!) { customer(id: $id) { lifetimeValue { historicalValue } health { score } satisfaction { csat { score } } slaState { openBreaches } } }');
    expect(plain).toBe(1);
    expect(computed).toBe(1 + 3 + 3 + (3 + 1) + 2);
  });

  it('counts a fragment as if its fields were written in place, and only the dearest branch of a union', async () => {
    const inline = await costOf('query($id: ID!) { customer(id: $id) { owner { name } purchases(first: 3) { nodes { id } } } }');
    const spread = await costOf('query($id: ID!) { customer(id: $id) { ...F } } fragment F on Customer { owner { name } purchases(first: 3) { nodes { id } } }');
    expect(spread).toBe(inline);
    const timeline = await costOf(`query($id: ID!) { customer(id: $id) { timeline(first: 10) { nodes {
      ... on InteractionEvent { interaction { staff { name } } }
      ... on PurchaseEvent { purchase { id } }
    } } } }`);
    // customer 1 + timeline 2 + 10 × (node 1 + the dearer branch: interaction 1 + staff 1).
    expect(timeline).toBe(1 + 2 + 10 * 3);
  });

  it('skips what @skip and @include leave out', async () => {
    const query = 'query($id: ID!, $with: Boolean!) { customer(id: $id) { owner @include(if: $with) { name } } }';
    expect(await costOf(query, { with: true })).toBe(2);
    expect(await costOf(query, { with: false })).toBe(1);
  });

  it('charges a mutation a fixed 10 plus one per batch item', async () => {
    const create = await app.graphql(`mutation { customerCreate(input: { name: "Costed", ${REQUIRED} }) { customer { id } userErrors { code } } }`, {}, token);
    expect(create.data.customerCreate.userErrors).toEqual([]);
    expect(create.extensions!.cost.requestedCost).toBe(10 + 1 + 1);
    const items = Array.from({ length: 3 }, (_, i) => ({ customerId, amount: '1.00', currency: 'USD', kind: 'ONE_TIME', externalId: `costed-${i}` }));
    const batch = await app.graphql(
      'mutation($input: PurchaseRecordBatchInput!) { purchaseRecordBatch(input: $input) { results { index } userErrors { code } } }',
      { input: { items } },
      token,
    );
    expect(batch.errors).toBeUndefined();
    expect(batch.extensions!.cost.requestedCost).toBe(10 + 3 + 1 + 1);
  });

  it('reports the cost and the rate-limit budget on every response', async () => {
    const result = await app.graphql('{ me { name } }', {}, token);
    expect(result.extensions!.cost).toEqual({
      requestedCost: 1,
      maximumCost: maxCost,
      rateLimit: { capacity: expect.any(Number), remaining: expect.any(Number), pointsPerMinute: expect.any(Number), resetAt: expect.any(String) },
    });
    expect(new Date(result.extensions!.cost.rateLimit.resetAt).getTime()).not.toBeNaN();
  });
});
