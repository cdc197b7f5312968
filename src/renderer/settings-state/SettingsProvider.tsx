import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applySettingsPatch, DEFAULT_SETTINGS, type LanguageSetting, type Settings, type SettingsPatch } from '../../shared/contract/settings';
import { useClient } from '../api/ClientContext';
import { languageForLocale, type Language } from '../../shared/languages';
import { saveLanguage } from '../i18n';
import { applyTheme, cacheTheme, initialTheme } from './theme';

export interface SettingsContextValue {
  settings: Settings;
  /** False until main has answered (the values are then the defaults and the cached theme). */
  loaded: boolean;
  /** Why the last read or save failed, if it did. */
  error: Error | undefined;
  /** Applies at once, saves in main; on failure the saved settings come back and `error` says why. */
  update(patch: SettingsPatch): Promise<void>;
  clearError(): void;
}

const fallback: SettingsContextValue = {
  settings: DEFAULT_SETTINGS,
  loaded: false,
  error: undefined,
  update: async () => undefined,
  clearError: () => undefined,
};

const SettingsContext = createContext<SettingsContextValue>(fallback);

/** Any view: `const { settings, update } = useSettings()`. Outside the provider it gives the defaults. */
export function useSettings(): SettingsContextValue {
  return useContext(SettingsContext);
}

function resolveLanguage(setting: LanguageSetting, browserLanguage: string = navigator.language): Language {
  return setting === 'system' ? languageForLocale(browserLanguage) : setting;
}

/** Keeps the settings from main (`settings.watch`: every window and tab stays in step) and applies theme and language. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const { i18n } = useTranslation();
  const [settings, setSettings] = useState<Settings>(() => ({ ...DEFAULT_SETTINGS, theme: initialTheme() }));
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<Error>();
  /** The last settings main confirmed: what a failed save goes back to. */
  const confirmed = useRef<Settings>(settings);

  useEffect(
    () =>
      client.subscribe(
        'settings.watch',
        {},
        {
          onMessage: (next) => {
            confirmed.current = next;
            setSettings(next);
            setLoaded(true);
          },
          onError: (err) => setError(err),
        },
      ),
    [client],
  );

  useEffect(() => {
    applyTheme(settings.theme);
    cacheTheme(settings.theme);
  }, [settings.theme]);

  useEffect(() => {
    if (!loaded) return;
    const language = resolveLanguage(settings.language);
    if (i18n.language !== language) saveLanguage(language);
  }, [loaded, settings.language, i18n]);

  const update = useCallback(
    async (patch: SettingsPatch): Promise<void> => {
      setSettings((current) => applySettingsPatch(current, patch));
      try {
        const saved = await client.invoke('settings.set', patch);
        confirmed.current = saved;
        setSettings(saved);
        setError(undefined);
      } catch (err) {
        setSettings(confirmed.current);
        setError(err as Error);
      }
    },
    [client],
  );

  const value = useMemo<SettingsContextValue>(
    () => ({ settings, loaded, error, update, clearError: () => setError(undefined) }),
    [settings, loaded, error, update],
  );
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}
