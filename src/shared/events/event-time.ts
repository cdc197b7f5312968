/**
 * Times for `docker events --since/--until`, in the forms the docker CLI takes: a Unix timestamp
 * (`1718000000`, `1718000000.5`), an RFC 3339 date or date-time (`2024-06-10`,
 * `2024-06-10T12:00:00Z`, `2024-06-10T14:00:00.25+02:00`; without a zone: local time), or a Go
 * duration meaning that long before now (`10m`, `1h30m`, `1.5h`). Pure: no Node, no DOM.
 */

export type EventTimeResult = { ok: true; nanos: bigint } | { ok: false; error: string };

const EVENT_TIME_HELP = 'Use a Unix timestamp (1718000000), an RFC 3339 date or date-time (2024-06-10T12:00:00Z) or a duration before now (10m, 1h30m).';

const NANOS_PER = { ns: 1n, us: 1_000n, µs: 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n } as const;
type DurationUnit = keyof typeof NANOS_PER;

const DURATION = /^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h))+$/;
const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g;
const UNIX = /^(\d{1,12})(?:\.(\d{1,9}))?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?(Z|z|[+-]\d{2}:\d{2})?$/;

/** "1.5" -> nanos for `unit`, exactly (no floating point). */
function decimalTimes(number: string, perUnit: bigint): bigint {
  const [whole = '0', fraction = ''] = number.split('.');
  const digits = fraction.slice(0, 18);
  const scale = 10n ** BigInt(digits.length);
  return BigInt(whole || '0') * perUnit + (BigInt(digits || '0') * perUnit) / scale;
}

function parseDuration(value: string): bigint | undefined {
  if (!DURATION.test(value)) return undefined;
  let total = 0n;
  for (const match of value.matchAll(DURATION_PART)) {
    total += decimalTimes(match[1] ?? '0', NANOS_PER[match[2] as DurationUnit]);
  }
  return value.startsWith('-') ? -total : total;
}

function fractionNanos(fraction: string | undefined): bigint {
  return fraction ? BigInt(fraction.padEnd(9, '0')) : 0n;
}

function parseDateTime(value: string): bigint | undefined {
  const match = DATE_TIME.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction, zone] = match;
  const parts = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
  const [year, month, day, hour, minute, second] = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 February over into March: refuse what does not round-trip.
  if (new Date(utc).getUTCDate() !== day) return undefined;
  let epochMs: number;
  if (!zone) {
    epochMs = new Date(year, month - 1, day, hour, minute, second).getTime();
  } else if (zone === 'Z' || zone === 'z') {
    epochMs = utc;
  } else {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [zh, zm] = zone.slice(1).split(':').map(Number) as [number, number];
    if (zh > 23 || zm > 59) return undefined;
    epochMs = utc - sign * (zh * 60 + zm) * 60_000;
  }
  return BigInt(epochMs) * 1_000_000n + fractionNanos(fraction);
}

/** Parses a since/until value; `nowMs` anchors durations. */
export function parseEventTime(value: string | number, nowMs: number): EventTimeResult {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return { ok: false, error: `Not a valid time: ${value}. ${EVENT_TIME_HELP}` };
    return parseEventTime(String(value), nowMs);
  }
  const text = value.trim();
  if (text !== '0') {
    const duration = parseDuration(text);
    if (duration !== undefined) return { ok: true, nanos: BigInt(nowMs) * 1_000_000n - duration };
  }
  const unix = UNIX.exec(text);
  if (unix) return { ok: true, nanos: BigInt(unix[1] ?? '0') * 1_000_000_000n + fractionNanos(unix[2]) };
  const dateTime = parseDateTime(text);
  if (dateTime !== undefined && dateTime >= 0n) return { ok: true, nanos: dateTime };
  return { ok: false, error: `Not a valid time: "${text.slice(0, 64)}". ${EVENT_TIME_HELP}` };
}

/** `seconds.nanoseconds`, the form the engine's /events takes for since and until. */
export function formatEngineTime(nanos: bigint): string {
  const seconds = nanos / 1_000_000_000n;
  const rest = (nanos % 1_000_000_000n).toString().padStart(9, '0');
  return `${seconds}.${rest}`;
}
