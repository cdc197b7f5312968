import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineInfo, EngineState } from '../../../shared/types/engine';
import type { BerthClient } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatBytes } from '../../format/bytes';
import { EngineWaitNote, StaleNote } from './OutageNotes';

/** The last `docker info` per client, shown as last known when the view opens while the engine is away. */
const lastInfo = new WeakMap<BerthClient, { info: EngineInfo; at: number }>();

/** `docker info`; `children` (the disk usage) follow it. */
export function EngineView({ engineState, children }: { engineState: EngineState | undefined; children?: ReactNode }) {
  const { t } = useTranslation('engine');
  const client = useClient();
  const [known, setKnown] = useState(() => lastInfo.get(client));
  const info = known?.info;
  const [error, setError] = useState<Error>();
  const connected = engineState?.status === 'connected';

  useEffect(() => {
    if (!connected) return;
    let live = true;
    client.invoke('engine.info', {}).then(
      (value) => {
        if (!live) return;
        const next = { info: value, at: Date.now() };
        lastInfo.set(client, next);
        setKnown(next);
        setError(undefined);
      },
      (err: Error) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [client, connected]);

  const rows: Array<[string, string]> = info
    ? [
        [t('fields.host'), info.host],
        [t('fields.name'), info.name],
        [t('fields.serverVersion'), info.serverVersion],
        [t('fields.apiVersion'), info.apiVersion],
        [t('fields.os'), `${info.os} (${info.osType})`],
        [t('fields.kernelVersion'), info.kernelVersion],
        [t('fields.architecture'), info.architecture],
        [t('fields.cgroup'), t('fields.cgroupValue', { version: info.cgroupVersion, driver: info.cgroupDriver })],
        [t('fields.loggingDriver'), info.loggingDriver],
        [t('fields.storageDriver'), info.storageDriver],
        [t('fields.cpus'), String(info.cpus)],
        [t('fields.memory'), formatBytes(info.memoryBytes)],
        [t('fields.containers'), t('fields.containersValue', info.containers)],
        [t('fields.images'), String(info.images)],
      ]
    : [];

  return (
    <section className="view" aria-labelledby="engine-title">
      <header className="view-header">
        <h1 id="engine-title">{t('title')}</h1>
      </header>
      <CliCommand command="docker info" />
      {error && connected && <ErrorMessage error={error} />}
      {!connected && !info && <EngineWaitNote />}
      {!connected && info && <StaleNote at={known?.at} />}
      {connected && !info && !error && <p className="muted">{t('loading')}</p>}
      {info && (
        <dl className={connected ? 'facts' : 'facts stale-content'} data-stale={connected ? undefined : 'true'}>
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {children}
    </section>
  );
}
