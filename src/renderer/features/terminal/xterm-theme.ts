import type { ITheme } from '@xterm/xterm';

type Mode = 'light' | 'dark';

/** ANSI colours readable on each theme's surface (the xterm defaults are for dark backgrounds only). */
const PALETTES: Record<Mode, ITheme> = {
  dark: {
    black: '#1d2a37',
    red: '#ff7b6e',
    green: '#4cd38a',
    yellow: '#f0b44c',
    blue: '#6cb6ff',
    magenta: '#d2a8ff',
    cyan: '#27b3bd',
    white: '#c9d4df',
    brightBlack: '#6b7d8f',
    brightRed: '#ffa198',
    brightGreen: '#7ee2a8',
    brightYellow: '#ffd27a',
    brightBlue: '#9ccdff',
    brightMagenta: '#e2c5ff',
    brightCyan: '#6fd6dc',
    brightWhite: '#f4f7fa',
  },
  light: {
    black: '#17212b',
    red: '#c2362b',
    green: '#1f8a4c',
    yellow: '#8a5a00',
    blue: '#1f5fbf',
    magenta: '#8e3fb5',
    cyan: '#0e7c86',
    white: '#5d6b7a',
    brightBlack: '#6b7785',
    brightRed: '#a52a20',
    brightGreen: '#17703c',
    brightYellow: '#6e4700',
    brightBlue: '#174c99',
    brightMagenta: '#73308f',
    brightCyan: '#0a5f67',
    brightWhite: '#17212b',
  },
};

function currentMode(): Mode {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

/** The terminal's colours from the app's CSS variables, so it follows the light and dark themes. */
export function terminalTheme(mode: Mode = currentMode()): ITheme {
  const style = getComputedStyle(document.documentElement);
  const css = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const dark = mode === 'dark';
  return {
    ...PALETTES[mode],
    background: dark ? '#0b1219' : css('--surface', '#ffffff'),
    foreground: css('--text', dark ? '#e4ebf2' : '#17212b'),
    cursor: css('--accent', '#0e7c86'),
    cursorAccent: dark ? '#0b1219' : '#ffffff',
    selectionBackground: dark ? '#27b3bd55' : '#0e7c8640',
    selectionInactiveBackground: dark ? '#27b3bd30' : '#0e7c8625',
  };
}

/** Calls `listener` whenever the app's theme changes (the `data-theme` attribute on <html>). */
export function onThemeChange(listener: (mode: Mode) => void): () => void {
  const observer = new MutationObserver(() => listener(currentMode()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
