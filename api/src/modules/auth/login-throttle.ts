import type { EntityManager } from '@mikro-orm/postgresql';
import { query, timestamp } from '../../db/sql.js';

/**
 * Brute-force protection for `login`, with its state in PostgreSQL (table login_attempt) so every
 * API process counts the same failures. A window slides over the last 15 minutes: 5 failures for
 * one email, or 50 from one client address, and further sign-ins are refused (without checking the
 * password) until the oldest of those failures leaves the window.
 */
export const LOGIN_THROTTLE = {
  windowSeconds: 15 * 60,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 50,
} as const;

/** Failures older than this are deleted when a new one is recorded. */
const KEEP_SECONDS = 24 * 3600;

export interface Throttled {
  scope: 'account' | 'address';
  retryAt: Date;
  retryAfterSeconds: number;
}

/**
 * Whether sign-ins for this email or from this address are refused now, and until when. One
 * statement, on the database's clock (the one that stamped the failures): for each key, the
 * failure that has to leave the window before another try is allowed.
 */
export async function loginThrottle(em: EntityManager, email: string, address: string): Promise<Throttled | null> {
  const { windowSeconds, maxFailuresPerAccount, maxFailuresPerAddress } = LOGIN_THROTTLE;
  const until = (column: string) => `(select attempted_at + make_interval(secs => ?) from login_attempt
      where ${column} = ? and attempted_at > now() - make_interval(secs => ?)
      order by attempted_at desc offset ? limit 1)`;
  const [row] = await query<{ scope: 'account' | 'address'; retry_at: string; seconds: string }>(
    em,
    `select scope, retry_at, ceil(extract(epoch from retry_at - now())) as seconds
       from (values ('account', ${until('email')}), ('address', ${until('client_address')})) as t(scope, retry_at)
      where retry_at > now()
      order by retry_at desc limit 1`,
    [
      windowSeconds, email.toLowerCase(), windowSeconds, maxFailuresPerAccount - 1,
      windowSeconds, address, windowSeconds, maxFailuresPerAddress - 1,
    ],
  );
  // Both limits hit: the later one decides.
  return row ? { scope: row.scope, retryAt: timestamp(row.retry_at), retryAfterSeconds: Math.max(1, Number(row.seconds)) } : null;
}

/** Records a failed sign-in, and forgets failures older than a day in the same statement. */
export async function recordLoginFailure(em: EntityManager, email: string, address: string): Promise<void> {
  await query(
    em,
    `with forgotten as (delete from login_attempt where attempted_at < now() - make_interval(secs => ?))
     insert into login_attempt (email, client_address) values (?, ?)`,
    [KEEP_SECONDS, email.toLowerCase(), address],
  );
}

/** A successful sign-in clears the account's failures (not the address's: one good account must not unlock an attacker). */
export async function clearLoginFailures(em: EntityManager, email: string): Promise<void> {
  await query(em, 'delete from login_attempt where email = ?', [email.toLowerCase()]);
}

export function throttleMessage(throttled: Throttled): string {
  const { windowSeconds, maxFailuresPerAccount, maxFailuresPerAddress } = LOGIN_THROTTLE;
  const minutes = windowSeconds / 60;
  const reason =
    throttled.scope === 'account'
      ? `${maxFailuresPerAccount} failed sign-ins for this account within ${minutes} minutes`
      : `${maxFailuresPerAddress} failed sign-ins from your address within ${minutes} minutes`;
  return `too many attempts (${reason}): try again in ${throttled.retryAfterSeconds} seconds, at ${throttled.retryAt.toISOString()}`;
}
