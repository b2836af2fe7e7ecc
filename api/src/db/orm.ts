import path from 'node:path';
import { MikroORM, defineConfig, type EntityClass } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { CountingLogger } from './statement-counter.js';
import { migrationsList } from './migrations/index.js';

export interface OrmSettings {
  clientUrl: string;
  entities: EntityClass<unknown>[];
  logSql?: boolean;
  poolMax?: number;
}

export function ormConfig(settings: OrmSettings) {
  return defineConfig({
    clientUrl: settings.clientUrl,
    entities: settings.entities,
    // Timestamps are timestamptz and always read and written in UTC.
    forceUtcTimezone: true,
    pool: { min: 0, max: settings.poolMax ?? 10 },
    debug: settings.logSql ? ['query', 'query-params'] : false,
    loggerFactory: (options) => new CountingLogger(options),
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: path.resolve(import.meta.dirname, 'migrations'),
      pathTs: path.resolve(import.meta.dirname, 'migrations'),
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp, name) => `Migration${timestamp}${name ? '_' + name : ''}`,
    },
    // Rollup tables have no entity: they are written by triggers and read by raw SQL only, so
    // the schema diff (migration:create, the migrations test) must not offer to drop them.
    schemaGenerator: { skipTables: ['revenue_hourly', 'inbound_response_hourly'] },
    // The schema belongs to the migrations; never let the ORM guess it at runtime.
    discovery: { warnWhenNoEntities: true },
    allowGlobalContext: false,
  });
}

export type Orm = MikroORM;

export async function initOrm(settings: OrmSettings): Promise<Orm> {
  return MikroORM.init(ormConfig(settings));
}

/** Applies every pending migration, in one transaction. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
