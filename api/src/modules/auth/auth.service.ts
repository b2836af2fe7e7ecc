import { viewerOf, type Context, type Viewer } from '../../graphql/context.js';
import { DomainError, ErrorCode, toUserError } from '../../graphql/errors.js';
import { isUuid } from '../../db/sql.js';
import { authenticateApiKey } from '../api-keys/api-key.service.js';
import { looksLikeApiKey } from '../api-keys/api-key.secret.js';
import { findCredentials } from '../staff/staff.service.js';
import { staffLoaders } from '../staff/staff.loaders.js';
import { toStaffUser, type StaffUserType } from '../staff/staff-user.type.js';
import { decoyHash, verifyPassword } from './password.js';
import { clearLoginFailures, loginThrottle, recordLoginFailure, throttleMessage } from './login-throttle.js';
import { openSession, revokeSession, revokeStaffSessions, rotateRefreshToken, staffWithSession, type RefreshOutcome } from './sessions.js';
import type { LoginInput, LoginPayload, LogoutPayload, TokenRefreshInput, TokenRefreshPayload } from './auth.types.js';

const WRONG_CREDENTIALS = 'email or password is wrong';

const NO_LOGIN = { token: null, expiresAt: null, refreshToken: null, refreshTokenExpiresAt: null, staffUser: null, retryAfterSeconds: null };

function loginError(code: ErrorCode, message: string, field: string[] | null = ['input', 'password']): LoginPayload {
  return { ...NO_LOGIN, userErrors: [toUserError(new DomainError(code, message, field))] };
}

export async function login(context: Context, input: LoginInput): Promise<LoginPayload> {
  const errors: DomainError[] = [];
  if (!input.email.trim()) errors.push(new DomainError(ErrorCode.REQUIRED, 'email is required', ['input', 'email']));
  if (!input.password) errors.push(new DomainError(ErrorCode.REQUIRED, 'password is required', ['input', 'password']));
  if (errors.length) return { ...NO_LOGIN, userErrors: errors.map(toUserError) };
  // Text no account can have (too long, control characters PostgreSQL refuses) is simply unknown,
  // and is not counted as an attempt: it cannot be a guess at anyone's password.
  const email = input.email.trim();
  const plausible = email.length <= 254 && !/[\u0000-\u001F\u007F]/.test(email);
  const counted = plausible && email.includes('@');
  const address = context.clientAddress ?? 'unknown';
  if (counted) {
    const throttled = await loginThrottle(context.em, email, address);
    if (throttled) {
      return { ...loginError(ErrorCode.LOGIN_THROTTLED, throttleMessage(throttled), null), retryAfterSeconds: throttled.retryAfterSeconds };
    }
  }
  const staff = plausible ? await findCredentials(context.em, email) : null;
  // Verify against a decoy hash when the email is unknown so timing does not reveal accounts.
  const passwordMatches = await verifyPassword(input.password, staff?.passwordHash ?? (await decoyHash));
  if (!staff || !passwordMatches) {
    if (counted) await recordLoginFailure(context.em, email, address);
    return loginError(ErrorCode.INVALID_CREDENTIALS, WRONG_CREDENTIALS);
  }
  if (!staff.active) return loginError(ErrorCode.INVALID_CREDENTIALS, 'this account is deactivated');
  const { passwordHash: _, ...staffUser } = staff;
  await clearLoginFailures(context.em, email);
  const session = await openSession(context.em, staff.id, context.clientAddress ?? null, context.tokens.refreshTokenTtlSeconds);
  const { token, expiresAt } = await context.tokens.sign(staff.id, session.sessionId);
  return {
    token,
    expiresAt,
    refreshToken: session.refreshToken,
    refreshTokenExpiresAt: session.refreshTokenExpiresAt,
    staffUser,
    retryAfterSeconds: null,
    userErrors: [],
  };
}

const REFRESH_PROBLEMS: Record<Exclude<RefreshOutcome, { ok: true }>['reason'], string> = {
  UNKNOWN: 'the refresh token is not known: sign in again',
  EXPIRED: 'the refresh token has expired: sign in again',
  REUSED: 'the refresh token was already used, so it may have been copied: the session is ended for safety, sign in again',
  SESSION_ENDED: 'the session has ended (logout, a reused refresh token, a password reset or deactivation): sign in again',
  DEACTIVATED: 'this account is deactivated',
};

