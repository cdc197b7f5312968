import { describe, expect, it } from 'vitest';
import { containerPruneCommand } from '../../../src/shared/cli/containers';
import type { ContainerSummary } from '../../../src/shared/types/containers';
import type { StatsSample } from '../../../src/shared/types/stats';
import { sortContainers } from '../../../src/renderer/features/containers/filter';
import { pruneDifference, pruneFiltersFromForm } from '../../../src/renderer/features/containers/prune/prune-form';
import { withSizes } from '../../../src/renderer/features/containers/with-sizes';
import { sortOverview, type OverviewRow } from '../../../src/renderer/features/stats/overview-sort';

const now = 1_800_000_000;
const form = (labels = '', labelsNot = '', until = '') => pruneFiltersFromForm({ labels, labelsNot, until }, now);

describe('the prune dialog’s filters', () => {
  it('splits labels on spaces, keeps key and key=value, and leaves out what is empty', () => {
    expect(form()).toEqual({ ok: true, filters: { label: [] } });
    expect(form('  app=web   tier\n', 'keep=yes', ' 24h ')).toEqual({
      ok: true,
      filters: { label: ['app=web', 'tier'], labelNot: ['keep=yes'], until: '24h' },
    });
    expect(form('', '', '2026-12-01')).toEqual({ ok: true, filters: { label: [], until: '2026-12-01' } });
    expect(form('a=b=c', '', '1700000000')).toEqual({ ok: true, filters: { label: ['a=b=c'], until: '1700000000' } });
  });

  it('names the field and the word the engine would refuse', () => {
    expect(form('ok =web')).toEqual({ ok: false, field: 'labels', value: '=web' });
    expect(form('', 'x =y')).toEqual({ ok: false, field: 'labelsNot', value: '=y' });
    expect(form('', '', 'yesterday')).toEqual({ ok: false, field: 'until', value: 'yesterday' });
    expect(form('', '', '1d')).toEqual({ ok: false, field: 'until', value: '1d' });
    const many = Array.from({ length: 21 }, (_, i) => `k${i}`).join(' ');
    expect(form(many)).toEqual({ ok: false, field: 'labels', value: 'k20' });
  });

  it('shows the line docker container prune takes, quoted for sh', () => {
    expect(containerPruneCommand({ label: [] })).toBe('docker container prune');
    expect(containerPruneCommand({ label: ['app=web', 'tier'], labelNot: ['keep'], until: '24h' })).toBe(
      "docker container prune --filter label=app=web --filter label=tier --filter 'label!=keep' --filter until=24h",
    );
    expect(containerPruneCommand({ label: ["it's"] })).toBe("docker container prune --filter 'label=it'\\''s'");
  });

  it('tells what the prune removed beside its preview, and what it left', () => {
    expect(pruneDifference(['a', 'b'], ['b', 'a'])).toEqual({ notRemoved: [], alsoRemoved: [] });
    expect(pruneDifference(['a', 'b'], ['b', 'c'])).toEqual({ notRemoved: ['a'], alsoRemoved: ['c'] });
  });
});

function summary(name: string, sizeRw?: number): ContainerSummary {
  return {
    id: `${name}-id`,
    name,
    image: 'busybox',
    imageId: 'sha256:x',
    command: 'sh',
    created: 1,
    state: 'exited',
    status: 'Exited (0) 1 minute ago',
    ports: [],
    labels: {},
    ...(sizeRw === undefined ? {} : { sizes: { sizeRw, sizeRootFs: sizeRw + 1000 } }),
  };
}

describe('the size column', () => {
  it('merges the slow size list into the fast one by id, leaving rows it did not know without sizes', () => {
    const list = [summary('a'), summary('b')];
    expect(withSizes(list, undefined)).toBe(list);
    const merged = withSizes(list, new Map([['a-id', { sizeRw: 5, sizeRootFs: 10 }]]));
    expect(merged?.map((c) => c.sizes)).toEqual([{ sizeRw: 5, sizeRootFs: 10 }, undefined]);
  });

  it('sorts by the writable layer, rows not yet computed as the smallest', () => {
    const list = [summary('mid', 500), summary('none'), summary('big', 9000), summary('zero', 0)];
    expect(sortContainers(list, 'size', 'desc').map((c) => c.name)).toEqual(['big', 'mid', 'zero', 'none']);
    expect(sortContainers(list, 'size', 'asc').map((c) => c.name)).toEqual(['none', 'zero', 'mid', 'big']);
  });
});

function sample(values: Partial<StatsSample>): StatsSample {
  return {
    id: 'x',
    name: 'x',
    time: 0,
    cpuPercent: 0,
    onlineCpus: 1,
    memoryUsedBytes: 0,
    memoryLimitBytes: 1,
    memoryPercent: 0,
    networkRxBytes: 0,
    networkTxBytes: 0,
    networkRxRate: null,
    networkTxRate: null,
    blockReadBytes: 0,
    blockWriteBytes: 0,
    blockReadRate: null,
    blockWriteRate: null,
    pids: 1,
    ...values,
  };
}

describe('the stats table’s order', () => {
  const rows: OverviewRow[] = [
    { id: '1', name: 'web', latest: sample({ cpuPercent: 12, pids: 3, networkRxBytes: 10, networkTxBytes: 500 }) },
    { id: '2', name: 'api', latest: sample({ cpuPercent: null, pids: 7, networkRxBytes: 100, networkTxBytes: 100 }) },
    { id: '3', name: 'db', latest: undefined },
    { id: '4', name: 'cache', latest: sample({ cpuPercent: 40, pids: 3, networkRxBytes: 0, networkTxBytes: 0 }) },
  ];
  const names = (sorted: OverviewRow[]) => sorted.map((row) => row.name);

  it('sorts each way by a column, with rows lacking the value last either way', () => {
    expect(names(sortOverview(rows, 'cpu', 'desc'))).toEqual(['cache', 'web', 'api', 'db']);
    expect(names(sortOverview(rows, 'cpu', 'asc'))).toEqual(['web', 'cache', 'api', 'db']);
    expect(names(sortOverview(rows, 'pids', 'desc'))).toEqual(['api', 'cache', 'web', 'db']);
  });

  it('sorts I/O by the sum the cell shows, and by name with numbers in order', () => {
    expect(names(sortOverview(rows, 'network', 'desc'))).toEqual(['web', 'api', 'cache', 'db']);
    const numbered = ['app-10', 'app-9', 'app-1'].map((name, i) => ({ id: String(i), name, latest: undefined }));
    expect(names(sortOverview(numbered, 'name', 'asc'))).toEqual(['app-1', 'app-9', 'app-10']);
    expect(names(sortOverview(numbered, 'name', 'desc'))).toEqual(['app-10', 'app-9', 'app-1']);
  });
});
