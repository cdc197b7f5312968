/**
 * Every language Berth speaks. Adding one is an entry here plus its catalogs: a folder under
 * src/renderer/i18n/locales/ and a file under src/main/electron/locales/ (the types and the
 * catalog tests then ask for every key).
 */
export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What a missing or unknown language falls back to. */
export const FALLBACK_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language a locale tag (`navigator.language`, Electron's `app.getLocale()`) asks for: `ko-KR` is `ko`. */
export function languageForLocale(locale: string): Language {
  const primary = locale.toLowerCase().split(/[-_]/)[0];
  return isLanguage(primary) ? primary : FALLBACK_LANGUAGE;
}
