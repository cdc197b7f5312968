import { useState } from 'react';
import type { HostKey } from '../../../shared/types/engines';
import { useClient } from '../../api/ClientContext';

interface PendingTrust {
  key: HostKey;
  host: string;
  then(): Promise<void>;
}

/**
 * Before Berth connects to an ssh:// engine: its host key, and if the user's known_hosts does not
 * have it, the user's decision on the shown fingerprint (trust adds it, as ssh's prompt would).
 */
export function useHostKeyCheck(onError: (error: Error) => void) {
  const client = useClient();
  const [pending, setPending] = useState<PendingTrust>();

  /** Runs `next` at once for a non-ssh host or a known key; else after the user trusts the key. */
  const guard = async (host: string, next: () => Promise<void>): Promise<void> => {
    if (!host.trim().startsWith('ssh://')) return next();
    const key = await client.invoke('engines.hostKey', { host: host.trim() });
    if (key.known) return next();
    setPending({ key, host: host.trim(), then: next });
  };

  const trust = async (): Promise<void> => {
    if (!pending) return;
    setPending(undefined);
    try {
      await client.invoke('engines.trustHostKey', { host: pending.host, fingerprint: pending.key.fingerprint });
      await pending.then();
    } catch (err) {
      onError(err as Error);
    }
  };

  return { pending: pending?.key, guard, trust, refuse: () => setPending(undefined) };
}
