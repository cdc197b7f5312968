import { useEffect, useRef } from 'react';
import type { TerminalSurface } from './surface';

/** Where a session's terminal is shown: its element is moved in here on mount and out on unmount. */
export function TerminalHost({ surface, focus, label }: { surface: TerminalSurface; focus: boolean; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = ref.current;
    if (!host) return undefined;
    surface.mount(host);
    return () => surface.unmount();
  }, [surface]);
  useEffect(() => {
    if (focus) surface.focus();
  }, [surface, focus]);
  return <div ref={ref} className="term-host" role="group" aria-label={label} data-testid="terminal" />;
}
