import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortMapping } from '../../../shared/types/ports';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import type { DetailTabProps } from '../../tab-types';
import { openInNewTab } from './openUrl';
import { useCommand } from '../../api/useCommand';
import '../../styles/ports.css';
import { dockerPortLookupCommand, dockerPortCommand } from '../../../shared/cli/containers';

function hostAddress(ip: string): string {
  const shown = ip === '' ? '0.0.0.0' : ip;
  return shown.includes(':') ? `[${shown}]` : shown;
}

/** `docker port`: published ports, or what a stopped container asks for. */
export function PortsTab({ container }: DetailTabProps) {
  const { t } = useTranslation('ports');
  const client = useClient();
  const { data: ports, error, reload } = useCommand('containers.ports', { id: container.id }, `${container.state}:${container.status}`);
  const [openError, setOpenError] = useState<Error>();
  const [opening, setOpening] = useState<string>();
  /** The port last opened and the URL main built for it: shown with its `docker port` line. */
  const [opened, setOpened] = useState<{ containerPort: number; url: string }>();

  const open = async (mapping: PortMapping): Promise<void> => {
    const key = `${mapping.containerPort}/${mapping.protocol}`;
    setOpening(key);
    setOpenError(undefined);
    try {
      const result = await client.invoke('containers.openPort', { id: container.id, containerPort: mapping.containerPort, protocol: 'tcp' });
      if (!result.opened && !openInNewTab(result.url)) setOpenError(new Error(t('openRefused')));
      else setOpened({ containerPort: mapping.containerPort, url: result.url });
    } catch (err) {
      setOpenError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setOpening(undefined);
    }
  };

  const isAnyAddress = (ip: string): boolean => ip === '' || ip === '0.0.0.0' || ip === '::';

  const table = (mappings: PortMapping[], published: boolean) => (
    <table className="ports-table" aria-label={published ? t('published.title') : t('requested.title')}>
      <thead>
        <tr>
          <th>{t('columns.container')}</th>
          <th aria-hidden="true" />
          <th>{t('columns.host')}</th>
          <th>{t('columns.notes')}</th>
          {published && <th>{t('columns.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {mappings.map((mapping, index) => {
          const key = `${mapping.containerPort}/${mapping.protocol}`;
          return (
            <tr key={`${key}-${mapping.hostIp}-${index}`} data-port={key}>
              <td className="mono">{key}</td>
              <td aria-hidden="true" className="muted">
                →
              </td>
              <td className="mono">
                {hostAddress(mapping.hostIp)}:{mapping.hostPort ?? t('anyPort')}
              </td>
              <td className="muted">{isAnyAddress(mapping.hostIp) ? t('notes.everyInterface') : t('notes.onlyThis')}</td>
              {published && (
                <td>
                  {mapping.protocol === 'tcp' && mapping.hostPort !== undefined && (
                    <button type="button" className="small" disabled={opening === key} onClick={() => void open(mapping)}>
                      {t('open')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );

  return (
    <div className="ports-tab">
      <div className="toolbar">
        <CliCommand command={dockerPortCommand(container.name)} />
        <button type="button" className="small" onClick={reload}>
          {t('refresh')}
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
      {openError && <ErrorMessage error={openError} onDismiss={() => setOpenError(undefined)} />}
      {opened && (
        <div className="ports-opened" data-testid="ports-opened">
          <CliCommand command={dockerPortLookupCommand(container.name, opened.containerPort)} label={t('openCli.label')} />
          <p className="muted">{t('openCli.opened', { url: opened.url })}</p>
        </div>
      )}
      {!ports && !error && <p className="muted">{t('loading')}</p>}
      {ports && (
        <>
          <section aria-labelledby="ports-published">
            <h2 id="ports-published" className="section-title">
              {t('published.title')}
            </h2>
            {!ports.running && <p className="muted">{t('published.notRunning', { name: container.name })}</p>}
            {ports.running && ports.published.length === 0 && <p className="muted">{t('published.none')}</p>}
            {ports.published.length > 0 && table(ports.published, true)}
          </section>
          {!ports.running && (
            <section aria-labelledby="ports-requested">
              <h2 id="ports-requested" className="section-title">
                {t('requested.title')}
              </h2>
              <p className="muted">{t('requested.hint')}</p>
              {ports.requested.length === 0 ? <p className="muted">{t('requested.none')}</p> : table(ports.requested, false)}
            </section>
          )}
          {ports.exposedOnly.length > 0 && (
            <section aria-labelledby="ports-exposed">
              <h2 id="ports-exposed" className="section-title">
                {t('exposed.title')}
              </h2>
              <p className="muted">{t('exposed.hint')}</p>
              <p className="mono">{ports.exposedOnly.map((port) => `${port.containerPort}/${port.protocol}`).join(', ')}</p>
            </section>
          )}
        </>
      )}
    </div>
  );
}
