import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsFromStored, settingsPatchSchema } from '../../src/shared/contract/settings';
import { BerthError } from '../../src/shared/errors';
import { browserModeSettingsDir } from '../../src/main/settings/location';
import { createSettingsStore } from '../../src/main/settings/store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'berth-settings-'));
});
afterEach(async () => {
  await chmod(dir, 0o700).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

const fileIn = (folder: string): string => path.join(folder, 'settings.json');

describe('settings store', () => {
  it('gives the defaults when nothing was saved, and writes nothing until a change', async () => {
    const store = createSettingsStore(dir);
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    expect(await readdir(dir)).toEqual([]);
  });

  it('saves a change as JSON, merges nested sections, and a new store reads it back', async () => {
    const store = createSettingsStore(dir);
    const saved = await store.update({ theme: 'dark', logs: { tail: 200 } });
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', logs: { ...DEFAULT_SETTINGS.logs, tail: 200 } });
    expect(JSON.parse(await readFile(fileIn(dir), 'utf8'))).toEqual(saved);
    expect(await createSettingsStore(dir).get()).toEqual(saved);
  });

  it('leaves no temp files behind (written to a temp file, then renamed)', async () => {
    const store = createSettingsStore(dir);
    await Promise.all([store.update({ theme: 'light' }), store.update({ confirm: { kill: false } }), store.update({ stats: { historySeconds: 60 } })]);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('applies concurrent changes one after another, losing none', async () => {
    const store = createSettingsStore(dir);
    await Promise.all([
      store.update({ logs: { tail: 10 } }),
      store.update({ logs: { wrap: false } }),
      store.update({ logs: { timestamps: true } }),
      store.update({ language: 'ko' }),
    ]);
    const onDisk = JSON.parse(await readFile(fileIn(dir), 'utf8')) as unknown;
    expect(onDisk).toMatchObject({ language: 'ko', logs: { tail: 10, wrap: false, timestamps: true } });
  });

  it('tells watchers after every saved change, until they stop watching', async () => {
    const store = createSettingsStore(dir);
    const seen: string[] = [];
    const stop = store.watch((settings) => seen.push(settings.theme));
    await store.update({ theme: 'dark' });
    stop();
    await store.update({ theme: 'light' });
    expect(seen).toEqual(['dark']);
  });

  it('keeps the valid fields of a damaged or older file and defaults the rest', async () => {
    await writeFile(fileIn(dir), JSON.stringify({ theme: 'purple', language: 'ko', logs: { tail: -5, wrap: false }, confirm: 'yes', unknown: 1 }));
    expect(await createSettingsStore(dir).get()).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'ko',
      logs: { ...DEFAULT_SETTINGS.logs, wrap: false },
    });
  });

  it('treats a file that is not JSON as no settings, and replaces it on the next save', async () => {
    await writeFile(fileIn(dir), '{ not json');
    const store = createSettingsStore(dir);
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    await store.update({ theme: 'dark' });
    expect(JSON.parse(await readFile(fileIn(dir), 'utf8'))).toMatchObject({ theme: 'dark' });
  });

  it('reports a save it could not make as a plain INTERNAL error and keeps the old settings', async () => {
    if (process.getuid?.() === 0) {
      // root writes through file modes; a path under a regular file fails for everyone.
      await writeFile(path.join(dir, 'file'), '');
      const store = createSettingsStore(path.join(dir, 'file', 'sub'));
      await expect(store.update({ theme: 'dark' })).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('Could not save') });
      expect((await store.get()).theme).toBe('system');
      return;
    }
    const store = createSettingsStore(dir);
    await chmod(dir, 0o500);
    const failure = await store.update({ theme: 'dark' }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(BerthError);
    expect(failure).toMatchObject({ code: 'INTERNAL' });
    expect((await store.get()).theme).toBe('system');
  });
});

describe('settings schema', () => {
  it('refuses unknown keys and out-of-range values', () => {
    expect(settingsPatchSchema.safeParse({ themes: 'dark' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ logs: { tail: 0 } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ logs: { tail: 1.5 } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ logs: { colour: true } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ stats: { historySeconds: 5 } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ theme: 'solarized' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({}).success).toBe(true);
  });

  it('keeps a colour per engine (#rrggbb), refuses anything else, and a new store reads them back', async () => {
    const store = createSettingsStore(dir);
    const saved = await store.update({ engines: { colours: { default: '#0c717a', 'build-server': '#d42a1e' } } });
    expect(saved.engines.colours).toEqual({ default: '#0c717a', 'build-server': '#d42a1e' });
    expect((await createSettingsStore(dir).get()).engines.colours).toEqual(saved.engines.colours);
    for (const colour of ['red', '#FFF', '#12345', 'url(x)', '#0c717a; color: red']) {
      expect(settingsPatchSchema.safeParse({ engines: { colours: { prod: colour } } }).success).toBe(false);
    }
    expect(settingsPatchSchema.safeParse({ engines: { colours: { '': '#000000' } } }).success).toBe(false);
    expect(
      settingsPatchSchema.safeParse({ engines: { colours: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`e${i}`, '#000000'])) } }).success,
    ).toBe(false);
    expect(settingsFromStored({ engines: { colours: { prod: 'javascript:1' } } }).engines).toEqual(DEFAULT_SETTINGS.engines);
  });

  it('settingsFromStored never throws and always gives complete settings', () => {
    for (const raw of [undefined, null, 42, 'x', [], { logs: null }, { stats: { historySeconds: '60' } }]) {
      expect(settingsFromStored(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });
});

describe('browser-mode settings folder', () => {
  it('is BERTH_SETTINGS_DIR, else $XDG_CONFIG_HOME/berth, else ~/.config/berth', () => {
    expect(browserModeSettingsDir({ BERTH_SETTINGS_DIR: '/tmp/b' }, '/home/u')).toBe('/tmp/b');
    expect(browserModeSettingsDir({ XDG_CONFIG_HOME: '/x/config' }, '/home/u')).toBe('/x/config/berth');
    expect(browserModeSettingsDir({ XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config/berth');
    expect(browserModeSettingsDir({}, '/home/u')).toBe('/home/u/.config/berth');
  });
});
