import { GRAPHQL_URL } from '../graphql/client';
import { canRefresh, clearSession, isExpired, readSession, saveSession, type Session } from './session';

/**
 * Keeps the console's short-lived access token fresh with the refresh token. A refresh token works
 * once (the API ends the whole session if a spent one comes back), so refreshes are serialised:
 * one at a time in this tab, and across tabs through the Web Locks API where the browser has it;
 * a tab that waited re-reads the session another tab may have renewed meanwhile.
 */

const TOKEN_REFRESH = /* GraphQL */ `
  mutation TokenRefresh($input: TokenRefreshInput!) {
    tokenRefresh(input: $input) {
      token
      expiresAt
      refreshToken
      refreshTokenExpiresAt
      userErrors { code message }
    }
  }
`;

const LOGOUT = /* GraphQL */ `
  mutation Logout {
    logout { userErrors { code message } }
  }
`;

/** Renew this long before the access token expires, so no request is sent with a dying token. */
const RENEW_MARGIN_MS = 30_000;

interface RefreshAnswer {
  data?: {
    tokenRefresh: {
      token: string | null;
      expiresAt: string | null;
      refreshToken: string | null;
      refreshTokenExpiresAt: string | null;
      userErrors: { code: string; message: string }[];
    };
  };
}

async function post(query: string, variables: Record<string, unknown>, token?: string): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(GRAPHQL_URL, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
}

/** Exchanges the stored refresh token; null (and the session cleared) when the API refuses it. */
async function exchange(session: Session): Promise<Session | null> {
  let answer: RefreshAnswer;
  try {
    answer = (await (await post(TOKEN_REFRESH, { input: { refreshToken: session.refreshToken } })).json()) as RefreshAnswer;
  } catch {
    // Network trouble: keep the session; the next request tries again.
    return null;
  }
  const result = answer.data?.tokenRefresh;
  if (!result?.token || !result.expiresAt || !result.refreshToken || !result.refreshTokenExpiresAt) {
    if (result?.userErrors.length) clearSession();
    return null;
  }
  const renewed: Session = {
    ...session,
    token: result.token,
    expiresAt: result.expiresAt,
    refreshToken: result.refreshToken,
    refreshTokenExpiresAt: result.refreshTokenExpiresAt,
  };
  saveSession(renewed);
  return renewed;
}

function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  // The lock is held until `work`'s promise settles, and request() resolves with its value.
  return locks ? (locks.request('customer360.token-refresh', work) as Promise<unknown> as Promise<T>) : work();
}

let inFlight: Promise<Session | null> | null = null;

/**
 * A renewed session, or null when it cannot be renewed. `rejectedToken`: the access token the API
 * just refused; renew even if it does not look expired, unless another tab already replaced it.
 */
export function refreshSession(rejectedToken?: string): Promise<Session | null> {
  inFlight ??= exclusively(async () => {
    const session = readSession();
    if (session === null) return null;
    const replaced = rejectedToken !== undefined && session.token !== rejectedToken;
    if (replaced || (rejectedToken === undefined && !isExpired(session, new Date(), RENEW_MARGIN_MS))) return session;
    if (!canRefresh(session)) return null;
    return exchange(session);
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** The access token to send now, renewed first when it is about to expire; undefined when signed out. */
export async function currentAccessToken(): Promise<string | undefined> {
  const session = readSession();
  if (session === null) return undefined;
  if (!isExpired(session, new Date(), RENEW_MARGIN_MS) || !canRefresh(session)) return session.token;
  return (await refreshSession())?.token ?? readSession()?.token;
}

/** Ends the session on the server too, so its tokens stop working at once; best effort (signing out never fails). */
export async function endSession(): Promise<void> {
  const session = readSession();
  if (session === null) return;
  const token = isExpired(session) ? canRefresh(session) ? (await refreshSession())?.token : undefined : session.token;
  clearSession();
  if (!token) return;
  try {
    await post(LOGOUT, {}, token);
  } catch {
    // Offline: the tokens expire on their own.
  }
}
