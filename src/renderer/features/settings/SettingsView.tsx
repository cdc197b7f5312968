import { useTranslation } from 'react-i18next';
import { LANGUAGE_SETTINGS, THEME_SETTINGS, type LanguageSetting, type ThemeSetting } from '../../../shared/contract/settings';
import { useClient } from '../../api/ClientContext';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useCommandRegistry } from '../../commands/CommandsProvider';
import { BrowserNotificationPermission } from '../notify';
import { RegistriesList } from '../registries';
import { NumberSetting } from './NumberSetting';
import { useSettings } from '../../settings-state/SettingsProvider';
import { ToggleSetting } from './ToggleSetting';
import '../../styles/settings.css';

/** Every setting, saved in the user data folder as soon as it changes. */
export function SettingsView() {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const { settings, update, error, clearError } = useSettings();
  const client = useClient();
  const registry = useCommandRegistry();

  return (
    <section className="view settings-view" aria-labelledby="settings-title">
      <header className="view-header">
        <h1 id="settings-title">{t('title')}</h1>
        <span className="muted">{t('savedAutomatically')}</span>
      </header>
      {error && <ErrorMessage error={error} onDismiss={clearError} />}

      <fieldset className="settings-section">
        <legend>{t('sections.appearance')}</legend>
        <div className="setting-row">
          <span id="theme-label">{tc('theme.label')}</span>
          <div className="setting-control segmented" role="radiogroup" aria-labelledby="theme-label">
            {THEME_SETTINGS.map((theme) => (
              <label key={theme} className={settings.theme === theme ? 'segment active' : 'segment'}>
                <input
                  type="radio"
                  name="theme"
                  value={theme}
                  checked={settings.theme === theme}
                  onChange={() => void update({ theme: theme as ThemeSetting })}
                />
                {tc(`theme.${theme}`)}
              </label>
            ))}
          </div>
        </div>
        <div className="setting-row">
          <label htmlFor="settings-language">{tc('language.label')}</label>
          <div className="setting-control">
            <select id="settings-language" value={settings.language} onChange={(event) => void update({ language: event.target.value as LanguageSetting })}>
              {LANGUAGE_SETTINGS.map((language) => (
                <option key={language} value={language}>
                  {tc(`language.${language}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('sections.confirmations')}</legend>
        <ToggleSetting label={t('confirm.remove')} checked={settings.confirm.remove} onChange={(remove) => void update({ confirm: { remove } })} />
        <ToggleSetting
          label={t('confirm.kill')}
          hint={t('confirm.killHint')}
          checked={settings.confirm.kill}
          onChange={(kill) => void update({ confirm: { kill } })}
        />
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('sections.logs')}</legend>
        <NumberSetting
          label={t('logs.tail')}
          hint={t('logs.tailHint')}
          invalidMessage={t('logs.tailInvalid', { min: 1, max: 100000 })}
          value={settings.logs.tail}
          min={1}
          max={100_000}
          onCommit={(tail) => void update({ logs: { tail } })}
        />
        <ToggleSetting label={t('logs.timestamps')} checked={settings.logs.timestamps} onChange={(timestamps) => void update({ logs: { timestamps } })} />
        <ToggleSetting label={t('logs.wrap')} checked={settings.logs.wrap} onChange={(wrap) => void update({ logs: { wrap } })} />
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('sections.stats')}</legend>
        <NumberSetting
          label={t('stats.history')}
          hint={t('stats.historyHint')}
          invalidMessage={t('stats.historyInvalid', { min: 30, max: 3600 })}
          value={settings.stats.historySeconds}
          min={30}
          max={3600}
          onCommit={(historySeconds) => void update({ stats: { historySeconds } })}
        />
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('sections.notifications')}</legend>
        <ToggleSetting
          label={t('notifications.longTasks')}
          hint={t('notifications.longTasksHint')}
          checked={settings.notifications.longTasks}
          onChange={(longTasks) => void update({ notifications: { longTasks } })}
        />
        {client.transport === 'web' && settings.notifications.longTasks && <BrowserNotificationPermission />}
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('sections.registries')}</legend>
        <p className="muted setting-hint">{t('registries.hint')}</p>
        <RegistriesList />
      </fieldset>

      <fieldset className="settings-section">
        <legend>{t('sections.keyboard')}</legend>
        <div className="setting-row">
          <span>{t('keyboard.description')}</span>
          <div className="setting-control">
            <button type="button" onClick={() => registry.find('shortcuts.open')?.run()}>
              {t('keyboard.show')}
            </button>
          </div>
        </div>
      </fieldset>
    </section>
  );
}
