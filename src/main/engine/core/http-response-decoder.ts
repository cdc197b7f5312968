/**
 * An HTTP/1.1 response read from raw bytes: the status line and headers, then the body framed by
 * `Transfer-Encoding: chunked` or `Content-Length` (or, with neither, by the connection's end).
 * It knows whether the body arrived whole: a chunked body is complete only at its 0-size chunk, a
 * sized one at its last byte, so a connection cut anywhere before is told apart from the end.
 * No I/O: bytes are fed in, body bytes come out as ranges of the buffer that was fed.
 */

/** What the response head says. Header names are lower case; repeated headers are joined with ", ". */
export interface ResponseHead {
  statusCode: number;
  reason: string;
  headers: ReadonlyMap<string, string>;
}

/** The bytes were not the HTTP the engine speaks (or went beyond a limit). */
export class HttpProtocolError extends Error {
  readonly code = 'ERR_ENGINE_HTTP';
  constructor(problem: string) {
    super(`The engine's answer was not valid HTTP: ${problem}.`);
    this.name = 'HttpProtocolError';
  }
}

/** The connection ended before the response did. The code is the one a reset connection has. */
export class ResponseCutError extends Error {
  readonly code = 'ECONNRESET';
  constructor(what: string) {
    super(`The engine's connection closed ${what}.`);
    this.name = 'ResponseCutError';
  }
}

export interface ResponseHandlers {
  /** Once per response (interim 1xx answers are skipped); may throw to refuse it. */
  onHead(head: ResponseHead): void;
  /** Body bytes: `buffer[start, end)`, valid only during the call. */
  onBody(buffer: Buffer, start: number, end: number): void;
  /** The body is complete. */
  onEnd(): void;
}

/** Limits that keep a wrong peer from making main buffer or count without end. */
const MAX_HEAD_BYTES = 64 * 1024;
const MAX_CHUNK_LINE_BYTES = 4 * 1024;
const MAX_TRAILER_BYTES = 64 * 1024;
/** 256 TiB in one chunk: far beyond any engine's, and size * 16 + 15 stays an exact number. */
const MAX_CHUNK_SIZE = 2 ** 48;

const CR = 0x0d;
const LF = 0x0a;
const SP = 0x20;
const HTAB = 0x09;
const SEMICOLON = 0x3b;
const HEAD_END = Buffer.from('\r\n\r\n');

/**
 * Where a chunk-size line is: in its hex digits, in blanks after them, in an extension (`;name=value`,
 * ignored), or after its CR.
 */
type SizeLinePart = 'digits' | 'blank' | 'extension' | 'lf';

type State =
  | { kind: 'head' }
  | { kind: 'chunk-size'; part: SizeLinePart; size: number; digits: number; lineBytes: number }
  | { kind: 'chunk-data'; left: number }
  | { kind: 'chunk-data-end'; seen: number }
  | { kind: 'trailer'; lineBytes: number; totalBytes: number; afterCr: boolean }
  | { kind: 'sized'; left: number }
  | { kind: 'until-close' }
  | { kind: 'done' };

const chunkSizeState = (): State => ({ kind: 'chunk-size', part: 'digits', size: 0, digits: 0, lineBytes: 0 });

/** The value of a hex digit, or -1. */
function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  return -1;
}

function parseHead(text: string): ResponseHead {
  const [statusLine = '', ...lines] = text.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(statusLine);
  if (!status) throw new HttpProtocolError(`the status line is ${JSON.stringify(statusLine.slice(0, 80))}`);
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0 || /[\s]/.test(line.slice(0, colon))) throw new HttpProtocolError(`a header line is ${JSON.stringify(line.slice(0, 80))}`);
    const name = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1).trim();
    const earlier = headers.get(name);
    headers.set(name, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  return { statusCode: Number(status[1]), reason: status[2] ?? '', headers };
}

