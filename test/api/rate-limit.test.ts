import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/app.js';
import { insertStaff } from '../support/fixtures.js';

/** The rate limiter's clock, moved by the tests: refills are computed from it, never from waiting. */
let clock = Date.parse('2026-11-01T09:00:00Z');
const advance = (seconds: number) => {
  clock += seconds * 1000;
};

// 60 points a minute (one a second), at most 100 in the bucket.
const POINTS_PER_MINUTE = 60;
const CAPACITY = 100;
let app: TestApp;
let adminToken: string;

/** 1 (customers) + 24 × 1 (each node): 25 points. */
const QUARTER = '{ customers(first: 24) { nodes { id } } }';

async function login(email: string, password: string) {
  return app.graphql('mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }', { input: { email, password } });
}

async function post(query: string, token: string) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, any> };
}

beforeAll(async () => {
  app = await createTestApp({ server: { rateLimit: { pointsPerMinute: POINTS_PER_MINUTE, capacity: CAPACITY, now: () => clock } } });
  adminToken = await app.adminToken();
  advance(3600); // the login spent from the address's bucket, not the admin's; start every bucket full
});

afterAll(async () => {
  await app?.close();
});

describe('rate limiting per principal (token bucket)', () => {
  it('spends each operation’s cost, refuses with RATE_LIMITED and a retry time when the bucket is empty, and refills with time', async () => {
    const remaining: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const ok = await post(QUARTER, adminToken);
      expect(ok.status).toBe(200);
      expect(ok.body.extensions.cost.requestedCost).toBe(25);
      remaining.push(ok.body.extensions.cost.rateLimit.remaining);
    }
    expect(remaining).toEqual([75, 50, 25, 0]);

    const refused = await post(QUARTER, adminToken);
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('25');
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 25, limit: CAPACITY, actual: 25 });
    expect(refused.body.errors[0].message).toMatch(/costs 25 points and 0 of 100 are left.*Retry in 25 s/);
    expect(refused.body.extensions.cost.rateLimit).toMatchObject({ remaining: 0, capacity: CAPACITY, pointsPerMinute: POINTS_PER_MINUTE });

    advance(24);
    const early = await post(QUARTER, adminToken);
    expect(early.status).toBe(429);
    expect(early.body.errors[0].extensions.retryAfterSeconds).toBe(1);

    advance(1);
    const refilled = await post(QUARTER, adminToken);
    expect(refilled.status).toBe(200);
    expect(refilled.body.extensions.cost.rateLimit.remaining).toBe(0);

    // Full again after 100 s of refill, never beyond the capacity.
    advance(1000);
    const full = await post('{ me { name } }', adminToken);
    expect(full.body.extensions.cost.rateLimit.remaining).toBe(CAPACITY - 1);
  });

  it('refuses before execution: a rate-limited mutation writes nothing', async () => {
    advance(1000);
    for (let i = 0; i < 4; i += 1) expect((await post(QUARTER, adminToken)).status).toBe(200);
    const refused = await post('mutation { customerCreate(input: { name: "Over budget", segment: SMALL_BUSINESS, acquisitionChannel: ORGANIC_SEARCH }) { customer { id } } }', adminToken);
    expect(refused.status).toBe(429);
    expect(await app.sql(`select id from customer where name = 'Over budget'`)).toEqual([]);
  });

  it('meters each principal on its own: another staff member is unaffected', async () => {
    advance(1000);
    const samId = await insertStaff(app, 'Sam Sales', 'SALES', 'SALES');
    await app.sql(`update staff_user set password_hash = (select password_hash from staff_user where email = ?) where id = ?`, [ADMIN_EMAIL, samId]);
    const samToken = (await login('sam.sales@example.test', ADMIN_PASSWORD)).data.login.token as string;

    for (let i = 0; i < 4; i += 1) expect((await post(QUARTER, adminToken)).status).toBe(200);
    expect((await post(QUARTER, adminToken)).status).toBe(429);

    const sam = await post(QUARTER, samToken);
    expect(sam.status).toBe(200);
    expect(sam.body.extensions.cost.rateLimit.remaining).toBe(75);
  });

  it('meters callers without a token by their address', async () => {
    advance(1000);
    // login: 10 (a mutation) + 1 (the userErrors list): 11 points from the address's bucket.
    const answers = [];
    for (let i = 0; i < 10; i += 1) answers.push(await login(ADMIN_EMAIL, ADMIN_PASSWORD));
    expect(answers.slice(0, 9).every((answer) => answer.status === 200 && answer.extensions!.cost.requestedCost === 11)).toBe(true);
    expect(answers[9]!.status).toBe(429);
    expect(answers[9]!.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 10 });
    // The signed-in admin's own budget is separate.
    expect((await post('{ me { name } }', adminToken)).status).toBe(200);
  });
});
