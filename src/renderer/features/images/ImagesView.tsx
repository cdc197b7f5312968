import { useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineState } from '../../../shared/types/engine';
import type { ImageSummary } from '../../../shared/types/images';
import { useRegisterCommands } from '../../commands/CommandsProvider';
import type { AppCommand } from '../../commands/registry';
import { ActionReport } from '../../components/ActionReport';
import { CliCommand } from '../../components/CliCommand';
import { ListingToolbar } from '../../components/ListingToolbar';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatBytes } from '../../format/bytes';
import { CreateContainerForm } from '../create-container';
import { ListingStatus, useEngineGate } from '../engine';
import { useNavigation } from '../../navigation';
import { useRegistryDialogs } from '../registries';
import { InspectImageDialog, RemoveImageDialog } from './ImageDialogs';
import { ImagePruneDialog } from './ImagePruneDialog';
import { ImageTable, removalRef } from './ImageTable';
import { droppedImportFile, type ImportFile } from './import-file';
import { HistoryDialog } from './HistoryDialog';
import { ImportDialog } from './ImportDialog';
import { PushDialog } from './PushDialog';
import { TagDialog } from './TagDialog';
import { useImageActions } from './useImageActions';
import { useImages } from './useImages';
import '../../styles/resource-lists.css';
import '../../styles/images.css';
import { imageListCommand } from '../../../shared/cli/images';

type Dialog =
  | { kind: 'import'; file?: ImportFile }
  | { kind: 'remove'; image: ImageSummary }
  | { kind: 'prune' }
  | { kind: 'inspect'; image: ImageSummary }
  | { kind: 'history'; image: ImageSummary }
  | { kind: 'tag'; image: ImageSummary }
  | { kind: 'push'; image: ImageSummary };

function matches(image: ImageSummary, text: string): boolean {
  const needle = text.trim().toLowerCase();
  return !needle || image.id.includes(needle) || image.repoTags.some((tag) => tag.toLowerCase().includes(needle));
}

