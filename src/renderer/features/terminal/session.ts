import i18next from 'i18next';
import type { BerthError } from '../../../shared/errors';
import type { SessionEndReason, SessionMessage } from '../../../shared/types/terminal';
import type { BerthClient } from '../../api/client';
import { AckBatcher } from './ack-batcher';
import { fromBase64 } from './bytes';
import { CommandOutput } from './command-output';
import { InputQueue } from './input-queue';
import { openTerminalLink } from './links';
import type { SessionSpec } from '../../../shared/terminal/session-spec';
import { TerminalSurface } from './surface';

type Ready = Extract<SessionMessage, { kind: 'ready' }>;

/** What the UI shows of a session; a new object on every change (for useSyncExternalStore). */
export interface SessionState {
  /** lost: browser mode's connection dropped; the session was not restarted (nothing ran twice). */
  status: 'connecting' | 'running' | 'ended' | 'failed' | 'lost';
  ready?: Ready;
  ended?: { reason: SessionEndReason; exitCode: number | null };
  error?: BerthError;
  /** Input that could not be delivered (the process stopped reading a paste, say). */
  inputError?: BerthError;
  /** Counts (re)starts, so views can tell a restarted session from the old one. */
  run: number;
}

const RESIZE_DELAY_MS = 60;
const WRITE_SLICE_BYTES = 16 * 1024;
let counter = 0;

/**
 * One terminal session of a container, owned by the session store rather than by a component:
 * its xterm (or a one-off command's output), its stream subscription and its input queue live
 * on while the user looks at other tabs or views, until the session's tab is closed.
 */
