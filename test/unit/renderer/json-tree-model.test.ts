import { goTemplate } from '../../../src/shared/cli/go-template';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../src/shared/types/inspect';
import { containerIds, copyText, formatPath, pathId, searchJson, splitMatches, visibleRows } from '../../../src/renderer/components/json-tree/json-tree-model';
import { sortProcesses, compareCells } from '../../../src/renderer/features/top/process-sort';

const doc: JsonValue = {
  Id: 'abc',
  HostConfig: { Memory: 67108864, Binds: null, Devices: [] },
  Mounts: [{ Source: '/data', RW: true }],
  Config: { Labels: { 'com.example.key': 'Value', 'berth.test': '1' } },
};

describe('json tree rows', () => {
  it('shows the top level, and descends only into expanded nodes', () => {
    expect(visibleRows(doc, new Set()).map((row) => formatPath(row.path))).toEqual(['.Id', '.HostConfig', '.Mounts', '.Config']);
    const open = new Set([pathId(['HostConfig']), pathId(['Mounts']), pathId(['Mounts', 0])]);
    const rows = visibleRows(doc, open);
    expect(rows.map((row) => formatPath(row.path))).toEqual([
      '.Id',
      '.HostConfig',
      '.HostConfig.Memory',
      '.HostConfig.Binds',
      '.HostConfig.Devices',
      '.Mounts',
      '.Mounts[0]',
      '.Mounts[0].Source',
      '.Mounts[0].RW',
      '.Config',
    ]);
    const memory = rows.find((row) => row.id === pathId(['HostConfig', 'Memory']));
    expect(memory).toMatchObject({ depth: 1, kind: 'number', parentId: pathId(['HostConfig']), posInSet: 1, setSize: 3, expanded: false });
    // An empty array is a leaf: nothing to expand.
    expect(rows.find((row) => row.id === pathId(['HostConfig', 'Devices']))).toMatchObject({ kind: 'array', size: 0 });
  });

  it('writes paths as jq/docker --format would', () => {
    expect(goTemplate(['HostConfig', 'Memory'], 1024)).toBe('{{.HostConfig.Memory}}');
    expect(goTemplate(['Config', 'Env', 0], 'A=b')).toBe('{{index .Config.Env 0}}');
    expect(goTemplate(['Config', 'Labels', 'com.example.key'], 'x')).toBe('{{index .Config.Labels "com.example.key"}}');
    expect(goTemplate(['Mounts', 0, 'Source'], '/a')).toBe('{{(index .Mounts 0).Source}}');
    expect(goTemplate(['Mounts', 0], {})).toBe('{{json (index .Mounts 0)}}');
    expect(goTemplate([], {})).toBe('{{json .}}');
    expect(formatPath([])).toBe('.');
    expect(formatPath(['HostConfig', 'Memory'])).toBe('.HostConfig.Memory');
    expect(formatPath(['Mounts', 0, 'Source'])).toBe('.Mounts[0].Source');
    expect(formatPath(['Config', 'Labels', 'com.example.key'])).toBe('.Config.Labels["com.example.key"]');
    expect(formatPath([0])).toBe('.[0]');
    expect(formatPath(['a "quoted" key'])).toBe('.["a \\"quoted\\" key"]');
  });

  it('lists every expandable node for expand-all', () => {
    expect([...containerIds(doc)].map((id) => formatPath(JSON.parse(id)))).toEqual(['.HostConfig', '.Mounts', '.Mounts[0]', '.Config', '.Config.Labels']);
  });

  it('copies scalars bare and structures as JSON', () => {
    expect(copyText('abc')).toBe('abc');
    expect(copyText(67108864)).toBe('67108864');
    expect(copyText(null)).toBe('null');
    expect(copyText({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
  });
});

describe('json search', () => {
  it('finds keys and values case-insensitively, with the ancestors to expand', () => {
    const result = searchJson(doc, 'memory');
    expect(result.matches.map((id) => formatPath(JSON.parse(id)))).toEqual(['.HostConfig.Memory']);
    expect([...result.ancestors]).toEqual([pathId(['HostConfig'])]);
    const value = searchJson(doc, 'VALUE');
    expect(value.matches.map((id) => formatPath(JSON.parse(id)))).toEqual(['.Config.Labels["com.example.key"]']);
    expect([...value.ancestors].sort()).toEqual([pathId(['Config']), pathId(['Config', 'Labels'])].sort());
    expect(searchJson(doc, 'true').matches).toEqual([pathId(['Mounts', 0, 'RW'])]);
    expect(searchJson(doc, '   ').matches).toEqual([]);
    expect(searchJson(doc, 'nothing-like-this').matches).toEqual([]);
  });

  it('splits text around matches for highlighting', () => {
    expect(splitMatches('HostConfig.Memory', 'mem')).toEqual([
      { text: 'HostConfig.', match: false },
      { text: 'Mem', match: true },
      { text: 'ory', match: false },
    ]);
    expect(splitMatches('aaa', 'a')).toEqual([
      { text: 'a', match: true },
      { text: 'a', match: true },
      { text: 'a', match: true },
    ]);
    expect(splitMatches('abc', '')).toEqual([{ text: 'abc', match: false }]);
  });
});

describe('process table sorting', () => {
  const rows = [
    ['root', '10', '0.5', 'sleep 1001'],
    ['root', '9', '12.0', 'httpd'],
    ['daemon', '100', '0.0', 'sh'],
  ];
  it('sorts numbers as numbers and text as text, both ways', () => {
    expect(sortProcesses(rows, 1, 'asc').map((row) => row[1])).toEqual(['9', '10', '100']);
    expect(sortProcesses(rows, 1, 'desc').map((row) => row[1])).toEqual(['100', '10', '9']);
    expect(sortProcesses(rows, 2, 'desc').map((row) => row[2])).toEqual(['12.0', '0.5', '0.0']);
    expect(sortProcesses(rows, 3, 'asc').map((row) => row[3])).toEqual(['httpd', 'sh', 'sleep 1001']);
  });
  it('keeps ps order for ties', () => {
    expect(sortProcesses(rows, 0, 'desc').map((row) => row[1])).toEqual(['10', '9', '100']);
    expect(compareCells('00:00:09', '00:00:10')).toBeLessThan(0);
  });
});