/** Local images: import (a file, or dropped here), create a container, inspect, untag, remove, prune dangling. */
export function ImagesView({ engineState }: { engineState: EngineState | undefined }) {
  const { t } = useTranslation('images');
  const connected = engineState?.status === 'connected';
  const { images, listedAt, error, refresh } = useImages(connected);
  const { gate } = useEngineGate();
  const actions = useImageActions(refresh);
  const { openPull } = useRegistryDialogs();
  const [text, setText] = useState('');
  const { openContainer } = useNavigation();
  const [dialog, setDialog] = useState<Dialog>();
  const [createFrom, setCreateFrom] = useState<string>();
  const [created, setCreated] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const [dropError, setDropError] = useState<Error>();

  const sorted = useMemo(() => [...(images ?? [])].sort((a, b) => b.created - a.created), [images]);
  const visible = sorted.filter((image) => matches(image, text));
  const dangling = sorted.filter((image) => image.dangling);
  const danglingBytes = dangling.reduce((sum, image) => sum + image.sizeBytes, 0);

  const commands = useMemo<AppCommand[]>(
    () => [
      {
        id: 'images.import',
        title: t('commands.import'),
        group: t('commands.imagesGroup'),
        keywords: ['import', 'tar', 'docker import'],
        run: () => setDialog({ kind: 'import' }),
      },
      {
        id: 'images.prune',
        title: t('commands.prune'),
        group: t('commands.imagesGroup'),
        keywords: ['prune', 'dangling'],
        run: () => setDialog({ kind: 'prune' }),
      },
    ],
    [t],
  );
  useRegisterCommands(commands);

  const createContainer = (image: string): void => {
    setDialog(undefined);
    setCreated(undefined);
    setCreateFrom(image);
  };

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (!file || dialog) return;
    setDropError(undefined);
    void droppedImportFile(file).then(
      (chosen) => (chosen ? setDialog({ kind: 'import', file: chosen }) : setDropError(new Error(t('import.dropNotAFile')))),
      (err: Error) => setDropError(err),
    );
  };

  return (
    <section
      className={`view images-view${dragging ? ' dragging' : ''}`}
      aria-labelledby="images-title"
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="view-header">
        <h1 id="images-title">{t('title')}</h1>
        <CliCommand command={imageListCommand(false)} />
      </header>
      {createFrom && (
        <CreateContainerForm
          initialImage={createFrom}
          onClose={() => setCreateFrom(undefined)}
          onCreated={(result) => {
            setCreateFrom(undefined);
            setCreated(result.name);
            refresh();
            // Like the containers view: an interactive container's terminal opens at once.
            if (result.interactive) openContainer({ id: result.id, name: result.name, tab: 'terminal' });
          }}
        />
      )}
      {created && (
        <div className="images-success" role="status">
          <span>{t('created', { name: created })}</span>
          <button type="button" className="ghost small" onClick={() => setCreated(undefined)}>
            {t('dismiss')}
          </button>
        </div>
      )}
      <ListingToolbar
        filter={text}
        onFilter={setText}
        filterPlaceholder={t('filterPlaceholder')}
        filterLabel={t('filterLabel')}
        count={t('count', { shown: visible.length, total: sorted.length })}
      >
        <button type="button" className="primary" onClick={() => openPull()} {...gate}>
          {t('pull.open')}
        </button>
        <button type="button" onClick={() => setDialog({ kind: 'import' })} {...gate}>
          {t('import.open')}
        </button>
        <button type="button" disabled={actions.pending.has('prune')} onClick={() => setDialog({ kind: 'prune' })} {...gate}>
          {t('prune.open', { count: dangling.length, size: formatBytes(danglingBytes) })}
        </button>
      </ListingToolbar>
      <p className="muted small-print drop-hint">{t('dropHint')}</p>
      <ListingStatus error={error} listed={images !== undefined} listedAt={listedAt} lastKnown={(time) => t('lastKnown', { time })} />
      {dropError && <ErrorMessage error={dropError} onDismiss={() => setDropError(undefined)} />}
      {actions.error && <ErrorMessage error={actions.error} onDismiss={actions.clear} />}
      {actions.report && (
        <ActionReport
          text={t(`report.${actions.report.key}`, { ...actions.report.values, size: formatBytes(Number(actions.report.values.bytes ?? 0)) })}
          cli={actions.report.cli}
          dismissLabel={t('dismiss')}
          onDismiss={actions.clear}
        />
      )}
      {images === undefined && !error && connected && <p className="muted">{t('loading')}</p>}
      {images !== undefined && images.length === 0 && (
        <div className="empty-state">
          <p>{t('empty')}</p>
          <button type="button" className="primary" onClick={() => openPull()} {...gate}>
            {t('pull.open')}
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'import' })} {...gate}>
            {t('import.open')}
          </button>
        </div>
      )}
      {images !== undefined && images.length > 0 && visible.length === 0 && <p className="muted">{t('noMatch')}</p>}
      {visible.length > 0 && (
        <ImageTable
          images={visible}
          pending={actions.pending}
          onCreateContainer={(image) => createContainer(image.repoTags[0] ?? image.id)}
          onInspect={(image) => setDialog({ kind: 'inspect', image })}
          onHistory={(image) => setDialog({ kind: 'history', image })}
          onTag={(image) => setDialog({ kind: 'tag', image })}
          onPush={(image) => setDialog({ kind: 'push', image })}
          onRemove={(image) => setDialog({ kind: 'remove', image })}
          onUntag={(image, repoTag) => void actions.untag(image.id, repoTag)}
        />
      )}
      {dialog?.kind === 'import' && (
        <ImportDialog {...(dialog.file ? { initialFile: dialog.file } : {})} onClose={() => setDialog(undefined)} onCreateContainer={createContainer} />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveImageDialog
          image={dialog.image}
          onCancel={() => setDialog(undefined)}
          onConfirm={(force) => {
            const { image } = dialog;
            setDialog(undefined);
            void actions.remove(image.id, removalRef(image), force);
          }}
        />
      )}
      {dialog?.kind === 'prune' && (
        <ImagePruneDialog
          onCancel={() => setDialog(undefined)}
          onConfirm={(preview) => {
            setDialog(undefined);
            void actions.prune(preview.all);
          }}
        />
      )}
      {dialog?.kind === 'inspect' && <InspectImageDialog image={dialog.image} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'history' && <HistoryDialog image={dialog.image} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'tag' && (
        <TagDialog
          image={dialog.image}
          onClose={() => setDialog(undefined)}
          onTagged={(result) => {
            setDialog(undefined);
            actions.show({ key: 'tagged', values: { name: result.reference }, cli: result.commandLine });
          }}
        />
      )}
      {dialog?.kind === 'push' && (
        <PushDialog image={dialog.image} onClose={() => setDialog(undefined)} onTag={() => setDialog({ kind: 'tag', image: dialog.image })} />
      )}
    </section>
  );
}
