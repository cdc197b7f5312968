import { describe, expect, it } from 'vitest';
import { untilToEpochSeconds } from '../../src/shared/containers/prune-until';

describe('the until filter of docker container prune', () => {
  const now = 1_800_000_000;
  it('reads Unix times, dates and durations back from now', () => {
    expect(untilToEpochSeconds('1700000000', now)).toBe(1_700_000_000);
    expect(untilToEpochSeconds('1700000000.5', now)).toBe(1_700_000_000.5);
    expect(untilToEpochSeconds('2026-12-01T10:00:00Z', now)).toBe(Date.parse('2026-12-01T10:00:00Z') / 1000);
    expect(untilToEpochSeconds('24h', now)).toBe(now - 86_400);
    expect(untilToEpochSeconds('1h30m', now)).toBe(now - 5400);
    expect(untilToEpochSeconds('90s', now)).toBe(now - 90);
    expect(untilToEpochSeconds('1.5h', now)).toBe(now - 5400);
  });

  it('refuses anything else', () => {
    for (const value of ['', 'yesterday', '1d', '1h 30m', 'h', '1h30', '2026-13-45', '-1h']) {
      expect(untilToEpochSeconds(value, now), value).toBeUndefined();
    }
  });
});
