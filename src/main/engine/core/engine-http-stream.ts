import net from 'node:net';
import { Readable } from 'node:stream';
import { ResponseDecoder, type ResponseHead } from './http-response-decoder';

/**
 * A GET of a large body from the engine's unix socket, without Node's HTTP client: socket reads go
 * straight into 1 MiB slabs (ReadSlabs), the framing is decoded in place, and the body is handed
 * on as pieces of those slabs, not copied. A consumer that says when it is done with a piece
 * (`releaseChunk`, after writing it to disk) lets its slab be read into again: a fresh buffer per
 * read, and the page faults of filling it, cost more kernel time than the copy to disk itself.
 * Node's client (64 KiB reads, llhttp callbacks and two stream stages per read) made `docker
 * export` through dockerode about 0.9x the CLI's speed. The body stream fails rather than ends
 * when the response is cut short (see ResponseDecoder).
 */

const SLAB_BYTES = 1024 * 1024;
/** A read goes to a fresh slab when less than this is left in the current one. */
const MIN_READ_ROOM = 64 * 1024;
/** The body waiting for its consumer: reading stops at this much (one read may add one more MiB). */
const BODY_HIGH_WATER_MARK = 1024 * 1024;
/** Of an error answer's body, this much is read for its message. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * The memory one response is read into: reads fill a slab one after another; a slab is read into
 * again only once every body piece cut from it was released (or never, if its consumer does not
 * release: then it is garbage like any buffer).
 */
class ReadSlabs {
  private current: Buffer = Buffer.allocUnsafeSlow(SLAB_BYTES);
  private used = 0;
  /** Pieces handed on and not yet released, by the slab they were cut from. */
  private readonly outstanding = new Map<ArrayBufferLike, number>();
  private readonly free: Buffer[] = [];
  /** Every slab's memory: only pieces of these are counted (a piece of a copy is just a buffer). */
  private readonly slabs = new Set<ArrayBufferLike>([this.current.buffer]);

  /** Where the next socket read goes. */
  room(): Buffer {
    if (SLAB_BYTES - this.used < MIN_READ_ROOM) {
      const full = this.current;
      this.current = this.free.pop() ?? this.newSlab();
      this.used = 0;
      if (!this.outstanding.has(full.buffer)) this.free.push(full);
    }
    return this.current.subarray(this.used);
  }

  /** `bytes` were read into the last room(). */
  filled(bytes: number): void {
    this.used += bytes;
  }

  /** A piece of a slab goes to the consumer: the slab is not read into again until it is released. */
  handedOn(piece: Buffer): void {
    if (!this.slabs.has(piece.buffer)) return;
    this.outstanding.set(piece.buffer, (this.outstanding.get(piece.buffer) ?? 0) + 1);
  }

  release(piece: Buffer): void {
    const count = this.outstanding.get(piece.buffer);
    if (count === undefined) return;
    if (count > 1) {
      this.outstanding.set(piece.buffer, count - 1);
      return;
    }
    this.outstanding.delete(piece.buffer);
    if (piece.buffer !== this.current.buffer) this.free.push(Buffer.from(piece.buffer, 0, SLAB_BYTES));
  }

  private newSlab(): Buffer {
    const slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    this.slabs.add(slab.buffer);
    return slab;
  }
}

/** The body of a GET: a stream of pieces; `releaseChunk(piece)` once a piece is written lets its memory be read into again. */
export type EngineBody = Readable & { releaseChunk(piece: Buffer): void };

/** A non-2xx answer, shaped as dockerode's errors are, so the same mapping (toBerthError) applies. */
class EngineHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: string,
    readonly json: { message?: string } | null,
  ) {
    super(`(HTTP code ${statusCode}) ${reason} - ${json?.message ?? ''}`.trim());
    this.name = 'EngineHttpError';
  }
}

function errorFrom(head: ResponseHead, body: Buffer): EngineHttpError {
  const text = body.toString('utf8').trim();
  let json: { message?: string } | null = null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && typeof (parsed as { message?: unknown }).message === 'string')
      json = { message: (parsed as { message: string }).message };
  } catch {
    // Not JSON: the text itself is the message.
  }
  return new EngineHttpError(head.statusCode, head.reason, json ?? { message: text || head.reason || `HTTP ${head.statusCode}` });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? Object.assign(new Error('This operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' });
}

export interface EngineGetRequest {
  /** The engine's unix socket. */
  socketPath: string;
  /** The request target, e.g. `/containers/ID/export` (with the API version prefix if one is used). */
  path: string;
  /** Aborting it closes the connection: before the head the promise rejects, after it the body fails. */
  signal: AbortSignal;
  /**
   * Ask as HTTP/1.0, so the engine sends the body unframed and ends it by closing the connection:
   * it then writes each piece once instead of as a chunk with its size line, which made `docker
   * export` measurably cheaper for the engine. A cut then looks like an end, so only a body that
   * proves its own end (a tar, checked by tarCompletenessCheck) may be asked for this way.
   */
  unframed?: boolean;
}

/**
 * Sends `GET path` and resolves the body once a 2xx head arrived. A non-2xx answer rejects with an
 * EngineHttpError (status and the engine's message); a connection that fails rejects with the
 * socket's error (ENOENT, ECONNREFUSED, ...). The body pauses the socket while its consumer is
 * behind, and fails with a ResponseCutError (code ECONNRESET) if the connection ends before the
 * response does, or an HttpProtocolError on bytes that are not HTTP.
 */
