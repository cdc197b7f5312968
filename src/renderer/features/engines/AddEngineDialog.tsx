import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contextCreateCommand } from '../../../shared/cli/engines';
import { contextNameProblem, engineAddressProblem } from '../../../shared/engines/engine-address';
import type { EngineEntry, EngineIdentity } from '../../../shared/types/engines';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from '../../components/Modal';
import { HostKeyPrompt } from './HostKeyPrompt';
import { PemField } from './PemField';
import { useHostKeyCheck } from './useHostKeyCheck';

/** Adds an engine as a docker context (the CLI lists it too): address, TLS material, a test first if the user likes. */
export function AddEngineDialog({ onClose, onAdded }: { onClose(): void; onAdded(entry: EngineEntry): void }) {
  const { t } = useTranslation('engines');
  const client = useClient();
  const ids = useId();
  const [name, setName] = useState('');
  const [host, setHost] = useState('');
  const [description, setDescription] = useState('');
  const [ca, setCa] = useState('');
  const [cert, setCert] = useState('');
  const [key, setKey] = useState('');
  const [skipVerify, setSkipVerify] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [tested, setTested] = useState<EngineIdentity>();
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);
  const hostKey = useHostKeyCheck(setError);

  const nameProblem = name.trim() ? contextNameProblem(name.trim()) : undefined;
  const hostProblem = host.trim() ? engineAddressProblem(host.trim()) : undefined;
  const isTcp = host.trim().startsWith('tcp://');
  const tls =
    isTcp && (ca.trim() || cert.trim() || key.trim())
      ? { ...(ca.trim() ? { ca } : {}), ...(cert.trim() ? { cert } : {}), ...(key.trim() ? { key } : {}) }
      : undefined;
  const endpoint = { host: host.trim(), ...(tls ? { tls } : {}), ...(isTcp && skipVerify ? { skipVerify: true } : {}) };
  const canTest = host.trim() !== '' && !hostProblem;
  const canAdd = canTest && name.trim() !== '' && !nameProblem;

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await hostKey.guard(endpoint.host, work);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  const test = (): Promise<void> =>
    run(async () => {
      setTested(undefined);
      setTested(await client.invoke('engines.test', endpoint));
    });
  const add = (): Promise<void> =>
    run(async () => {
      onAdded(await client.invoke('engines.add', { name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}), ...endpoint }));
    });

  const problem = (id: string, text: string | undefined) =>
    text && (
      <span id={id} className="field-problem" role="alert">
        {text}
      </span>
    );

  return (
    <Modal kind="engines" title={t('add.title')} onClose={onClose} locked={busy} wide>
      <form
        className="engines-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (canAdd) void add();
        }}
      >
        <label>
          {t('add.name')}
          <input
            ref={nameRef}
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder={t('add.namePlaceholder')}
            aria-invalid={Boolean(nameProblem)}
            aria-describedby={nameProblem ? `${ids}-name` : undefined}
            spellCheck={false}
          />
        </label>
        {problem(`${ids}-name`, nameProblem)}
        <label>
          {t('add.host')}
          <input
            value={host}
            onChange={(event) => {
              setHost(event.target.value);
              setTested(undefined);
            }}
            placeholder={t('add.hostPlaceholder')}
            aria-invalid={Boolean(hostProblem)}
            aria-describedby={`${ids}-host-hint`}
            spellCheck={false}
          />
        </label>
        {hostProblem ? (
          problem(`${ids}-host-hint`, hostProblem)
        ) : (
          <span id={`${ids}-host-hint`} className="muted small-print">
            {t('add.hostHint')}
          </span>
        )}
        <label>
          {t('add.description')}
          <input value={description} onChange={(event) => setDescription(event.target.value)} />
        </label>
        {isTcp && (
          <fieldset className="engines-tls">
            <legend>{t('add.tls')}</legend>
            <PemField label={t('add.ca')} value={ca} onChange={setCa} />
            <PemField label={t('add.cert')} value={cert} onChange={setCert} />
            <PemField label={t('add.key')} value={key} onChange={setKey} />
            <label className="check">
              <input type="checkbox" checked={skipVerify} onChange={(event) => setSkipVerify(event.target.checked)} />
              {t('add.skipVerify')}
            </label>
          </fieldset>
        )}
        {hostKey.pending && <HostKeyPrompt hostKey={hostKey.pending} onTrust={() => void hostKey.trust()} onRefuse={hostKey.refuse} />}
        {tested && (
          <p className="engines-tested" role="status">
            {t('add.tested', { version: tested.serverVersion, api: tested.apiVersion, os: tested.os, arch: tested.arch })}
          </p>
        )}
        {error && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}
        <CliCommand
          command={contextCreateCommand({
            name: name.trim() || 'NAME',
            host: host.trim() || 'HOST',
            description: description.trim(),
            tls: { ca: Boolean(tls?.ca), cert: Boolean(tls?.cert), key: Boolean(tls?.key) },
            skipVerify: isTcp && skipVerify,
          })}
        />
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {t('add.cancel')}
          </button>
          <button type="button" onClick={() => void test()} disabled={busy || !canTest}>
            {busy ? t('add.working') : t('add.test')}
          </button>
          <button type="submit" className="primary" disabled={busy || !canAdd}>
            {t('add.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
