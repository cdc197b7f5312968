import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './http-json';

/** Commands take small JSON inputs; anything bigger is refused. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** How much of a refused body is read and dropped so the answer reaches the client; past it, the connection is cut. */
const MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

/** A request refused before its command ran, with the HTTP status to answer. */
export class RequestRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a JSON request body. One over `maxBytes` is refused with 413 at once, and the rest is read
 * and dropped (up to a bound) rather than the connection cut: a client still sending would
 * otherwise see a reset instead of the answer.
 */
export function readJsonBody(req: IncomingMessage, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let discarded = 0;
    let refused = false;
    const refuse = (): void => {
      refused = true;
      chunks.length = 0;
      reject(new RequestRefusal(413, `The request body is larger than ${Math.floor(maxBytes / 1024)} KiB.`));
    };
    if (Number(req.headers['content-length']) > maxBytes) refuse();
    req.on('data', (chunk: Buffer) => {
      if (refused) {
        discarded += chunk.length;
        if (discarded > MAX_DISCARDED_BYTES) req.destroy();
        return;
      }
      size += chunk.length;
      if (size > maxBytes) return refuse();
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (!text) return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new RequestRefusal(400, 'The request body is not valid JSON.'));
      }
    });
    req.on('error', reject);
  });
}

/**
 * Answers 408 and closes when an ordinary request has not arrived whole within `ms` (what Node's
 * `requestTimeout` does, which the server turns off because it would also cut long uploads).
 */
export function limitRequestTime(req: IncomingMessage, res: ServerResponse, ms: number): void {
  if (ms <= 0 || req.complete) return;
  const timer = setTimeout(() => {
    if (req.complete) return;
    sendJson(res, 408, { error: { code: 'INVALID_INPUT', message: 'The request did not arrive in time.' } }, true);
  }, ms);
  timer.unref();
  res.once('close', () => clearTimeout(timer));
}
