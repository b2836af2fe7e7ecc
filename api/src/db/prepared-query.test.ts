import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { entities } from '../modules/registry.js';
import { initOrm, type Orm } from './orm.js';
import { preparedQuery, query } from './sql.js';
import { withStatementScope, type StatementScope } from './statement-counter.js';
import { createDatabase, dropDatabase } from './test-database.js';

let orm: Orm;
let url: string;

beforeAll(async () => {
  url = await createDatabase(inject('postgresServerUrl'), { prefix: 'prepared' });
  orm = await initOrm({ clientUrl: url, entities, poolMax: 2 });
  await query(orm.em.fork(), 'create table note (id int primary key, body text, at timestamptz)');
  await query(orm.em.fork(), `insert into note values (1, 'one', '2026-01-01T00:00:00Z'), (2, 'two', '2026-02-01T00:00:00Z'), (3, null, null)`);
});
afterAll(async () => {
  await orm?.close();
  if (url) await dropDatabase(inject('postgresServerUrl'), new URL(url).pathname.slice(1));
});

const NOTES_BEFORE = 'select id, body from note where at < ? and id = any(?::int[]) order by id';

describe('preparedQuery', () => {
  it('answers as query does, with values as parameters (dates, arrays, nulls), on every pooled connection', async () => {
    const params = [new Date('2026-01-15T00:00:00Z'), '{1,2,3}'];
    const expected = await query(orm.em.fork(), NOTES_BEFORE, params);
    expect(expected).toEqual([{ id: 1, body: 'one' }]);
    // More requests at once than the pool has connections: each connection prepares it once.
    const answers = await Promise.all(Array.from({ length: 6 }, () => preparedQuery(orm.em.fork(), NOTES_BEFORE, params)));
    for (const answer of answers) expect(answer).toEqual(expected);
    expect(await preparedQuery(orm.em.fork(), 'select count(*)::int as n from note where body is not distinct from ?', [null])).toEqual([{ n: 1 }]);
  });

  it('is a named statement of the server, prepared on the pooled connection and kept there', async () => {
    const marked = `${NOTES_BEFORE} /* marked */`;
    const preparedCount = `select count(*)::int as n from pg_prepared_statements where statement like '%/* marked */%'`;
    const rows = await orm.em.fork().transactional(async (tx) => {
      // Inside a transaction it runs as an ordinary statement on the transaction's connection…
      expect(await preparedQuery(tx, marked, [new Date('2026-03-01T00:00:00Z'), '{1,2}'])).toEqual([{ id: 1, body: 'one' }, { id: 2, body: 'two' }]);
      return query<{ n: number }>(tx, preparedCount);
    });
    expect(rows).toEqual([{ n: 0 }]);
    // …outside one, on a pooled connection that keeps it (asked on both connections of the pool at once, one has it).
    await preparedQuery(orm.em.fork(), marked, [new Date(), '{1}']);
    const seen = await Promise.all([0, 1].map(() => orm.em.fork().transactional((tx) => query<{ n: number }>(tx, `select (${preparedCount}) as n, pg_sleep(0.05) is null as slept`))));
    expect(seen.map(([row]) => row!.n).sort()).toEqual([0, 1]);
  });

  it('counts each statement in the scope of the request, like every ORM statement', async () => {
    const scope: StatementScope = { count: 0, statements: [] };
    await withStatementScope(scope, async () => {
      await preparedQuery(orm.em.fork(), NOTES_BEFORE, [new Date(), '{1}']);
      await preparedQuery(orm.em.fork(), NOTES_BEFORE, [new Date(), '{2}']);
    });
    expect(scope.count).toBe(2);
    expect(scope.statements).toEqual([NOTES_BEFORE, NOTES_BEFORE]);
  });

  it('refuses a parameter count that does not match the placeholders, and knex-only syntax', async () => {
    await expect(preparedQuery(orm.em.fork(), NOTES_BEFORE, [new Date()])).rejects.toThrow('2 placeholders but 1 parameters');
    await expect(preparedQuery(orm.em.fork(), 'select ?? from note', ['id'])).rejects.toThrow('not supported');
  });

  it('reports a database error and leaves the connection usable', async () => {
    await expect(preparedQuery(orm.em.fork(), 'select id from note where id = ?::int', ['not a number'])).rejects.toThrow(/invalid input syntax/);
    expect(await preparedQuery(orm.em.fork(), 'select id from note where id = ?::int', [2])).toEqual([{ id: 2 }]);
  });
});
