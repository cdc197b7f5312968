import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { focusBefore, isLeaveKey, leaveKeysAria, leaveKeysText } from './leave-terminal';
import type { TerminalSurface } from './surface';

/** Where a session's terminal is shown: its element is moved in here on mount and out on unmount. */
export function TerminalHost({ surface, focus, label }: { surface: TerminalSurface; focus: boolean; label: string }) {
  const { t } = useTranslation('terminal');
  const ref = useRef<HTMLDivElement>(null);
  const hintId = useId();
  useEffect(() => {
    const host = ref.current;
    if (!host) return undefined;
    surface.mount(host);
    return () => surface.unmount();
  }, [surface]);
  useEffect(() => {
    if (focus) surface.focus();
  }, [surface, focus]);
  return (
    <>
      <div
        ref={ref}
        className="term-host"
        role="group"
        aria-label={label}
        aria-describedby={hintId}
        aria-keyshortcuts={leaveKeysAria()}
        data-testid="terminal"
        onKeyDown={(event) => {
          if (!isLeaveKey(event) || !ref.current) return;
          event.preventDefault();
          focusBefore(ref.current);
        }}
      />
      <p className="term-leave-hint muted" id={hintId} data-testid="terminal-leave-hint">
        {t('leaveHint', { keys: leaveKeysText() })}
      </p>
    </>
  );
}
