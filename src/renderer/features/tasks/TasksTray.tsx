import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { orderTasks, TaskView, useRegistryDialogs, useRegistryTasks } from '../registries';
import { EngineTag } from '../engines';
import { ParkedLogsSection, useParkedLogsLabel } from '../logs';
import { TransfersSection, useActiveTransfers } from '../transfers';

/**
 * The top bar's "Tasks" button and its panel: every pull, push and transfer of this session on
 * every engine, running or ended, whichever view is open. A polite live region says when one ends.
 */
export function TasksTray() {
  const { t } = useTranslation('registries');
  const { visible, error, cancel, dismiss, announcement } = useRegistryTasks();
  const { openLogin } = useRegistryDialogs();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const transfers = useActiveTransfers();
  const running = visible.filter((task) => task.phase === 'running').length + transfers.running;
  const count = visible.length + transfers.visible.length;
  const said = useLatest(announcement, transfers.announcement);
  // Log follows kept running across an engine switch show here too.
  const parkedLabel = useParkedLogsLabel();

  useEffect(() => {
    if (open) panelRef.current?.focus();
  }, [open]);

  const close = (): void => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="task-announcement">
        {said}
      </div>
      {(count > 0 || parkedLabel || open) && (
        <button
          ref={buttonRef}
          type="button"
          className={`reg-tray-button${running > 0 ? ' busy' : ''}`}
          aria-expanded={open}
          aria-controls="reg-tasks-panel"
          onClick={() => (open ? close() : setOpen(true))}
        >
          {running > 0 ? t('tray.running', { count: running }) : count === 0 && parkedLabel ? parkedLabel : t('tray.label', { count })}
        </button>
      )}
      {open && (
        <aside
          id="reg-tasks-panel"
          ref={panelRef}
          className="reg-tasks-panel"
          aria-label={t('tray.panelLabel')}
          tabIndex={-1}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        >
          <header className="reg-tasks-header">
            <h2>{t('tray.panelLabel')}</h2>
            <button type="button" className="ghost small" onClick={close} aria-label={t('tray.close')}>
              ✕
            </button>
          </header>
          {error && <ErrorMessage error={error} />}
          {count === 0 && !parkedLabel && <p className="muted">{t('tray.empty')}</p>}
          <ParkedLogsSection onShow={close} onStop={() => panelRef.current?.focus()} />
          <div className="reg-tasks-list">
            {orderTasks(visible).map((task) => (
              <div key={`${task.engine}\u0000${task.taskId}`} className="reg-task-on-engine">
                {/* Which engine it runs on: pulls keep going, and showing, after a switch. */}
                <EngineTag engine={task.engine || undefined} />
                <TaskView task={task} onCancel={cancel} onDismiss={dismiss} onLogin={openLogin} />
              </div>
            ))}
          </div>
          <TransfersSection transfers={transfers} />
        </aside>
      )}
    </>
  );
}

/** Whichever of the two sentences changed last. */
function useLatest(first: string, second: string): string {
  const [latest, setLatest] = useState('');
  useEffect(() => setLatest(first), [first]);
  useEffect(() => setLatest(second), [second]);
  return latest;
}
