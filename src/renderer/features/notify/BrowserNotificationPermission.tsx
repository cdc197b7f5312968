import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browserNotificationPermission, requestBrowserNotifications } from './browser-notifications';

/** Browser mode: the page may only notify once the browser allows it, and asking needs a click. */
export function BrowserNotificationPermission() {
  const { t } = useTranslation('settings');
  const [permission, setPermission] = useState(browserNotificationPermission);
  return (
    <div className="setting-row">
      <span>{t('notifications.browser')}</span>
      <div className="setting-control">
        {permission === 'default' && (
          <button type="button" onClick={() => void requestBrowserNotifications().then(setPermission)}>
            {t('notifications.allow')}
          </button>
        )}
        <span className="setting-hint muted" role="status">
          {t(`notifications.permission.${permission}`)}
        </span>
      </div>
    </div>
  );
}
