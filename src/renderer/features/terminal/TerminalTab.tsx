import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEngineGate } from '../engine';
import { useClient } from '../../api/ClientContext';
import type { DetailTabProps } from '../../tab-types';
import { NewSessionForm } from './NewSessionForm';
import type { TerminalSession } from './session';
import type { SessionSpec } from '../../../shared/terminal/session-spec';
import { SessionPanel } from './SessionPanel';
import { closeTerminalSession, openTerminalSession, showTerminalSession, terminalOwner, useContainerTerminals, useSessionState } from './store';
import '@xterm/xterm/css/xterm.css';
import '../../styles/terminal.css';

/**
 * A container's terminals: shells and commands run in it (exec), and its main process (attach),
 * each in a sub-tab. Sessions live in the store, so they survive leaving the tab or the view.
 */
export function TerminalTab({ container, active }: DetailTabProps) {
  const { t } = useTranslation('terminal');
  const { gate } = useEngineGate();
  const client = useClient();
  const owner = terminalOwner(client, container.id);
  const { sessions, activeKey } = useContainerTerminals(owner);
  const [composing, setComposing] = useState(false);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const running = container.state === 'running';
  const current = sessions.find((session) => session.key === activeKey);
  const target = { id: container.id, name: container.name, running };

  const open = (spec: SessionSpec): void => {
    setComposing(false);
    openTerminalSession(client, spec);
  };
  const openShell = (): void => open({ kind: 'shell', containerId: container.id, containerName: container.name });
  const attach = (): void => open({ kind: 'attach', containerId: container.id, containerName: container.name, logs: false, start: !running });

  const choose = (key: string): void => {
    showTerminalSession(owner, key);
    tabRefs.current.get(key)?.focus();
  };
  const onTabKey = (event: KeyboardEvent): void => {
    const index = sessions.findIndex((session) => session.key === activeKey);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || sessions.length === 0) return;
    event.preventDefault();
    choose(sessions[(index + step + sessions.length) % sessions.length]!.key);
  };

  return (
    <div className="terminal-tab">
      <div className="term-toolbar">
        {sessions.length > 0 && (
          <div role="tablist" aria-label={t('sessions.label')} className="term-tabs" onKeyDown={onTabKey}>
            {sessions.map((session) => (
              <SessionTabButton
                key={session.key}
                session={session}
                selected={session.key === activeKey}
                buttonRef={(element) => {
                  if (element) tabRefs.current.set(session.key, element);
                  else tabRefs.current.delete(session.key);
                }}
                onSelect={() => choose(session.key)}
                onClose={() => closeTerminalSession(owner, session.key)}
              />
            ))}
          </div>
        )}
        <div className="term-new-buttons">
          <button type="button" className="small primary" onClick={openShell} disabled={!running} {...gate}>
            {t('toolbar.newShell')}
          </button>
          <button type="button" className="small" onClick={attach} {...gate}>
            {running ? t('toolbar.attach') : t('toolbar.startAttach')}
          </button>
          <button type="button" className="small ghost" aria-expanded={composing} onClick={() => setComposing((on) => !on)}>
            {t('toolbar.more')}
          </button>
        </div>
      </div>
      {composing && <NewSessionForm container={target} onOpen={open} onCancel={() => setComposing(false)} />}
      {sessions.length === 0 && !composing && (
        <div className="empty-state term-empty">
          <p>{running ? t('empty.running') : t('empty.stopped')}</p>
        </div>
      )}
      {current && (
        <div role="tabpanel" id={`term-panel-${current.key}`} aria-labelledby={`term-tab-${current.key}`} className="term-panel">
          <SessionPanel key={current.key} session={current} visible={active} onClose={() => closeTerminalSession(owner, current.key)} />
        </div>
      )}
    </div>
  );
}

interface SessionTabButtonProps {
  session: TerminalSession;
  selected: boolean;
  buttonRef(element: HTMLButtonElement | null): void;
  onSelect(): void;
  onClose(): void;
}

function SessionTabButton({ session, selected, buttonRef, onSelect, onClose }: SessionTabButtonProps) {
  const { t } = useTranslation('terminal');
  const state = useSessionState(session);
  const { spec } = session;
  const title =
    spec.kind === 'attach'
      ? t('sessions.attach')
      : spec.kind === 'command'
        ? t('sessions.command', { command: (spec.command ?? []).join(' ') })
        : spec.command
          ? spec.command.join(' ')
          : (state.ready?.command[0]?.split('/').pop() ?? t('sessions.shell'));
  return (
    <span className={`term-tab${selected ? ' active' : ''}`} data-status={state.status}>
      <button
        ref={buttonRef}
        type="button"
        role="tab"
        id={`term-tab-${session.key}`}
        aria-selected={selected}
        aria-controls={`term-panel-${session.key}`}
        tabIndex={selected ? 0 : -1}
        onClick={onSelect}
        title={title}
      >
        <span className={`term-dot ${state.status}`} aria-hidden="true" />
        <span className="term-tab-title">{title}</span>
      </button>
      {/* A tablist may hold only tabs: this × is for the pointer; the keyboard and screen readers
          have the panel's own Close button. */}
      <button type="button" className="term-tab-close" aria-hidden="true" tabIndex={-1} title={t('sessions.close', { title })} onClick={onClose}>
        ×
      </button>
    </span>
  );
}
