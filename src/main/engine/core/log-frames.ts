import { Transform, type TransformCallback } from 'node:stream';

/** Stream numbers in the engine's frame headers (3 is the engine's own error output: shown as stderr). */
export const STDOUT = 1;
export const STDERR = 2;

export interface FrameHandlers {
  /** A frame begins (one log message for `docker logs`). */
  frameStart(stream: number): void;
  /** Bytes of the current frame's payload: `buf[start, end)`. */
  payload(stream: number, buf: Buffer, start: number, end: number): void;
}

/**
 * Incremental parser of the engine's multiplexed stream for non-TTY containers: each frame is an
 * 8-byte header (stream type, three zero bytes, big-endian payload size) and its payload. Headers
 * and payloads may be split anywhere across chunks. Bytes that are not frames (a TTY container
 * mistaken for a non-TTY one) are passed on as stdout from there on, rather than lost.
 */
export class FrameParser {
  private readonly header = Buffer.alloc(8);
  private headerFill = 0;
  private remaining = 0;
  private stream = STDOUT;
  private raw = false;

  constructor(private readonly handlers: FrameHandlers) {}

  /** True once the bytes did not look like frames and are passed through unparsed. */
  get passthrough(): boolean {
    return this.raw;
  }

  /** True while a frame's header or payload is only partly received. */
  get midFrame(): boolean {
    return this.headerFill > 0 || this.remaining > 0;
  }

  push(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.raw) {
        this.handlers.payload(STDOUT, chunk, pos, chunk.length);
        return;
      }
      if (this.remaining === 0) {
        const want = 8 - this.headerFill;
        const have = Math.min(want, chunk.length - pos);
        chunk.copy(this.header, this.headerFill, pos, pos + have);
        this.headerFill += have;
        pos += have;
        if (this.headerFill < 8) return;
        this.headerFill = 0;
        const type = this.header[0]!;
        if (type > 3 || this.header[1] !== 0 || this.header[2] !== 0 || this.header[3] !== 0) {
          this.raw = true;
          this.handlers.frameStart(STDOUT);
          this.handlers.payload(STDOUT, Buffer.from(this.header), 0, 8);
          continue;
        }
        this.stream = type === 1 ? STDOUT : STDERR;
        this.remaining = this.header.readUInt32BE(4);
        this.handlers.frameStart(this.stream);
        continue;
      }
      const end = Math.min(chunk.length, pos + this.remaining);
      this.handlers.payload(this.stream, chunk, pos, end);
      this.remaining -= end - pos;
      pos = end;
    }
  }
}

/** A Transform from the engine's multiplexed frames to the payload bytes (stdout and stderr interleaved, as `2>&1`). */
export function demuxTransform(): Transform {
  let out: Buffer[] = [];
  const parser = new FrameParser({
    frameStart: () => undefined,
    payload: (_stream, buf, start, end) => void out.push(buf.subarray(start, end)),
  });
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      parser.push(chunk);
      const pieces = out;
      out = [];
      if (pieces.length === 0) done();
      else done(null, pieces.length === 1 ? pieces[0] : Buffer.concat(pieces));
    },
  });
}
