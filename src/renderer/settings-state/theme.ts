import { THEME_SETTINGS, type ThemeSetting } from '../../shared/contract/settings';

const THEMES = THEME_SETTINGS;
export type Theme = ThemeSetting;

/** The settings file is the truth; this copy in localStorage only avoids a flash of the wrong theme on start. */
const THEME_CACHE_KEY = 'berth.theme';

export function initialTheme(): Theme {
  const cached = localStorage.getItem(THEME_CACHE_KEY);
  return (THEMES as readonly string[]).includes(cached ?? '') ? (cached as Theme) : 'system';
}

export function cacheTheme(theme: Theme): void {
  localStorage.setItem(THEME_CACHE_KEY, theme);
}

let systemListener: ((event: MediaQueryListEvent) => void) | undefined;

/** Sets `data-theme` on <html>; "system" follows the OS and keeps following it. */
export function applyTheme(theme: Theme): void {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  if (systemListener) media.removeEventListener('change', systemListener);
  systemListener = undefined;
  const resolve = (dark: boolean): void => {
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  };
  if (theme === 'system') {
    resolve(media.matches);
    systemListener = (event) => resolve(event.matches);
    media.addEventListener('change', systemListener);
  } else {
    resolve(theme === 'dark');
  }
}
