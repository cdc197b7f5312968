import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginResult } from '../../../shared/types/registries';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from '../../components/Modal';
import { loginCommand } from '../../../shared/cli/registries';

interface LoginDialogProps {
  initialServer?: string;
  onClose(): void;
  /** After a successful login (e.g. to refresh the registries list). */
  onLoggedIn?(result: LoginResult): void;
}

/**
 * `docker login`: server, user, password or token. The password lives in this form only until it
 * is sent: it is cleared from state at submit, whatever the answer, and never shown in the CLI line.
 */
export function LoginDialog({ initialServer = '', onClose, onLoggedIn }: LoginDialogProps) {
  const { t } = useTranslation('registries');
  const client = useClient();
  const [server, setServer] = useState(initialServer);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [result, setResult] = useState<LoginResult>();
  const passwordRef = useRef<HTMLInputElement>(null);
  const serverRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  // After the modal opened (its effect runs first): the first field still to fill.
  useEffect(() => (initialServer ? usernameRef : serverRef).current?.focus(), [initialServer]);

  const login = async (): Promise<void> => {
    if (busy || !server.trim() || !username.trim() || !password) return;
    const secret = password;
    setPassword('');
    setBusy(true);
    setError(undefined);
    try {
      const answer = await client.invoke('registries.login', { server: server.trim(), username: username.trim(), password: secret });
      setResult(answer);
      onLoggedIn?.(answer);
    } catch (err) {
      setError(err as Error);
      passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal kind="reg" title={t('login.title')} onClose={onClose} locked={busy}>
      <form
        className="reg-form"
        onSubmit={(event) => {
          event.preventDefault();
          void login();
        }}
      >
        <label>
          {t('login.server')}
          <input
            ref={serverRef}
            value={server}
            onChange={(event) => setServer(event.target.value)}
            placeholder={t('login.serverPlaceholder')}
            spellCheck={false}
            autoComplete="off"
            required
            readOnly={Boolean(result)}
          />
          <span className="muted small-print">{t('login.serverHint')}</span>
        </label>
        <label>
          {t('login.username')}
          <input
            ref={usernameRef}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            spellCheck={false}
            autoComplete="username"
            required
            readOnly={Boolean(result)}
          />
        </label>
        {!result && (
          <label>
            {t('login.password')}
            <input
              ref={passwordRef}
              type="password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              autoComplete="current-password"
              required
            />
            <span className="muted small-print">{t('login.passwordHint')}</span>
          </label>
        )}
        <CliCommand command={result?.commandLine ?? loginCommand(server.trim(), username.trim())} />
        {error && <ErrorMessage error={error} onDismiss={() => setError(undefined)} />}
        {result && (
          <div className="images-success" role="status">
            <span>{t('login.done', { server: result.server, username: result.username })}</span>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} disabled={busy}>
            {result ? t('close') : t('cancel')}
          </button>
          {!result && (
            <button type="submit" className="primary" disabled={busy || !server.trim() || !username.trim() || !password}>
              {busy ? t('login.working') : t('login.start')}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
