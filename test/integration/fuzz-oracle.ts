// What the contract fuzz checks of every answer, and what it counts (not a test file itself).
import { ERROR_CODES, type ErrorCode } from '../../src/shared/errors';

/**
 * Checks for defects being fixed elsewhere: while a check's name is in this list its failure is
 * counted (and printed) instead of failing the run. Empty once the fixes are in: NUL in container
 * configs, 413 for oversized JSON bodies and non-tar images.import uploads are all checked.
 */
export const KNOWN_PENDING: ReadonlySet<string> = new Set<string>([]);

export const pendingFailures: string[] = [];

/** Fails with `message` unless `check` is in KNOWN_PENDING, where the failure is only recorded. */
export function pendingCheck(check: string, ok: boolean, message: string): void {
  if (ok) return;
  if (KNOWN_PENDING.has(check)) {
    pendingFailures.push(`${check}: ${message}`);
    return;
  }
  throw new Error(`${check}: ${message}`);
}

/**
 * INTERNAL answers to valid inputs that are not Berth's failure: the engine's own 500 for a
 * container config it cannot apply or start (a working dir that is a file, a user or executable the
 * image lacks, a port protocol the host kernel lacks). Berth passes the engine's words on, as
 * `docker run` does (exit 125-127). Any other INTERNAL fails the fuzz.
 */
const EXPECTED_INTERNAL: ReadonlyArray<{ channel: RegExp; message: RegExp }> = [
  { channel: /^containers\.(create|run)$/, message: /^Could not (create the container|start container \S+): the engine said: /s },
];

export function internalExpected(channel: string, message: string): boolean {
  return EXPECTED_INTERNAL.some((entry) => entry.channel.test(channel) && entry.message.test(message));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const sameKeys = (value: Record<string, unknown>, keys: string[]): boolean => {
  const own = Object.keys(value).sort();
  return own.length === keys.length && own.every((key, i) => key === [...keys].sort()[i]);
};

/** A problem with an error shape `{ code, message }`, or undefined when it is one. */
export function errorShapeProblem(error: unknown): string | undefined {
  if (!isRecord(error) || !sameKeys(error, ['code', 'message'])) return `error is not exactly { code, message }: ${preview(error)}`;
  if (!(ERROR_CODES as readonly unknown[]).includes(error.code)) return `unknown error code ${preview(error.code)}`;
  if (typeof error.message !== 'string' || error.message.trim() === '') return 'error message is not a non-empty string';
  return undefined;
}

/** A problem with an invoke outcome, or undefined when it is `{ok:true,result}` or `{ok:false,error}`. */
export function outcomeProblem(outcome: unknown): string | undefined {
  if (!isRecord(outcome)) return `outcome is not an object: ${preview(outcome)}`;
  if (outcome.ok === true) {
    if (!sameKeys(outcome, ['ok', 'result'])) return `ok outcome has keys ${Object.keys(outcome).join(',')}`;
    try {
      structuredClone(outcome.result);
    } catch {
      return 'result cannot cross a transport (not structured-cloneable)';
    }
    return undefined;
  }
  if (outcome.ok === false)
    return sameKeys(outcome, ['ok', 'error']) ? errorShapeProblem(outcome.error) : `error outcome has keys ${Object.keys(outcome).join(',')}`;
  return `outcome.ok is ${preview(outcome.ok)}`;
}

/** A problem with a stream frame, or undefined when it is data, end, or an error with a proper shape. */
export function frameProblem(frame: unknown): string | undefined {
  if (!isRecord(frame)) return `frame is not an object: ${preview(frame)}`;
  if (frame.kind === 'data') return 'message' in frame ? undefined : 'data frame without message';
  if (frame.kind === 'end') return undefined;
  if (frame.kind === 'error') return errorShapeProblem(frame.error);
  return `unknown frame kind ${preview(frame.kind)}`;
}

/** A short, printable view of any value (huge and cyclic ones included). */
export function preview(value: unknown, max = 300): string {
  let text: string;
  try {
    const seen = new WeakSet<object>();
    text =
      JSON.stringify(value, (_key, item: unknown) => {
        if (typeof item === 'bigint') return `${item}n`;
        if (typeof item === 'string' && item.length > 80) return `${item.slice(0, 40)}…(${item.length} chars)`;
        if (typeof item === 'object' && item !== null) {
          if (seen.has(item)) return '[cycle]';
          seen.add(item);
        }
        return item;
      }) ?? String(value);
  } catch (err) {
    text = `[unprintable: ${(err as Error).message}]`;
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export interface TallyRow {
  valid: number;
  refused: number;
  /** Mutated inputs the schema still accepted (sent confined, like valid ones). */
  accepted: number;
  codes: Partial<Record<ErrorCode | 'ok', number>>;
}

/** Inputs tried per channel and transport, printed as a table at the end of a suite. */
export class FuzzTally {
  private readonly rows = new Map<string, TallyRow>();

  row(channel: string, transport: string): TallyRow {
    const key = `${transport} ${channel}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { valid: 0, refused: 0, accepted: 0, codes: {} };
      this.rows.set(key, row);
    }
    return row;
  }

  count(row: TallyRow, outcome: { ok: boolean; error?: { code: ErrorCode } }): void {
    const code = outcome.ok ? 'ok' : outcome.error!.code;
    row.codes[code] = (row.codes[code] ?? 0) + 1;
  }

  total(): number {
    let sum = 0;
    for (const row of this.rows.values()) sum += row.valid + row.refused + row.accepted;
    return sum;
  }

  table(title: string): string {
    const lines = [
      `${title} (seed ${process.env.BERTH_FUZZ_SEED ?? 'default'}): ${this.total()} inputs`,
      'transport channel'.padEnd(44) + 'valid refused accepted  answers',
    ];
    for (const [key, row] of [...this.rows.entries()].sort()) {
      const codes = Object.entries(row.codes)
        .map(([code, n]) => `${code}:${n}`)
        .join(' ');
      lines.push(`${key.padEnd(44)}${String(row.valid).padStart(5)} ${String(row.refused).padStart(7)} ${String(row.accepted).padStart(8)}  ${codes}`);
    }
    return lines.join('\n');
  }
}

/** Records every unhandled rejection and uncaught exception while a fuzz suite runs. */
export function watchForCrashes(): { crashes: string[]; stop: () => void } {
  const crashes: string[] = [];
  const onRejection = (reason: unknown): void => void crashes.push(`unhandledRejection: ${reason instanceof Error ? reason.stack : preview(reason)}`);
  const onException = (err: Error): void => void crashes.push(`uncaughtException: ${err.stack}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return {
    crashes,
    stop: () => {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
    },
  };
}
