import { createHash, randomBytes } from 'node:crypto';

/**
 * An API key reads `c360_<prefix>_<secret>`: the prefix (8 hex characters) is public and shown in
 * lists; the secret is 32 random bytes (base64url). Only the SHA-256 of the whole key is stored:
 * the secret is high-entropy, so a fast hash is enough and no salt is needed.
 */
const KEY_FORMAT = /^c360_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export function newApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(4).toString('hex');
  const key = `c360_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Whether a bearer credential is shaped like an API key (rather than an access token). */
export function looksLikeApiKey(credential: string): boolean {
  return credential.startsWith('c360_');
}

export function isWellFormedApiKey(credential: string): boolean {
  return KEY_FORMAT.test(credential);
}
