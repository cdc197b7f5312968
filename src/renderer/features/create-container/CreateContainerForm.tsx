import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dockerCommandFor } from '../../../shared/cli/docker-command';
import { useClient } from '../../api/ClientContext';
import { useEngineGate } from '../engine';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldsContext, SelectField, TextField, keepFocus, useFieldMessage, type FieldsApi } from './Field';
import { PULL_POLICIES, initialFormState, type CreateFormState } from './formState';
import { ImageField } from './ImageField';
import { validate } from './issues';
import { BehaviorSection, ResourcesSection } from './ResourcesSection';
import { KeyValueSection, MountsSection, PortsSection } from './RowSections';
import { specForCli, toSpec } from './toSpec';
import { createInteractively } from '../terminal';
import { interactiveRunCommand } from '../../../shared/cli/terminal';
import { useRegistryDialogs, useRegistryTasks, runTaskFor, TaskView } from '../registries';

import '../../styles/create-form.css';

type CreateChannel = 'containers.create' | 'containers.run';
/** `docker run -it`: create with a TTY and stdin, attach, then start (the terminal feature does it). */
type CreateAction = CreateChannel | 'interactive';

export interface CreateContainerFormProps {
  onClose(): void;
  onCreated(result: { id: string; name: string; started: boolean; interactive?: boolean }): void;
  /** An image reference to start with (e.g. from the images view). */
  initialImage?: string;
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/**
 * `docker create` / `docker run -d` as a form: a panel the containers view shows beside its list.
 * The shared schema checks it as the user types (errors show once a field is left, or all of them
 * after a submit); the equivalent CLI command follows every change. Ctrl/Cmd+Enter creates and
 * starts; Escape cancels; Enter alone never submits.
 */
export function CreateContainerForm({ onClose, onCreated, initialImage }: CreateContainerFormProps) {
  const { t } = useTranslation('create');
  const { t: tt } = useTranslation('terminal');
  const { reachable, gate } = useEngineGate();
  const client = useClient();
  const describe = useFieldMessage();
  const [state, setState] = useState<CreateFormState>(() => initialFormState(initialImage));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState<CreateAction | null>(null);
  const [error, setError] = useState<Error>();
  /** The line shown is the one of the button pointed at or focused (at first the default, Create and start). */
  const [cliChannel, setCliChannel] = useState<CreateAction>('containers.run');
  const [focusErrorRequest, setFocusErrorRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const imageRef = useRef<HTMLInputElement>(null);
  const mounted = useRef(false);
  const changed = useRef(new Set<string>());
  const registryTasks = useRegistryTasks();
  const { openLogin } = useRegistryDialogs();
  /** The tasks that existed when Run was pressed: a new 'run' pull for this image is the one Run started. */
  const [tasksBefore, setTasksBefore] = useState<ReadonlySet<string>>();
  const pullTask = tasksBefore ? runTaskFor(registryTasks.tasks, state.image, tasksBefore) : undefined;

  const draft = useMemo(() => toSpec(state), [state]);
  const errors = useMemo(() => validate(draft), [draft]);
  const cliLine = useMemo(
    () => (cliChannel === 'interactive' ? interactiveRunCommand(specForCli(draft.spec)) : dockerCommandFor(cliChannel, specForCli(draft.spec))),
    [cliChannel, draft],
  );

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Focus once, when the panel opens: the name when the image is already chosen, else the image.
  const [focusNameFirst] = useState(Boolean(initialImage));
  useEffect(() => {
    if (focusNameFirst) formRef.current?.querySelector<HTMLInputElement>('#create-name')?.focus();
    else imageRef.current?.focus();
  }, [focusNameFirst]);

  // After a refused submit has rendered its errors, take the user to the first one on screen.
  useEffect(() => {
    if (focusErrorRequest === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? formRef.current?.querySelector<HTMLElement>('.cf-summary'))?.focus();
  }, [focusErrorRequest]);

  const fields = useMemo<FieldsApi>(
    () => ({
      errorFor: (field) => (submitted || touched.has(field) ? errors.get(field) : undefined),
      change: (field) => changed.current.add(field),
      touch: (field) => {
        if (!changed.current.has(field)) return;
        setTouched((previous) => (previous.has(field) ? previous : new Set(previous).add(field)));
      },
    }),
    [errors, submitted, touched],
  );

  const update = (patch: Partial<CreateFormState>): void => setState((previous) => ({ ...previous, ...patch }));

  const submit = async (channel: CreateAction): Promise<void> => {
    if (busy || !reachable) return;
    setSubmitted(true);
    setCliChannel(channel);
    if (errors.size > 0) {
      setFocusErrorRequest((n) => n + 1);
      return;
    }
    setBusy(channel);
    setError(undefined);
    setTasksBefore(new Set(registryTasks.tasks.map((task) => task.taskId)));
    try {
      const created = channel === 'interactive' ? await createInteractively(client, draft.spec) : await client.invoke(channel, draft.spec);
      if (!mounted.current) return;
      setBusy(null);
      onCreated({ id: created.id, name: created.name, started: channel !== 'containers.create', interactive: channel === 'interactive' });
    } catch (caught) {
      if (!mounted.current) return;
      setBusy(null);
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (event.defaultPrevented) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit('containers.run');
    } else if (event.key === 'Escape' && !busy) {
      event.preventDefault();
      onClose();
    }
  };

  const formErrors = [...errors].filter(([field]) => field === 'form').map(([, message]) => message);
  const actionLabel = (channel: CreateAction): string =>
    channel === 'interactive' ? tt('create.runInteractive') : channel === 'containers.run' ? t('actions.run') : t('actions.create');
  const buttonEvents = (channel: CreateAction) => ({
    onMouseDown: keepFocus,
    onMouseEnter: () => setCliChannel(channel),
    onFocus: () => setCliChannel(channel),
    ...gate,
  });

  return (
    <section className="create-form" aria-labelledby="create-form-title">
      <header className="cf-header">
        <h2 id="create-form-title">{t('title')}</h2>
        <span className="muted cf-shortcuts">{IS_MAC ? t('shortcutsMac') : t('shortcuts')}</span>
      </header>
      <form ref={formRef} noValidate aria-busy={busy !== null} onSubmit={(event) => event.preventDefault()} onKeyDown={onKeyDown}>
        <FieldsContext.Provider value={fields}>
          <fieldset className="cf-section cf-basics">
            <legend>{t('basics.legend')}</legend>
            <div className="cf-line">
              <ImageField value={state.image} pull={state.pull} onChange={(image) => update({ image })} inputRef={imageRef} />
              <SelectField
                field="pull"
                label={t('pull.label')}
                value={state.pull}
                options={PULL_POLICIES.map((value) => ({ value, label: t(`pull.${value}`) }))}
                onChange={(pull) => update({ pull })}
              />
              <TextField
                field="name"
                label={t('basics.name')}
                value={state.name}
                placeholder={t('basics.namePlaceholder')}
                hint={t('basics.nameHint')}
                className="cf-grow"
                onChange={(name) => update({ name })}
              />
            </div>
            <TextField
              field="command"
              label={t('basics.command')}
              value={state.command}
              placeholder={t('basics.commandPlaceholder')}
              hint={t('basics.commandHint')}
              className="cf-mono"
              onChange={(command) => update({ command })}
            />
          </fieldset>
          <div className="cf-columns">
            <KeyValueSection section="env" rows={state.env} onChange={(env) => update({ env })} />
            <PortsSection state={state} update={update} />
            <MountsSection state={state} update={update} />
            <BehaviorSection state={state} update={update} />
            <ResourcesSection state={state} update={update} />
            <KeyValueSection section="labels" rows={state.labels} onChange={(labels) => update({ labels })} />
          </div>
        </FieldsContext.Provider>

        {submitted && errors.size > 0 && (
          <div className="cf-summary" role="alert" tabIndex={-1}>
            <p>{t('summary', { count: errors.size })}</p>
            {formErrors.length > 0 && (
              <ul>
                {formErrors.map((message) => (
                  <li key={message.raw}>{describe(message)}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {pullTask && (busy !== null || pullTask.phase !== 'done') && (
          <div className="cf-pull" aria-label={t('pull.progressLabel')} role="group">
            <TaskView task={pullTask} onCancel={registryTasks.cancel} onLogin={openLogin} />
          </div>
        )}
        {/* A failed pull says why in its own panel (with Log in when the registry asked for it). */}
        {error && error.message !== pullTask?.error?.message && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}

        <CliCommand command={cliLine} label={t('cliFor', { action: actionLabel(cliChannel) })} />

        <div className="cf-actions">
          <span className="cf-busy" role="status">
            {busy && (
              <>
                <span className="cf-spinner" aria-hidden="true" />
                {busy === 'interactive' ? tt('create.busy') : busy === 'containers.run' ? t('busy.run') : t('busy.create')}
              </>
            )}
          </span>
          <button type="button" className="ghost" disabled={busy !== null} onMouseDown={keepFocus} onClick={onClose}>
            {t('actions.cancel')}
          </button>
          <button type="button" disabled={busy !== null} onClick={() => void submit('containers.create')} {...buttonEvents('containers.create')}>
            {t('actions.create')}
          </button>
          <button type="button" disabled={busy !== null} onClick={() => void submit('interactive')} {...buttonEvents('interactive')}>
            {tt('create.runInteractive')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy !== null}
            aria-keyshortcuts={IS_MAC ? 'Meta+Enter' : 'Control+Enter'}
            onClick={() => void submit('containers.run')}
            {...buttonEvents('containers.run')}
          >
            {t('actions.run')}
          </button>
        </div>
      </form>
    </section>
  );
}
