import { SignJWT, jwtVerify, errors } from 'jose';

const ISSUER = 'customer360';

export interface TokenSigner {
  sign(staffUserId: string): Promise<{ token: string; expiresAt: Date }>;
  /** The staff user id in a valid token, or null for a missing, forged, malformed or expired one. */
  verify(token: string): Promise<string | null>;
}

/** Signed (HS256), expiring bearer tokens. */
export function createTokenSigner(secret: string, ttlSeconds: number): TokenSigner {
  const key = new TextEncoder().encode(secret);
  return {
    async sign(staffUserId) {
      const expiresAt = new Date(Math.floor(Date.now() / 1000 + ttlSeconds) * 1000);
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(staffUserId)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(key);
      return { token, expiresAt };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
        return typeof payload.sub === 'string' ? payload.sub : null;
      } catch (error) {
        if (error instanceof errors.JOSEError || error instanceof TypeError) return null;
        throw error;
      }
    },
  };
}
