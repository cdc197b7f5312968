import { describe, expect, it } from 'vitest';
import { eventsWatchInput } from '../../src/shared/contract/events';
import { formatEngineTime, parseEventTime } from '../../src/shared/events/event-time';
import { describeZodError } from '../../src/main/dispatch';

const NOW_MS = Date.UTC(2024, 5, 10, 12, 0, 0); // 2024-06-10T12:00:00Z
const NOW = BigInt(NOW_MS) * 1_000_000n;
const S = 1_000_000_000n;

function nanos(value: string | number): bigint {
  const result = parseEventTime(value, NOW_MS);
  if (!result.ok) throw new Error(result.error);
  return result.nanos;
}

describe('parseEventTime (docker events --since/--until forms)', () => {
  it('reads Unix timestamps, with an optional fraction, exactly', () => {
    expect(nanos('1718000000')).toBe(1718000000n * S);
    expect(nanos('1718000000.5')).toBe(1718000000n * S + 500_000_000n);
    expect(nanos('1718000000.000000001')).toBe(1718000000n * S + 1n);
    expect(nanos(1718000000)).toBe(1718000000n * S);
    expect(nanos('0')).toBe(0n);
  });

  it('reads durations as that long before now', () => {
    expect(nanos('10m')).toBe(NOW - 600n * S);
    expect(nanos('1h30m')).toBe(NOW - 5400n * S);
    expect(nanos('1.5h')).toBe(NOW - 5400n * S);
    expect(nanos('0s')).toBe(NOW);
    expect(nanos('250ms')).toBe(NOW - 250_000_000n);
    expect(nanos('-5m')).toBe(NOW + 300n * S);
  });

  it('reads RFC 3339 dates and date-times with zones', () => {
    expect(nanos('2024-06-10T12:00:00Z')).toBe(NOW);
    expect(nanos('2024-06-10T14:00:00+02:00')).toBe(NOW);
    expect(nanos('2024-06-10T11:30:00.25-00:30')).toBe(NOW + 250_000_000n);
    expect(nanos('2024-06-10T12:00:00.123456789Z')).toBe(NOW + 123_456_789n);
  });

  it('reads a date-time without a zone as local time', () => {
    const local = new Date(2024, 5, 10, 8, 15, 0).getTime();
    expect(nanos('2024-06-10T08:15:00')).toBe(BigInt(local) * 1_000_000n);
    expect(nanos('2024-06-10T08:15')).toBe(BigInt(local) * 1_000_000n);
    expect(nanos('2024-06-10')).toBe(BigInt(new Date(2024, 5, 10).getTime()) * 1_000_000n);
  });

  it('refuses anything else with a message that shows the accepted forms', () => {
    for (const bad of ['yesterday', '', '10 minutes', '2024-02-31', '2024-13-01', '2024-06-10T25:00:00Z', '1e9', '-1', '12abc', 'NaN', '10x']) {
      const result = parseEventTime(bad, NOW_MS);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/Unix timestamp.*RFC 3339.*duration/);
    }
    expect(parseEventTime(-5, NOW_MS).ok).toBe(false);
    expect(parseEventTime(Number.NaN, NOW_MS).ok).toBe(false);
  });

  it('formats nanoseconds the way the engine takes them', () => {
    expect(formatEngineTime(1718000000n * S + 5n)).toBe('1718000000.000000005');
    expect(formatEngineTime(0n)).toBe('0.000000000');
  });
});

describe('events.watch input', () => {
  it('stays compatible with the old input', () => {
    expect(eventsWatchInput.parse({})).toEqual({});
    expect(eventsWatchInput.parse({ types: ['container'], containers: ['web'] })).toEqual({ types: ['container'], containers: ['web'] });
  });

  it('resolves since and until to nanoseconds', () => {
    const parsed = eventsWatchInput.parse({ since: '1718000000', until: 1718000060, actions: ['start'] });
    expect(parsed).toEqual({ since: 1718000000n * S, until: 1718000060n * S, actions: ['start'] });
  });

  it('refuses since after until, and bad times, with clear messages', () => {
    const reversed = eventsWatchInput.safeParse({ since: '1718000060', until: '1718000000' });
    expect(reversed.success).toBe(false);
    if (!reversed.success) expect(describeZodError(reversed.error)).toBe('since: since must not be after until.');
    const bad = eventsWatchInput.safeParse({ until: 'tomorrow' });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(describeZodError(bad.error)).toMatch(/^until: Not a valid time: "tomorrow"/);
    expect(eventsWatchInput.safeParse({ since: { $gt: 1 } }).success).toBe(false);
    expect(eventsWatchInput.safeParse({ actions: ['start; rm -rf'] }).success).toBe(false);
    expect(eventsWatchInput.safeParse({ types: ['bogus'] }).success).toBe(false);
  });
});