export async function refreshTokens(context: Context, input: TokenRefreshInput): Promise<TokenRefreshPayload> {
  const none = { token: null, expiresAt: null, refreshToken: null, refreshTokenExpiresAt: null, staffUser: null };
  const presented = input.refreshToken.trim();
  if (!presented) return { ...none, userErrors: [toUserError(new DomainError(ErrorCode.REQUIRED, 'refreshToken is required', ['input', 'refreshToken']))] };
  // Commits whatever happened, including the revocation of a session whose used token came back.
  const outcome: RefreshOutcome =
    presented.length > 200
      ? { ok: false, reason: 'UNKNOWN' }
      : await context.em.transactional((tx) => rotateRefreshToken(tx, presented, context.tokens.refreshTokenTtlSeconds));
  if (!outcome.ok) {
    return { ...none, userErrors: [toUserError(new DomainError(ErrorCode.REFRESH_TOKEN_INVALID, REFRESH_PROBLEMS[outcome.reason], ['input', 'refreshToken']))] };
  }
  const { token, expiresAt } = await context.tokens.sign(outcome.staffUserId, outcome.sessionId);
  const staffUser = await staffLoaders(context).byId.load(outcome.staffUserId);
  return { token, expiresAt, ...outcome.issued, staffUser, userErrors: [] };
}

export async function logout(context: Context, allSessions: boolean): Promise<LogoutPayload> {
  const viewer = viewerOf(context);
  if (!viewer.sessionId) {
    const message = 'an API key has no session to end: an administrator revokes it with apiKeyRevoke';
    return { endedSessions: 0, userErrors: [toUserError(new DomainError(ErrorCode.INVALID, message, null))] };
  }
  const endedSessions = allSessions
    ? await revokeStaffSessions(context.em, viewer.staffUserId, 'LOGOUT')
    : await revokeSession(context.em, viewer.sessionId, 'LOGOUT');
  return { endedSessions, userErrors: [] };
}

const SESSION_ENDED: Record<string, string> = {
  LOGOUT: 'The session was ended by logout: sign in again.',
  REFRESH_TOKEN_REUSED: 'The session was ended because a used refresh token was presented again: sign in again.',
  DEACTIVATED: 'This account is deactivated.',
  PASSWORD_RESET: 'The session was ended because the password was reset: sign in again.',
};

function viewerOfStaff(context: Context, staff: StaffUserType, extra: Pick<Viewer, 'apiKey' | 'sessionId'>): Viewer {
  // The staff member is now known: `me` and owner lookups of this request need no second read.
  staffLoaders(context).byId.prime(staff.id, staff);
  return { staffUserId: staff.id, email: staff.email, name: staff.name, role: staff.role, team: staff.team, ...extra };
}

/**
 * The viewer behind an Authorization header, or null (with `context.credentialsProblem` saying why
 * when it can). One statement per request either way: an access token's staff row joined with its
 * session, so logout and deactivation lock out at once; an API key joined with its creator.
 */
export async function viewerFromAuthorization(context: Context, authorization: string | undefined): Promise<Viewer | null> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match) return null;
  const credential = match[1]!;
  if (looksLikeApiKey(credential)) {
    const found = await authenticateApiKey(context.em, credential);
    if ('problem' in found) {
      context.credentialsProblem = found.problem;
      return null;
    }
    return viewerOfStaff(context, found.staff, { apiKey: found.viewer.apiKey, sessionId: null });
  }
  const claims = await context.tokens.verify(credential);
  if (!claims || !isUuid(claims.staffUserId) || !isUuid(claims.sessionId)) return null;
  const row = await staffWithSession(context.em, claims.staffUserId, claims.sessionId);
  if (!row || !row.session_found) return null;
  if (!row.active) {
    context.credentialsProblem = SESSION_ENDED.DEACTIVATED;
    return null;
  }
  if (row.session_revoked) {
    context.credentialsProblem = SESSION_ENDED[row.session_revoked_reason ?? ''] ?? 'The session has ended: sign in again.';
    return null;
  }
  return viewerOfStaff(context, toStaffUser(row), { apiKey: null, sessionId: claims.sessionId });
}
