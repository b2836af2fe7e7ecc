import type { StaffUser } from '../graphql/types';

/**
 * What a successful login leaves in the browser: the short-lived access token, the refresh token
 * that renews it (see refresh.ts), their expiries and who signed in.
 */
export interface Session {
  token: string;
  /** ISO-8601; the API refuses the token after this moment. */
  expiresAt: string;
  /** Exchanged for a new access token (and the next refresh token) by tokenRefresh; missing in sessions saved before refresh existed. */
  refreshToken?: string;
  /** ISO-8601; after this moment the person must sign in again. */
  refreshTokenExpiresAt?: string;
  /** `team` is missing from sessions saved before the console read it (getIdentity asks `me` then). */
  staffUser: Pick<StaffUser, 'id' | 'name' | 'email' | 'role'> & { team?: StaffUser['team'] };
}

const STORAGE_KEY = 'customer360.session';

export function readSession(): Session | null {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === null) return null;
  try {
    const session = JSON.parse(stored) as Session;
    return typeof session?.token === 'string' && typeof session.expiresAt === 'string' ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(STORAGE_KEY);
}

/** Whether the access token is expired, or will be within `marginMs`. */
export function isExpired(session: Session, now: Date = new Date(), marginMs = 0): boolean {
  const expiresAt = Date.parse(session.expiresAt);
  return Number.isNaN(expiresAt) || expiresAt <= now.getTime() + marginMs;
}

/** Whether the session can still be renewed without signing in again. */
export function canRefresh(session: Session, now: Date = new Date()): boolean {
  if (!session.refreshToken || !session.refreshTokenExpiresAt) return false;
  const expiresAt = Date.parse(session.refreshTokenExpiresAt);
  return !Number.isNaN(expiresAt) && expiresAt > now.getTime();
}
