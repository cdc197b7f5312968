import type { LogLine, LogStreamName } from '../../../shared/types/logs';
import { FrameParser, STDERR } from '../core/log-frames';

export interface LogDecoderOptions {
  /** TTY containers' logs are raw bytes; others come in multiplexed frames. */
  tty: boolean;
  /** The engine was asked for timestamps: each message starts with one and a space. */
  timestamps: boolean;
  /** Longer lines are cut into pieces of at most this many bytes (marked `partial`). */
  maxLineBytes?: number;
}

const DEFAULT_MAX_LINE_BYTES = 64 * 1024;
/** RFC 3339 with nanoseconds and a zone offset fits in 35 characters; anything longer is text. */
const TIMESTAMP_MAX = 40;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const NEWLINE = 10;
const SPACE = 32;
const CARRIAGE_RETURN = 13;

/** Turns one stream's bytes into lines: across chunk and frame boundaries, with each line's timestamp. */
class LineAssembler {
  private pieces: Buffer[] = [];
  private size = 0;
  /** A piece of the current line was already emitted (it was cut, or its message was partial). */
  private continuing = false;
  private timestamp: string | undefined;
  private messageTimestamp: string | undefined;
  private expectTimestamp = false;
  private timestampHead = '';

  constructor(
    private readonly stream: LogStreamName,
    private readonly timestamps: boolean,
    private readonly maxBytes: number,
    /** Raw bytes: every line (not every frame) starts with its timestamp. */
    public rawMode: boolean,
  ) {
    if (rawMode) this.expectTimestamp = timestamps;
  }

  /** A new message begins (a frame): it starts with a timestamp when those were asked for. */
  messageStart(): void {
    if (this.timestamps) this.expectTimestamp = true;
  }

  feed(buf: Buffer, start: number, end: number, out: LogLine[]): void {
    let pos = start;
    while (pos < end) {
      const newline = buf.indexOf(NEWLINE, pos);
      const complete = newline !== -1 && newline < end;
      // The common case: a whole line in this chunk, nothing pending: one decode, then string work.
      if (complete && this.size === 0 && this.timestampHead === '' && newline - pos <= this.maxBytes) {
        this.emitLine(buf.toString('utf8', pos, newline), out);
        pos = newline + 1;
        if (this.rawMode) this.expectTimestamp = this.timestamps;
        continue;
      }
      if (this.expectTimestamp) {
        pos = this.readTimestamp(buf, pos, end);
        if (this.expectTimestamp) return;
        continue;
      }
      if (!complete) {
        this.append(buf.subarray(pos, end), out);
        return;
      }
      if (this.size + (newline - pos) > this.maxBytes) {
        this.append(buf.subarray(pos, newline), out);
        this.emit(Buffer.alloc(0), out, false);
      } else this.emit(buf.subarray(pos, newline), out, false);
      pos = newline + 1;
      if (this.rawMode) this.expectTimestamp = this.timestamps;
    }
  }

  /** A whole line, decoded, that may start with its timestamp. */
  private emitLine(decoded: string, out: LogLine[]): void {
    let text = decoded;
    if (this.expectTimestamp) {
      this.expectTimestamp = false;
      const space = text.indexOf(' ');
      if (space > 0 && space < TIMESTAMP_MAX) {
        const candidate = text.slice(0, space);
        if (TIMESTAMP.test(candidate)) {
          this.messageTimestamp = candidate;
          if (!this.continuing) this.timestamp = candidate;
          text = text.slice(space + 1);
        }
      }
    }
    if (text.charCodeAt(text.length - 1) === CARRIAGE_RETURN) text = text.slice(0, -1);
    const line: LogLine = { stream: this.stream, text };
    if (this.timestamp !== undefined) line.timestamp = this.timestamp;
    out.push(line);
    this.continuing = false;
    this.timestamp = this.rawMode ? undefined : this.messageTimestamp;
  }

  /** What is left at the end of the stream: a last line without a newline. */
  finish(out: LogLine[]): void {
    if (this.timestampHead) this.append(Buffer.from(this.timestampHead, 'latin1'), out);
    this.timestampHead = '';
    this.expectTimestamp = false;
    if (this.size > 0) this.emit(Buffer.alloc(0), out, false);
  }

  private atLineStart(): boolean {
    return this.size === 0 && !this.continuing;
  }

