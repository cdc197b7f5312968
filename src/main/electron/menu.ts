import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/types/desktop';
import type { MainStrings } from './strings';

export interface MenuActions {
  /** Asks the renderer to do something (through the `menu.watch` stream). */
  send(command: MenuCommand): void;
  showAbout(): void;
}

export interface MenuOptions {
  strings: MainStrings;
  platform: NodeJS.Platform;
  /** Developer tools only in development builds. */
  packaged: boolean;
}

/**
 * The application menu: the usual roles (edit, view, window) with translated labels, plus Berth's
 * own items. The palette and settings accelerators are shown but not registered: the renderer owns
 * those keys, so a focused terminal can keep Ctrl+K for itself.
 */
export function menuTemplate({ strings, platform, packaged }: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const m = strings.menu;
  const mac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const settings: MenuItemConstructorOptions = {
    id: 'settings',
    label: m.settings,
    accelerator: 'CmdOrCtrl+,',
    registerAccelerator: false,
    click: () => actions.send('settings'),
  };
  const about: MenuItemConstructorOptions = { id: 'about', label: m.about, click: () => actions.showAbout() };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Berth',
    submenu: [
      about,
      separator,
      settings,
      separator,
      { role: 'services', label: m.services },
      separator,
      { role: 'hide', label: m.hide },
      { role: 'hideOthers', label: m.hideOthers },
      { role: 'unhide', label: m.showAll },
      separator,
      { role: 'quit', label: m.quit },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: m.file,
    submenu: mac ? [{ role: 'close', label: m.close }] : [settings, separator, { role: 'quit', label: m.quit }],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: m.edit,
    submenu: [
      { role: 'undo', label: m.undo },
      { role: 'redo', label: m.redo },
      separator,
      { role: 'cut', label: m.cut },
      { role: 'copy', label: m.copy },
      { role: 'paste', label: m.paste },
      { role: 'selectAll', label: m.selectAll },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: m.view,
    submenu: [
      {
        id: 'commandPalette',
        label: m.commandPalette,
        accelerator: 'CmdOrCtrl+K',
        registerAccelerator: false,
        click: () => actions.send('commandPalette'),
      },
      separator,
      { role: 'reload', label: m.reload },
      ...(packaged ? [] : [{ role: 'toggleDevTools', label: m.devTools } as const]),
      separator,
      { role: 'resetZoom', label: m.resetZoom },
      { role: 'zoomIn', label: m.zoomIn },
      { role: 'zoomOut', label: m.zoomOut },
      separator,
      { role: 'togglefullscreen', label: m.fullScreen },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: m.window,
    role: 'window',
    submenu: mac
      ? [{ role: 'minimize', label: m.minimize }, { role: 'zoom', label: m.zoom }, separator, { role: 'front', label: m.front }]
      : [
          { role: 'minimize', label: m.minimize },
          { role: 'close', label: m.close },
        ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    label: m.help,
    role: 'help',
    submenu: [
      { id: 'keyboardShortcuts', label: m.keyboardShortcuts, click: () => actions.send('keyboardShortcuts') },
      { id: 'helpCommandPalette', label: m.commandPalette, click: () => actions.send('commandPalette') },
      ...(mac ? [] : [separator, about]),
    ],
  };
  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

export function installMenu(options: MenuOptions, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options, actions)));
}
