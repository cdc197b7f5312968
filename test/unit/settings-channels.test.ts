import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/contract/settings';
import type { StreamFrame } from '../../src/shared/transport';
import type { Dispatcher } from '../../src/main/dispatch';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost, type HostServices } from '../../src/main/host';

// The settings channels need no engine: this one points at a socket nobody listens on.
const engine = createEngine({ DOCKER_HOST: 'unix:///nonexistent/berth-test.sock' });
let dir: string;
let dispatcher: Dispatcher;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'berth-settings-channels-'));
  const host: HostServices = { ...webHost, settingsDir: dir };
  dispatcher = createBackend({ engine, host }).dispatcher;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const onDisk = async (): Promise<unknown> => JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'));

describe('settings.get / settings.set / settings.watch', () => {
  it('get answers the defaults before anything is saved', async () => {
    expect(await dispatcher.invoke('settings.get', {})).toEqual({ ok: true, result: DEFAULT_SETTINGS });
  });

  it('set saves a change and answers all the settings', async () => {
    const outcome = await dispatcher.invoke('settings.set', { theme: 'dark', confirm: { kill: false } });
    const expected: Settings = { ...DEFAULT_SETTINGS, theme: 'dark', confirm: { remove: true, kill: false } };
    expect(outcome).toEqual({ ok: true, result: expected });
    expect(await onDisk()).toEqual(expected);
  });

  it('refuses bad input with INVALID_INPUT and a clear message, changing nothing', async () => {
    const before = await onDisk();
    const cases: Array<[unknown, RegExp]> = [
      [{ theme: 'purple' }, /theme/],
      [{ logs: { tail: 0 } }, /logs\.tail: Tail must be at least 1 line/],
      [{ stats: { historySeconds: 99999 } }, /stats\.historySeconds: Keep at most 3600 seconds/],
      [{ confirm: { remove: 'no' } }, /confirm\.remove/],
      [{ windowBounds: { x: 1 } }, /windowBounds/],
      ['dark', /./],
    ];
    for (const [input, message] of cases) {
      const outcome = await dispatcher.invoke('settings.set', input);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      if (!outcome.ok) expect(outcome.error.message).toMatch(message);
    }
    expect(await dispatcher.invoke('settings.get', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await onDisk()).toEqual(before);
  });

  it('watch sends the settings at once, then every change, until closed', async () => {
    const frames: StreamFrame[] = [];
    const outcome = dispatcher.subscribe('settings.watch', {}, (frame) => frames.push(frame));
    if (!outcome.ok) throw new Error(outcome.error.message);
    await expect.poll(() => frames.length).toBe(1);
    expect(frames[0]).toMatchObject({ kind: 'data', message: { theme: 'dark' } });
    await dispatcher.invoke('settings.set', { theme: 'light' });
    await expect.poll(() => frames.length).toBe(2);
    expect(frames[1]).toMatchObject({ kind: 'data', message: { theme: 'light' } });
    outcome.close();
    expect(dispatcher.openStreamCount()).toBe(0);
    await dispatcher.invoke('settings.set', { theme: 'dark' });
    expect(frames).toHaveLength(2);
  });

  it('menu.watch stays silent in browser mode and closes cleanly', () => {
    const frames: StreamFrame[] = [];
    const outcome = dispatcher.subscribe('menu.watch', {}, (frame) => frames.push(frame));
    expect(outcome.ok).toBe(true);
    if (outcome.ok) outcome.close();
    expect(frames).toEqual([]);
    expect(dispatcher.openStreamCount()).toBe(0);
  });
});
