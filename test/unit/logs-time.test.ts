import { describe, expect, it } from 'vitest';
import { logQuery } from '../../src/shared/contract/logs';
import { engineTime, parseLogTime, timestampNanos } from '../../src/shared/logs/time';

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);
const nanos = (ms: number): bigint => BigInt(ms) * 1_000_000n;

describe('since/until values', () => {
  it('reads durations as that long before now', () => {
    expect(parseLogTime('10m', NOW)).toBe(nanos(NOW - 600_000));
    expect(parseLogTime('1h30m', NOW)).toBe(nanos(NOW - 5_400_000));
    expect(parseLogTime('1.5h', NOW)).toBe(nanos(NOW - 5_400_000));
    expect(parseLogTime('250ms', NOW)).toBe(nanos(NOW - 250));
  });

  it('reads RFC 3339 times to the nanosecond, with zones', () => {
    expect(parseLogTime('2024-05-01T12:00:00Z', NOW)).toBe(nanos(NOW));
    expect(parseLogTime('2024-05-01T12:00:00.000000001Z', NOW)).toBe(nanos(NOW) + 1n);
    expect(parseLogTime('2024-05-01T21:00:00+09:00', NOW)).toBe(nanos(NOW));
    expect(parseLogTime('2024-05-01 12:00Z', NOW)).toBe(nanos(NOW));
    expect(parseLogTime('2024-05-01T12:00:00.5-00:30', NOW)).toBe(nanos(NOW + 1_800_000 + 500));
  });

  it('reads Unix times with fractions', () => {
    expect(parseLogTime('1714564800', NOW)).toBe(nanos(NOW));
    expect(parseLogTime('1714564800.000000042', NOW)).toBe(nanos(NOW) + 42n);
  });

  it('refuses what is none of these', () => {
    for (const bad of ['yesterday', '10x', '1e5', '2024-02-31T00:00:00Z', '2024-13-01', '2024-05-01T25:00Z', '', '-5m', '2024-05-01T12:00:00+15:00']) {
      expect(parseLogTime(bad, NOW), bad).toBeNull();
    }
  });

  it('writes the engine form: seconds, dot, nine digits', () => {
    expect(engineTime(nanos(NOW) + 42n)).toBe('1714564800.000000042');
    expect(timestampNanos('2024-05-01T12:00:00.123456789Z')).toBe(nanos(NOW) + 123_456_789n);
    expect(timestampNanos('not a time')).toBeNull();
  });
});

describe('the logs contract', () => {
  it('defaults to the last 1,000 lines without timestamps', () => {
    expect(logQuery.parse({ id: 'web' })).toEqual({ id: 'web', tail: 1000, timestamps: false });
  });

  it('refuses a since later than until, and tails that are not counts', () => {
    expect(logQuery.safeParse({ id: 'web', since: '5m', until: '10m' }).success).toBe(false);
    expect(logQuery.safeParse({ id: 'web', tail: 1.5 }).success).toBe(false);
    expect(logQuery.safeParse({ id: 'web', tail: 'all' }).success).toBe(true);
  });
});