/** How the body after `head` is framed (RFC 9112, 6.3). */
function bodyState(head: ResponseHead): State {
  const { statusCode, headers } = head;
  if (statusCode === 204 || statusCode === 304) return { kind: 'done' };
  const encoding = headers.get('transfer-encoding');
  if (encoding !== undefined) {
    if (encoding.trim().toLowerCase() !== 'chunked') throw new HttpProtocolError(`the transfer encoding "${encoding}" is not supported`);
    return chunkSizeState();
  }
  const length = headers.get('content-length');
  if (length !== undefined) {
    const values = new Set(length.split(',').map((value) => value.trim()));
    const [only] = values;
    if (values.size !== 1 || only === undefined || !/^\d{1,15}$/.test(only)) throw new HttpProtocolError(`the content length is "${length}"`);
    const bytes = Number(only);
    return bytes === 0 ? { kind: 'done' } : { kind: 'sized', left: bytes };
  }
  return { kind: 'until-close' };
}

export class ResponseDecoder {
  private state: State = { kind: 'head' };
  /** Bytes of the response head that began in an earlier buffer. */
  private pendingHead: Buffer | undefined;

  constructor(private readonly handlers: ResponseHandlers) {}

  get complete(): boolean {
    return this.state.kind === 'done';
  }

  get headDone(): boolean {
    return this.state.kind !== 'head';
  }

  /**
   * Feeds the next bytes of the connection; throws HttpProtocolError (or what a handler threw).
   * Returns where it stopped: `end`, or earlier right after the response head (so the caller can
   * hand on the body before any of it is read) or the end of the response.
   */
  feed(buffer: Buffer, start = 0, end = buffer.length): number {
    let at = start;
    while (at < end && this.state.kind !== 'done') {
      const inHead = this.state.kind === 'head';
      at = this.step(buffer, at, end);
      if (inHead && this.state.kind !== 'head') return at;
    }
    return this.state.kind === 'done' ? at : end;
  }

  /** The connection ended: fine after a complete body or one framed by the close; else a ResponseCutError. */
  finish(): void {
    const kind = this.state.kind;
    if (kind === 'done') return;
    if (kind === 'until-close') {
      this.end();
      return;
    }
    throw new ResponseCutError(kind === 'head' ? 'before the response head was complete' : 'before the end of the response body');
  }

  /** Consumes what it can from `buffer[at, end)` in the current state; returns where it stopped. */
  private step(buffer: Buffer, at: number, end: number): number {
    const state = this.state;
    switch (state.kind) {
      case 'head':
        return this.readHead(buffer, at, end);
      case 'chunk-size':
        return this.readSizeLine(state, buffer, at, end);
      case 'chunk-data':
      case 'sized': {
        const take = Math.min(state.left, end - at);
        this.handlers.onBody(buffer, at, at + take);
        state.left -= take;
        if (state.left === 0) {
          if (state.kind === 'chunk-data') this.state = { kind: 'chunk-data-end', seen: 0 };
          else this.end();
        }
        return at + take;
      }
      case 'chunk-data-end': {
        let next = at;
        while (next < end && state.seen < 2) {
          if (buffer[next] !== (state.seen === 0 ? CR : LF)) throw new HttpProtocolError('a chunk is longer than its size says');
          state.seen += 1;
          next += 1;
        }
        if (state.seen === 2) this.state = chunkSizeState();
        return next;
      }
      case 'trailer':
        return this.readTrailer(state, buffer, at, end);
      case 'until-close':
        this.handlers.onBody(buffer, at, end);
        return end;
      case 'done':
        return end;
    }
  }

  private end(): void {
    this.state = { kind: 'done' };
    this.handlers.onEnd();
  }

