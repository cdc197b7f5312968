// A minimal browser-mode client over plain node:http / node:https (and ws for the stream socket),
// for tests that talk to a server in another process or over TLS.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import WebSocket from 'ws';
import type { TransferProgress } from '../../src/shared/types/transfers';
import type { WsServerFrame } from '../../src/shared/transport';

export interface WebTarget {
  /** `http://127.0.0.1:PORT` or `https://…` */
  origin: string;
  token: string;
  /** The CA that signed an HTTPS server's certificate. */
  ca?: Buffer;
}

export interface WebReply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json(): { result?: unknown; error?: { code: string; message: string } };
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string | number>;
  /**
   * Written in this order. An Error cuts the connection there; `{ waitMs }` pauses (a slow client);
   * a promise holds the body unfinished until it settles (a stalled client).
   */
  chunks?: ReadonlyArray<Buffer | string | Error | { waitMs: number } | Promise<unknown>>;
  /** No Authorization header. */
  noToken?: boolean;
}

/** One request; resolves the whole answer, rejects when the connection fails before it. */
export function send(target: WebTarget, pathname: string, options: SendOptions = {}): Promise<WebReply> {
  const url = new URL(pathname, target.origin);
  const requester = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = requester(
      url,
      {
        method: options.method ?? 'POST',
        headers: { ...(options.noToken ? {} : { Authorization: `Bearer ${target.token}` }), ...options.headers },
        ...(target.ca ? { ca: target.ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as ReturnType<WebReply['json']> });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const writeAll = async (): Promise<void> => {
      for (const chunk of options.chunks ?? []) {
        if (chunk instanceof Error) {
          req.destroy(chunk);
          return;
        }
        if (chunk instanceof Promise) {
          await chunk.catch(() => undefined);
          continue;
        }
        if (!Buffer.isBuffer(chunk) && typeof chunk !== 'string') {
          await new Promise((done) => setTimeout(done, chunk.waitMs));
          continue;
        }
        // Each chunk handed to the socket before the next (and before a cut).
        await new Promise<void>((done, fail) => req.write(chunk, (err) => (err ? fail(err) : done())));
      }
      req.end();
    };
    writeAll().catch(reject);
  });
}

/** POST /api/invoke/<channel> with a JSON body; resolves the result, throws with the error otherwise. */
export async function invokeOver<T = unknown>(target: WebTarget, channel: string, input: unknown): Promise<T> {
  const text = JSON.stringify(input);
  const reply = await send(target, `/api/invoke/${channel}`, {
    headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) },
    chunks: [text],
  });
  const body = reply.json();
  if (reply.status !== 200) throw new Error(`${channel}: ${reply.status} ${body.error?.code} ${body.error?.message}`);
  return body.result as T;
}

/** Opens the stream socket (ws or wss, with the page's Origin). */
export function openSocket(target: WebTarget): Promise<WebSocket> {
  const wsUrl = new URL(`/api/ws?token=${target.token}`, target.origin);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, { headers: { Origin: target.origin }, ...(target.ca ? { ca: target.ca } : {}) });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`WebSocket refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Follows `transfers.watch` over a new socket to the transfer's final state. */
export async function finalTransferOver(target: WebTarget, transferId: string): Promise<TransferProgress> {
  const ws = await openSocket(target);
  try {
    return await new Promise<TransferProgress>((resolve, reject) => {
      let last: TransferProgress | undefined;
      ws.on('message', (raw) => {
        const { frame } = JSON.parse(String(raw)) as WsServerFrame;
        if (frame.kind === 'data') last = frame.message as TransferProgress;
        else if (frame.kind === 'end' && last) resolve(last);
        else reject(new Error(`transfers.watch: ${JSON.stringify(frame)}`));
      });
      ws.once('close', () => reject(new Error('the socket closed before the transfer settled')));
      ws.send(JSON.stringify({ type: 'subscribe', id: 'w', topic: 'transfers.watch', input: { transferId } }));
    });
  } finally {
    ws.terminate();
  }
}
