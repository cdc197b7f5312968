import { useCallback, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../components/Announcer';
import type { LogLineStore } from './lineStore';
import type { LineSelection } from './LogViewport';

/**
 * The selected log lines, by mouse (click a line number, Shift+click for a range) or by keyboard
 * (ArrowUp/ArrowDown move a line cursor, Shift extends), and their copy (Ctrl/Cmd+C or the Copy
 * lines button), said in the live region: the line the cursor is on, and what was copied.
 */
export function useLineSelection(store: LogLineStore, timestamps: boolean) {
  const { t } = useTranslation('logs');
  const announce = useAnnounce();
  const [selection, setSelection] = useState<{ anchor: number; focus: number } | null>(null);

  const lineSelection = useMemo<LineSelection | null>(
    () => (selection ? { from: Math.min(selection.anchor, selection.focus), to: Math.max(selection.anchor, selection.focus) } : null),
    [selection],
  );

  const onGutterClick = useCallback((seq: number, event: MouseEvent) => {
    setSelection((old) => {
      if (event.shiftKey && old) return { anchor: old.anchor, focus: seq };
      if (old && old.anchor === seq && old.focus === seq) return null;
      return { anchor: seq, focus: seq };
    });
  }, []);

  const onCursor = useCallback(
    (seq: number, extend: boolean) => {
      const next = extend && selection ? { anchor: selection.anchor, focus: seq } : { anchor: seq, focus: seq };
      setSelection(next);
      const count = Math.abs(next.focus - next.anchor) + 1;
      const line = t('view.cursorLine', { line: store.lineNumber(seq), text: store.plain(seq) });
      announce(count > 1 ? `${line} ${t('view.linesSelected', { count })}` : line);
    },
    [selection, store, t, announce],
  );

  const copyLines = useCallback(() => {
    if (!lineSelection) return;
    const lines: string[] = [];
    for (let seq = Math.max(lineSelection.from, store.firstSeq); seq <= lineSelection.to && seq < store.endSeq; seq++) {
      const stamp = timestamps ? store.timestamp(seq) : undefined;
      lines.push(stamp ? `${stamp} ${store.plain(seq)}` : store.plain(seq));
    }
    const failed = (): void => announce(t('actions.copyFailed'));
    if (!navigator.clipboard) return failed();
    navigator.clipboard.writeText(lines.join('\n')).then(() => announce(t('actions.copied', { count: lines.length })), failed);
  }, [lineSelection, store, timestamps, announce, t]);

  const clearSelection = useCallback(() => setSelection(null), []);

  return { lineSelection, cursor: selection?.focus ?? null, onGutterClick, onCursor, copyLines, clearSelection };
}
