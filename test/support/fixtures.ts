import type { TestApp } from './app.js';

/** Arrange helpers: insert rows directly, so a test states exactly the data it reasons about. */
export interface CustomerSeed {
  name: string;
  email?: string | null;
  company?: string | null;
  segment?: string;
  lifecycleStage?: string;
  acquisitionChannel?: string;
  ownerId?: string | null;
  createdAt?: string;
  churnedAt?: string | null;
  archivedAt?: string | null;
}

export async function insertStaff(app: TestApp, name: string, role: string, team: string | null): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.test`;
  const [row] = await app.sql<{ id: string }>(
    `insert into staff_user (email, name, role, team, password_hash) values (?, ?, ?, ?, 'scrypt$unused') returning id`,
    [email, name, role, team],
  );
  return row!.id;
}

export async function insertCustomer(app: TestApp, seed: CustomerSeed): Promise<string> {
  const stage = seed.lifecycleStage ?? 'CUSTOMER';
  const [row] = await app.sql<{ id: string }>(
    `insert into customer (name, email, company, segment, lifecycle_stage, acquisition_channel, owner_id, created_at, acquired_at, churned_at, churn_reason, archived_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    [
      seed.name,
      seed.email === undefined ? `${seed.name.toLowerCase().replace(/\W+/g, '.')}@example.test` : seed.email,
      seed.company ?? null,
      seed.segment ?? 'SMALL_BUSINESS',
      stage,
      seed.acquisitionChannel ?? 'ORGANIC_SEARCH',
      seed.ownerId ?? null,
      seed.createdAt ?? '2026-01-01T00:00:00Z',
      stage === 'CUSTOMER' || stage === 'CHURNED' ? (seed.createdAt ?? '2026-01-01T00:00:00Z') : null,
      stage === 'CHURNED' ? (seed.churnedAt ?? '2026-06-01T00:00:00Z') : null,
      stage === 'CHURNED' ? 'Price too high' : null,
      seed.archivedAt ?? null,
    ],
  );
  return row!.id;
}

/** Gives each customer `perCustomer` rows in each related list, one day apart. */
export async function insertRelatedRows(app: TestApp, customerIds: string[], perCustomer: number, staffId: string): Promise<void> {
  const ids = `{${customerIds.join(',')}}`;
  const series = `from unnest(?::uuid[]) as c(id) cross join generate_series(1, ?) as n`;
  await app.sql(
    `insert into interaction (customer_id, channel, direction, team, occurred_at, staff_id, subject)
     select c.id, 'EMAIL', 'INBOUND', 'SERVICE', timestamptz '2026-03-01' + n * interval '1 day', ?, 'Question ' || n ${series}`,
    [staffId, ids, perCustomer],
  );
  await app.sql(
    `insert into purchase (customer_id, amount, currency, kind, purchased_at, product)
     select c.id, 100.10 * n, 'USD', 'ONE_TIME', timestamptz '2026-03-01' + n * interval '1 day', 'Plan ' || n ${series}`,
    [ids, perCustomer],
  );
  await app.sql(
    `insert into survey_response (customer_id, kind, score, responded_at)
     select c.id, 'NPS', n % 11, timestamptz '2026-03-01' + n * interval '1 day' ${series}`,
    [ids, perCustomer],
  );
  await app.sql(
    `insert into handoff (customer_id, from_team, to_team, from_staff_id, summary, customer_goals, commitments, requested_at, due_at)
     select c.id, 'SALES', 'SERVICE', ?, 'Summary ' || n, 'Goals', 'Commitments', timestamptz '2026-03-01' + n * interval '1 day',
            timestamptz '2026-03-02' + n * interval '1 day' ${series}`,
    [staffId, ids, perCustomer],
  );
}
