import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FALLBACK_LANGUAGE, isLanguage, LANGUAGES, languageForLocale, type Language } from '../../shared/languages';

const LANGUAGE_KEY = 'berth.language';

type Catalog = Record<string, unknown>;

/** Every `locales/<lang>/<namespace>.json`: one namespace per feature, so features own their text. */
const modules = import.meta.glob<{ default: Catalog }>('./locales/*/*.json', { eager: true });

function catalogs(): Record<Language, Record<string, Catalog>> {
  const result = Object.fromEntries(LANGUAGES.map((language) => [language, {}])) as Record<Language, Record<string, Catalog>>;
  for (const [file, module] of Object.entries(modules)) {
    const match = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(file);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, string, string];
    if (isLanguage(language)) result[language][namespace] = module.default;
  }
  return result;
}

function initialLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  return isLanguage(saved) ? saved : languageForLocale(navigator.language);
}

export function saveLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export async function initI18n(language: Language = initialLanguage()): Promise<typeof i18next> {
  const resources = catalogs();
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    ns: Object.keys(resources[FALLBACK_LANGUAGE]),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}
