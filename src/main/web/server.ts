import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { ErrorCode } from '../../shared/errors';
import type { Backend } from '../backend';
import { bearerToken, checkRequest, formatHostForUrl, isLoopbackHost, isWildcardHost, plainHttpRefusal, type GuardConfig } from './guard';
import { serveStatic } from './static-files';
import { HTTP_STATUS, sendJson } from './http-json';
import { limitRequestTime, MAX_JSON_BODY_BYTES, readJsonBody, RequestRefusal } from './request-limits';
import { isTicketOnlyPath, isUploadPath, routeTransfer, UPLOAD_IDLE_MS } from './transfer-routes';
import { serveStreams } from './stream-socket';
import { contentSecurityPolicy } from '../csp';

interface WebServerTimeouts {
  /** How long an ordinary request (not an upload) may take to arrive whole; 0: no limit. */
  requestMs: number;
  /** An upload body that sends nothing for this long fails; 0: no limit. */
  uploadIdleMs: number;
}

const DEFAULT_TIMEOUTS: WebServerTimeouts = { requestMs: 300_000, uploadIdleMs: UPLOAD_IDLE_MS };

export interface WebServerOptions {
  /** What is served: its dispatcher over HTTP and WebSocket, its transfers on the download and upload routes. */
  backend: Pick<Backend, 'dispatcher' | 'transfers'>;
  /** The built renderer (out/renderer); absent: API only. */
  staticRoot?: string;
  /** Defaults to 127.0.0.1. Anything else needs `tls` or `insecurePlainHttp`. */
  host?: string;
  /** 0 or absent: the OS picks. */
  port?: number;
  token?: string;
  /** Serve HTTPS (and wss) with this certificate chain and private key (PEM). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Allow plain HTTP beyond loopback: the user accepted that the token crosses the network in clear. */
  insecurePlainHttp?: boolean;
  timeouts?: Partial<WebServerTimeouts>;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  server: Server | HttpsServer;
  close(): Promise<void>;
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

function pageHeaders(port: number, socketScheme: 'ws' | 'wss'): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy([`${socketScheme}://127.0.0.1:${port}`, `${socketScheme}://localhost:${port}`]),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

/** The request's path and query; null for a target no URL parser accepts (never a thrown error). */
function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://placeholder');
  } catch {
    return null;
  }
}

function decodeChannel(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/** Browser mode: the same handlers as the desktop app, on loopback (or TLS), behind a token. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const bindHost = options.host ?? '127.0.0.1';
  const refusal = plainHttpRefusal({ host: bindHost, tls: options.tls !== undefined, insecurePlainHttp: options.insecurePlainHttp === true });
  if (refusal) throw new Error(refusal);
  const scheme = options.tls ? 'https' : 'http';
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const token = options.token ?? randomBytes(32).toString('base64url');
  const guard: GuardConfig = { token, port: 0, scheme, hostNames: [...new Set(['127.0.0.1', 'localhost', '[::1]', formatHostForUrl(bindHost)])] };
  const { dispatcher, transfers } = options.backend;

  const handleInvoke = async (req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> => {
    if (req.method !== 'POST') return sendError(res, 405, 'INVALID_INPUT', 'Use POST.');
    let input: unknown;
    try {
      input = await readJsonBody(req);
    } catch (err) {
      return sendError(res, err instanceof RequestRefusal ? err.status : 400, 'INVALID_INPUT', (err as Error).message);
    }
    const outcome = await dispatcher.invoke(channel, input);
    if (outcome.ok) sendJson(res, 200, { result: outcome.result ?? null });
    else sendJson(res, HTTP_STATUS[outcome.error.code], { error: outcome.error });
  };

  const handleRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const url = requestUrl(req);
    if (!url) return sendError(res, 400, 'INVALID_INPUT', 'Malformed request target.');
    if (!isUploadPath(url.pathname)) limitRequestTime(req, res, timeouts.requestMs);
    const isApi = url.pathname.startsWith('/api/');
    const verdict = checkRequest(req, guard, bearerToken(req), isApi && !isTicketOnlyPath(url.pathname));
    if (!verdict.ok) return sendError(res, verdict.status, verdict.code, verdict.message);
    if (url.pathname.startsWith('/api/invoke/')) {
      const channel = decodeChannel(url.pathname.slice('/api/invoke/'.length));
      if (channel === null) return sendError(res, 404, 'NOT_FOUND', 'Unknown command.');
      void handleInvoke(req, res, channel).catch(() => sendError(res, 500, 'INTERNAL', 'Unexpected failure.'));
      return;
    }
    if (routeTransfer(req, res, url.pathname, { hub: transfers, uploadIdleMs: timeouts.uploadIdleMs })) return;
    if (isApi) return sendError(res, 404, 'NOT_FOUND', 'No such endpoint.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'INVALID_INPUT', 'Use GET.');
    if (!options.staticRoot) return sendError(res, 404, 'NOT_FOUND', 'No UI is served.');
    void serveStatic(options.staticRoot, url.pathname, res, pageHeaders(guard.port, options.tls ? 'wss' : 'ws'));
  };

  // Node's own requestTimeout would also cut an upload that takes long: limitRequestTime and the
  // upload's idle limit take its place.
  const serverOptions = { requestTimeout: 0 };
  const server = options.tls
    ? createHttpsServer({ ...serverOptions, cert: options.tls.cert, key: options.tls.key }, handleRequest)
    : createServer(serverOptions, handleRequest);

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_JSON_BODY_BYTES });
  server.on('upgrade', (req, socket, head) => {
    // Node stops listening for errors on a socket it hands over for an upgrade: a client that resets
    // it (even after a refusal) would otherwise end the process.
    socket.on('error', () => socket.destroy());
    const url = requestUrl(req);
    const verdict = url?.pathname === '/api/ws' ? checkRequest(req, guard, url.searchParams.get('token'), true) : ({ ok: false, status: 404 } as const);
    if (!verdict.ok) {
      socket.end(`HTTP/1.1 ${verdict.status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // A bad frame (over maxPayload, invalid UTF-8) makes ws close the socket and emit 'error':
      // unheard, that error would end the process.
      ws.on('error', () => undefined);
      serveStreams(ws, dispatcher);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => resolve());
  });
  // After listening, an 'error' (e.g. accept failing when file descriptors run out) must not end the process.
  server.on('error', (err) => console.error(`Browser mode server: ${err.message}`));
  const port = (server.address() as AddressInfo).port;
  guard.port = port;

  const urlHost = isLoopbackHost(bindHost) || isWildcardHost(bindHost) ? '127.0.0.1' : formatHostForUrl(bindHost);
  return {
    url: `${scheme}://${urlHost}:${port}/?token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
