import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import type { Context } from '../../graphql/context.js';

const ISSUER = 'customer360';

export type TokenSigner = Context['tokens'];

/**
 * Signed (HS256), short-lived access tokens. Each names the staff member (`sub`) and the sign-in
 * session (`sid`), which every request checks is still open, so logout takes effect at once.
 */
export function createTokenSigner(secret: string, ttlSeconds: number, refreshTokenTtlSeconds: number): TokenSigner {
  const key = new TextEncoder().encode(secret);
  return {
    refreshTokenTtlSeconds,
    async sign(staffUserId, sessionId) {
      const expiresAt = new Date(Math.floor(Date.now() / 1000 + ttlSeconds) * 1000);
      const token = await new SignJWT({ sid: sessionId })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(staffUserId)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setJti(randomUUID())
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(key);
      return { token, expiresAt };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
        return typeof payload.sub === 'string' && typeof payload.sid === 'string' ? { staffUserId: payload.sub, sessionId: payload.sid } : null;
      } catch (error) {
        if (error instanceof errors.JOSEError || error instanceof TypeError) return null;
        throw error;
      }
    },
  };
}
