import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Compares tokens in constant time (hashing first makes the lengths equal). */
export function tokensMatch(presented: string | undefined | null, expected: string): boolean {
  if (!presented) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export interface GuardConfig {
  token: string;
  port: number;
  /** Host names (without port) the server answers to: loopback names plus an explicit bind host. */
  hostNames: readonly string[];
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; code: 'UNAUTHORIZED' | 'FORBIDDEN'; message: string };

/**
 * Host must name this server (defeats DNS rebinding); a browser's Origin, when sent, must be this
 * server's own (defeats cross-site requests); the token is then checked unless the path is public.
 */
export function checkRequest(req: IncomingMessage, config: GuardConfig, presentedToken: string | null | undefined, needsToken: boolean): GuardVerdict {
  const allowedHosts = new Set(config.hostNames.map((name) => `${name}:${config.port}`));
  const host = req.headers.host?.toLowerCase();
  if (!host || !allowedHosts.has(host)) {
    return { ok: false, status: 403, code: 'FORBIDDEN', message: 'Host not allowed.' };
  }
  const origin = req.headers.origin;
  const allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
  if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) {
    return { ok: false, status: 403, code: 'FORBIDDEN', message: 'Cross-site request refused.' };
  }
  if (needsToken && !tokensMatch(presentedToken, config.token)) {
    return { ok: false, status: 401, code: 'UNAUTHORIZED', message: 'Missing or wrong token.' };
  }
  return { ok: true };
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

export function formatHostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
