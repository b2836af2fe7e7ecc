import type { Request, RequestHandler } from 'express';
import { ErrorCode } from '../graphql/errors.js';

/**
 * What the browser may load for the console: its own scripts only (Vite emits no inline script),
 * inline styles (MUI's emotion injects <style> elements and charts set style attributes), images
 * and fonts from itself or data: URLs, API calls to itself; no framing, no plugins.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers on every response; HSTS only in production, where TLS is expected in front. */
export function securityHeaders(production: boolean): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (production) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}

function isSameOrigin(req: Request, origin: string): boolean {
  try {
    return new URL(origin).host === req.host;
  } catch {
    return false; // "null" and other opaque origins
  }
}

/**
 * CORS for /graphql: the console is served from the API's own origin and needs nothing; other
 * browser origins must be listed (CORS_ORIGINS). A request from any other origin is refused with
 * 403 before it reaches GraphQL. Clients that send no Origin (integrators, curl) are not affected.
 */
export function corsPolicy(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.get('origin');
    if (origin === undefined) return next();
    if (allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      if (req.method !== 'OPTIONS') return next();
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    if (isSameOrigin(req, origin)) return next();
    res.status(403).json({
      errors: [
        {
          message: `Requests from the origin ${origin} are not allowed: add it to CORS_ORIGINS to let a browser app there call this API.`,
          extensions: { code: ErrorCode.ORIGIN_NOT_ALLOWED },
        },
      ],
    });
  };
}
