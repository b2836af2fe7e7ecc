import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES } from '../../api/src/config.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertCustomer } from '../support/fixtures.js';

const ALLOWED_ORIGIN = 'https://crm.example.com';
const OTHER_ORIGIN = 'https://evil.example';

let app: TestApp;
let token: string;
let production: TestApp;
let productionToken: string;
const productionLog: string[] = [];

beforeAll(async () => {
  app = await createTestApp();
  token = await app.adminToken();
  production = await createTestApp({ server: { production: true, corsOrigins: [ALLOWED_ORIGIN], log: (message) => productionLog.push(message) } });
  productionToken = await production.adminToken();
});

afterAll(async () => {
  await app?.close();
  await production?.close();
});

function post(target: TestApp, body: string, headers: Record<string, string> = {}) {
  return fetch(`${target.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('security headers', () => {
  it.each(['/graphql', '/', '/healthz'])('are sent on %s', async (path) => {
    const response = await fetch(`${app.url}${path}`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const csp = response.headers.get('content-security-policy');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('add Strict-Transport-Security in production', async () => {
    const response = await fetch(`${production.url}/healthz`);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});

describe("Apollo's CSRF prevention", () => {
  it('refuses a GET without a preflight-forcing header, and answers one with it', async () => {
    const url = `${app.url}/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/Cross-Site Request Forgery/);
    const preflighted = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toMatchObject({ data: { __typename: 'Query' } });
  });

  it('refuses a simple (text/plain) POST, which a browser sends cross-site without a preflight', async () => {
    const response = await post(app, JSON.stringify({ query: 'mutation { customerCreate(input: { name: "Forged", segment: SMALL_BUSINESS, acquisitionChannel: ORGANIC_SEARCH }) { customer { id } } }' }), {
      'content-type': 'text/plain',
      authorization: `Bearer ${token}`,
    });
    expect(response.status).toBe(400);
    expect(await app.sql(`select id from customer where name = 'Forged'`)).toEqual([]);
  });
});

describe('CORS', () => {
  const query = JSON.stringify({ query: '{ __typename }' });

  it('lets a listed origin call the API, preflight included', async () => {
    const preflight = await fetch(`${production.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const response = await post(production, query, { origin: ALLOWED_ORIGIN });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
  });

  it('refuses any other origin with 403, preflight or not', async () => {
    for (const target of [production, app]) {
      const origin = target === app ? ALLOWED_ORIGIN : OTHER_ORIGIN; // nothing is listed by default
      const preflight = await fetch(`${target.url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      const response = await post(target, query, { origin });
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      const body = (await response.json()) as Record<string, any>;
      expect(body.errors[0].extensions.code).toBe('ORIGIN_NOT_ALLOWED');
      expect(body.errors[0].message).toContain(origin);
    }
  });

  it('serves the console’s own origin and clients that send no Origin', async () => {
    const sameOrigin = await post(app, query, { origin: app.url });
    expect(sameOrigin.status).toBe(200);
    expect((await post(app, query)).status).toBe(200);
  });
});

describe('request body size', () => {
  it('takes a batch of 1,000 purchases (within the body and the cost limits)', async () => {
    const customerId = await insertCustomer(app, { name: 'Big Spender' });
    const items = Array.from({ length: 1000 }, (_, i) => ({
      customerId,
      amount: '1234.5600',
      currency: 'USD',
      kind: 'ONE_TIME',
      product: `Product with a reasonably long descriptive name number ${i}`,
      purchasedAt: '2026-10-01T12:00:00.000Z',
      externalId: `shop-order-${String(i).padStart(8, '0')}`,
    }));
    const body = JSON.stringify({
      query: 'mutation($input: PurchaseRecordBatchInput!) { purchaseRecordBatch(input: $input) { results { index userErrors { code } } userErrors { code } } }',
      variables: { input: { items } },
    });
    expect(body.length).toBeLessThan(DEFAULT_MAX_BODY_BYTES);
    const response = await post(app, body, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    const result = (await response.json()) as Record<string, any>;
    expect(result.errors).toBeUndefined();
    expect(result.data.purchaseRecordBatch.results).toHaveLength(1000);
    expect(result.extensions.cost.requestedCost).toBeGreaterThan(1000);
    expect(await app.sql(`select id from purchase where external_id like 'shop-order-%'`)).toHaveLength(1000);
  });

  it('refuses a body over the limit with 413, naming the limit', async () => {
    const padding = 'x'.repeat(DEFAULT_MAX_BODY_BYTES);
    const response = await post(app, JSON.stringify({ query: '{ __typename }', variables: { padding } }), { authorization: `Bearer ${token}` });
    expect(response.status).toBe(413);
    const body = (await response.json()) as Record<string, any>;
    expect(body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: DEFAULT_MAX_BODY_BYTES });
    expect(body.errors[0].message).toContain(String(DEFAULT_MAX_BODY_BYTES));
  });
});

describe('production mode', () => {
  it('turns introspection off and gives no schema hints in errors', async () => {
    const introspection = await production.graphql('{ __schema { types { name } } }', {}, productionToken);
    expect(introspection.status).toBe(400);
    expect(introspection.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(introspection.errors![0]!.message).toMatch(/introspection is not allowed/i);
    const typo = await production.graphql('{ customerz { totalCount } }', {}, productionToken);
    expect(typo.errors![0]!.message).not.toMatch(/Did you mean/);

    const development = await app.graphql('{ customerz { totalCount } }', {}, token);
    expect(development.errors![0]!.message).toMatch(/Did you mean/);
  });

  it('answers an internal fault with a reference only: no stack, no internal message', async () => {
    // Break the database under the running server: the audit trail's table disappears.
    await production.sql('alter table audit_event rename to audit_event_hidden');
    try {
      const result = await production.graphql('{ auditEvents(first: 1) { nodes { id } } }', {}, productionToken);
      const text = JSON.stringify(result);
      expect(result.errors![0]!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reference: expect.any(String) });
      expect(result.errors![0]!.message).toBe(`Internal server error (reference ${result.errors![0]!.extensions!.reference})`);
      expect(text).not.toMatch(/audit_event|relation|stack|at .*\.ts/);
      // The details go to the server log, under the same reference.
      expect(productionLog.some((line) => line.includes(result.errors![0]!.extensions!.reference) && line.includes('audit_event'))).toBe(true);
    } finally {
      await production.sql('alter table audit_event_hidden rename to audit_event');
    }
  });

  it('answers malformed JSON without echoing the parser’s message', async () => {
    const response = await post(production, '{"query": "{ __typename }", oops');
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, any>;
    expect(body).toEqual({ errors: [{ message: 'Malformed request body', extensions: { code: 'BAD_REQUEST' } }] });
  });
});
