// Subscriptions as a view holds them, for the engine fault suites: the frames so far, whether and
// how the stream finished, and a wait for a frame that matches.
import type { Dispatcher } from '../../src/main/dispatch';
import type { StreamFrame } from '../../src/shared/transport';
import { waitFor } from './engine';

export interface Probe {
  topic: string;
  frames: StreamFrame[];
  /** The error or end frame, once the stream is over. */
  final(): StreamFrame | undefined;
  messages<T = unknown>(): T[];
  /** Resolves the first data message that `match` accepts, among those from index `from` on. */
  waitForMessage<T = unknown>(match: (message: T) => boolean, timeout?: number, from?: number): Promise<T>;
  close(): void;
}

export function probe(dispatcher: Dispatcher, topic: string, input: unknown): Probe {
  const frames: StreamFrame[] = [];
  const outcome = dispatcher.subscribe(topic, input, (frame) => frames.push(frame));
  if (!outcome.ok) throw new Error(`${topic}: ${outcome.error.code} ${outcome.error.message}`);
  const messages = <T>(): T[] => frames.flatMap((f) => (f.kind === 'data' ? [f.message as T] : []));
  const final = (): StreamFrame | undefined => frames.find((f) => f.kind !== 'data');
  return {
    topic,
    frames,
    final,
    messages,
    waitForMessage: async <T>(match: (message: T) => boolean, timeout = 10_000, from = 0) => {
      let over: StreamFrame | undefined;
      const { found } = await waitFor(
        () => {
          const hit = messages<T>().slice(from).find(match);
          if (hit !== undefined) return { found: hit };
          over = final();
          return over ? { found: undefined } : undefined;
        },
        { timeout, interval: 20, message: `${topic}: a matching message` },
      );
      if (found === undefined) throw new Error(`${topic} finished first: ${JSON.stringify(over)}`);
      return found;
    },
    close: outcome.close,
  };
}

/**
 * Subscribes, waits up to `timeout` for a data message `match` accepts, and closes again: true if
 * one came (the view works), false if the stream failed or stayed silent.
 */
export async function subscribeWorks(
  dispatcher: Dispatcher,
  topic: string,
  input: unknown,
  match: (message: unknown) => boolean = () => true,
  timeout = 1_500,
): Promise<boolean> {
  let view: Probe;
  try {
    view = probe(dispatcher, topic, input);
  } catch {
    return false;
  }
  try {
    await view.waitForMessage(match, timeout);
    return true;
  } catch {
    return false;
  } finally {
    view.close();
  }
}
