import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogoutResult, RegistryLogin } from '../../../shared/types/registries';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useRegistryDialogs } from './RegistryDialogs';

/** The registries the docker CLI's config has logins for (servers and users, never secrets), each with Log out. */
export function RegistriesList() {
  const { t } = useTranslation('registries');
  const client = useClient();
  const { openLogin, loginsVersion } = useRegistryDialogs();
  const [logins, setLogins] = useState<RegistryLogin[]>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState<string>();
  const [report, setReport] = useState<LogoutResult>();

  const refresh = useCallback(() => {
    client.invoke('registries.list', {}).then(
      (list) => {
        setLogins(list);
        setError(undefined);
      },
      (err: Error) => setError(err),
    );
  }, [client]);

  useEffect(() => refresh(), [refresh, loginsVersion]);

  const logout = async (server: string): Promise<void> => {
    setBusy(server);
    setError(undefined);
    try {
      setReport(await client.invoke('registries.logout', { server }));
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(undefined);
      refresh();
    }
  };

  return (
    <div className="reg-logins">
      {error && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}
      {logins === undefined && !error && <p className="muted">{t('logins.loading')}</p>}
      {logins?.length === 0 && <p className="muted">{t('logins.none')}</p>}
      {logins && logins.length > 0 && (
        <table className="reg-logins-table" aria-label={t('logins.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('logins.server')}</th>
              <th scope="col">{t('logins.username')}</th>
              <th scope="col">{t('logins.store')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('logins.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {logins.map((login) => (
              <tr key={login.server} data-registry={login.server}>
                <td className="mono">{login.server}</td>
                <td>{login.username ?? '—'}</td>
                <td className="muted">{login.helper ? t(`logins.stores.${login.store}Named`, { helper: login.helper }) : t(`logins.stores.${login.store}`)}</td>
                <td>
                  <button
                    type="button"
                    className="small"
                    disabled={busy === login.server}
                    onClick={() => void logout(login.server)}
                    aria-label={t('logins.logoutNamed', { server: login.server })}
                  >
                    {t('logins.logout')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report && (
        <div className="action-report" role="status">
          <span>{t(report.removed ? 'logins.loggedOut' : 'logins.nothingStored', { server: report.server })}</span>
          <CliCommand command={report.commandLine} />
        </div>
      )}
      <div>
        <button type="button" onClick={() => openLogin()}>
          {t('logins.login')}
        </button>
      </div>
    </div>
  );
}
