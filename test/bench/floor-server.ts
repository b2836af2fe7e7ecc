import http from 'node:http';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { SATISFACTION_SQL, healthSql, lifetimeValueSql, slaStateSql, timelineSql } from './figures-sql.js';

/*
 * The floor: the customer-360 page answered by one hand-written SQL statement (json_agg over
 * lateral joins) through node-postgres on a bare `http` server — what this hardware can do at
 * best for the same answer. Figures are computed only for the customers on the page.
 *
 *   POST / {"query":"page","asOf":"…","first":50,"offset":0 | "after":"<value>|<id>"}
 *   POST / {"query":"customer","asOf":"…","id":"…"}
 *   POST / {"query":"search","search":"son","segments":[…],"stages":[…],"first":20}
 *
 * Usage: npx tsx test/bench/floor-server.ts <database url> <port> [pool size]
 */

const AS_OF = '$1::timestamptz';

/** The page's customers as JSON, in the order of `ordinal`. `pageSql` selects customer rows with an `ordinal` column. */
function page360(pageSql: string): string {
  return `select json_build_object('nodes', coalesce(json_agg(json_build_object(
      'id', c.id, 'name', c.name, 'cursor', c.historical_value::text || '|' || c.id,
      'lifetimeValue', json_build_object('currency', ltv.currency, 'historicalValue', ltv.historical_value,
        'purchaseCount', ltv.purchase_count, 'averagePurchaseValue', ltv.average_purchase_value),
      'satisfaction', json_build_object('latestNpsCategory', sat.latest_nps_category, 'csatScore', sat.csat_score,
        'npsScore', sat.nps_score, 'cesAverage', sat.ces_average),
      'health', json_build_object('score', health.score, 'churnRisk', health.churn_risk),
      'slaState', json_build_object('openBreaches', sla.open_breaches, 'oldestBreachDueAt', sla.oldest_breach_due_at),
      'timeline', timeline.events) order by c.ordinal), '[]'::json))::text as body
    from (${pageSql}) as c
    cross join lateral ${lifetimeValueSql(AS_OF)} as ltv
    cross join lateral ${SATISFACTION_SQL} as sat
    cross join lateral ${healthSql(AS_OF)} as health
    cross join lateral ${slaStateSql(AS_OF)} as sla
    cross join lateral (select coalesce(json_agg(json_build_object('id', e.id, 'kind', e.kind, 'occurredAt', e.occurred_at) order by e.position), '[]'::json) as events
                          from ${timelineSql('10')} as e) as timeline`;
}

/** Active customers, by lifetime value (the rollup column and its index), descending. */
const PAGE_BY_OFFSET = page360(`select c.*, row_number() over (order by c.historical_value desc, c.id desc) as ordinal from (
    select * from customer c where c.archived_at is null and c.lifecycle_stage = 'CUSTOMER'
     order by c.historical_value desc, c.id desc limit $2 offset $3) as c`);
const PAGE_AFTER = page360(`select c.*, row_number() over (order by c.historical_value desc, c.id desc) as ordinal from (
    select * from customer c where c.archived_at is null and c.lifecycle_stage = 'CUSTOMER'
       and (c.historical_value, c.id) < ($3::numeric, $4::uuid)
     order by c.historical_value desc, c.id desc limit $2) as c`);
const ONE_CUSTOMER = page360(`select c.*, 1 as ordinal from customer c where c.id = $2::uuid`);
const SEARCH = `select json_build_object('totalCount', (select count(*) from customer c where ${'$where'}),
    'nodes', coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name, 'email', p.email, 'company', p.company) order by p.name, p.id)
      from (select * from customer c where ${'$where'} order by c.name, c.id limit $4) as p), '[]'::json))::text as body`.replaceAll(
  '$where',
  `c.archived_at is null and c.segment = any($2::text[]) and c.lifecycle_stage = any($3::text[])
     and lower(c.name || ' ' || coalesce(c.email, '') || ' ' || coalesce(c.company, '')) like $1`,
);

export interface FloorRequest {
  query: 'page' | 'customer' | 'search';
  asOf?: string;
  first?: number;
  offset?: number;
  after?: string;
  id?: string;
  search?: string;
  segments?: string[];
  stages?: string[];
}

function likeContains(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}

/** The one statement and its parameters for a request. */
export function floorStatement(request: FloorRequest): { text: string; values: unknown[] } {
  switch (request.query) {
    case 'page':
      if (request.after) {
        const [value, id] = request.after.split('|');
        return { text: PAGE_AFTER, values: [request.asOf, request.first ?? 50, value, id] };
      }
      return { text: PAGE_BY_OFFSET, values: [request.asOf, request.first ?? 50, request.offset ?? 0] };
    case 'customer':
      return { text: ONE_CUSTOMER, values: [request.asOf, request.id] };
    case 'search':
      return { text: SEARCH, values: [likeContains(request.search ?? ''), request.segments ?? [], request.stages ?? [], request.first ?? 20] };
    default:
      throw new Error(`unknown query ${String(request.query)}`);
  }
}

export function startFloorServer(databaseUrl: string, port: number, poolSize = 16): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      try {
        const statement = floorStatement(JSON.parse(Buffer.concat(chunks).toString('utf8')) as FloorRequest);
        const result = await pool.query<{ body: string }>(statement);
        const body = `{"data":${result.rows[0]!.body},"extensions":{"sqlStatements":1}}`;
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }));
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${address.port}/`,
        close: async () => {
          await new Promise((done) => server.close(done));
          await pool.end();
        },
      });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [databaseUrl, port, poolSize] = process.argv.slice(2);
  if (!databaseUrl || !port) {
    console.error('usage: floor-server.ts <database url> <port> [pool size]');
    process.exit(2);
  }
  const running = await startFloorServer(databaseUrl, Number(port), Number(poolSize ?? 16));
  console.log(`floor listening on ${running.url}`);
  process.once('SIGTERM', () => void running.close().then(() => process.exit(0)));
}
