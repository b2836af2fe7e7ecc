import type { Context, Viewer } from '../../graphql/context.js';
import { DomainError, ErrorCode, toUserError } from '../../graphql/errors.js';
import { isUuid } from '../../db/sql.js';
import { findCredentials } from '../staff/staff.service.js';
import { staffLoaders } from '../staff/staff.loaders.js';
import { decoyHash, verifyPassword } from './password.js';
import type { LoginInput, LoginPayload } from './auth.types.js';

const WRONG_CREDENTIALS = 'email or password is wrong';

export async function login(context: Context, input: LoginInput): Promise<LoginPayload> {
  const errors: DomainError[] = [];
  if (!input.email.trim()) errors.push(new DomainError(ErrorCode.REQUIRED, 'email is required', ['input', 'email']));
  if (!input.password) errors.push(new DomainError(ErrorCode.REQUIRED, 'password is required', ['input', 'password']));
  if (errors.length) return { token: null, expiresAt: null, staffUser: null, userErrors: errors.map(toUserError) };

  // Text no account can have (too long, control characters PostgreSQL refuses) is simply unknown.
  const email = input.email.trim();
  const plausible = email.length <= 254 && !/[\u0000-\u001F\u007F]/.test(email);
  const staff = plausible ? await findCredentials(context.em, email) : null;
  // Verify against a decoy hash when the email is unknown so timing does not reveal accounts.
  const passwordMatches = await verifyPassword(input.password, staff?.passwordHash ?? (await decoyHash));
  if (!staff || !passwordMatches || !staff.active) {
    const message = staff && passwordMatches ? 'this account is deactivated' : WRONG_CREDENTIALS;
    return {
      token: null,
      expiresAt: null,
      staffUser: null,
      userErrors: [toUserError(new DomainError(ErrorCode.INVALID_CREDENTIALS, message, ['input', 'password']))],
    };
  }
  const { passwordHash: _, ...staffUser } = staff;
  const { token, expiresAt } = await context.tokens.sign(staff.id);
  return { token, expiresAt, staffUser, userErrors: [] };
}

/**
 * The viewer behind an Authorization header, or null. The staff row is read on every request so a
 * deactivated account is locked out at once, even with a token still valid.
 */
export async function viewerFromAuthorization(context: Context, authorization: string | undefined): Promise<Viewer | null> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match) return null;
  const staffUserId = await context.tokens.verify(match[1]!);
  if (!staffUserId || !isUuid(staffUserId)) return null;
  const staff = await staffLoaders(context).byId.load(staffUserId);
  if (!staff || !staff.active) return null;
  return { staffUserId: staff.id, email: staff.email, name: staff.name, role: staff.role, team: staff.team, apiKey: null };
}

