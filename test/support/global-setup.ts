import 'reflect-metadata';
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres, type RunningPostgres } from '../../api/src/db/embedded.js';
import { initOrm, migrate } from '../../api/src/db/orm.js';
import { TEMPLATE_DATABASE, createDatabase, databaseUrl, dropDatabase } from '../../api/src/db/test-database.js';
import { entities } from '../../api/src/modules/registry.js';


/**
 * Starts one PostgreSQL for the whole run (embedded, or TEST_DATABASE_URL's server) and migrates
 * a template database once; each test file then copies the template.
 */
export default async function setup(project: TestProject) {
  let postgres: RunningPostgres | null = null;
  const serverUrl = process.env.TEST_DATABASE_URL || (postgres = await startThrowawayPostgres()).url;
  const templateName = `${TEMPLATE_DATABASE}_${process.pid}`;
  await dropDatabase(serverUrl, templateName);
  const scratch = await createDatabase(serverUrl, { prefix: 'migrate' });
  const orm = await initOrm({ clientUrl: scratch, entities });
  await migrate(orm);
  await orm.close();
  // A template must have no connections while it is copied: rename the migrated scratch database.
  const scratchName = new URL(scratch).pathname.slice(1);
  const pg = await import('pg');
  const admin = new pg.default.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`alter database "${scratchName}" rename to "${templateName}"`);
  await admin.end();

  project.provide('postgresServerUrl', serverUrl);
  project.provide('templateDatabase', templateName);

  return async () => {
    if (postgres) await postgres.stop();
    else await dropDatabase(serverUrl, templateName);
  };
}
