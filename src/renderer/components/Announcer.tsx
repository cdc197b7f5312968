import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

type Announce = (text: string) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

/**
 * The app's one polite live region: progress milestones, outcomes and state changes that happen
 * away from the focus are said here once, without interrupting. Each message replaces the last
 * (a new node, so the same sentence twice is said twice).
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<{ text: string; serial: number }>({ text: '', serial: 0 });
  const announce = useCallback<Announce>((text) => setMessage((last) => ({ text, serial: last.serial + 1 })), []);
  const value = useMemo(() => announce, [announce]);
  return (
    <AnnounceContext.Provider value={value}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
        <span key={message.serial}>{message.text}</span>
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
