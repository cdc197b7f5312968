import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterCommands } from '../../commands/CommandsProvider';
import type { AppCommand } from '../../commands/registry';
import { LoginDialog } from './LoginDialog';
import { PullDialog } from './PullDialog';

export interface RegistryDialogs {
  openPull(reference?: string): void;
  openLogin(server?: string): void;
  /** Changes after every login, so lists of logins can read again. */
  loginsVersion: number;
}

const DialogsContext = createContext<RegistryDialogs | null>(null);

/** Each dialog on its own: Log in from a failed pull opens above the pull dialog, which is there again after. */
interface Open {
  pull?: { reference?: string };
  login?: { server?: string };
}

/** The pull and login dialogs, openable from anywhere (images view, palette, a task's "Log in"). */
export function RegistryDialogsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('registries');
  const [open, setOpen] = useState<Open>({});
  const [loginsVersion, setLoginsVersion] = useState(0);
  const openPull = useCallback((reference?: string) => setOpen((current) => ({ ...current, pull: reference ? { reference } : {} })), []);
  const openLogin = useCallback((server?: string) => setOpen((current) => ({ ...current, login: server ? { server } : {} })), []);

  const commands = useMemo<AppCommand[]>(
    () => [
      {
        id: 'registries.pull',
        title: t('commands.pull'),
        group: t('commands.group'),
        keywords: ['pull', 'docker pull', 'download', 'registry'],
        run: () => openPull(),
      },
      {
        id: 'registries.login',
        title: t('commands.login'),
        group: t('commands.group'),
        keywords: ['login', 'docker login', 'registry', 'credentials'],
        run: () => openLogin(),
      },
    ],
    [t, openPull, openLogin],
  );
  useRegisterCommands(commands);

  const value = useMemo(() => ({ openPull, openLogin, loginsVersion }), [openPull, openLogin, loginsVersion]);
  const close = (which: keyof Open) => () => setOpen((current) => ({ ...current, [which]: undefined }));
  return (
    <DialogsContext.Provider value={value}>
      {children}
      {open.pull && <PullDialog {...(open.pull.reference ? { initialReference: open.pull.reference } : {})} onClose={close('pull')} onLogin={openLogin} />}
      {open.login && (
        <LoginDialog
          {...(open.login.server ? { initialServer: open.login.server } : {})}
          onClose={close('login')}
          onLoggedIn={() => setLoginsVersion((n) => n + 1)}
        />
      )}
    </DialogsContext.Provider>
  );
}

export function useRegistryDialogs(): RegistryDialogs {
  const dialogs = useContext(DialogsContext);
  if (!dialogs) throw new Error('useRegistryDialogs outside RegistryDialogsProvider');
  return dialogs;
}
