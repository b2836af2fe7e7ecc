/*
 * PostGraphile 5 (amber preset) serving the benchmark database's `bench_pg` schema (see
 * ../postgraphile-schema.ts) on a bare node `http` server. Runs under Node ≥ 22, with the
 * packages of this folder's package.json (installed by the bench with npm):
 *
 *   npx -y node@24 test/bench/postgraphile/server.ts <database url> <port> [pool size]
 *
 * Only erasable TypeScript here: Node runs this file by stripping the types.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { postgraphile } = require('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');

const [connectionString, port, poolSize] = process.argv.slice(2);
if (!connectionString || !port) {
  console.error('usage: server.ts <database url> <port> [pool size]');
  process.exit(2);
}

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString, schemas: ['bench_pg'], poolConfig: { max: Number(poolSize ?? 16) } })],
  grafserv: { port: Number(port), host: '127.0.0.1', graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (error: Error) => {
  console.error(error);
  process.exit(1);
});
await serv.addTo(server);
server.listen(Number(port), '127.0.0.1', () => console.log(`postgraphile listening on http://127.0.0.1:${port}/graphql`));
process.once('SIGTERM', () => {
  server.close();
  void pgl.release().then(() => process.exit(0));
});
