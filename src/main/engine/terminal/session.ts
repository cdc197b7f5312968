import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { BerthError } from '../../../shared/errors';
import { DetachKeyMatcher } from '../../../shared/terminal/detach-keys';
import type { SessionAck, SessionEndReason, SessionMessage } from '../../../shared/types/terminal';
import { isEngineUnreachable, toBerthError } from '../core/errors';
import { FrameParser, STDOUT } from '../core/log-frames';
import type { StreamSink } from '../core/stream-sink';
import { OutputBatcher } from './output';

export type SessionKind = 'exec' | 'attach';

export interface SessionEnd {
  reason: SessionEndReason;
  exitCode: number | null;
}

export interface LiveSessionOptions {
  kind: SessionKind;
  /** Where the session is found by id while it is open. */
  registry: TerminalSessions;
  /** The hijacked engine connection: output comes from it, input goes to it. */
  socket: Duplex;
  /** Non-TTY output comes in the engine's 8-byte-header frames (stdout and stderr apart). */
  multiplexed: boolean;
  sink: StreamSink<SessionMessage>;
  resize(cols: number, rows: number): Promise<unknown>;
  /** How the session ended, asked once its output has ended (the engine's view of the process). */
  settle(): Promise<SessionEnd>;
  /** Attach: watch the input for these keys and detach on them (the engine is told them too). */
  detachKeys?: number[];
  /** Written to the process just before a close the user asked for (a shell then exits). */
  farewell?: Buffer;
}

/** A process's input buffered in main beyond this means it is not reading: refuse more. */
const MAX_BUFFERED_INPUT = 4 * 1024 * 1024;

const FAREWELL_GRACE_MS = 2000;

/**
 * The open exec and attach sessions of one backend: commands (input, resize, acknowledge) find
 * their session here by id; a session adds itself when it opens and leaves when it closes.
 */
export class TerminalSessions {
  private readonly open = new Map<string, LiveSession>();

  /** Open sessions (tests check that closed tabs leave none behind). */
  get size(): number {
    return this.open.size;
  }

  find(kind: SessionKind, id: string): LiveSession | undefined {
    const session = this.open.get(id);
    return session?.kind === kind ? session : undefined;
  }

  add(session: LiveSession): void {
    this.open.set(session.id, session);
  }

  remove(session: LiveSession): void {
    this.open.delete(session.id);
  }
}

/**
 * One open exec or attach session: relays the engine connection's output to the stream sink in
 * batches, and input, resizes and acknowledgements from commands to the engine. It closes (and
 * releases the engine connection) when the process ends, on detach, or when the stream is closed.
 */
export class LiveSession {
  readonly id = randomUUID();
  readonly kind: SessionKind;
  private readonly socket: Duplex;
  private readonly sink: StreamSink<SessionMessage>;
  private readonly batcher: OutputBatcher;
  private readonly matcher: DetachKeyMatcher | undefined;
  private state: 'open' | 'ending' | 'closed' = 'open';
  private resizing: Promise<void> = Promise.resolve();
  private wantedSize: { cols: number; rows: number } | undefined;
  private appliedSize: { cols: number; rows: number } | undefined;