export class TerminalSession {
  readonly key = `term-${++counter}`;
  readonly surface: TerminalSurface | undefined;
  readonly output: CommandOutput | undefined;
  private state: SessionState = { status: 'connecting', run: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly input: InputQueue;
  private readonly acks: AckBatcher;
  private unsubscribe: (() => void) | undefined;
  private sessionId: string | undefined;
  private resizeTimer: number | undefined;
  private sentSize: { cols: number; rows: number } | undefined;
  private subscribedSize: { cols: number; rows: number } | undefined;
  private restarting = false;

  constructor(
    private readonly client: BerthClient,
    readonly spec: SessionSpec,
  ) {
    this.input = new InputQueue(
      async ({ data, encoding }) => {
        if (!this.sessionId) return;
        await this.client.invoke(this.channel('input'), { sessionId: this.sessionId, data, encoding });
      },
      (error) => this.update({ inputError: error as BerthError }),
    );
    this.acks = new AckBatcher((bytes) => {
      if (this.sessionId) void this.client.invoke(this.channel('ack'), { sessionId: this.sessionId, bytes }).catch(() => undefined);
    });
    if (spec.kind === 'command') {
      this.output = new CommandOutput();
    } else {
      this.surface = new TerminalSurface({
        data: (data) => this.input.text(data),
        binary: (data) => this.input.binary(data),
        resize: () => this.scheduleResize(),
        link: (uri) => openTerminalLink(this.client, uri),
        find: () => this.findRequested?.(),
      });
    }
  }

  /** Set by the view that shows the session: the terminal asked for its search bar. */
  findRequested: (() => void) | undefined;

  get snapshot(): SessionState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens the stream: main creates the exec (or attaches) on subscribe. */
  start(): void {
    this.stopStream();
    this.sessionId = undefined;
    this.sentSize = undefined;
    this.acks.reset();
    this.output?.reset();
    this.update({ status: 'connecting', ready: undefined, ended: undefined, error: undefined, inputError: undefined, run: this.state.run + 1 });
    const size = this.surface ? { cols: this.surface.cols, rows: this.surface.rows } : {};
    this.subscribedSize = this.surface ? { cols: this.surface.cols, rows: this.surface.rows } : undefined;
    const { spec } = this;
    const handlers = {
      onMessage: (message: SessionMessage) => this.onMessage(message),
      onError: (error: BerthError) => {
        this.unsubscribe = undefined;
        this.input.stop();
        this.update({ status: error.code === 'CONNECTION_LOST' ? 'lost' : 'failed', error });
      },
      onEnd: () => {
        this.unsubscribe = undefined;
      },
    };
    if (spec.kind === 'attach') {
      this.unsubscribe = this.client.subscribe(
        'attach.session',
        {
          id: spec.containerId,
          logs: !this.restarting && (spec.logs ?? false),
          start: this.restarting || (spec.start ?? false),
          ...(spec.detachKeys ? { detachKeys: spec.detachKeys } : {}),
          ...size,
        },
        handlers,
      );
    } else {
      const tty = spec.kind === 'shell';
      this.unsubscribe = this.client.subscribe(
        'exec.session',
        {
          id: spec.containerId,
          tty,
          stdin: tty,
          ...(spec.command ? { command: spec.command } : {}),
          ...(spec.user ? { user: spec.user } : {}),
          ...(spec.workingDir ? { workingDir: spec.workingDir } : {}),
          ...(spec.env?.length ? { env: spec.env } : {}),
          ...(tty ? size : {}),
        },
        handlers,
      );
    }
  }

  /** Runs the session again after it ended (an attach session starts its container if it stopped). */
  restart(): void {
    this.restarting = true;
    this.surface?.write('\r\n');
    this.start();
  }

  /** Closes the stream (main closes the engine connection) and frees the terminal. */
  dispose(): void {
    this.stopStream();
    window.clearTimeout(this.resizeTimer);
    this.acks.reset();
    this.surface?.dispose();
    this.listeners.clear();
  }

  /** A line for a console without a TTY (the process does not echo: the line is shown dimmed). */
  sendLine(line: string): void {
    this.surface?.write(`\x1b[2m${line}\x1b[22m\r\n`);
    this.input.text(`${line}\n`);
  }

  /** Types the detach keys: main sees them, detaches, and the session ends as "detached". */
  sendText(text: string): void {
    this.input.text(text);
  }

  private channel<V extends 'input' | 'resize' | 'ack'>(verb: V): `exec.${V}` | `attach.${V}` {
    return this.spec.kind === 'attach' ? `attach.${verb}` : `exec.${verb}`;
  }

  private stopStream(): void {
    this.input.stop();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private onMessage(message: SessionMessage): void {
    if (message.kind === 'output') {
      const bytes = fromBase64(message.data);
      if (this.output) {
        if (message.stream !== 'tty') this.output.append(message.stream, bytes);
        this.acks.add(bytes.length);
        this.update({});
        return;
      }
      const surface = this.surface!;
      const stderr = message.stream === 'stderr';
      if (stderr) surface.write('\x1b[31m');
      // xterm yields to the page between writes, not within one: big frames go in slices.
      for (let at = 0; at < bytes.length; at += WRITE_SLICE_BYTES) {
        const slice = bytes.subarray(at, at + WRITE_SLICE_BYTES);
        surface.write(slice, () => this.acks.add(slice.length));
      }
      if (stderr) surface.write('\x1b[39m');
      return;
    }
    if (message.kind === 'ready') {
      this.sessionId = message.sessionId;
      this.restarting = false;
      if (this.surface) {
        this.surface.term.options.convertEol = !message.tty;
        this.surface.term.options.disableStdin = !message.stdin || !message.tty;
        // Main sized the terminal to what the subscription said; a later fit is sent next.
        this.sentSize = this.subscribedSize;
        // An attached process may print nothing for a long time: say what the empty screen is.
        if (this.spec.kind === 'attach') {
          const banner = i18next.t('terminal:attach.banner', { command: message.command.join(' ') });
          this.surface.write(`\x1b[2m── ${banner} ──\x1b[22m\r\n`);
        }
      }
      this.input.start();
      this.update({ status: 'running', ready: message });
      this.scheduleResize();
      return;
    }
    this.sessionId = undefined;
    this.input.stop();
    this.output?.finish();
    this.update({ status: 'ended', ended: { reason: message.reason, exitCode: message.exitCode } });
  }

  private scheduleResize(): void {
    window.clearTimeout(this.resizeTimer);
    this.resizeTimer = window.setTimeout(() => {
      const surface = this.surface;
      if (!surface || !this.sessionId || !this.state.ready?.tty) return;
      const size = { cols: surface.cols, rows: surface.rows };
      if (this.sentSize && this.sentSize.cols === size.cols && this.sentSize.rows === size.rows) return;
      this.sentSize = size;
      void this.client.invoke(this.channel('resize'), { sessionId: this.sessionId, ...size }).catch(() => undefined);
    }, RESIZE_DELAY_MS);
  }

  private update(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
