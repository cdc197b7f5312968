import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../../shared/errors';

/** The HTTP status browser mode answers for each error code (invoke, upload and download alike). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CANCELLED: 499,
  INTERNAL: 500,
  ENGINE_UNAVAILABLE: 503,
  LIMIT_REACHED: 429,
  CONNECTION_LOST: 503,
  REGISTRY_UNAVAILABLE: 502,
};

/**
 * One JSON answer, never cached. `closeAfter` ends the connection (an upload refused mid-body).
 * If a streamed answer already started, a JSON error can no longer be sent: the connection is cut.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, closeAfter = false): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(closeAfter ? { Connection: 'close' } : {}),
  });
  res.end(text);
}
