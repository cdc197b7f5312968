import { useEffect, useRef, useState, type DragEvent, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../shared/types/containers';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { CopyConfirm } from './CopyConfirm';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CopyTasks } from './CopyTasks';
import { buildBrowserUpload, collectDropped, droppedItems, sourceNames, type CopySource } from './dropped-files';
import { normalizeTypedPath } from './file-format';
import { FilesDialog } from './FilesDialog';
import { copyInLine, useCopies } from './useCopies';
import '../../styles/files.css';

const ROW_SELECTOR = '[data-container-name]';

/** Asks which folder of the container the dropped items go to (its working directory by default), then copies. */
function ContainerDropDialog({ container, source, onClose }: { container: ContainerSummary; source: CopySource; onClose(): void }) {
  const { t } = useTranslation('files');
  const client = useClient();
  const target = { kind: 'container', id: container.id, name: container.name, state: container.state } as const;
  const copies = useCopies(target);
  const [folder, setFolder] = useState('/');
  const [invalid, setInvalid] = useState(false);
  const names = sourceNames(source);
  const line = copyInLine(target, source, normalizeTypedPath(folder) ?? folder);

  useEffect(() => {
    let live = true;
    client.invoke('containers.inspect', { id: container.id }).then(
      (document) => {
        const workingDir = (document as { Config?: { WorkingDir?: string } }).Config?.WorkingDir;
        if (live && workingDir) setFolder(workingDir);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, container.id]);

  const start = (event: FormEvent): void => {
    event.preventDefault();
    const target = normalizeTypedPath(folder);
    setInvalid(target === undefined);
    if (target) void copies.copyIn(source, target);
  };

  return (
    <FilesDialog title={t('containerDrop.title', { name: container.name })} onClose={onClose}>
      <form className="files-drop-form" onSubmit={start}>
        <p>{t('containerDrop.items', { count: names.length, names: names.join(', ') })}</p>
        <label>
          <span>{t('containerDrop.folder')}</span>
          <input className="mono" value={folder} onChange={(event) => setFolder(event.target.value)} aria-invalid={invalid} spellCheck={false} />
        </label>
        <p className="muted">{invalid ? t('path.absolute') : t('containerDrop.folderHint')}</p>
        <CliCommand command={line.cli} />
        {line.fromBrowser && <p className="muted files-copy-cli-note">{t('copy.browserInNote')}</p>}
        {copies.error && <ErrorMessage error={copies.error} onDismiss={copies.clearError} />}
        <CopyTasks tasks={copies.tasks} onSettled={copies.settled} onDismiss={copies.dismiss} />
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={copies.busy || copies.tasks.length > 0}>
            {t('containerDrop.start')}
          </button>
        </div>
      </form>
      <CopyConfirm copies={copies} />
    </FilesDialog>
  );
}

/** Around the containers list: files dropped on a container's row are copied into it. */
export function ContainerDropZone({ containers, children }: { containers: readonly ContainerSummary[]; children: ReactNode }) {
  const client = useClient();
  const marked = useRef<Element | null>(null);
  const [pending, setPending] = useState<{ container: ContainerSummary; source: CopySource }>();

  const mark = (row: Element | null): void => {
    if (marked.current === row) return;
    marked.current?.removeAttribute('data-drop-row');
    row?.setAttribute('data-drop-row', 'true');
    marked.current = row;
  };
  const rowAt = (target: EventTarget | null): Element | null => (target instanceof Element ? target.closest(ROW_SELECTOR) : null);
  const isFileDrag = (event: DragEvent): boolean => Array.from(event.dataTransfer.types).includes('Files');

  const onDrop = (event: DragEvent): void => {
    const row = rowAt(event.target);
    mark(null);
    if (!isFileDrag(event) || !row) return;
    event.preventDefault();
    const container = containers.find((candidate) => candidate.name === row.getAttribute('data-container-name'));
    if (!container) return;
    if (client.transport === 'electron') {
      void droppedItems(event.dataTransfer.files).then((items) => items.length > 0 && setPending({ container, source: { kind: 'items', items } }));
      return;
    }
    void collectDropped(event.dataTransfer).then((collected) => setPending({ container, source: { kind: 'browser', upload: buildBrowserUpload(collected) } }));
  };

  return (
    <div
      className="containers-drop-zone"
      onDragOver={(event) => {
        if (!isFileDrag(event)) return;
        const row = rowAt(event.target);
        mark(row);
        if (row) {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) mark(null);
      }}
      onDrop={onDrop}
    >
      {children}
      {pending && <ContainerDropDialog container={pending.container} source={pending.source} onClose={() => setPending(undefined)} />}
    </div>
  );
}
