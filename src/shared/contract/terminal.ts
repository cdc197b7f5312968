import { z } from 'zod';
import { parseDetachKeys, DEFAULT_DETACH_KEYS } from '../terminal/detach-keys';
import type { OpenedLink, SessionAck, SessionMessage } from '../types/terminal';
import { command, returns, stream } from './define';
import { absoluteContainerPath, commandWord, containerRef, envVar } from './schemas';

/** One input command carries at most this many characters; the renderer splits bigger pastes. */
const MAX_INPUT_CHARS = 64 * 1024;

const sessionId = z.uuid({ error: 'Not a session id.' });

const size = {
  cols: z.number().int().min(1).max(2000),
  rows: z.number().int().min(1).max(1000),
};

const detachKeys = z
  .string()
  .trim()
  .max(64)
  .refine((value) => parseDetachKeys(value) !== null, 'Detach keys look like ctrl-p,ctrl-q: single characters or ctrl-<key>, comma-separated.');

const commandWords = z
  .array(commandWord)
  .min(1, 'A command is required.')
  .max(1024)
  .refine((words) => (words[0] ?? '').trim() !== '', 'A command is required.');

const input = z.object({
  sessionId,
  data: z.string().max(MAX_INPUT_CHARS, 'Send input in pieces of at most 64 Ki characters.'),
  /** utf8: typed text; base64: raw bytes (xterm's binary mouse reports). */
  encoding: z.enum(['utf8', 'base64']).default('utf8'),
});

const resize = z.object({ sessionId, ...size });

/** The renderer has processed this many more output bytes: main sends more (credit-based flow control). */
const ack = z.object({
  sessionId,
  bytes: z
    .number()
    .int()
    .min(0)
    .max(1 << 30),
});

/** Keystrokes, resizes and acknowledgements: sent over the stream socket in browser mode. */
const realtime = { realtime: true };

export const terminalCommands = {
  'exec.input': command(input, returns<SessionAck>(), realtime),
  'exec.resize': command(resize, returns<SessionAck>(), realtime),
  'exec.ack': command(ack, returns<SessionAck>(), realtime),
  'attach.input': command(input, returns<SessionAck>(), realtime),
  'attach.resize': command(resize, returns<SessionAck>(), realtime),
  'attach.ack': command(ack, returns<SessionAck>(), realtime),
  /** A link the user clicked in a terminal: the desktop app asks, then opens it in the system browser. http(s) only. */
  'terminal.openLink': command(
    z.object({
      url: z
        .string()
        .max(8192)
        .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'Only http and https links open.'),
    }),
    returns<OpenedLink>(),
  ),
} as const;

export const terminalStreams = {
  /**
   * `docker exec [-it]`: subscribing creates and starts the exec; closing the stream closes the
   * engine connection. Without a command, the container's shell (bash, else sh).
   */
  'exec.session': stream(
    z.object({
      id: containerRef,
      command: commandWords.optional(),
      /** false: a one-off command without a terminal; stdout and stderr come apart. */
      tty: z.boolean().default(true),
      /** Connect standard input (always with a TTY). */
      stdin: z.boolean().default(true),
      user: z
        .string()
        .trim()
        .max(256)
        .regex(/^[a-zA-Z0-9_.:-]*$/, 'Not a valid user.')
        .optional(),
      workingDir: absoluteContainerPath.optional(),
      env: z.array(envVar).max(1024).default([]),
      cols: size.cols.optional(),
      rows: size.rows.optional(),
    }),
    returns<SessionMessage>(),
    // Subscribing runs the command (or a fresh shell) / attaches and replays output: never again by itself.
    { resumable: false },
  ),
  /**
   * `docker attach`: the container's main process. `start`: attach first, then start the container
   * (run -it: no output is lost). `logs`: replay its earlier output first, which `docker attach`
   * never does (`docker logs` then `docker attach`): off unless asked for.
   */
  'attach.session': stream(
    z.object({
      id: containerRef,
      logs: z.boolean().default(false),
      start: z.boolean().default(false),
      detachKeys: detachKeys.default(DEFAULT_DETACH_KEYS),
      cols: size.cols.optional(),
      rows: size.rows.optional(),
    }),
    returns<SessionMessage>(),
    // Subscribing runs the command (or a fresh shell) / attaches and replays output: never again by itself.
    { resumable: false },
  ),
} as const;
