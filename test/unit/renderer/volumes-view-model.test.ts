import { describe, expect, it } from 'vitest';
import type { VolumeSummary } from '../../../src/shared/types/volumes';
import { parseKeyValueLines } from '../../../src/renderer/components/key-value-lines';
import { matchesVolume, nextSort, sortVolumes } from '../../../src/renderer/features/volumes/volume-sort';
import { volumeCreateCommand, volumePruneCommand, volumeRemoveWithUsersCommand } from '../../../src/shared/cli/volumes';

const volume = (name: string, extra: Partial<VolumeSummary> = {}): VolumeSummary => ({
  name,
  driver: 'local',
  mountpoint: `/var/lib/docker/volumes/${name}/_data`,
  scope: 'local',
  created: 0,
  labels: {},
  options: {},
  usedBy: [],
  anonymous: false,
  ...extra,
});

describe('the volumes table', () => {
  const rows = [
    volume('b', { sizeBytes: 10, created: 3, usedBy: ['web'] }),
    volume('a', { sizeBytes: -1, created: 1 }),
    volume('c', { created: 2, usedBy: ['db', 'web'] }),
  ];

  it('sorts by each column, unknown sizes below every known one, ties by name', () => {
    expect(sortVolumes(rows, { key: 'name', direction: 'asc' }).map((v) => v.name)).toEqual(['a', 'b', 'c']);
    expect(sortVolumes(rows, { key: 'size', direction: 'desc' }).map((v) => v.name)).toEqual(['b', 'a', 'c']);
    expect(sortVolumes(rows, { key: 'created', direction: 'desc' }).map((v) => v.name)).toEqual(['b', 'c', 'a']);
    expect(sortVolumes(rows, { key: 'usedBy', direction: 'desc' }).map((v) => v.name)).toEqual(['c', 'b', 'a']);
  });

  it('flips the same column; sizes and dates start largest and newest first', () => {
    expect(nextSort({ key: 'name', direction: 'asc' }, 'name')).toEqual({ key: 'name', direction: 'desc' });
    expect(nextSort({ key: 'name', direction: 'asc' }, 'size')).toEqual({ key: 'size', direction: 'desc' });
    expect(nextSort({ key: 'size', direction: 'desc' }, 'driver')).toEqual({ key: 'driver', direction: 'asc' });
  });

  it('filters by name, driver, a container using it, or a label', () => {
    const labelled = volume('data', { labels: { team: 'web' }, usedBy: ['api-1'] });
    expect(['DATA', 'local', 'api-1', 'team=web', ''].map((text) => matchesVolume(labelled, text))).toEqual([true, true, true, true, true]);
    expect(matchesVolume(labelled, 'nothing')).toBe(false);
  });
});

describe('key=value lines', () => {
  it('reads one pair a line, the value keeping its own = and spaces, and names the first bad line', () => {
    expect(parseKeyValueLines('type=tmpfs\n\n o=size=1m,uid=1000 \nflag')).toEqual({ ok: true, values: { type: 'tmpfs', o: 'size=1m,uid=1000', flag: '' } });
    expect(parseKeyValueLines('a=1\nbad key=2')).toEqual({ ok: false, line: 2 });
    expect(parseKeyValueLines('=x')).toEqual({ ok: false, line: 1 });
  });
});

describe('volume CLI lines', () => {
  it('quotes what sh would split, and leaves out the default driver', () => {
    expect(volumeCreateCommand({ name: 'data', driver: 'local', driverOptions: { o: 'size=1m uid=1' }, labels: { note: "it's" } })).toBe(
      `docker volume create --opt 'o=size=1m uid=1' --label 'note=it'\\''s' data`,
    );
    expect(volumeCreateCommand({ driver: 'vieux/sshfs' })).toBe('docker volume create --driver vieux/sshfs');
    expect(volumePruneCommand({ label: [], all: false })).toBe('docker volume prune --force');
    expect(volumeRemoveWithUsersCommand('data', ['a', 'b'], true)).toBe('docker rm -f a b && docker volume rm -f data');
  });
});
