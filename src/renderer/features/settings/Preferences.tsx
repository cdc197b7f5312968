import { useTranslation } from 'react-i18next';
import { LANGUAGE_SETTINGS, THEME_SETTINGS, type LanguageSetting, type ThemeSetting } from '../../../shared/contract/settings';
import { useSettings } from '../../settings-state/SettingsProvider';

/** The language and theme switches in the top bar (the same settings as the Settings view). */
export function Preferences() {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  return (
    <div className="preferences">
      <label>
        <span className="visually-hidden">{t('language.label')}</span>
        <select
          aria-label={t('language.label')}
          value={settings.language}
          onChange={(event) => void update({ language: event.target.value as LanguageSetting })}
        >
          {LANGUAGE_SETTINGS.map((language) => (
            <option key={language} value={language}>
              {t(`language.${language}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('theme.label')}</span>
        <select aria-label={t('theme.label')} value={settings.theme} onChange={(event) => void update({ theme: event.target.value as ThemeSetting })}>
          {THEME_SETTINGS.map((option) => (
            <option key={option} value={option}>
              {t(`theme.${option}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