  constructor(private readonly options: LiveSessionOptions) {
    this.kind = options.kind;
    this.socket = options.socket;
    this.sink = options.sink;
    this.matcher = options.detachKeys ? new DetachKeyMatcher(options.detachKeys) : undefined;
    this.batcher = new OutputBatcher({
      emit: (stream, data) => this.sink.data({ kind: 'output', stream, data: data.toString('base64') }),
      onPressure: (paused) => (paused ? this.socket.pause() : this.socket.resume()),
    });
    options.registry.add(this);
    this.relayOutput();
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /** The engine connection is gone (tests check this after a close). */
  get connectionClosed(): boolean {
    return this.socket.destroyed;
  }

  async write(data: Buffer): Promise<SessionAck> {
    if (this.state !== 'open') return { open: false };
    let bytes: Uint8Array = data;
    let detached = false;
    if (this.matcher) ({ forward: bytes, detached } = this.matcher.push(data));
    if (this.socket.writableLength > MAX_BUFFERED_INPUT) {
      throw new BerthError('CONFLICT', 'The process is not reading its input; the rest of the paste was not sent.');
    }
    if (bytes.length > 0) this.socket.write(bytes);
    if (detached) this.end({ reason: 'detached', exitCode: null });
    return { open: this.state === 'open' };
  }

  /**
   * Resizes run one after another and only the latest size is applied: two resizes in flight
   * at once can land in the engine in either order, leaving the terminal at a stale size.
   */
  async resize(cols: number, rows: number): Promise<SessionAck> {
    if (this.state !== 'open') return { open: false };
    this.wantedSize = { cols, rows };
    const run = this.resizing.then(async () => {
      const wanted = this.wantedSize;
      if (!wanted || this.state !== 'open') return;
      if (this.appliedSize?.cols === wanted.cols && this.appliedSize.rows === wanted.rows) return;
      await this.options.resize(wanted.cols, wanted.rows);
      this.appliedSize = wanted;
    });
    this.resizing = run.catch(() => undefined);
    try {
      await run;
    } catch (err) {
      // A process that just ended, or a container that stopped, has no terminal left to size.
      const mapped = toBerthError(err);
      if (mapped.code !== 'CONFLICT' && mapped.code !== 'NOT_FOUND' && mapped.code !== 'INTERNAL') throw mapped;
    }
    return { open: this.state === 'open' };
  }

  acknowledge(bytes: number): SessionAck {
    if (this.state === 'open') this.batcher.acknowledge(bytes);
    return { open: this.state === 'open' };
  }

  /** The stream was closed by its subscriber (tab closed, view gone, window closed). */
  close(): void {
    if (this.state !== 'open') {
      this.release();
      return;
    }
    this.state = 'closed';
    const { farewell } = this.options;
    if (farewell && this.socket.writable) {
      // Let the farewell reach the process: half-close now, drop the connection when the engine
      // closes it (the process exited) or shortly after.
      this.socket.end(farewell);
      setTimeout(() => this.socket.destroy(), FAREWELL_GRACE_MS).unref();
    }
    this.release();
  }

  private relayOutput(): void {
    const parser = this.options.multiplexed
      ? new FrameParser({
          frameStart: () => undefined,
          payload: (stream, buf, start, end) => this.batcher.push(stream === STDOUT ? 'stdout' : 'stderr', buf.subarray(start, end)),
        })
      : undefined;
    this.socket.on('data', (chunk: Buffer) => {
      if (this.state !== 'open') return;
      if (parser) parser.push(chunk);
      else this.batcher.push('tty', chunk);
    });
    let failure: unknown;
    this.socket.on('error', (err) => {
      failure ??= err;
    });
    const onGone = (): void => void this.settle(failure);
    this.socket.once('end', onGone);
    this.socket.once('close', onGone);
  }

  /** The output ended by itself: find out why, tell the subscriber, then release. */
  private async settle(failure: unknown): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'ending';
    this.batcher.finish();
    try {
      const end = await this.options.settle();
      this.finish(end);
    } catch (err) {
      const mapped = toBerthError(err);
      const gone = mapped.code === 'ENGINE_UNAVAILABLE' || isEngineUnreachable(failure);
      this.release();
      this.sink.error(
        gone
          ? { code: 'ENGINE_UNAVAILABLE', message: 'The Docker engine went away; the session ended.' }
          : { code: mapped.code, message: `The session ended: ${mapped.message}` },
      );
    }
  }

  /** Ends the session from our side (detach): no settle, the reason is known. */
  private end(end: SessionEnd): void {
    this.state = 'ending';
    this.batcher.finish();
    this.finish(end);
  }

  private finish(end: SessionEnd): void {
    this.release();
    this.sink.data({ kind: 'ended', ...end });
    this.sink.end();
  }

  private release(): void {
    this.state = 'closed';
    this.batcher.dispose();
    this.options.registry.remove(this);
    if (!this.socket.destroyed && !this.socket.writableEnded) this.socket.destroy();
  }
}
