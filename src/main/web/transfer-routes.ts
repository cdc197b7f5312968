import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { BerthError, type BerthErrorShape } from '../../shared/errors';
import { toBerthError } from '../engine/core/errors';
import { byteCounter } from '../transfers/counting';
import type { TransferHub } from '../transfers/hub';
import { HTTP_STATUS, sendJson } from './http-json';

const DOWNLOAD_PREFIX = '/api/download/';
const UPLOAD_PREFIX = '/api/upload/';
/** An upload body that sends nothing for this long fails (the page or its network stalled). */
export const UPLOAD_IDLE_MS = 60_000;

/** A download URL carries its own one-time ticket: a plain browser download cannot send the token. */
export function isTicketOnlyPath(pathname: string): boolean {
  return pathname.startsWith(DOWNLOAD_PREFIX);
}

/** Upload bodies are as long as the file: no time limit, only one on silence. */
export function isUploadPath(pathname: string): boolean {
  return pathname.startsWith(UPLOAD_PREFIX);
}

const sendError = (res: ServerResponse, error: BerthErrorShape, closeAfter = false): void => sendJson(res, HTTP_STATUS[error.code], { error }, closeAfter);

/** RFC 5987 ext-value: encodeURIComponent leaves ' ( ) * bare, which are not attr-chars. */
function extValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII fallback plus the exact name. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${extValue(filename)}`;
}

async function serveDownload(hub: TransferHub, ticket: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET') return sendError(res, { code: 'INVALID_INPUT', message: 'Use GET.' });
  const pending = hub.downloads.take(ticket);
  if (!pending) return sendError(res, { code: 'NOT_FOUND', message: 'This download link was used already or has expired.' });
  const { source, transfer } = pending;
  res.on('close', () => {
    if (!res.writableFinished) transfer.cancel('The browser stopped the download.');
  });
  try {
    const input = await source.open(transfer.signal);
    // Headers only once the engine answered: a refusal (no such container) is still a plain error.
    res.writeHead(200, {
      'Content-Type': source.contentType,
      'Content-Disposition': contentDisposition(source.filename),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    await pipeline(input, byteCounter(transfer), res, { signal: transfer.signal });
    transfer.complete({ result: { filename: source.filename }, warnings: (await source.warningsAfter?.()) ?? [] });
  } catch (err) {
    transfer.fail(err);
    // Before the headers: a JSON error. After: cut the connection, so the browser marks the download failed.
    sendError(res, toBerthError(err).toShape());
  }
}

/**
 * Fails the body with a plain reason once nothing arrived for `idleMs` while it is unfinished. A
 * body paused because the engine is slow to take it is not idle: the wait starts again.
 */
function failWhenIdle(req: IncomingMessage, res: ServerResponse, idleMs: number): void {
  if (idleMs <= 0) return;
  const seconds = Math.max(1, Math.round(idleMs / 1000));
  req.setTimeout(idleMs, () => {
    if (req.readableFlowing === false) {
      req.setTimeout(idleMs);
      return;
    }
    req.destroy(new BerthError('CANCELLED', `The upload stalled: nothing arrived for ${seconds} s, so it was stopped.`));
  });
  // Once the body is in, waiting for the engine's answer is not idleness. (Node sets its own
  // keep-alive timer after the answer.) Until the body is read, a timer firing after the last
  // byte arrived goes to the response: with no listener there, Node would cut the connection.
  req.once('end', () => req.setTimeout(0));
  res.on('timeout', () => undefined);
}

async function receiveUpload(hub: TransferHub, ticket: string, req: IncomingMessage, res: ServerResponse, idleMs: number): Promise<void> {
  if (req.method !== 'POST') return sendError(res, { code: 'INVALID_INPUT', message: 'Use POST.' }, true);
  const pending = hub.uploads.take(ticket);
  if (!pending) return sendError(res, { code: 'NOT_FOUND', message: 'This upload link was used already or has expired.' }, true);
  const { transfer } = pending;
  const length = req.headers['content-length'];
  if (length !== undefined && Number(length) !== pending.sizeBytes) {
    transfer.fail(new BerthError('INVALID_INPUT', `The upload is ${length} bytes, not the ${pending.sizeBytes} announced.`));
    return sendError(res, transfer.snapshot().error!, true);
  }
  failWhenIdle(req, res, idleMs);
  await pending.receive(req);
  const final = transfer.snapshot();
  if (final.phase === 'done') return sendJson(res, 200, { result: final });
  // The body may be unread (the engine refused early): answer, then close instead of reading it all.
  sendError(res, final.error ?? { code: 'INTERNAL', message: 'The upload failed.' }, !req.readableEnded);
}

export interface TransferRouteOptions {
  hub: TransferHub;
  /** Default UPLOAD_IDLE_MS; 0: no limit. */
  uploadIdleMs?: number;
}

/**
 * Browser mode's transfer endpoints, with the same Host/Origin checks as every request (done by
 * the caller): `GET /api/download/<ticket>` streams a download as an attachment (the ticket is the
 * credential); `POST /api/upload/<ticket>` (token required) streams the body into the upload.
 * Returns false for any other path.
 */
export function routeTransfer(req: IncomingMessage, res: ServerResponse, pathname: string, options: TransferRouteOptions): boolean {
  const { hub } = options;
  const work = pathname.startsWith(DOWNLOAD_PREFIX)
    ? serveDownload(hub, pathname.slice(DOWNLOAD_PREFIX.length), req, res)
    : isUploadPath(pathname)
      ? receiveUpload(hub, pathname.slice(UPLOAD_PREFIX.length), req, res, options.uploadIdleMs ?? UPLOAD_IDLE_MS)
      : undefined;
  if (!work) return false;
  void work.catch((err: unknown) => sendError(res, toBerthError(err).toShape(), true));
  return true;
}
