import type { EntityManager } from '@mikro-orm/postgresql';
import type { StatementScope } from '../db/statement-counter.js';

/** Who is asking: a signed-in staff member, or an integrator's API key acting for the admin who made it. */
export interface Viewer {
  /** The staff member (for an API key: the admin who created it); audit rows name this person. */
  staffUserId: string;
  email: string;
  name: string;
  role: string;
  team: string | null;
  /** Set when the request carries an API key instead of a staff token: its scopes decide, not the role. */
  apiKey: ApiKeyGrant | null;
  /** The sign-in session behind a staff access token (what `logout` ends); absent for API keys. */
  sessionId?: string | null;
}

/** What an API key may do (see modules/access/permissions.ts). */
export interface ApiKeyGrant {
  id: string;
  name: string;
  scopes: ('READ' | 'WRITE' | 'IMPORT')[];
  /** Limited to these resources (permissions.ts `Resource` names); null: every resource. */
  resources: string[] | null;
}

/** Everything one GraphQL request carries: a forked EntityManager, the viewer, per-request caches. */
export interface Context {
  em: EntityManager;
  viewer: Viewer | null;
  /** A token was sent but is invalid, expired or belongs to an inactive account. */
  credentialsRejected: boolean;
  /** Why the sent credentials were rejected, when that can be said (e.g. "the API key was revoked"). */
  credentialsProblem?: string | null;
  /** The caller's address (express `req.ip`, which honours TRUST_PROXY): sign-in throttling counts by it. */
  clientAddress?: string | null;
  requestId: string;
  /** The request's clock: every "now" in one response is this same moment. */
  now: Date;
  statements: StatementScope;
  /** Issues and checks bearer tokens (configured once per server). */
  tokens: {
    /** A short-lived access token for this staff member's sign-in session. */
    sign(staffUserId: string, sessionId: string): Promise<{ token: string; expiresAt: Date }>;
    /** The staff member and session named by a valid access token; null for a forged, malformed or expired one. */
    verify(token: string): Promise<{ staffUserId: string; sessionId: string } | null>;
    /** How long a refresh token stays usable after it is issued. */
    refreshTokenTtlSeconds: number;
  };
  /** Per-request DataLoaders, created lazily by each module (see `perRequest`). */
  loaders: Map<symbol, unknown>;
}

/** Returns the value `create` makes for this request, creating it on first use. */
export function perRequest<T>(context: Context, key: symbol, create: () => T): T {
  let value = context.loaders.get(key) as T | undefined;
  if (value === undefined) {
    value = create();
    context.loaders.set(key, value);
  }
  return value;
}

/** The viewer, for resolvers behind the authentication guard. */
export function viewerOf(context: Context): Viewer {
  if (!context.viewer) throw new Error('viewerOf called outside the authentication guard');
  return context.viewer;
}

/**
 * Splits a DataLoader batch into the keys that share one query shape (e.g. the same `asOf`
 * moment), so each shape costs one statement however many parents ask.
 */
export function groupKeys<K, G>(keys: readonly K[], shapeOf: (key: K) => G): Map<G, K[]> {
  const groups = new Map<G, K[]>();
  for (const key of keys) {
    const shape = shapeOf(key);
    const group = groups.get(shape);
    if (group) group.push(key);
    else groups.set(shape, [key]);
  }
  return groups;
}
