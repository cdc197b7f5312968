import { describe, expect, it, vi } from 'vitest';
import { fuzzyFilter, fuzzyScore } from '../../../src/renderer/commands/fuzzy';
import { CommandRegistry, type AppCommand } from '../../../src/renderer/commands/registry';
import { readFileSync } from 'node:fs';
import { keyLabels, matchesKeys, matchingShortcut, SHORTCUTS, WIDGET_KEYS, type KeyEventLike } from '../../../src/renderer/commands/shortcuts';

const command = (id: string, title: string, extra: Partial<AppCommand> = {}): AppCommand => ({ id, title, group: 'g', run: vi.fn(), ...extra });

describe('fuzzy matching', () => {
  it('matches characters in order and refuses others', () => {
    expect(fuzzyScore('stp', 'Stop')).not.toBeNull();
    expect(fuzzyScore('pts', 'Stop')).toBeNull();
    expect(fuzzyScore('', 'anything')).toBe(0);
  });

  it('ranks a prefix or word-start match above a scattered one', () => {
    const titles = ['Restart', 'Start', 'Go to Stats', 'Show the Stats tab'];
    expect(fuzzyFilter(titles, 'sta', (t) => [t])[0]).toBe('Start');
    expect(fuzzyFilter(['Unpause', 'Pause'], 'pause', (t) => [t])).toEqual(['Pause', 'Unpause']);
    expect(fuzzyFilter(['Remove', 'Go to Engine', 'Restart'], 'go en', (t) => [t])).toEqual(['Go to Engine']);
  });

  it('matches keywords (English words in a Korean UI) and keeps the order for an empty query', () => {
    const items = [command('a', '중지', { keywords: ['stop'] }), command('b', '시작', { keywords: ['start'] })];
    expect(fuzzyFilter(items, 'stop', (c) => [c.title, ...(c.keywords ?? [])]).map((c) => c.id)).toEqual(['a']);
    expect(fuzzyFilter(items, '  ', (c) => [c.title]).map((c) => c.id)).toEqual(['a', 'b']);
  });
});

describe('command registry', () => {
  it('lists what owners registered, live, and drops an owner’s commands when it unregisters', () => {
    const registry = new CommandRegistry();
    const changes = vi.fn();
    registry.subscribe(changes);
    const app = Symbol('app');
    const view = Symbol('view');
    registry.set(app, [command('view.engine', 'Go to Engine')]);
    const unregister = registry.set(view, [command('container.stop', 'Stop', { shortcutId: 'stop' })]);
    expect(
      registry
        .list()
        .map((c) => c.id)
        .sort(),
    ).toEqual(['container.stop', 'view.engine']);
    expect(registry.findByShortcut('stop')?.title).toBe('Stop');
    unregister();
    expect(registry.list().map((c) => c.id)).toEqual(['view.engine']);
    expect(changes).toHaveBeenCalledTimes(3);
  });

  it('lets the latest registration win when two owners use one id', () => {
    const registry = new CommandRegistry();
    registry.set(Symbol('outer'), [command('x', 'outer')]);
    registry.set(Symbol('inner'), [command('x', 'inner')]);
    expect(registry.list().map((c) => c.title)).toEqual(['inner']);
  });
});

const key = (init: Partial<KeyEventLike>): KeyEventLike => ({
  key: '',
  code: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...init,
});

describe('shortcuts', () => {
  it('Mod is Ctrl on Linux/Windows and Cmd on macOS', () => {
    expect(matchesKeys(key({ key: 'k', code: 'KeyK', ctrlKey: true }), 'Mod+K', false)).toBe(true);
    expect(matchesKeys(key({ key: 'k', code: 'KeyK', metaKey: true }), 'Mod+K', false)).toBe(false);
    expect(matchesKeys(key({ key: 'k', code: 'KeyK', metaKey: true }), 'Mod+K', true)).toBe(true);
    expect(matchesKeys(key({ key: 'k', code: 'KeyK', ctrlKey: true, shiftKey: true }), 'Mod+K', false)).toBe(false);
  });

  it('matches letters by physical key (Alt+Shift+S types "Í" on a Mac) and punctuation by character', () => {
    expect(matchesKeys(key({ key: 'Í', code: 'KeyS', altKey: true, shiftKey: true }), 'Alt+Shift+S', true)).toBe(true);
    expect(matchesKeys(key({ key: '?', code: 'Slash', shiftKey: true }), '?', false)).toBe(true);
    expect(matchesKeys(key({ key: '/', code: 'Slash' }), '?', false)).toBe(false);
    expect(matchesKeys(key({ key: 'Delete', code: 'Delete' }), 'Delete', false)).toBe(true);
    expect(matchesKeys(key({ key: 'Delete', code: 'Delete', shiftKey: true }), 'Delete', false)).toBe(false);
  });

  it('finds the shortcut a key press means, and every shortcut has distinct keys', () => {
    expect(matchingShortcut(key({ key: 'X', code: 'KeyX', altKey: true, shiftKey: true }), false)?.id).toBe('stop');
    expect(matchingShortcut(key({ key: 'Backspace', code: 'Backspace', metaKey: true }), true)?.id).toBe('remove');
    expect(matchingShortcut(key({ key: 's', code: 'KeyS' }), false)).toBeUndefined();
    const all = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
  });

  it('shows keys the platform’s way', () => {
    expect(keyLabels('Mod+K', false)).toEqual(['Ctrl', 'K']);
    expect(keyLabels('Mod+K', true)).toEqual(['⌘', 'K']);
    expect(keyLabels('Alt+Shift+X', true)).toEqual(['⌥', '⇧', 'X']);
  });

  it('lists the keys the containers grid and a log view handle, named in both languages, and never matches them globally', () => {
    for (const language of ['en', 'ko']) {
      const catalog = JSON.parse(readFileSync(`src/renderer/i18n/locales/${language}/palette.json`, 'utf8')) as {
        shortcuts: { widget: Record<string, string>; sections: Record<string, string> };
      };
      for (const widgetKeys of WIDGET_KEYS) {
        expect(catalog.shortcuts.widget[widgetKeys.id], `${language} ${widgetKeys.id}`).toBeTruthy();
        expect(catalog.shortcuts.sections[widgetKeys.section], `${language} ${widgetKeys.section}`).toBeTruthy();
      }
    }
    const press = (key: string): KeyEventLike => ({ key, code: key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false });
    for (const key of ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'Enter', ' ', 'Escape'])
      expect(matchingShortcut(press(key), false)).toBeUndefined();
    expect(keyLabels('Shift+ArrowUp', false)).toEqual(['Shift', '↑']);
  });
});
