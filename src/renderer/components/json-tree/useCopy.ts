import { useCallback, useEffect, useRef, useState } from 'react';

/** Copies text to the clipboard; `copied` names what was copied last, for a moment. */
export function useCopy(): { copied: string | undefined; failed: boolean; copy(text: string, what: string): void } {
  const [copied, setCopied] = useState<string>();
  const [failed, setFailed] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = useCallback((text: string, what: string) => {
    const done = (ok: boolean): void => {
      setFailed(!ok);
      setCopied(ok ? what : undefined);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        setCopied(undefined);
        setFailed(false);
      }, 1500);
    };
    if (!navigator.clipboard) return done(false);
    navigator.clipboard.writeText(text).then(
      () => done(true),
      () => done(false),
    );
  }, []);
  return { copied, failed, copy };
}