export function engineGetStream({ socketPath, path, signal, unframed = false }: EngineGetRequest): Promise<EngineBody> {
  return new Promise<EngineBody>((resolve, reject) => {
    if (signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    let head: ResponseHead | undefined;
    let body: EngineBody | undefined;
    const slabs = new ReadSlabs();
    /** What came after the head in its read: held (the socket paused) until the consumer first reads. */
    let afterHead: Buffer | undefined;
    let consumerReading = false;
    /** The connection closed before the consumer first read: handled once it does. */
    let connectionEndedEarly = false;
    let errorBody: Buffer[] = [];
    let errorBytes = 0;
    let settled = false;
    let finished = false;
    /** Whether the consumer still takes more: false once a push says it is full. */
    let consumerHasRoom = true;

    const closeConnection = (): void => {
      finished = true;
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
    };
    const rejectWithAnswer = (): void => {
      closeConnection();
      settled = true;
      reject(errorFrom(head!, Buffer.concat(errorBody)));
      errorBody = [];
    };
    const fail = (err: unknown): void => {
      if (finished) return;
      closeConnection();
      if (!settled) {
        settled = true;
        reject(err);
      } else body?.destroy(err instanceof Error ? err : new Error(String(err)));
    };
    const onAbort = (): void => fail(abortReason(signal));

    const decoder = new ResponseDecoder({
      onHead(received) {
        head = received;
      },
      onBody(buffer, start, end) {
        if (body) {
          const piece = buffer.subarray(start, end);
          slabs.handedOn(piece);
          if (!body.push(piece)) consumerHasRoom = false;
        } else if (errorBytes < MAX_ERROR_BODY_BYTES) {
          const keep = buffer.subarray(start, Math.min(end, start + MAX_ERROR_BODY_BYTES - errorBytes));
          errorBody.push(Buffer.from(keep));
          errorBytes += keep.length;
        }
      },
      onEnd() {
        // Handled after the read: the body's last bytes are still in `ranges`.
      },
    });

    /** Decodes `buffer[start, end)` of the body or an error answer; false when reading should pause. */
    const decode = (buffer: Buffer, start: number, end: number): boolean => {
      consumerHasRoom = true;
      try {
        decoder.feed(buffer, start, end);
      } catch (err) {
        fail(err);
        return false;
      }
      const more = consumerHasRoom;
      if (decoder.complete) {
        if (body) {
          closeConnection();
          body.push(null);
        } else rejectWithAnswer();
        return false;
      }
      // An error answer is only read as far as its message.
      if (!body && errorBytes >= MAX_ERROR_BODY_BYTES) {
        rejectWithAnswer();
        return false;
      }
      return more;
    };

    /** A 2xx head: the body is handed on, and nothing after the head is decoded until it is read. */
    const startBody = (): void => {
      const stream = new Readable({
        highWaterMark: BODY_HIGH_WATER_MARK,
        read: () => {
          if (finished) return;
          if (!consumerReading) {
            // Errors found from here on reach a consumer that is listening.
            consumerReading = true;
            const held = afterHead;
            afterHead = undefined;
            if (held && !decode(held, 0, held.length)) return;
            if (connectionEndedEarly) return connectionEnded();
          }
          socket.resume();
        },
        destroy: (err, callback) => {
          if (!finished) closeConnection();
          callback(err);
        },
      });
      body = Object.assign(stream, { releaseChunk: (piece: Buffer) => slabs.release(piece) });
      settled = true;
      resolve(body);
    };

    /** The connection closed: the end of a body framed by it, else a response cut short. */
    const connectionEnded = (): void => {
      if (finished) return;
      try {
        decoder.finish();
      } catch (err) {
        // An error answer cut short still says what the engine answered.
        if (head && !body) rejectWithAnswer();
        else fail(err);
        return;
      }
      if (body) {
        closeConnection();
        body.push(null);
      } else if (head) rejectWithAnswer();
    };

    const onRead = (bytes: number, readBuffer: Uint8Array): boolean => {
      if (finished) return false;
      slabs.filled(bytes);
      const read = Buffer.from(readBuffer.buffer, readBuffer.byteOffset, bytes);
      let at = 0;
      if (!decoder.headDone) {
        try {
          at = decoder.feed(read, 0, bytes);
        } catch (err) {
          fail(err);
          return false;
        }
        if (!decoder.headDone) return true;
        if (head!.statusCode < 300) {
          startBody();
          // Copied: held until the consumer first reads, while the slab may be read into again.
          afterHead = Buffer.from(read.subarray(at, bytes));
          return false;
        }
      }
      return decode(read, at, bytes);
    };

    const socket = net.connect({ path: socketPath, onread: { buffer: () => slabs.room(), callback: onRead } });
    socket.on('error', fail);
    socket.on('close', () => {
      if (finished) return;
      if (body && !consumerReading) connectionEndedEarly = true;
      else connectionEnded();
    });
    signal.addEventListener('abort', onAbort, { once: true });
    socket.write(`GET ${path} HTTP/${unframed ? '1.0' : '1.1'}\r\nHost: docker\r\nUser-Agent: Berth\r\nAccept-Encoding: identity\r\n\r\n`);
  });
}
