import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { updateCommand } from '../../../../shared/cli/containers';
import { BerthError } from '../../../../shared/errors';
import { useClient } from '../../../api/ClientContext';
import { useCommand } from '../../../api/useCommand';
import { CliCommand } from '../../../components/CliCommand';
import { Modal } from '../../../components/Modal';
import {
  canSend,
  currentLimits,
  initialForm,
  readUpdateForm,
  RESTART_NAMES,
  type CurrentLimits,
  type FieldProblem,
  type UpdateField,
  type UpdateForm,
} from './update-form';

interface ResourcesDialogProps {
  id: string;
  name: string;
  onClose(): void;
  /** After the engine applied it (with what the engine said beside, e.g. a limit the kernel cannot enforce): the dialog closes. */
  onUpdated(warnings: string[]): void;
}

/** `docker update`: the container's limits and restart policy, read from inspect, changed in place. */
export function ResourcesDialog({ id, name, onClose, onUpdated }: ResourcesDialogProps) {
  const { t } = useTranslation('manage');
  const inspect = useCommand('containers.inspect', { id });
  const current = useMemo(() => (inspect.data ? currentLimits(inspect.data) : undefined), [inspect.data]);
  return (
    <Modal kind="resources" title={t('update.title', { name })} onClose={onClose} wide>
      {current ? (
        <ResourcesForm id={id} name={name} current={current} onClose={onClose} onUpdated={onUpdated} />
      ) : inspect.error ? (
        <div className="banner banner-error" role="alert">
          {inspect.error.message}
        </div>
      ) : (
        <p className="muted">{t('update.loading')}</p>
      )}
    </Modal>
  );
}

function ResourcesForm({ id, name, current, onClose, onUpdated }: Omit<ResourcesDialogProps, 'onClose'> & { current: CurrentLimits; onClose(): void }) {
  const { t } = useTranslation('manage');
  const client = useClient();
  const [form, setForm] = useState<UpdateForm>(() => initialForm(current));
  const [capacity, setCapacity] = useState<{ cpus?: number; memoryBytes?: number }>({});
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  // Shown once the limits are read: the first field takes the focus from the dialog's close button.
  useEffect(() => document.getElementById('update-memory')?.focus(), []);
  useEffect(() => {
    let live = true;
    client.invoke('engine.info', {}).then(
      (info) => live && setCapacity({ cpus: info.cpus, memoryBytes: info.memoryBytes }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  const draft = readUpdateForm(form, current, capacity);
  const ready = canSend(draft);
  const change = (patch: Partial<UpdateForm>): void => {
    setForm((old) => ({ ...old, ...patch }));
    setRefusal(undefined);
  };

  const submit = async (): Promise<void> => {
    if (!ready || busy) return;
    setBusy(true);
    setRefusal(undefined);
    try {
      const result = await client.invoke('containers.update', { id, ...draft.request });
      onUpdated(result.warnings);
      onClose();
    } catch (err) {
      setRefusal(updateRefusal(err, t));
      setBusy(false);
    }
  };

  const field = (key: UpdateField, input: ReactNode, hint: string): ReactNode => {
    const problem = draft.problems[key];
    const warning = draft.warnings[key];
    const message = problem ?? warning;
    return (
      <div className={`manage-field${problem ? ' invalid' : ''}`}>
        <label htmlFor={`update-${key}`}>{t(`update.${key}`)}</label>
        {input}
        <p id={`update-${key}-hint`} className="muted small-print">
          {hint}
        </p>
        <p id={`update-${key}-problem`} className={problem ? 'field-problem' : 'field-warning'} role="status">
          {message ? t(`update.problems.${message.key}`, message.values ?? {}) : ''}
        </p>
        {problem?.fixSwap !== undefined && (
          <button type="button" className="small" onClick={() => change({ memorySwap: problem.fixSwap })}>
            {t('update.fixSwap', { value: problem.fixSwap })}
          </button>
        )}
      </div>
    );
  };
  const text = (key: Exclude<UpdateField, 'restart'>, placeholder: string, inputMode: 'decimal' | 'numeric' | 'text' = 'text') => (
    <input
      id={`update-${key}`}
      className="mono"
      value={form[key]}
      placeholder={placeholder}
      inputMode={inputMode}
      spellCheck={false}
      autoComplete="off"
      aria-invalid={draft.problems[key] !== undefined}
      aria-describedby={`update-${key}-hint update-${key}-problem`}
      onChange={(event) => change({ [key]: event.target.value })}
    />
  );
  const problemFor = (key: UpdateField): FieldProblem | undefined => draft.problems[key];
  const hasRequest = Object.keys(draft.request).length > 0;

  return (
    <form
      className="manage-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p className="muted small-print">{t('update.intro')}</p>
      <div className="manage-grid">
        {field('memory', text('memory', t('update.unlimited')), t('update.hints.memory'))}
        {field('memorySwap', text('memorySwap', t('update.unlimited')), t('update.hints.memorySwap'))}
        {field(
          'cpus',
          text('cpus', t('update.unlimited'), 'decimal'),
          capacity.cpus ? t('update.hints.cpus', { cpus: capacity.cpus }) : t('update.hints.cpusUnknown'),
        )}
        {field('cpuShares', text('cpuShares', t('update.defaultShares'), 'numeric'), t('update.hints.cpuShares'))}
        {field('pidsLimit', text('pidsLimit', t('update.unlimited'), 'numeric'), t('update.hints.pidsLimit'))}
        {field(
          'restart',
          <select
            id="update-restart"
            value={form.restart}
            aria-invalid={problemFor('restart') !== undefined}
            aria-describedby="update-restart-hint update-restart-problem"
            onChange={(event) => change({ restart: event.target.value as UpdateForm['restart'] })}
          >
            {RESTART_NAMES.map((policy) => (
              <option key={policy} value={policy}>
                {t(`update.restartNames.${policy}`)}
              </option>
            ))}
          </select>,
          t('update.now', { value: t(`update.restartNames.${current.restart.name}`) }),
        )}
        {form.restart === 'on-failure' && field('maxRetries', text('maxRetries', '0', 'numeric'), t('update.hints.maxRetries'))}
      </div>
      {refusal && (
        <div className="banner banner-error" role="alert">
          {refusal}
        </div>
      )}
      {hasRequest ? <CliCommand command={updateCommand(name, draft.request)} /> : <p className="muted small-print">{t('update.nothing')}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common:actions.cancel')}
        </button>
        <button type="submit" className="primary" disabled={!ready || busy}>
          {busy ? t('update.busy') : t('update.submit')}
        </button>
      </div>
    </form>
  );
}

type Translate = (key: string, values?: Record<string, string>) => string;

/** The engine's refusals in the UI's words where they are known; its own words otherwise. */
function updateRefusal(err: unknown, t: Translate): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = err instanceof BerthError ? err.code : undefined;
  const usage = /uses ([\d.]+ MiB), more than the new memory limit of ([\d.]+ MiB)/.exec(message);
  if (usage) return t('manage:update.errors.usage', { usage: usage[1] ?? '', limit: usage[2] ?? '' });
  if (/memoryswap/i.test(message)) return t('manage:update.errors.swap');
  if (code === 'NOT_FOUND') return t('manage:update.errors.gone');
  return t('manage:update.errors.other', { message });
}
