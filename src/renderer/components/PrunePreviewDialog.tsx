import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../format/bytes';
import { CliCommand } from './CliCommand';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorMessage } from './ErrorMessage';
import '../styles/prune-list.css';

interface PreviewItem {
  key: string;
  name: string;
  /** -1: unknown; left out where the kind has no size (networks). */
  sizeBytes?: number;
  /** A second line of detail (type, tags, …): cut to the room there is. */
  detail?: string;
  /** What the user must read in full (a consequence of the prune): never cut. */
  note?: string;
}

/** The dialog's sentences, where a kind has its own (the shared `prunePreview` ones otherwise). */
interface PrunePreviewWords {
  checking: string;
  nothing: string;
  summary(count: number, size: string): string;
  confirm(count: number, size: string): string;
  /** Shown for a size of -1. */
  sizeUnknown?: string;
  /** The confirm button's label while the prune runs. */
  busy?: string;
  /** Said when `recheck` found the preview stale. */
  changed?: string;
}

interface PrunePreviewDialogProps<P, F> {
  title: string;
  explain: string;
  /** The label of the `--all` / `-a` choice; none where the prune has no such choice. */
  allLabel?: string;
  /** The kind's own filter fields, shown under the `all` choice. */
  fields?: ReactNode;
  /** What the fields hold, as `load` and `cli` take it. */
  filters?: F;
  /** A field holds what the engine would refuse: nothing is asked or confirmed then. */
  invalid?: boolean;
  /** Asks the engine what the prune would remove now. */
  load(all: boolean, filters: F): Promise<P>;
  /** Ask again when this changes (an engine event while the dialog is open). */
  refreshKey?: number;
  /** Nothing is asked while true (the engine is not reachable). */
  paused?: boolean;
  /** Typing settles for this long before a preview is asked for (a change of the choices). */
  delayMs?: number;
  /** While a new preview is on its way the last one stays (marked as updating); only a current one can be confirmed. */
  keepWhileChecking?: boolean;
  items(preview: P): PreviewItem[];
  spaceReclaimable?(preview: P): number;
  /** Names the list of what goes, for screen readers. */
  listLabel: string;
  /** Shows the preview another way than the shared list (a table). */
  renderList?(preview: P): ReactNode;
  words?: PrunePreviewWords;
  cli(all: boolean, filters: F | undefined): string;
  /** What the engine would take right before the prune: if it differs from the shown preview, nothing is pruned and the new one is shown. */
  recheck?(preview: P): Promise<P>;
  className?: string;
  confirmProps?: { disabled?: boolean; title?: string; 'aria-describedby'?: string };
  onCancel(): void;
  /** Called with the preview shown: the prune uses its options. A failure it throws is shown in the dialog. */
  onConfirm(preview: P): void | Promise<void>;
}

const sortedKeys = (items: PreviewItem[]): string =>
  items
    .map((item) => item.key)
    .sort()
    .join('\n');

/**
 * A prune previewed before it runs: what would go now and the space it frees, asked again when the
 * `all` choice or a filter changes; nothing can be confirmed before the preview for the current
 * choice is in.
 */
