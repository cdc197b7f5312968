import type { OutputStream } from '../../../shared/types/terminal';

export interface OutputBatcherOptions {
  emit(stream: OutputStream, data: Buffer): void;
  /** true: the renderer is too far behind, stop reading from the engine; false: read again. */
  onPressure(paused: boolean): void;
  /** Under a flood, frames go out at most this often… */
  windowMs?: number;
  /** …and a flood is this many bytes within one window. */
  bulkBytes?: number;
  maxFrameBytes?: number;
  /** Unacknowledged bytes at which reading pauses, and the level at which it resumes. */
  highWater?: number;
  lowWater?: number;
}

/**
 * Turns a session's output into few frames without delaying keystroke echo. While output is light
 * (under `bulkBytes` per window), whatever arrived in one turn of the event loop goes out at the
 * end of that turn; once it is heavy (a flood: 50 MB, `yes`), frames go out every `windowMs`, or
 * at `maxFrameBytes`. A frame never mixes streams (their order is kept). Flow control is
 * credit-based: the renderer acknowledges what it has drawn, and reading from the engine pauses
 * while too much is unacknowledged, so a flood cannot pile up in memory or freeze the page.
 * Frames are at most `maxFrameBytes`, and nothing more is sent while paused (what the engine
 * delivered after the pause waits here), so in flight is never above `highWater + maxFrameBytes`.
 */
/** Output of one stream waiting to be sent; consecutive chunks of the same stream share one. */
interface Segment {
  stream: OutputStream;
  chunks: Buffer[];
  bytes: number;
}

export class OutputBatcher {
  /** In arrival order; a frame is cut from the first segment only, so streams never mix. */
  private segments: Segment[] = [];
  private pendingBytes = 0;
  private scheduled: { cancel(): void } | undefined;
  private windowStart = 0;
  private windowBytes = 0;
  private unacked = 0;
  private paused = false;
  private readonly windowMs: number;
  private readonly bulkBytes: number;
  private readonly maxFrameBytes: number;
  private readonly highWater: number;
  private readonly lowWater: number;

  constructor(private readonly options: OutputBatcherOptions) {
    this.windowMs = options.windowMs ?? 16;
    this.bulkBytes = options.bulkBytes ?? 32 * 1024;
    this.maxFrameBytes = options.maxFrameBytes ?? 256 * 1024;
    this.highWater = options.highWater ?? 2 * 1024 * 1024;
    this.lowWater = options.lowWater ?? 512 * 1024;
  }

  /** Bytes sent but not yet acknowledged. */
  get inFlight(): number {
    return this.unacked;
  }

  push(stream: OutputStream, chunk: Buffer): void {
    if (chunk.length === 0) return;
    const last = this.segments.at(-1);
    if (last?.stream === stream) {
      last.chunks.push(chunk);
      last.bytes += chunk.length;
    } else {
      this.segments.push({ stream, chunks: [chunk], bytes: chunk.length });
    }
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= this.maxFrameBytes) this.flush();
    else this.schedule();
  }

  acknowledge(bytes: number): void {
    this.unacked = Math.max(0, this.unacked - bytes);
    if (this.paused && this.unacked <= this.lowWater) {
      this.paused = false;
      this.options.onPressure(false);
      if (this.pendingBytes > 0) this.schedule();
    }
  }

  /** Sends whatever is waiting, paused or not (before the session's end message). */
  finish(): void {
    this.flush(true);
    this.dispose();
  }

  dispose(): void {
    this.scheduled?.cancel();
    this.scheduled = undefined;
    this.segments = [];
    this.pendingBytes = 0;
  }

  private schedule(): void {
    if (this.scheduled) return;
    const now = Date.now();
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.windowBytes = 0;
    }
    const run = (): void => {
      this.scheduled = undefined;
      this.flush();
    };
    if (this.windowBytes < this.bulkBytes) {
      const handle = setImmediate(run);
      this.scheduled = { cancel: () => clearImmediate(handle) };
    } else {
      const handle = setTimeout(run, Math.max(1, this.windowStart + this.windowMs - now));
      this.scheduled = { cancel: () => clearTimeout(handle) };
    }
  }

  private flush(evenWhilePaused = false): void {
    this.scheduled?.cancel();
    this.scheduled = undefined;
    while (this.segments.length > 0) {
      if (this.paused && !evenWhilePaused) return;
      const segment = this.segments[0]!;
      const data = segment.chunks.length === 1 ? segment.chunks[0]! : Buffer.concat(segment.chunks, segment.bytes);
      const frame = data.subarray(0, this.maxFrameBytes);
      if (frame.length < data.length) {
        segment.chunks = [data.subarray(frame.length)];
        segment.bytes = data.length - frame.length;
      } else {
        this.segments.shift();
      }
      this.pendingBytes -= frame.length;
      this.windowBytes += frame.length;
      this.unacked += frame.length;
      this.options.emit(segment.stream, frame);
      if (!this.paused && this.unacked > this.highWater) {
        this.paused = true;
        this.options.onPressure(true);
      }
    }
  }
}
