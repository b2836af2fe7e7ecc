import type { AuthProvider } from 'react-admin';
import { assertNoUserErrors, graphqlRequest } from '../graphql/client';
import type { StaffUser, UserError } from '../graphql/types';
import { canAccessResource } from './permissions';
import { endSession, refreshSession } from './refresh';
import { canRefresh, clearSession, isExpired, readSession, saveSession } from './session';

const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      expiresAt
      refreshToken
      refreshTokenExpiresAt
      staffUser { id name email role team }
      userErrors { field message code }
    }
  }
`;

const ME = /* GraphQL */ `
  query Me {
    me { id name email role team }
  }
`;

interface LoginData {
  login: {
    token: string | null;
    expiresAt: string | null;
    refreshToken: string | null;
    refreshTokenExpiresAt: string | null;
    staffUser: Pick<StaffUser, 'id' | 'name' | 'email' | 'role' | 'team'> | null;
    userErrors: UserError[];
  };
}

export interface LoginParams {
  email: string;
  password: string;
}

/**
 * Signs staff in with the `login` mutation and keeps the session in localStorage: the short-lived
 * access token is renewed with the refresh token (refresh.ts) until that expires, and signing out
 * ends the session on the server. There is deliberately no getPermissions: with one, react-admin 5.15 logs a signed-out
 * visitor out again and again in a loop (seen in the browser); roles arrive through canAccess,
 * answered from the console's copy of the permission matrix (permissions.ts).
 */
export const authProvider: AuthProvider = {
  async login({ email, password }: LoginParams) {
    const { login } = await graphqlRequest<LoginData>(LOGIN, { input: { email: email.trim(), password } }, { anonymous: true });
    const { token, expiresAt, refreshToken, refreshTokenExpiresAt, staffUser } = assertNoUserErrors(login);
    if (!token || !expiresAt || !staffUser) throw new Error('customer360.auth.no_token');
    saveSession({ token, expiresAt, refreshToken: refreshToken ?? undefined, refreshTokenExpiresAt: refreshTokenExpiresAt ?? undefined, staffUser });
  },

  async logout() {
    await endSession();
  },

  async checkAuth() {
    const session = readSession();
    // message: false — a visitor who never signed in just sees the login page, without an error toast.
    if (session === null) throw { message: false };
    if (isExpired(session) && (!canRefresh(session) || (await refreshSession()) === null)) {
      clearSession();
      throw { message: 'customer360.auth.session_expired' };
    }
  },

  async checkError(error: { status?: number }) {
    // Only a token that could not be renewed (see graphqlRequest) logs out; 403 (not allowed) keeps the session.
    if (error?.status === 401) throw { message: 'customer360.auth.session_expired' };
  },

  /** react-admin hides menu entries, buttons and pages the signed-in role may not use (the API refuses them anyway). */
  async canAccess({ resource, action }: { resource: string; action: string }) {
    return canAccessResource(readSession()?.staffUser.role, resource, action);
  },

  /** Who is signed in, with their team and role (the handoff inbox starts from the team's incoming handoffs). */
  async getIdentity() {
    let session = readSession();
    if (session === null) throw new Error('ra.auth.auth_check_error');
    if (session.staffUser.team === undefined) {
      const { me } = await graphqlRequest<{ me: Pick<StaffUser, 'id' | 'name' | 'email' | 'role' | 'team'> }>(ME);
      session = { ...session, staffUser: me };
      saveSession(session);
    }
    const { id, name, role, team } = session.staffUser;
    return { id, fullName: name, role, team: team ?? null };
  },
};
