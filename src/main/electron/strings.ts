import type { LanguageSetting } from '../../shared/contract/settings';
import { languageForLocale, type Language } from '../../shared/languages';
import { en, type MainStrings } from './locales/en';
import { ko } from './locales/ko';

/**
 * The main process's own text (menu, About box, notifications). Main has no i18next: its catalogs
 * are typed objects in ./locales, one per language of shared/languages.ts, and each must have
 * every key the English one has (the type says so).
 */
export type { MainStrings };
export const MAIN_STRINGS: Readonly<Record<Language, MainStrings>> = { en, ko };

/** The language the setting names; "system" follows the OS locale (Electron's app.getLocale()). */
export function mainLanguage(setting: LanguageSetting, systemLocale: string): Language {
  return setting === 'system' ? languageForLocale(systemLocale) : setting;
}

export function stringsFor(setting: LanguageSetting, systemLocale: string): MainStrings {
  return MAIN_STRINGS[mainLanguage(setting, systemLocale)];
}
