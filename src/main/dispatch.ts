import type { z } from 'zod';
import { commands, isChannel, isTopic, streams } from '../shared/contract';
import { BerthError, type BerthErrorShape } from '../shared/errors';
import type { InvokeOutcome, StreamFrame } from '../shared/transport';
import type { CommandHandlers, StreamHandlers } from './handler-types';
import { toBerthError } from './engine/core/errors';
import { StreamCredit } from './stream-credit';

/** Data frames an acknowledging subscriber may be behind before pausable producers wait. */
export const STREAM_CREDIT_FRAMES = 4;

export function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/**
 * An unknown channel or topic as a refusal names it. Only a string is shown (cut); anything else a
 * transport let through (a WebSocket frame's `channel` can be any JSON) is never converted, as
 * String() throws for objects such as {"toString":1,"valueOf":1}.
 */
function unknownName(value: unknown): string {
  if (typeof value === 'string') return value.slice(0, 100);
  return `(${value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not a name)`;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Where a parsed input holds text that is not well-formed Unicode (a lone surrogate, in a string or
 * an object key), or undefined. No caller has a reason to send one, and the engine client cannot
 * encode it (it throws "URI malformed" mid-request), so it is refused with the schema's refusals.
 */
function malformedTextProblem(value: unknown, path: readonly string[] = []): string | undefined {
  const where = path.length ? `${path.join('.')}: ` : '';
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? `${where}Text must be valid Unicode (it has a lone surrogate).` : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return `${where}A name must be valid Unicode (it has a lone surrogate).`;
    const problem = malformedTextProblem(item, [...path, key]);
    if (problem) return problem;
  }
  return undefined;
}

/** An input parsed by its schema, or why it is refused (the schema's words, else text that is not valid Unicode). */
function parseInput(schema: z.ZodType, rawInput: unknown): { problem: string } | { data: unknown } {
  const parsed = schema.safeParse(rawInput ?? {});
  if (!parsed.success) return { problem: describeZodError(parsed.error) };
  const malformed = malformedTextProblem(parsed.data);
  return malformed ? { problem: malformed } : { data: parsed.data };
}

export interface OpenStream {
  close(): void;
  /** The subscriber has taken in `count` more data frames. */
  acknowledge(count: number): void;
}

type SubscribeOutcome = ({ ok: true } & OpenStream) | { ok: false; error: BerthErrorShape };

/**
 * The transport's pipe to a subscriber (browser mode: its WebSocket). While it is full, pausable
 * producers wait exactly as for unacknowledged frames, whether or not the subscriber acknowledges.
 */
export interface SubscriberPipe {
  isFull(): boolean;
  /** Runs the listener each time the pipe has room again; returns a function that stops it. */
  onDrain(listener: () => void): () => void;
}

interface SubscribeOptions {
  /** The subscriber calls acknowledge(n) after taking in n data frames (flow control). */
  acknowledges?: boolean;
  pipe?: SubscriberPipe;
}

export interface StreamLimits {
  /** Streams open at once through one dispatcher, all connections together. */
  maxStreams: number;
  /** Streams one connection (a WebSocket, a window) may have open at once; its transport enforces it. */
  maxStreamsPerConnection: number;
}

/** Room for many windows and browser tabs (a load test opens 50 clients x 3 streams), not for a runaway. */
export const DEFAULT_STREAM_LIMITS: StreamLimits = { maxStreams: 2048, maxStreamsPerConnection: 256 };

export interface Dispatcher {
  /** Validates and runs one command. Never throws: failures come back as `{ ok: false, error }`. */
  invoke(channel: string, rawInput: unknown): Promise<InvokeOutcome>;
  /** Validates and opens one stream; frames go to onFrame until close() or an end/error frame. */
  subscribe(topic: string, rawInput: unknown, onFrame: (frame: StreamFrame) => void, options?: SubscribeOptions): SubscribeOutcome;
  /** How many streams are open now (tests check that views leave none behind). */
  openStreamCount(): number;
  readonly limits: StreamLimits;
}

export interface DispatcherOptions {
  /** Called when a command failed because the engine did not answer. */
  onEngineUnreachable?: () => void;
  /** Logs unexpected failures (the message the user sees stays plain). */
  log?: (message: string, err: unknown) => void;
  limits?: Partial<StreamLimits>;
}

export function createDispatcher(commandHandlers: CommandHandlers, streamHandlers: StreamHandlers, options: DispatcherOptions = {}): Dispatcher {
  let openStreams = 0;
  const limits: StreamLimits = { ...DEFAULT_STREAM_LIMITS, ...options.limits };

  const fail = (error: BerthError): { ok: false; error: BerthErrorShape } => ({ ok: false, error: error.toShape() });

  return {
    async invoke(channel, rawInput) {
      if (!isChannel(channel)) return fail(new BerthError('NOT_FOUND', `Unknown command: ${unknownName(channel)}`));
      const parsed = parseInput(commands[channel].input, rawInput);
      if ('problem' in parsed) return fail(new BerthError('INVALID_INPUT', parsed.problem));
      try {
        const handler = commandHandlers[channel] as (input: unknown) => Promise<unknown>;
        return { ok: true, result: await handler(parsed.data) };
      } catch (err) {
        const mapped = toBerthError(err);
        if (mapped.code === 'ENGINE_UNAVAILABLE') options.onEngineUnreachable?.();
        if (mapped.code === 'INTERNAL') options.log?.(`${channel} failed`, err);
        return fail(mapped);
      }
    },

    subscribe(topic, rawInput, onFrame, { acknowledges = false, pipe } = {}) {
      if (!isTopic(topic)) return fail(new BerthError('NOT_FOUND', `Unknown stream: ${unknownName(topic)}`));
      const parsed = parseInput(streams[topic].input, rawInput);
      if ('problem' in parsed) return fail(new BerthError('INVALID_INPUT', parsed.problem));
      if (openStreams >= limits.maxStreams) {
        return fail(
          new BerthError(
            'LIMIT_REACHED',
            `Berth already has ${limits.maxStreams} streams open, the most it serves at once, so ${topic} was not opened. Close some views or terminal sessions and try again.`,
          ),
        );
      }
      let open = true;
      const credit = new StreamCredit(acknowledges ? STREAM_CREDIT_FRAMES : Infinity);
      const stopWatchingPipe = pipe?.onDrain(() => credit.setPipeFull(false));
      let dispose: (() => void) | undefined;
      const finish = (frame: StreamFrame | undefined): void => {
        if (!open) return;
        open = false;
        openStreams -= 1;
        stopWatchingPipe?.();
        dispose?.();
        if (frame) onFrame(frame);
      };
      openStreams += 1;
      try {
        const start = streamHandlers[topic] as (input: unknown, sink: unknown) => () => void;
        dispose = start(parsed.data, {
          data: (message: unknown) => {
            if (!open) return false;
            credit.sending();
            onFrame({ kind: 'data', message });
            if (pipe?.isFull()) credit.setPipeFull(true);
            return !credit.behind;
          },
          onDrain: (listener: () => void) => credit.onDrain(listener),
          error: (error: BerthErrorShape) => finish({ kind: 'error', error }),
          end: () => finish({ kind: 'end' }),
        });
        // The producer may have ended synchronously, before dispose was known.
        if (!open) dispose();
      } catch (err) {
        finish(undefined);
        return fail(toBerthError(err));
      }
      return { ok: true, close: () => finish(undefined), acknowledge: (count) => credit.acknowledge(count) };
    },

    openStreamCount: () => openStreams,
    limits,
  };
}
