export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
const THEME_KEY = 'berth.theme';

export function initialTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY);
  return saved === 'light' || saved === 'dark' || saved === 'system' ? saved : 'system';
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

export function saveTheme(theme: Theme): void {
  localStorage.setItem(THEME_KEY, theme);
  applyTheme(theme);
}
