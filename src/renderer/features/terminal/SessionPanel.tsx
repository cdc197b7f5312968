import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEngineGate } from '../engine';
import { describeDetachKeys, DEFAULT_DETACH_KEYS, parseDetachKeys } from '../../../shared/terminal/detach-keys';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { copyText, readClipboard } from './clipboard';
import { CommandOutputView } from './CommandOutputView';
import { LineInput } from './LineInput';
import { SearchBar } from './SearchBar';
import type { TerminalSession } from './session';
import { SessionStatus } from './SessionStatus';
import { useSessionState } from './store';
import { TerminalHost } from './TerminalHost';
import { sessionCliCommand } from '../../../shared/cli/terminal';

interface SessionPanelProps {
  session: TerminalSession;
  /** The Terminal tab is the one shown (focus the terminal then). */
  visible: boolean;
  onClose(): void;
}

/** One session: its terminal (or a command's output), its state, and what can be done with it. */
export function SessionPanel({ session, visible, onClose }: SessionPanelProps) {
  const { t } = useTranslation('terminal');
  const { gate } = useEngineGate();
  const state = useSessionState(session);
  const [searching, setSearching] = useState(false);
  const [notice, setNotice] = useState<string>();
  const { spec, surface } = session;
  const running = state.status === 'running';
  const lost = state.status === 'lost';
  const ended = state.status === 'ended' || state.status === 'failed' || lost;
  const keys = spec.detachKeys ?? DEFAULT_DETACH_KEYS;
  const lineConsole = spec.kind === 'attach' && state.ready !== undefined && !state.ready.tty && state.ready.stdin;

  useEffect(() => {
    session.findRequested = () => setSearching(true);
    return () => {
      session.findRequested = undefined;
    };
  }, [session]);

  useEffect(() => {
    if (!notice) return undefined;
    const timer = window.setTimeout(() => setNotice(undefined), 4000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const copy = async (): Promise<void> => {
    const selection = surface?.term.getSelection() ?? '';
    if (!selection) setNotice(t('notice.nothingSelected'));
    else setNotice((await copyText(selection)) ? t('notice.copied') : t('notice.copyRefused'));
    surface?.focus();
  };
  const paste = async (): Promise<void> => {
    const text = await readClipboard();
    if (text === null) setNotice(t('notice.pasteRefused'));
    else if (text) surface?.term.paste(text);
    surface?.focus();
  };

  const restartLabel = lost
    ? t('actions.startAgain')
    : spec.kind === 'attach'
      ? state.ended?.reason === 'exited'
        ? t('actions.startAttachAgain')
        : t('actions.attachAgain')
      : spec.kind === 'command'
        ? t('actions.runAgain')
        : t('actions.restart');

  return (
    <div className="term-session" data-session-kind={spec.kind}>
      <div className="term-session-bar">
        <SessionStatus spec={spec} state={state} />
        <div className="term-session-actions">
          {surface && (
            <>
              <button type="button" className="small ghost" onClick={() => void copy()}>
                {t('actions.copy')}
              </button>
              <button type="button" className="small ghost" onClick={() => void paste()} disabled={!running || !state.ready?.tty || !state.ready.stdin}>
                {t('actions.paste')}
              </button>
              <button type="button" className="small ghost" aria-pressed={searching} onClick={() => setSearching((on) => !on)}>
                {t('actions.find')}
              </button>
            </>
          )}
          {spec.kind === 'attach' && running && state.ready?.stdin && (
            <button type="button" className="small" onClick={() => session.sendText(String.fromCharCode(...(parseDetachKeys(keys) ?? [])))}>
              {t('actions.detach')}
            </button>
          )}
          {ended && (
            <button type="button" className="small primary" onClick={() => session.restart()} {...gate}>
              {restartLabel}
            </button>
          )}
          <button type="button" className="small" onClick={onClose}>
            {spec.kind === 'attach' && running ? t('actions.closeDetach') : t('actions.close')}
          </button>
        </div>
      </div>
      {notice && (
        <p className="term-notice" role="status">
          {notice}
        </p>
      )}
      {spec.kind === 'attach' && running && state.ready?.stdin && (
        <p className="term-warning" role="note">
          {t('attach.warning', { keys: describeDetachKeys(keys) })}
        </p>
      )}
      {lost && (
        <p className="term-warning" role="alert" data-testid="connection-lost">
          {t('lost.explanation')}
        </p>
      )}
      {state.error && !lost && <ErrorMessage error={state.error} />}
      {state.inputError && <ErrorMessage error={state.inputError} />}
      {searching && surface && <SearchBar surface={surface} onClose={() => setSearching(false)} />}
      {surface && <TerminalHost surface={surface} focus={visible && !searching} label={t('terminalLabel', { name: spec.containerName })} />}
      {session.output && <CommandOutputView output={session.output} running={!ended} />}
      {lineConsole && <LineInput onSend={(line) => session.sendLine(line)} disabled={!running} />}
      <CliCommand command={sessionCliCommand(spec, state.ready?.command[0])} />
    </div>
  );
}