export function PrunePreviewDialog<P, F = undefined>({
  title,
  explain,
  allLabel,
  fields,
  filters,
  invalid = false,
  load,
  refreshKey,
  paused = false,
  delayMs = 0,
  keepWhileChecking = false,
  items,
  spaceReclaimable,
  listLabel,
  renderList,
  words: ownWords,
  cli,
  recheck,
  className,
  confirmProps,
  onCancel,
  onConfirm,
}: PrunePreviewDialogProps<P, F>) {
  const { t } = useTranslation();
  const words = ownWords ?? {
    checking: t('prunePreview.checking'),
    nothing: t('prunePreview.nothing'),
    summary: (count: number, size: string) => t('prunePreview.summary', { count, size }),
    confirm: (count: number, size: string) => t('prunePreview.confirm', { count, size }),
  };
  const [all, setAll] = useState(false);
  const [shown, setShown] = useState<{ key: string; preview: P }>();
  const [error, setError] = useState<Error>();
  const [asked, setAsked] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Error>();
  const [changedAt, setChangedAt] = useState<string>();
  const lastKey = useRef<string>(undefined);
  const key = invalid ? undefined : JSON.stringify({ all, filters: filters ?? null });

  useEffect(() => {
    if (key === undefined || paused) return;
    let live = true;
    const ask = (): void => {
      load(all, filters as F).then(
        (preview) => {
          if (!live) return;
          setShown({ key, preview });
          setError(undefined);
        },
        (err: Error) => live && setError(err),
      );
    };
    // Only typing waits to settle; asking again for the same choices (an event, a stale preview) is at once.
    const typing = lastKey.current !== key;
    lastKey.current = key;
    let timer: number | undefined;
    if (delayMs > 0 && typing) timer = window.setTimeout(ask, delayMs);
    else ask();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // `load` is a new function on every render of the caller; the preview depends on the choices only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, paused, refreshKey, asked]);

  const current = shown !== undefined && shown.key === key ? shown.preview : undefined;
  const displayed = keepWhileChecking && key !== undefined ? shown?.preview : current;
  const updating = displayed !== undefined && current === undefined;
  const listed = displayed === undefined ? [] : items(displayed);
  const size = displayed === undefined || !spaceReclaimable ? '' : formatBytes(spaceReclaimable(displayed));
  const confirmLabel =
    busy && words.busy ? words.busy : key !== undefined && displayed === undefined && !keepWhileChecking ? words.checking : words.confirm(listed.length, size);

  const confirm = async (): Promise<void> => {
    if (current === undefined || listed.length === 0 || busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      if (recheck && sortedKeys(items(await recheck(current))) !== sortedKeys(listed)) {
        setChangedAt(key);
        setAsked((n) => n + 1);
        return;
      }
      await onConfirm(current);
    } catch (err) {
      setFailure(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  const updatingClass = updating ? ' prune-updating' : '';
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      danger
      confirmDisabled={busy || current === undefined || listed.length === 0}
      className={className}
      confirmProps={confirmProps}
      focusConfirm={fields === undefined}
      onCancel={onCancel}
      onConfirm={() => void confirm()}
    >
      <p>{explain}</p>
      {allLabel && (
        <label className="check">
          <input type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} />
          {allLabel}
        </label>
      )}
      {fields}
      {error && <ErrorMessage error={error} />}
      {changedAt !== undefined && changedAt === key && (
        <p className="prune-changed" role="alert">
          {words.changed}
        </p>
      )}
      {key !== undefined && displayed === undefined && !error && (
        <p className="muted" role="status">
          {words.checking}
        </p>
      )}
      {displayed !== undefined && listed.length === 0 && (
        <p className={`muted${updatingClass}`} role="status" data-testid="prune-summary">
          {words.nothing}
        </p>
      )}
      {displayed !== undefined && listed.length > 0 && (
        <div className={`prune-list${updatingClass}`} aria-busy={updating || undefined}>
          <p role="status" data-testid="prune-summary">
            {words.summary(listed.length, size)}
          </p>
          {renderList ? (
            renderList(displayed)
          ) : (
            <ul aria-label={listLabel} data-testid="prune-preview">
              {listed.map((item) => (
                <li key={item.key} data-name={item.name}>
                  <span className="mono">{item.name}</span>
                  {item.detail && (
                    <span className="muted small-print" title={item.detail}>
                      {item.detail}
                    </span>
                  )}
                  {item.note && <span className="muted prune-note">{item.note}</span>}
                  {item.sizeBytes !== undefined && (
                    <span className="muted">{item.sizeBytes < 0 ? (words.sizeUnknown ?? '—') : formatBytes(item.sizeBytes)}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {failure && <ErrorMessage error={failure} />}
      <CliCommand command={cli(all, filters)} />
    </ConfirmDialog>
  );
}
