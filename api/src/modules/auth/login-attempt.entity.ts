import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A failed sign-in, kept in PostgreSQL so every API process sees the same count (see
 * login-throttle.ts). Only failures are stored; a success deletes the account's.
 */
@Entity({ tableName: 'login_attempt' })
@Index({ name: 'login_attempt_email_time', properties: ['email', 'attemptedAt'] })
@Index({ name: 'login_attempt_address_time', properties: ['clientAddress', 'attemptedAt'] })
@Index({ name: 'login_attempt_time', properties: ['attemptedAt'] })
export class LoginAttempt {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  /** The email tried, lower-cased (whether or not an account has it). */
  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'string', length: 100 })
  clientAddress!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  attemptedAt: Date = new Date();
}
