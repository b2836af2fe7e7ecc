import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { preparedQuery, query, timestamp } from '../../db/sql.js';
import { STAFF_COLUMNS, type StaffUserRow } from '../staff/staff-user.type.js';

/**
 * Sign-in sessions and their refresh tokens (tables staff_session and refresh_token). A refresh
 * token is 32 random bytes, stored only as its SHA-256, usable once: each refresh rotates it.
 */

export type RevokeReason = 'LOGOUT' | 'REFRESH_TOKEN_REUSED' | 'DEACTIVATED' | 'PASSWORD_RESET';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newRefreshToken(): string {
  return `c360r_${randomBytes(32).toString('base64url')}`;
}

export interface IssuedRefreshToken {
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

/** Opens a session for a staff member who just proved who they are, with its first refresh token. */
export async function openSession(
  em: EntityManager,
  staffUserId: string,
  clientAddress: string | null,
  ttlSeconds: number,
): Promise<IssuedRefreshToken & { sessionId: string }> {
  const refreshToken = newRefreshToken();
  const [row] = await query<{ session_id: string; expires_at: string }>(
    em,
    `with session as (insert into staff_session (staff_user_id, client_address) values (?, ?) returning id)
     insert into refresh_token (session_id, token_hash, expires_at)
     select id, ?, now() + make_interval(secs => ?) from session
     returning session_id, expires_at`,
    [staffUserId, clientAddress?.slice(0, 100) ?? null, hashToken(refreshToken), ttlSeconds],
  );
  return { sessionId: row!.session_id, refreshToken, refreshTokenExpiresAt: timestamp(row!.expires_at) };
}

export type RefreshOutcome =
  | { ok: true; staffUserId: string; sessionId: string; issued: IssuedRefreshToken }
  | { ok: false; reason: 'UNKNOWN' | 'EXPIRED' | 'REUSED' | 'SESSION_ENDED' | 'DEACTIVATED' };

/**
 * Exchanges a refresh token for a new one, inside the caller's transaction (the token row is
 * locked, so two refreshes with one token cannot both succeed). A token already rotated is a copy
 * in someone else's hands: the whole session is revoked, and the caller must commit that — except
 * a retry: within REUSE_GRACE_SECONDS of its rotation, while the token it was rotated into has never
 * been used, the client evidently lost the answer (a page reloaded mid-refresh), so it gets a new
 * token and the lost one is retired.
 */
export const REUSE_GRACE_SECONDS = 30;

export async function rotateRefreshToken(tx: EntityManager, refreshToken: string, ttlSeconds: number): Promise<RefreshOutcome> {
  const [row] = await query<{
    id: string;
    session_id: string;
    staff_user_id: string;
    expired: boolean;
    rotated: boolean;
    retry: boolean;
    session_revoked: boolean;
    active: boolean;
  }>(
    tx,
    `select t.id, t.session_id, s.staff_user_id, t.expires_at <= now() as expired, t.rotated_at is not null as rotated,
            t.rotated_at > now() - make_interval(secs => ?)
              and not exists (select 1 from refresh_token n where n.session_id = t.session_id and n.id <> t.id
                                 and n.created_at >= t.rotated_at and n.rotated_at is not null) as retry,
            s.revoked_at is not null as session_revoked, u.active
       from refresh_token t
       join staff_session s on s.id = t.session_id
       join staff_user u on u.id = s.staff_user_id
      where t.token_hash = ?
      for update of t, s`,
    [REUSE_GRACE_SECONDS, hashToken(refreshToken)],
  );
  if (!row) return { ok: false, reason: 'UNKNOWN' };
  if (row.session_revoked) return { ok: false, reason: 'SESSION_ENDED' };
  if (row.rotated && !row.retry) {
    await revokeSession(tx, row.session_id, 'REFRESH_TOKEN_REUSED');
    return { ok: false, reason: 'REUSED' };
  }
  if (!row.active) return { ok: false, reason: 'DEACTIVATED' };
  if (row.expired) return { ok: false, reason: 'EXPIRED' };
  const next = newRefreshToken();
  const [issued] = await query<{ expires_at: string }>(
    tx,
    // The presented token, and on a retry the successor whose answer was lost: neither works again.
    `with used as (update refresh_token set rotated_at = coalesce(rotated_at, now()) where id = ?),
          retired as (update refresh_token set rotated_at = now(), expires_at = least(expires_at, now()) where session_id = ? and rotated_at is null),
          touched as (update staff_session set refreshed_at = now() where id = ?)
     insert into refresh_token (session_id, token_hash, expires_at) values (?, ?, now() + make_interval(secs => ?))
     returning expires_at`,
    [row.id, row.rotated ? row.session_id : null, row.session_id, row.session_id, hashToken(next), ttlSeconds],
  );
  return {
    ok: true,
    staffUserId: row.staff_user_id,
    sessionId: row.session_id,
    issued: { refreshToken: next, refreshTokenExpiresAt: timestamp(issued!.expires_at) },
  };
}

/** Ends one session: its access tokens stop working with the next request, its refresh tokens at once. */
export async function revokeSession(em: EntityManager, sessionId: string, reason: RevokeReason): Promise<number> {
  const rows = await query<{ id: string }>(
    em,
    'update staff_session set revoked_at = now(), revoked_reason = ? where id = ? and revoked_at is null returning id',
    [reason, sessionId],
  );
  return rows.length;
}

/** Ends every open session of a staff member (deactivation, password reset); returns how many. */
export async function revokeStaffSessions(em: EntityManager, staffUserId: string, reason: RevokeReason): Promise<number> {
  const rows = await query<{ id: string }>(
    em,
    'update staff_session set revoked_at = now(), revoked_reason = ? where staff_user_id = ? and revoked_at is null returning id',
    [reason, staffUserId],
  );
  return rows.length;
}

/** A staff member with the state of one of their sessions, read in one statement on every request. */
export async function staffWithSession(
  em: EntityManager,
  staffUserId: string,
  sessionId: string,
): Promise<(StaffUserRow & { session_found: boolean; session_revoked_reason: string | null; session_revoked: boolean }) | null> {
  const [row] = await preparedQuery<StaffUserRow & { session_found: boolean; session_revoked_reason: string | null; session_revoked: boolean }>(
    em,
    `select ${STAFF_COLUMNS.split(', ').map((c) => `u.${c}`).join(', ')},
            ss.id is not null as session_found, ss.revoked_at is not null as session_revoked, ss.revoked_reason as session_revoked_reason
       from staff_user u left join staff_session ss on ss.id = ? and ss.staff_user_id = u.id
      where u.id = ?`,
    [sessionId, staffUserId],
  );
  return row ?? null;
}
