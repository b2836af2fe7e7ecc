/**
 * Times the customers list's filters and orderings against a running server (a page of 50 with
 * the 360 figures), as an integrator would call it. Usage:
 *   npx tsx test/bench/customer-list.ts [url] [email] [password]
 * Prints the median wall time of 5 runs after a warm-up, and the SQL statements each ran.
 */
const [url = 'http://localhost:4000', email = 'admin@customer360.local', password = 'customer360-demo'] = process.argv.slice(2);

async function graphql(query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[]; extensions?: { sqlStatements?: number } };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body;
}

const LIST = `query($filter: CustomerFilter, $orderBy: CustomerOrder) {
  customers(first: 50, filter: $filter, orderBy: $orderBy) {
    totalCount
    nodes { name lastInteractionAt lifetimeValue { historicalValue predictedValue } health { score churnRisk } slaState { openBreaches } }
  }
}`;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const cases: [string, Record<string, unknown>][] = [
  ['default (name)', {}],
  ['search "son"', { filter: { search: 'son' } }],
  ['segment + stage', { filter: { segments: ['ENTERPRISE'], lifecycleStages: ['CUSTOMER'] } }],
  ['owner team + tags', { filter: { teams: ['SUCCESS'], tags: ['vip'] } }],
  ['order by lifetime value desc', { orderBy: { field: 'LIFETIME_VALUE', direction: 'DESC' } }],
  ['lifetime value ≥ 10,000', { filter: { lifetimeValueMin: '10000' } }],
  ['order by last interaction desc', { orderBy: { field: 'LAST_INTERACTION_AT', direction: 'DESC' } }],
  ['no interaction for 90 days', { filter: { lastInteractionBefore: daysAgo(90) } }],
  ['latest NPS detractor', { filter: { latestNpsCategories: ['DETRACTOR'] } }],
  ['open SLA breach', { filter: { hasOpenSlaBreach: true } }],
  ['CSAT below 60 in 90 days', { filter: { csatBelow: { score: '60', withinDays: 90 } } }],
  ['churn risk HIGH', { filter: { churnRisks: ['HIGH'] } }],
  ['order by health asc', { orderBy: { field: 'HEALTH', direction: 'ASC' } }],
  ['HIGH risk enterprise customers', { filter: { churnRisks: ['HIGH'], segments: ['ENTERPRISE'], lifecycleStages: ['CUSTOMER'] } }],
];

const login = await graphql('mutation($i: LoginInput!) { login(input: $i) { token } }', { i: { email, password } });
const token = login.data.login.token as string;
console.log('| query | median ms | statements | matches |');
console.log('| --- | ---: | ---: | ---: |');
for (const [label, variables] of cases) {
  await graphql(LIST, variables, token);
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof graphql>> | undefined;
  for (let i = 0; i < 5; i += 1) {
    const started = performance.now();
    last = await graphql(LIST, variables, token);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`| ${label} | ${times[2]!.toFixed(0)} | ${last!.extensions?.sqlStatements} | ${last!.data.customers.totalCount} |`);
}
