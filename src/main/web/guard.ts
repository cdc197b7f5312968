import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Compares tokens in constant time (hashing first makes the lengths equal). */
function tokensMatch(presented: string | undefined | null, expected: string): boolean {
  if (!presented) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export interface GuardConfig {
  token: string;
  port: number;
  /** The page's own origins use this scheme. */
  scheme: 'http' | 'https';
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
  const allowedOrigins = new Set([...allowedHosts].map((h) => `${config.scheme}://${h}`));
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

const LOOPBACK_NAMES = new Set(['localhost', '::1', '[::1]']);

/** Only this machine can reach it: localhost, ::1 or 127.0.0.0/8. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  return LOOPBACK_NAMES.has(name) || /^127(\.\d{1,3}){3}$/.test(name);
}

/** 0.0.0.0 or ::, which also answer on loopback. */
export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

export interface ExposureChoice {
  host: string;
  tls: boolean;
  /** The user named the risk (`--insecure-plain-http`). */
  insecurePlainHttp: boolean;
}

/**
 * Why serving on `host` is refused, or undefined when allowed: beyond loopback, plain HTTP would
 * send the token (and every command) across the network in clear, so it needs TLS or an explicit
 * acceptance of the risk.
 */
export function plainHttpRefusal({ host, tls, insecurePlainHttp }: ExposureChoice): string | undefined {
  if (tls || insecurePlainHttp || isLoopbackHost(host)) return undefined;
  return (
    `Refusing to serve on ${host} over plain HTTP: the token and everything you do would cross the network unencrypted, ` +
    'and anyone who sees the token controls your Docker engine. Give --tls-cert FILE --tls-key FILE to serve HTTPS, ' +
    'or --insecure-plain-http to accept that risk.'
  );
}
