import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computeLineDiff, foldUnchanged, toSideBySide, type DiffLine, type LineDiff } from '../../../shared/files/line-diff';
import type { DiffSide, FileDiff } from '../../../shared/types/files';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatBytes } from '../../format/bytes';
import { imageFileDiffCommand } from '../../../shared/cli/files';

type Layout = 'inline' | 'split';

function textOf(side: DiffSide): string | undefined {
  if (side.state === 'text') return side.text;
  return side.state === 'missing' ? '' : undefined;
}

function LineNumber({ value }: { value: number | undefined }) {
  return (
    <span className="diff-no" aria-hidden="true">
      {value ?? ''}
    </span>
  );
}

function Inline({ lines }: { lines: DiffLine[] }) {
  const { t } = useTranslation('changes');
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  return (
    <div className="diff-inline mono" role="table" aria-label={t('diff.inlineLabel')}>
      {foldUnchanged(lines).map((block, index) =>
        block.kind === 'fold' && !open.has(index) ? (
          // A table holds rows of cells only: the fold button sits in a row of its own.
          <div key={index} role="row">
            <div role="cell">
              <button type="button" className="diff-fold" onClick={() => setOpen(new Set([...open, index]))}>
                {t('diff.fold', { count: block.count })}
              </button>
            </div>
          </div>
        ) : (
          block.lines.map((line) => (
            <div key={`${line.oldNo ?? ''}-${line.newNo ?? ''}`} role="row" className={`diff-line diff-${line.kind}`}>
              <LineNumber value={line.oldNo} />
              <LineNumber value={line.newNo} />
              <span className="diff-sign" aria-hidden="true">
                {line.kind === 'added' ? '+' : line.kind === 'removed' ? '-' : ' '}
              </span>
              <span className="diff-text" role="cell">
                <span className="visually-hidden">{line.kind === 'same' ? '' : t(`diff.${line.kind}`)}</span>
                {line.text}
              </span>
            </div>
          ))
        ),
      )}
    </div>
  );
}

function Split({ lines }: { lines: DiffLine[] }) {
  const { t } = useTranslation('changes');
  const rows = toSideBySide(lines);
  return (
    <div className="diff-split mono" role="table" aria-label={t('diff.splitLabel')}>
      {rows.map((row, index) => (
        <div key={index} role="row" className="diff-split-row">
          <span className={`diff-half diff-${row.left?.kind ?? 'empty'}`} role="cell">
            <LineNumber value={row.left?.oldNo} />
            <span className="diff-text">{row.left?.text ?? ''}</span>
          </span>
          <span className={`diff-half diff-${row.right?.kind ?? 'empty'}`} role="cell">
            <LineNumber value={row.right?.newNo} />
            <span className="diff-text">{row.right?.text ?? ''}</span>
          </span>
        </div>
      ))}
    </div>
  );
}

function SideSummary({ side }: { side: DiffSide }) {
  const { t } = useTranslation('changes');
  switch (side.state) {
    case 'missing':
      return <>{t('side.missing')}</>;
    case 'directory':
      return <>{t('side.directory')}</>;
    case 'symlink':
      return <>{t('side.symlink', { target: side.target })}</>;
    case 'binary':
      return <>{t('side.binary', { size: formatBytes(side.size) })}</>;
    default:
      return <>{t('side.text', { size: formatBytes(side.size) })}</>;
  }
}

/** One changed file: the image's version against the container's, inline or side by side. */
export function DiffView({ container, path }: { container: { id: string; name: string; imageId: string }; path: string }) {
  const containerId = container.id;
  const { t } = useTranslation('changes');
  const client = useClient();
  const [diff, setDiff] = useState<FileDiff>();
  const [lines, setLines] = useState<LineDiff | null>();
  const [error, setError] = useState<Error>();
  const [layout, setLayout] = useState<Layout>('split');

  useEffect(() => {
    let live = true;
    setDiff(undefined);
    setLines(undefined);
    setError(undefined);
    client.invoke('files.diffWithImage', { id: containerId, path }).then(
      async (result) => {
        if (!live) return;
        setDiff(result);
        const before = textOf(result.image);
        const after = textOf(result.container);
        if (before === undefined || after === undefined) return setLines(undefined);
        const computed = await computeLineDiff(before, after);
        if (live) setLines(computed ?? null);
      },
      (err: Error) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [client, containerId, path]);

  if (error) return <ErrorMessage error={error} />;
  if (!diff) return <p className="muted">{t('diff.loading')}</p>;
  const truncated = (diff.image.state === 'text' && diff.image.truncated) || (diff.container.state === 'text' && diff.container.truncated);
  return (
    <div className="diff-view">
      <div className="diff-header">
        <h2 className="mono diff-path">{path}</h2>
        <div className="segmented" role="group" aria-label={t('diff.layout')}>
          {(['split', 'inline'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className={`small${layout === option ? ' active' : ''}`}
              aria-pressed={layout === option}
              onClick={() => setLayout(option)}
            >
              {t(`diff.${option}`)}
            </button>
          ))}
        </div>
      </div>
      <dl className="diff-sides">
        <div>
          <dt>{t('side.image')}</dt>
          <dd>
            <SideSummary side={diff.image} />
          </dd>
        </div>
        <div>
          <dt>{t('side.container')}</dt>
          <dd>
            <SideSummary side={diff.container} />
          </dd>
        </div>
      </dl>
      <p className="muted diff-note">{t('diff.howRead')}</p>
      {diff.image.state === 'text' && diff.container.state === 'text' && (
        <CliCommand command={imageFileDiffCommand(container.name, container.imageId, diff.path)} label={t('diff.cliLabel')} />
      )}
      {truncated && (
        <p className="files-viewer-note" role="status">
          {t('diff.truncated', { limit: formatBytes(diff.limitBytes) })}
        </p>
      )}
      {(diff.image.state === 'binary' || diff.container.state === 'binary') && (
        <div className="empty-state" role="status">
          {t('diff.binary')}
        </div>
      )}
      {diff.image.state === 'directory' && diff.container.state === 'directory' && (
        <div className="empty-state" role="status">
          {t('diff.folder')}
        </div>
      )}
      {lines === null && (
        <div className="empty-state" role="status">
          {t('diff.tooComplex')}
        </div>
      )}
      {lines && lines.added + lines.removed === 0 && (
        <div className="empty-state" role="status">
          {t('diff.same')}
        </div>
      )}
      {lines && lines.added + lines.removed > 0 && (
        <>
          <p className="diff-counts">
            <span className="change-added-text">{t('diff.addedCount', { count: lines.added })}</span>{' '}
            <span className="change-deleted-text">{t('diff.removedCount', { count: lines.removed })}</span>
          </p>
          {layout === 'inline' ? <Inline lines={lines.lines} /> : <Split lines={lines.lines} />}
        </>
      )}
    </div>
  );
}
