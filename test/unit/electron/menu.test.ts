import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

const electron = vi.hoisted(() => ({ installed: [] as unknown[] }));
vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => electron.installed.push(menu),
  },
  app: { getVersion: () => '0.1.0' },
  clipboard: { writeText: vi.fn() },
  dialog: { showMessageBox: vi.fn() },
}));

const { installMenu, menuTemplate } = await import('../../../src/main/electron/menu');
const { MAIN_STRINGS, mainLanguage, stringsFor } = await import('../../../src/main/electron/strings');
const { aboutDetail, engineVersionWithin } = await import('../../../src/main/electron/about');

type Item = MenuItemConstructorOptions;
const submenu = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? (item.submenu as Item[]) : []);
const roles = (items: Item[]): string[] => items.map((item) => item.role).filter((role): role is NonNullable<Item['role']> => !!role);
const find = (items: Item[], id: string): Item | undefined => items.flatMap((item) => [item, ...submenu(item)]).find((item) => item.id === id);

function build(platform: NodeJS.Platform, packaged = true, language: 'en' | 'ko' = 'en') {
  const actions = { send: vi.fn(), showAbout: vi.fn() };
  const template = menuTemplate({ strings: MAIN_STRINGS[language], platform, packaged }, actions);
  return { template, actions };
}

describe('application menu', () => {
  it('has File, Edit, View, Window and Help with the usual roles (Linux/Windows)', () => {
    const { template } = build('linux');
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const [file, edit, view, window, help] = template;
    expect(roles(submenu(file))).toEqual(['quit']);
    expect(roles(submenu(edit))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(roles(submenu(view))).toEqual(['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(window?.role).toBe('window');
    expect(roles(submenu(window))).toEqual(['minimize', 'close']);
    expect(help?.role).toBe('help');
  });

  it('puts About and Settings in the app menu on macOS', () => {
    const { template } = build('darwin');
    expect(template.map((item) => item.label)).toEqual(['Berth', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(submenu(template[0]).map((item) => item.id ?? item.role ?? item.type)).toEqual([
      'about',
      'separator',
      'settings',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    expect(find(submenu(template.at(-1)), 'about')).toBeUndefined();
  });

  it('offers developer tools only in development builds', () => {
    expect(roles(submenu(build('linux', false).template[2]))).toContain('toggleDevTools');
    expect(roles(submenu(build('linux', true).template[2]))).not.toContain('toggleDevTools');
  });

  it('menu items ask the renderer (palette, shortcuts, settings) or show About', () => {
    const { template, actions } = build('linux');
    const help = submenu(template.at(-1));
    find(help, 'keyboardShortcuts')?.click?.({} as never, undefined, {} as never);
    find(help, 'helpCommandPalette')?.click?.({} as never, undefined, {} as never);
    find(submenu(template[0]), 'settings')?.click?.({} as never, undefined, {} as never);
    find(help, 'about')?.click?.({} as never, undefined, {} as never);
    expect(actions.send.mock.calls).toEqual([['keyboardShortcuts'], ['commandPalette'], ['settings']]);
    expect(actions.showAbout).toHaveBeenCalledOnce();
  });

  it('shows the renderer-owned shortcuts without registering them (a terminal keeps Ctrl+K)', () => {
    const { template } = build('linux');
    for (const id of ['commandPalette', 'settings']) {
      const item = find(template, id) ?? find(submenu(template[2]), id);
      expect(item?.accelerator, id).toMatch(/^CmdOrCtrl\+/);
      expect(item?.registerAccelerator, id).toBe(false);
    }
  });

  it('speaks Korean when the language setting (or the system) says so', () => {
    expect(build('linux', true, 'ko').template.map((item) => item.label)).toEqual(['파일', '편집', '보기', '창', '도움말']);
    expect(mainLanguage('system', 'ko-KR')).toBe('ko');
    expect(mainLanguage('system', 'en-US')).toBe('en');
    expect(mainLanguage('en', 'ko-KR')).toBe('en');
    expect(stringsFor('ko', 'en').menu.edit).toBe('편집');
  });

  it('has every English key in every language', () => {
    const keys = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, nested]) => (typeof nested === 'object' ? keys(nested as object, `${prefix}${key}.`) : [`${prefix}${key}`]));
    for (const strings of Object.values(MAIN_STRINGS)) expect(keys(strings)).toEqual(keys(MAIN_STRINGS.en));
  });

  it('installs the built menu as the application menu', () => {
    installMenu({ strings: MAIN_STRINGS.en, platform: 'linux', packaged: true }, { send: vi.fn(), showAbout: vi.fn() });
    expect(electron.installed).toHaveLength(1);
  });
});

describe('About box', () => {
  it('lists the Berth, Electron, Chromium, Node and engine versions', () => {
    const detail = aboutDetail(MAIN_STRINGS.en, { berth: '0.1.0', electron: '45.5.0', chromium: '140.0', node: '22.1.0', engine: '28.2.2' });
    expect(detail).toContain('Berth: 0.1.0');
    expect(detail).toContain('Electron: 45.5.0');
    expect(detail).toContain('Chromium: 140.0');
    expect(detail).toContain('Node.js: 22.1.0');
    expect(detail).toContain('Docker engine: 28.2.2');
    expect(aboutDetail(MAIN_STRINGS.ko, { berth: '1', electron: '2', chromium: '3', node: '4', engine: undefined })).toContain('Docker 엔진: 연결되지 않음');
  });

  it('does not wait long for an engine that does not answer', async () => {
    expect(await engineVersionWithin(async () => '28.2.2')).toBe('28.2.2');
    expect(await engineVersionWithin(() => Promise.reject(new Error('down')))).toBeUndefined();
    expect(await engineVersionWithin(() => new Promise<string>(() => undefined), 20)).toBeUndefined();
  });
});
