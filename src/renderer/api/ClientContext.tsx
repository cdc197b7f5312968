import { createContext, useContext, type ReactNode } from 'react';
import type { BerthClient } from './client';

const ClientContext = createContext<BerthClient | null>(null);

export function ClientProvider({ client, children }: { client: BerthClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): BerthClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientProvider');
  return client;
}

/**
 * True in the desktop app, where a download asks where to save it (a dialog); false in browser
 * mode, where the browser takes the file itself. A label ends in "…" only where a dialog follows.
 */
export function useSaveDialogs(): boolean {
  return useClient().transport === 'electron';
}
