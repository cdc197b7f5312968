import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ErrorCode } from '../../shared/errors';
import { isAckCount, type StreamFrame, type WsClientFrame, type WsInvokeFrame, type WsResultFrame, type WsServerFrame } from '../../shared/transport';
import type { Dispatcher, OpenStream } from '../dispatch';
import { bearerToken, checkRequest, formatHostForUrl, type GuardConfig } from './guard';
import { serveStatic } from './static-files';
import { HTTP_STATUS, sendJson } from './http-json';
import { isTicketOnlyPath, routeTransfer } from './transfer-routes';

const MAX_JSON_BODY_BYTES = 1024 * 1024;


export interface WebServerOptions {
  dispatcher: Dispatcher;
  /** The built renderer (out/renderer); absent: API only. */
  staticRoot?: string;
  /** Defaults to 127.0.0.1. Anything else must be asked for. */
  host?: string;
  /** 0 or absent: the OS picks. */
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_JSON_BODY_BYTES) {
        reject(new Error('Request body too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (!text) return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new Error('The request body is not valid JSON.'));
      }
    });
    req.on('error', reject);
  });
}

function pageHeaders(port: number): Record<string, string> {
  const ws = `ws://127.0.0.1:${port} ws://localhost:${port}`;
  return {
    'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ${ws}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'`,
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

/** Browser mode: the same handlers as the desktop app, on loopback, behind a token. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const bindHost = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(32).toString('base64url');
  const guard: GuardConfig = { token, port: 0, hostNames: [...new Set(['127.0.0.1', 'localhost', '[::1]', formatHostForUrl(bindHost)])] };
  const { dispatcher } = options;

  const handleInvoke = async (req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> => {
    if (req.method !== 'POST') return sendError(res, 405, 'INVALID_INPUT', 'Use POST.');
    let input: unknown;
    try {
      input = await readJsonBody(req);
    } catch (err) {
      return sendError(res, 400, 'INVALID_INPUT', (err as Error).message);
    }
    const outcome = await dispatcher.invoke(channel, input);
    if (outcome.ok) sendJson(res, 200, { result: outcome.result ?? null });
    else sendJson(res, HTTP_STATUS[outcome.error.code], { error: outcome.error });
  };

  const server = createServer((req, res) => {
    const url = requestUrl(req);
    if (!url) return sendError(res, 400, 'INVALID_INPUT', 'Malformed request target.');
    const isApi = url.pathname.startsWith('/api/');
    const verdict = checkRequest(req, guard, bearerToken(req), isApi && !isTicketOnlyPath(url.pathname));
    if (!verdict.ok) return sendError(res, verdict.status, verdict.code, verdict.message);
    if (url.pathname.startsWith('/api/invoke/')) {
      const channel = decodeChannel(url.pathname.slice('/api/invoke/'.length));
      if (channel === null) return sendError(res, 404, 'NOT_FOUND', 'Unknown command.');
      void handleInvoke(req, res, channel).catch(() =>
        sendError(res, 500, 'INTERNAL', 'Unexpected failure.'),
      );
      return;
    }
    if (routeTransfer(req, res, url.pathname)) return;
    if (isApi) return sendError(res, 404, 'NOT_FOUND', 'No such endpoint.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'INVALID_INPUT', 'Use GET.');
    if (!options.staticRoot) return sendError(res, 404, 'NOT_FOUND', 'No UI is served.');
    void serveStatic(options.staticRoot, url.pathname, res, pageHeaders(guard.port));
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_JSON_BODY_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = requestUrl(req);
    const verdict = url?.pathname === '/api/ws' ? checkRequest(req, guard, url.searchParams.get('token'), true) : ({ ok: false, status: 404 } as const);
    if (!verdict.ok) {
      socket.end(`HTTP/1.1 ${verdict.status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveStreams(ws, dispatcher));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard.port = port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
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

/** One WebSocket carries many streams; closing it closes them all in main. */
function serveStreams(ws: WebSocket, dispatcher: Dispatcher): void {
  const open = new Map<string, OpenStream>();
  const send = (frame: WsServerFrame | WsResultFrame): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  ws.on('message', (raw) => {
    let frame: WsClientFrame | WsInvokeFrame;
    try {
      frame = JSON.parse(String(raw)) as WsClientFrame | WsInvokeFrame;
    } catch {
      return;
    }
    if (typeof frame?.id !== 'string' || frame.id.length > 100) return;
    if (frame.type === 'invoke') {
      // The dispatcher validates the channel and input, exactly as for POST /api/invoke.
      const id = frame.id;
      void dispatcher.invoke(frame.channel, frame.input).then((outcome) => send({ type: 'result', id, outcome }));
      return;
    }
    if (frame.type === 'unsubscribe') {
      open.get(frame.id)?.close();
      open.delete(frame.id);
      return;
    }
    if (frame.type === 'ack') {
      if (isAckCount(frame.count)) open.get(frame.id)?.acknowledge(frame.count);
      return;
    }
    if (frame.type !== 'subscribe' || open.has(frame.id)) return;
    const id = frame.id;
    const onFrame = (streamFrame: StreamFrame): void => {
      if (streamFrame.kind !== 'data') open.delete(id);
      send({ type: 'frame', id, frame: streamFrame });
    };
    const outcome = dispatcher.subscribe(frame.topic, frame.input, onFrame, { acknowledges: frame.acknowledges === true });
    if (outcome.ok) open.set(id, outcome);
    else send({ type: 'frame', id, frame: { kind: 'error', error: outcome.error } });
  });
  // ws reports a frame it refuses (over maxPayload, invalid UTF-8, a bad opcode) as an 'error' and
  // closes the socket itself (1009, 1007, 1002); 'close' below then closes its streams. Without a
  // listener, that error would be thrown in main and end the process.
  ws.on('error', () => undefined);
  ws.on('close', () => {
    for (const stream of open.values()) stream.close();
    open.clear();
  });
}
