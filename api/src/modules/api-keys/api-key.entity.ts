import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { StaffUser } from '../staff/staff-user.entity.js';

/**
 * An integrator's key. The secret is shown once at creation and stored only as its SHA-256
 * (`secretHash`); `prefix` is the public part, shown in lists so people can tell keys apart.
 */
@Entity({ tableName: 'api_key' })
@Index({ name: 'api_key_created_by', properties: ['createdBy'] })
@Check({ name: 'api_key_scopes_known', expression: `cardinality(scopes) > 0 and scopes <@ array['READ', 'WRITE', 'IMPORT']::text[]` })
export class ApiKey {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 16 })
  @Unique({ name: 'api_key_prefix_unique' })
  prefix!: string;

  /** Hex SHA-256 of the whole key (`c360_<prefix>_<secret>`). */
  @Property({ type: 'string', length: 64 })
  @Unique({ name: 'api_key_secret_hash_unique' })
  secretHash!: string;

  /** READ, WRITE, IMPORT (at least one). */
  @Property({ type: 'text[]' })
  scopes!: string[];

  /** Limited to these resources (access/permissions.ts names); null: every resource its scopes allow. */
  @Property({ type: 'text[]', nullable: true })
  resources: string[] | null = null;

  @Property({ type: 'datetime', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  /** Updated at most once a minute per key, so reads do not turn into writes. */
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;

  @ManyToOne(() => StaffUser, { fieldName: 'created_by', deleteRule: 'restrict' })
  createdBy!: StaffUser;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
