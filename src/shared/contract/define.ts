import type { z } from 'zod';

/**
 * A phantom marker for a result or message type: it carries a TypeScript type through the
 * contract table without any runtime value (results are produced by main, not validated).
 */
export type Returns<T> = { readonly __returns?: T };
export const returns = <T>(): Returns<T> => ({});
/** The type a `Returns<T>` marker carries. */
export type Returned<M> = M extends Returns<infer T> ? T : never;

export interface CommandSpec<Input extends z.ZodType, Result> {
  /** Parsed in main before the handler runs; anything it refuses is INVALID_INPUT. */
  readonly input: Input;
  readonly result: Returns<Result>;
  /**
   * Browser mode sends it over its open WebSocket, not as a new HTTP request: where latency matters
   * (keystrokes), or where the answer may take very long (`docker wait`) and must not hold an HTTP connection.
   */
  readonly realtime?: boolean;
}

export interface StreamSpec<Input extends z.ZodType, Message> {
  readonly input: Input;
  readonly message: Returns<Message>;
  /**
   * Subscribing again has no effect beyond delivering data again (watching, reading, listing), so
   * browser mode re-subscribes it after its connection drops. A stream whose subscription starts
   * something (a command, a shell, an attach that replays output) is not: it ends with
   * CONNECTION_LOST instead, and only the user starts it again.
   */
  readonly resumable: boolean;
}

export function command<Input extends z.ZodType, Result>(
  input: Input,
  result: Returns<Result>,
  options: { realtime?: boolean } = {},
): CommandSpec<Input, Result> {
  return { input, result, ...options };
}

export function stream<Input extends z.ZodType, Message>(
  input: Input,
  message: Returns<Message>,
  options: { resumable?: boolean } = {},
): StreamSpec<Input, Message> {
  return { input, message, resumable: options.resumable ?? false };
}