  /** Consumes "<timestamp> " (possibly split across chunks); returns where the text resumes. */
  private readTimestamp(buf: Buffer, pos: number, end: number): number {
    const limit = Math.min(end, pos + TIMESTAMP_MAX - this.timestampHead.length);
    let at = pos;
    while (at < limit && buf[at] !== SPACE && buf[at] !== NEWLINE) at++;
    if (at < limit && buf[at] === SPACE) {
      const candidate = this.timestampHead + buf.toString('latin1', pos, at);
      if (TIMESTAMP.test(candidate)) {
        this.timestampHead = '';
        this.expectTimestamp = false;
        this.messageTimestamp = candidate;
        // A message continuing a line that was cut keeps the line's first timestamp.
        if (this.atLineStart()) this.timestamp = candidate;
        return at + 1;
      }
      return this.noTimestamp(pos);
    }
    if (at < limit || limit < end || this.timestampHead.length + (end - pos) >= TIMESTAMP_MAX) return this.noTimestamp(pos);
    this.timestampHead += buf.toString('latin1', pos, end);
    return end;
  }

  /** What looked like the start of a timestamp is text after all. */
  private noTimestamp(pos: number): number {
    const head = this.timestampHead;
    this.timestampHead = '';
    this.expectTimestamp = false;
    if (head) this.append(Buffer.from(head, 'latin1'));
    return pos;
  }

  private append(bytes: Buffer, out?: LogLine[]): void {
    if (bytes.length === 0) return;
    this.pieces.push(bytes);
    this.size += bytes.length;
    if (out) while (this.size > this.maxBytes) this.cut(out);
  }

  /** Emits the first maxBytes of an overlong line (at a UTF-8 character boundary) as a partial line. */
  private cut(out: LogLine[]): void {
    const all = Buffer.concat(this.pieces, this.size);
    let at = this.maxBytes;
    while (at > 0 && (all[at]! & 0xc0) === 0x80) at--;
    if (at === 0) at = this.maxBytes;
    this.pieces = [];
    this.size = 0;
    this.emit(all.subarray(0, at), out, true);
    const rest = all.subarray(at);
    this.pieces = rest.length ? [rest] : [];
    this.size = rest.length;
  }

  private emit(tail: Buffer, out: LogLine[], partial: boolean): void {
    let bytes = tail;
    if (this.size > 0) {
      this.pieces.push(tail);
      bytes = Buffer.concat(this.pieces, this.size + tail.length);
      this.pieces = [];
      this.size = 0;
    }
    let length = bytes.length;
    if (!partial && length > 0 && bytes[length - 1] === CARRIAGE_RETURN) length -= 1;
    const line: LogLine = { stream: this.stream, text: bytes.toString('utf8', 0, length) };
    if (this.timestamp !== undefined) line.timestamp = this.timestamp;
    if (partial) line.partial = true;
    out.push(line);
    this.continuing = partial;
    // Further lines of the same message (rare) carry the message's time; raw mode reads each line's own.
    if (!partial) this.timestamp = this.rawMode ? undefined : this.messageTimestamp;
  }
}

/**
 * Decodes `docker logs` bytes into lines: multiplexed frames (stdout and stderr apart) for non-TTY
 * containers, raw bytes for TTY ones; lines split across chunks and frames, invalid UTF-8 (shown
 * as U+FFFD), "\r\n" endings, overlong lines cut into partial pieces, and the engine's timestamp
 * prefixes — including the ones on the continuation frames of a message the engine split.
 */
export class LogDecoder {
  private lines: LogLine[] = [];
  private readonly stdout: LineAssembler;
  private readonly stderr: LineAssembler;
  private readonly parser: FrameParser | undefined;

  constructor({ tty, timestamps, maxLineBytes = DEFAULT_MAX_LINE_BYTES }: LogDecoderOptions) {
    this.stdout = new LineAssembler('stdout', timestamps, maxLineBytes, tty);
    this.stderr = new LineAssembler('stderr', timestamps, maxLineBytes, false);
    if (!tty) {
      this.parser = new FrameParser({
        frameStart: (stream) => {
          if (this.parser?.passthrough) this.stdout.rawMode = true;
          else (stream === STDERR ? this.stderr : this.stdout).messageStart();
        },
        payload: (stream, buf, start, end) => (stream === STDERR ? this.stderr : this.stdout).feed(buf, start, end, this.lines),
      });
    }
  }

  /** The lines completed by this chunk. */
  push(chunk: Buffer): LogLine[] {
    if (this.parser) this.parser.push(chunk);
    else this.stdout.feed(chunk, 0, chunk.length, this.lines);
    return this.take();
  }

  /** The stream ended: whatever is left becomes a last line. */
  end(): LogLine[] {
    this.stdout.finish(this.lines);
    this.stderr.finish(this.lines);
    return this.take();
  }

  private take(): LogLine[] {
    const lines = this.lines;
    this.lines = [];
    return lines;
  }
}
