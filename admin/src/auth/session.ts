import type { StaffUser } from '../graphql/types';

/** What a successful login leaves in the browser: the bearer token, its expiry and who signed in. */
export interface Session {
  token: string;
  /** ISO-8601; the API refuses the token after this moment. */
  expiresAt: string;
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

export function isExpired(session: Session, now: Date = new Date()): boolean {
  const expiresAt = Date.parse(session.expiresAt);
  return Number.isNaN(expiresAt) || expiresAt <= now.getTime();
}
