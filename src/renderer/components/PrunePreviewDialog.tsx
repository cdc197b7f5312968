import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../format/bytes';
import { CliCommand } from './CliCommand';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorMessage } from './ErrorMessage';
import '../styles/prune-list.css';

interface PreviewItem {
  key: string;
  name: string;
  /** -1: unknown. */
  sizeBytes: number;
  /** A second line of detail (type, tags, …). */
  detail?: string;
}

interface PrunePreviewDialogProps<P> {
  title: string;
  explain: string;
  /** The label of the `--all` / `-a` choice. */
  allLabel: string;
  /** Names the list of what goes, for screen readers. */
  listLabel: string;
  /** Asks the engine what the prune would remove now. */
  load(all: boolean): Promise<P>;
  items(preview: P): PreviewItem[];
  spaceReclaimable(preview: P): number;
  cli(all: boolean): string;
  onCancel(): void;
  /** Called with the preview shown: the prune uses its options. */
  onConfirm(preview: P): void;
}

/**
 * A prune previewed before it runs: what would go now and the space it frees, asked again when the
 * `all` choice changes; nothing can be confirmed before the preview for the current choice is in.
 */
export function PrunePreviewDialog<P>({
  title,
  explain,
  allLabel,
  listLabel,
  load,
  items,
  spaceReclaimable,
  cli,
  onCancel,
  onConfirm,
}: PrunePreviewDialogProps<P>) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const [shown, setShown] = useState<{ all: boolean; preview: P }>();
  const [error, setError] = useState<Error>();

  useEffect(() => {
    let live = true;
    load(all).then(
      (preview) => {
        if (!live) return;
        setShown({ all, preview });
        setError(undefined);
      },
      (err: Error) => live && setError(err),
    );
    return () => {
      live = false;
    };
    // `load` is a new function on every render of the caller; the preview depends on the choice only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [all]);

  const current = shown?.all === all ? shown.preview : undefined;
  const listed = current === undefined ? [] : items(current);
  const size = current === undefined ? 0 : formatBytes(spaceReclaimable(current));
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={current === undefined ? t('prunePreview.checking') : t('prunePreview.confirm', { count: listed.length, size })}
      danger
      confirmDisabled={current === undefined || listed.length === 0}
      onCancel={onCancel}
      onConfirm={() => current !== undefined && onConfirm(current)}
    >
      <p>{explain}</p>
      <label className="check">
        <input type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} />
        {allLabel}
      </label>
      {error && <ErrorMessage error={error} />}
      {current === undefined && !error && <p className="muted">{t('prunePreview.checking')}</p>}
      {current !== undefined && listed.length === 0 && (
        <p className="muted" role="status">
          {t('prunePreview.nothing')}
        </p>
      )}
      {current !== undefined && listed.length > 0 && (
        <div className="prune-list" data-testid="prune-preview">
          <p role="status">{t('prunePreview.summary', { count: listed.length, size })}</p>
          <ul aria-label={listLabel}>
            {listed.map((item) => (
              <li key={item.key} data-name={item.name}>
                <span className="mono">{item.name}</span>
                {item.detail && (
                  <span className="muted small-print" title={item.detail}>
                    {item.detail}
                  </span>
                )}
                <span className="muted">{item.sizeBytes < 0 ? '—' : formatBytes(item.sizeBytes)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <CliCommand command={cli(all)} />
    </ConfirmDialog>
  );
}
