/**
 * The docker CLI's units both ways: byte sizes (`--memory`, `--shm-size`: go-units RAMInBytes),
 * CPUs (`--cpus`) and Go durations (`--health-interval`). Formatting gives the exact value back
 * when the CLI parses it; parsing reads what the CLI reads.
 */

/** Bytes in the shortest exact unit the CLI takes: 64m, 1g, 1536k, 1000b. */
export function formatMemory(bytes: number): string {
  if (!Number.isSafeInteger(bytes) || bytes <= 0) return `${bytes}b`;
  const units: Array<[string, number]> = [
    ['g', 1024 ** 3],
    ['m', 1024 ** 2],
    ['k', 1024],
  ];
  for (const [suffix, size] of units) {
    if (bytes % size === 0) return `${bytes / size}${suffix}`;
  }
  return `${bytes}b`;
}

/** nanoCpus as the exact decimal `--cpus` takes: 1500000000 -> 1.5. */
export function formatCpus(nanoCpus: number): string {
  if (!Number.isSafeInteger(nanoCpus) || nanoCpus < 0) return String(nanoCpus / 1e9);
  const whole = Math.floor(nanoCpus / 1e9);
  const fraction = String(nanoCpus % 1e9)
    .padStart(9, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

const DURATION_UNITS: Array<[string, number]> = [
  ['h', 3600e9],
  ['m', 60e9],
  ['s', 1e9],
  ['ms', 1e6],
  ['us', 1e3],
];

/** Nanoseconds as an exact Go duration the CLI parses back to the same value: 30s, 90s, 1500ms, 2h. */
export function formatGoDuration(ns: number): string {
  if (!Number.isSafeInteger(ns) || ns <= 0) return `${ns}ns`;
  for (const [unit, size] of DURATION_UNITS) {
    if (ns % size === 0) return `${ns / size}${unit}`;
  }
  return `${ns}ns`;
}

const RAM_SIZE = /^(\d+(?:\.\d+)*) ?([kmgtp])?i?b?$/i;
const RAM_UNITS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** go-units RAMInBytes: `64m`, `1.5g`, `512MiB`, `100` (bytes); binary units; undefined when not a size. */
export function parseByteSize(text: string): number | undefined {
  const match = RAM_SIZE.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  if (!Number.isFinite(value)) return undefined;
  const bytes = Math.trunc(value * (match[2] ? RAM_UNITS[match[2].toLowerCase()]! : 1));
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** `--cpus 1.5` -> 1500000000 nanoCPUs, as the CLI's NanoCPUs (a decimal number). */
export function parseCpus(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^(\d+\.?\d*|\.\d+)$/.test(trimmed)) return undefined;
  const [whole = '0', fraction = ''] = trimmed.split('.');
  if (fraction.replace(/0+$/, '').length > 9) return undefined;
  const nano = Number(whole) * 1e9 + Number(fraction.padEnd(9, '0').slice(0, 9) || '0');
  return Number.isSafeInteger(nano) ? nano : undefined;
}

const GO_DURATION_UNITS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go's time.ParseDuration: `1m30s`, `1.5s`, `500ms`, `0`; nanoseconds, undefined when not a duration or negative. */
export function parseGoDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const part = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let total = 0;
  let index = 0;
  if (trimmed.startsWith('+')) index = 1;
  if (index >= trimmed.length) return undefined;
  while (index < trimmed.length) {
    part.lastIndex = index;
    const match = part.exec(trimmed);
    if (!match) return undefined;
    total += Math.round(Number(match[1]) * GO_DURATION_UNITS[match[2]!]!);
    index = part.lastIndex;
  }
  return Number.isSafeInteger(total) ? total : undefined;
}
