// `--since` / `--until` values as `docker logs` takes them, turned into the engine's exact form.

export const LOG_TIME_HINT = 'Use a time such as 2024-05-01T12:00:00Z, a Unix time, or a duration such as 10m or 1h30m.';

const NANOS_PER_MS = 1_000_000n;
const UNIT_NANOS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;
const DURATION_PART = /(\d+)(?:\.(\d+))?(ns|us|µs|ms|s|m|h)/g;
const UNIX = /^(\d{1,12})(?:\.(\d{1,9}))?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** A fraction's digits ("5", "123456789") as nanoseconds of one unit. */
function fractionOf(digits: string | undefined, unit: bigint): bigint {
  if (!digits) return 0n;
  const scale = 10n ** BigInt(digits.length);
  return (BigInt(digits) * unit) / scale;
}

/** A Go duration ("10m", "1h30m", "1.5h") in nanoseconds. */
function parseDuration(value: string): bigint {
  let total = 0n;
  for (const [, whole, fraction, unit] of value.matchAll(DURATION_PART)) {
    const size = UNIT_NANOS[unit!]!;
    total += BigInt(whole!) * size + fractionOf(fraction, size);
  }
  return total;
}

/**
 * The offset (minutes east of UTC) a time without a zone is read in: the offset in force at
 * `nowMs`, for every date. The docker CLI does the same (`GetTimestamp` parses such values in
 * `time.FixedZone(time.Now().Zone())`), so a date in the other half of the year is NOT read with
 * that date's summer or winter offset.
 */
function localOffsetMinutes(nowMs: number): number {
  return -new Date(nowMs).getTimezoneOffset();
}

function parseDateTime(match: RegExpExecArray, nowMs: number): bigint | null {
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction, zone] = match;
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  let ms: number;
  if (zone) {
    ms = Date.UTC(year, month - 1, day, hour, minute, second);
    if (zone.toUpperCase() !== 'Z') {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
      if (offsetMinutes > 14 * 60) return null;
      ms -= sign * offsetMinutes * 60_000;
    }
  } else {
    // No zone: this machine's local time, with the offset of now, as the CLI reads it.
    ms = Date.UTC(year, month - 1, day, hour, minute, second) - localOffsetMinutes(nowMs) * 60_000;
  }
  // Date rolls 2024-02-31 over to March: refuse it rather than guess.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day || Number.isNaN(ms) || ms < 0) return null;
  return BigInt(ms) * NANOS_PER_MS + fractionOf(fraction, 1_000_000_000n);
}

/**
 * Nanoseconds since the epoch for a `--since`/`--until` value: an RFC 3339 date-time (with or
 * without seconds, fraction and zone; no zone means local time), a Unix time in seconds, or a
 * duration meaning that long before `nowMs`. Null when it is none of these.
 */
export function parseLogTime(value: string, nowMs: number): bigint | null {
  const text = value.trim();
  if (!text || text.length > 64) return null;
  if (DURATION.test(text)) {
    const at = BigInt(Math.floor(nowMs)) * NANOS_PER_MS - parseDuration(text);
    return at < 0n ? 0n : at;
  }
  const unix = UNIX.exec(text);
  if (unix) return BigInt(unix[1]!) * 1_000_000_000n + fractionOf(unix[2], 1_000_000_000n);
  const dateTime = DATE_TIME.exec(text);
  return dateTime ? parseDateTime(dateTime, nowMs) : null;
}

/** The engine's `since`/`until` form: seconds, a dot, nine digits of nanoseconds. */
export function engineTime(nanos: bigint): string {
  const seconds = nanos / 1_000_000_000n;
  return `${seconds}.${(nanos % 1_000_000_000n).toString().padStart(9, '0')}`;
}

/** An RFC 3339 timestamp with nanoseconds (as the engine writes them) in nanoseconds; null if it is not one. */
export function timestampNanos(timestamp: string): bigint | null {
  const match = DATE_TIME.exec(timestamp);
  return match && match[8] ? parseDateTime(match, 0) : null;
}

/** Date-times the docker CLI takes as they are (RFC 3339 with `T`, and its local forms). */
const CLI_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * A since/until value as the docker CLI must be given it to mean what Berth read: durations, Unix
 * times and the date-time forms the CLI takes stay as typed; forms Berth reads but the CLI refuses
 * (`+0200`, a space before the zone or instead of `T`, lowercase `t`/`z`, a date with a zone) are
 * written as RFC 3339 with the same zone (none stays none: both read it as local time). Text that
 * is not a time is returned unchanged.
 */
export function cliLogTime(value: string): string {
  const text = value.trim();
  if (CLI_DATE_TIME.test(text)) return text;
  const match = DATE_TIME.exec(text);
  if (!match || DURATION.test(text) || UNIX.test(text)) return text;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction, zone] = match;
  const time = `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction ? `.${fraction}` : ''}`;
  if (!zone) return time;
  if (zone.toUpperCase() === 'Z') return `${time}Z`;
  const digits = zone.slice(1).replace(':', '');
  return `${time}${zone[0]}${digits.slice(0, 2)}:${digits.slice(2)}`;
}

/**
 * A user's since/until text as the contract takes it: a local date-time gets this machine's zone,
 * the offset in force now (as the docker CLI reads a time without a zone, whatever the date).
 */
export function normalizeTimeInput(text: string, nowMs = Date.now()): string {
  const trimmed = text.trim();
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)$/.exec(trimmed);
  if (!local || parseLogTime(trimmed, nowMs) === null) return trimmed;
  const offset = localOffsetMinutes(nowMs);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local[1]}T${local[2]}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
