import { describe, expect, it } from 'vitest';
import { logQuery } from '../../src/shared/contract/logs';
import { cliLogTime, engineTime, parseLogTime, timestampNanos } from '../../src/shared/logs/time';

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

describe('the value the docker logs line is given', () => {
  it('keeps what the CLI takes as it is', () => {
    for (const same of [
      '10m',
      '1h30m',
      '1714564800',
      '1714564800.5',
      '2024-05-01',
      '2024-05-01T12:00',
      '2024-05-01T12:00:00.5',
      '2024-05-01T12:00:00Z',
      '2024-05-01T12:00+02:00',
      '2024-05-01T12:00:00.123-05:30',
    ]) {
      expect(cliLogTime(same), same).toBe(same);
    }
  });

  it('writes the forms the CLI refuses as RFC 3339 with the same zone (none stays none)', () => {
    expect(cliLogTime('2024-05-01T12:00:00+0200')).toBe('2024-05-01T12:00:00+02:00');
    expect(cliLogTime('2024-05-01T12:00:00.5 +02:00')).toBe('2024-05-01T12:00:00.5+02:00');
    expect(cliLogTime('2024-05-01t12:00z')).toBe('2024-05-01T12:00:00Z');
    expect(cliLogTime('2024-05-01 12:00:00-0530')).toBe('2024-05-01T12:00:00-05:30');
    expect(cliLogTime('2024-05-01 12:00')).toBe('2024-05-01T12:00:00');
    expect(cliLogTime('2024-05-01Z')).toBe('2024-05-01T00:00:00Z');
    expect(cliLogTime('not a time')).toBe('not a time');
  });

  it("reads a time without a zone with the offset in force now, as the CLI does (not that date's)", () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      const winter = Date.UTC(2024, 0, 15, 12);
      // 1 July is in summer time (+02:00), but in January the CLI reads it with +01:00.
      expect(parseLogTime('2024-07-01', winter)).toBe(nanos(Date.UTC(2024, 5, 30, 23)));
      expect(parseLogTime('2024-07-01T12:00', winter)).toBe(nanos(Date.UTC(2024, 6, 1, 11)));
      expect(parseLogTime('2024-01-01', Date.UTC(2024, 6, 15))).toBe(nanos(Date.UTC(2023, 11, 31, 22)));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
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
