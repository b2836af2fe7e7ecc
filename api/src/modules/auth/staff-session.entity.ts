import { Check, Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { StaffUser } from '../staff/staff-user.entity.js';

/**
 * One sign-in: created by `login`, kept alive by `tokenRefresh`, ended by `logout`, by reuse of a
 * rotated refresh token, or by deactivating the account. Access tokens carry its id, and every
 * request checks it is still open, so an ended session stops working at once.
 */
@Entity({ tableName: 'staff_session' })
@Index({ name: 'staff_session_staff_open', properties: ['staffUser', 'revokedAt'] })
@Check({ name: 'staff_session_revoked_with_reason', expression: '(revoked_at is null) = (revoked_reason is null)' })
export class StaffSession {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  @ManyToOne(() => StaffUser, { deleteRule: 'cascade' })
  staffUser!: StaffUser;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  /** When the newest refresh token was issued. */
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  refreshedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  /** LOGOUT, REFRESH_TOKEN_REUSED, DEACTIVATED or PASSWORD_RESET. */
  @Property({ type: 'string', length: 30, nullable: true })
  revokedReason: string | null = null;

  /** The address the sign-in came from, for the account's owner to recognise it. */
  @Property({ type: 'string', length: 100, nullable: true })
  clientAddress: string | null = null;
}

/**
 * A refresh token of a session, stored only as its SHA-256. Each refresh marks the token used
 * (`rotatedAt`) and issues a new one; presenting a used token again means it was copied, so the
 * whole session is revoked.
 */
@Entity({ tableName: 'refresh_token' })
@Index({ name: 'refresh_token_session', properties: ['session'] })
export class RefreshToken {
  @PrimaryKey({ type: 'uuid', defaultRaw: 'gen_random_uuid()' })
  id: string = randomUUID();

  @ManyToOne(() => StaffSession, { deleteRule: 'cascade' })
  session!: StaffSession;

  /** Hex SHA-256 of the token; the token itself is never stored. */
  @Property({ type: 'string', length: 64 })
  @Unique({ name: 'refresh_token_hash_unique' })
  tokenHash!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  rotatedAt: Date | null = null;
}