  private readHead(buffer: Buffer, at: number, end: number): number {
    const held = this.pendingHead?.length ?? 0;
    const window = this.pendingHead ? Buffer.concat([this.pendingHead, buffer.subarray(at, end)]) : buffer.subarray(at, end);
    this.pendingHead = undefined;
    // The head may end across buffers: look from up to 3 bytes before this one.
    const found = window.indexOf(HEAD_END, Math.max(0, held - 3));
    if (found < 0 || found > MAX_HEAD_BYTES) {
      if (window.length > MAX_HEAD_BYTES) throw new HttpProtocolError(`the response head is longer than ${MAX_HEAD_BYTES} bytes`);
      this.pendingHead = Buffer.from(window);
      return end;
    }
    const head = parseHead(window.subarray(0, found).toString('latin1'));
    const next = at + (found + HEAD_END.length - held);
    // 1xx answers (except a switch of protocols, never asked for) come before the real one.
    if (head.statusCode >= 100 && head.statusCode < 200) {
      if (head.statusCode === 101) throw new HttpProtocolError('the engine switched protocols unasked');
      return next;
    }
    this.state = bodyState(head);
    this.handlers.onHead(head);
    if (this.state.kind === 'done') this.handlers.onEnd();
    return next;
  }

  /** `1a2b[ ][;extension]CRLF`, byte by byte (one per chunk of the body: no strings made). */
  private readSizeLine(state: Extract<State, { kind: 'chunk-size' }>, buffer: Buffer, at: number, end: number): number {
    for (let i = at; i < end; i++) {
      const byte = buffer[i]!;
      if (++state.lineBytes > MAX_CHUNK_LINE_BYTES) throw new HttpProtocolError(`a chunk size line is longer than ${MAX_CHUNK_LINE_BYTES} bytes`);
      if (state.part === 'lf') {
        if (byte !== LF) throw new HttpProtocolError('a chunk size line does not end with CRLF');
        this.state = state.size === 0 ? { kind: 'trailer', lineBytes: 0, totalBytes: 0, afterCr: false } : { kind: 'chunk-data', left: state.size };
        return i + 1;
      }
      if (byte === CR && state.digits > 0) state.part = 'lf';
      else if (state.part === 'digits') {
        const value = hexValue(byte);
        if (value >= 0) {
          state.digits += 1;
          state.size = state.size * 16 + value;
          if (state.size > MAX_CHUNK_SIZE) throw new HttpProtocolError('a chunk size is too large');
        } else if (state.digits > 0 && (byte === SP || byte === HTAB)) state.part = 'blank';
        else if (state.digits > 0 && byte === SEMICOLON) state.part = 'extension';
        else throw new HttpProtocolError(`a chunk size line has ${JSON.stringify(String.fromCharCode(byte))} where a hex digit belongs`);
      } else if (state.part === 'blank') {
        if (byte === SEMICOLON) state.part = 'extension';
        else if (byte !== SP && byte !== HTAB) throw new HttpProtocolError('a chunk size line has text after the size that is not an extension');
      } else if (byte === LF) throw new HttpProtocolError('a chunk size line does not end with CRLF');
    }
    return end;
  }

  /** Trailer fields after the 0-size chunk (ignored) up to the empty line that ends the response. */
  private readTrailer(state: Extract<State, { kind: 'trailer' }>, buffer: Buffer, at: number, end: number): number {
    for (let i = at; i < end; i++) {
      const byte = buffer[i]!;
      if (++state.totalBytes > MAX_TRAILER_BYTES) throw new HttpProtocolError(`the trailer is longer than ${MAX_TRAILER_BYTES} bytes`);
      if (state.afterCr) {
        if (byte !== LF) throw new HttpProtocolError('a trailer line does not end with CRLF');
        if (state.lineBytes === 0) {
          this.end();
          return i + 1;
        }
        state.afterCr = false;
        state.lineBytes = 0;
      } else if (byte === CR) state.afterCr = true;
      else if (byte === LF) throw new HttpProtocolError('a trailer line does not end with CRLF');
      else state.lineBytes += 1;
    }
    return end;
  }
}
