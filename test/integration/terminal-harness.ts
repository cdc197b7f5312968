// Shared by the terminal integration tests: a dispatcher on the test engine (optionally behind
// test/helpers/engine-relay.ts), and helpers to drive exec/attach sessions through it.
import type { Dispatcher } from '../../src/main/dispatch';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend, type Backend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import type { StreamFrame } from '../../src/shared/transport';
import type { SessionMessage } from '../../src/shared/types/terminal';
import { waitFor } from '../helpers/engine';

export function createTerminalBackend(env: NodeJS.ProcessEnv = process.env): Backend {
  const engine = createEngine(env);
  return createBackend({ engine, host: webHost });
}

export interface Session {
  frames: StreamFrame[];
  close(): void;
  ready(): Promise<Extract<SessionMessage, { kind: 'ready' }>>;
  /** All output so far of one stream (tty, stdout or stderr), as bytes. */
  bytes(stream?: 'tty' | 'stdout' | 'stderr'): Buffer;
  text(stream?: 'tty' | 'stdout' | 'stderr'): string;
  waitForText(pattern: RegExp, stream?: 'tty' | 'stdout' | 'stderr', timeout?: number): Promise<string>;
  /** The ended message, or the error frame, once the stream is over. */
  finished(timeout?: number): Promise<StreamFrame>;
  ended(): Promise<Extract<SessionMessage, { kind: 'ended' }>>;
  send(text: string): Promise<unknown>;
}

export function openSession(dispatcher: Dispatcher, topic: 'exec.session' | 'attach.session', input: unknown): Session {
  const frames: StreamFrame[] = [];
  const outcome = dispatcher.subscribe(topic, input, (frame) => frames.push(frame));
  if (!outcome.ok) throw new Error(`${topic}: ${outcome.error.code}: ${outcome.error.message}`);
  const kind = topic === 'exec.session' ? 'exec' : 'attach';
  const messages = (): SessionMessage[] => frames.flatMap((f) => (f.kind === 'data' ? [f.message as SessionMessage] : []));
  const bytes = (stream: 'tty' | 'stdout' | 'stderr' = 'tty'): Buffer =>
    Buffer.concat(messages().flatMap((m) => (m.kind === 'output' && m.stream === stream ? [Buffer.from(m.data, 'base64')] : [])));
  const readyMessage = async (): Promise<Extract<SessionMessage, { kind: 'ready' }>> => {
    const found = await waitFor(
      () => {
        const failed = frames.find((f) => f.kind === 'error');
        if (failed?.kind === 'error') throw new Error(`${failed.error.code}: ${failed.error.message}`);
        return messages().find((m) => m.kind === 'ready');
      },
      { timeout: 15_000, message: `${topic} ready` },
    ).catch((err: Error) => {
      throw new Error(err.message.replace(/^.*last error: /, '').replace(/\)$/, ''));
    });
    return found as Extract<SessionMessage, { kind: 'ready' }>;
  };
  const session: Session = {
    frames,
    close: outcome.close,
    ready: readyMessage,
    bytes,
    text: (stream) => bytes(stream).toString('utf8'),
    async waitForText(pattern, stream = 'tty', timeout = 15_000) {
      try {
        return await waitFor(() => (pattern.test(session.text(stream)) ? session.text(stream) : undefined), { timeout });
      } catch {
        throw new Error(`${String(pattern)} not in ${stream} after ${timeout} ms; got ${JSON.stringify(session.text(stream).slice(-300))}`);
      }
    },
    finished: (timeout = 15_000) => waitFor(() => frames.find((f) => f.kind !== 'data'), { timeout, message: `${topic} to end` }),
    async ended() {
      await session.finished();
      const end = messages().find((m) => m.kind === 'ended');
      if (!end) throw new Error(`no ended message: ${JSON.stringify(frames.filter((f) => f.kind !== 'data'))}`);
      return end as Extract<SessionMessage, { kind: 'ended' }>;
    },
    async send(text) {
      const { sessionId } = await readyMessage();
      const result = await dispatcher.invoke(`${kind}.input`, { sessionId, data: text });
      if (!result.ok) throw new Error(`${kind}.input: ${result.error.message}`);
      return result.result;
    },
  };
  return session;
}
