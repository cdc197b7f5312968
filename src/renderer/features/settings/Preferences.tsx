import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, saveLanguage, type Language } from '../../i18n';
import { initialTheme, saveTheme, THEMES, type Theme } from './theme';

/** The language and theme switches in the top bar. */
export function Preferences() {
  const { t, i18n } = useTranslation();
  const [theme, setTheme] = useState<Theme>(initialTheme);
  return (
    <div className="preferences">
      <label>
        <span className="visually-hidden">{t('language.label')}</span>
        <select
          aria-label={t('language.label')}
          value={i18n.language}
          onChange={(event) => saveLanguage(event.target.value as Language)}
        >
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`language.${language}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('theme.label')}</span>
        <select
          aria-label={t('theme.label')}
          value={theme}
          onChange={(event) => {
            const next = event.target.value as Theme;
            setTheme(next);
            saveTheme(next);
          }}
        >
          {THEMES.map((option) => (
            <option key={option} value={option}>
              {t(`theme.${option}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
