import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeSummary } from '../../../shared/types/volumes';
import { useRegisterCommands } from '../../commands/CommandsProvider';
import type { AppCommand } from '../../commands/registry';
import { ActionReport } from '../../components/ActionReport';
import { CliCommand } from '../../components/CliCommand';
import { ListingToolbar } from '../../components/ListingToolbar';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatBytes } from '../../format/bytes';
import type { ViewProps } from '../../view-types';
import { ListingStatus, useEngineGate } from '../engine';
import { CreateVolumeDialog } from './CreateVolumeDialog';
import { InspectVolumeDialog } from './InspectVolumeDialog';
import { PruneVolumesDialog } from './PruneVolumesDialog';
import { RemoveVolumeDialog } from './RemoveVolumeDialog';
import { RestoreVolumeDialog } from './RestoreVolumeDialog';
import { VolumeBackups } from './VolumeBackups';
import { useVolumeBackups } from './useVolumeBackups';
import { useVolumeActions } from './useVolumeActions';
import { VolumeFilesDialog } from './VolumeFilesDialog';
import { useVolumes } from './useVolumes';
import { matchesVolume, nextSort, sortVolumes, type VolumeSort } from './volume-sort';
import { VolumeTable } from './VolumeTable';
import '../../styles/resource-lists.css';
import '../../styles/volumes.css';
import { volumeListCommand } from '../../../shared/cli/volumes';

type Dialog =
  | { kind: 'create' }
  | { kind: 'prune' }
  | { kind: 'remove'; volume: VolumeSummary }
  | { kind: 'inspect'; volume: VolumeSummary }
  | { kind: 'browse'; volume: VolumeSummary }
  | { kind: 'restore'; volume: VolumeSummary };

/** The engine's volumes: create, inspect, browse and copy files, back up and restore, remove (never from under a container), prune with a preview. */
export function VolumesView({ engineState }: ViewProps) {
  const { t } = useTranslation('volumes');
  const connected = engineState?.status === 'connected';
  const { volumes, listedAt, error, refresh } = useVolumes(connected);
  const { gate } = useEngineGate();
  const actions = useVolumeActions(refresh);
  const backups = useVolumeBackups();
  const [text, setText] = useState('');
  const [sort, setSort] = useState<VolumeSort>({ key: 'name', direction: 'asc' });
  const [dialog, setDialog] = useState<Dialog>();

  const sorted = useMemo(() => sortVolumes(volumes ?? [], sort), [volumes, sort]);
  const visible = sorted.filter((volume) => matchesVolume(volume, text));
  const totalBytes = sorted.reduce((sum, volume) => sum + Math.max(0, volume.sizeBytes ?? 0), 0);

  const commands = useMemo<AppCommand[]>(
    () => [
      {
        id: 'volumes.create',
        title: t('commands.create'),
        group: t('commands.group'),
        keywords: ['volume', 'create', 'docker volume create'],
        run: () => setDialog({ kind: 'create' }),
      },
      {
        id: 'volumes.prune',
        title: t('commands.prune'),
        group: t('commands.group'),
        keywords: ['volume', 'prune', 'unused'],
        run: () => setDialog({ kind: 'prune' }),
      },
    ],
    [t],
  );
  useRegisterCommands(commands);

  return (
    <section className="view volumes-view" aria-labelledby="volumes-title">
      <header className="view-header">
        <h1 id="volumes-title">{t('title')}</h1>
        <CliCommand command={volumeListCommand()} />
      </header>
      <ListingToolbar
        filter={text}
        onFilter={setText}
        filterPlaceholder={t('filterPlaceholder')}
        filterLabel={t('filterLabel')}
        count={t('count', { shown: visible.length, total: sorted.length, size: formatBytes(totalBytes) })}
      >
        <button type="button" className="primary" onClick={() => setDialog({ kind: 'create' })} {...gate}>
          {t('create.open')}
        </button>
        <button type="button" disabled={actions.pending.has('prune')} onClick={() => setDialog({ kind: 'prune' })} {...gate}>
          {t('prune.open')}
        </button>
      </ListingToolbar>
      <ListingStatus error={error} listed={volumes !== undefined} listedAt={listedAt} lastKnown={(time) => t('lastKnown', { time })} />
      {actions.error && <ErrorMessage error={actions.error} onDismiss={actions.clear} />}
      {backups.error && <ErrorMessage error={backups.error} onDismiss={backups.clearError} />}
      <VolumeBackups tasks={backups.tasks} onDismiss={backups.dismiss} />
      {actions.report && (
        <ActionReport
          text={t(`report.${actions.report.key}`, { ...actions.report.values, size: formatBytes(Number(actions.report.values.bytes ?? 0)) })}
          cli={actions.report.cli}
          dismissLabel={t('dismiss')}
          onDismiss={actions.clear}
        />
      )}
      {volumes === undefined && !error && connected && <p className="muted">{t('loading')}</p>}
      {volumes !== undefined && volumes.length === 0 && (
        <div className="empty-state">
          <p>{t('empty')}</p>
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'create' })} {...gate}>
            {t('create.open')}
          </button>
        </div>
      )}
      {volumes !== undefined && volumes.length > 0 && visible.length === 0 && <p className="muted">{t('noMatch')}</p>}
      {visible.length > 0 && (
        <VolumeTable
          volumes={visible}
          sort={sort}
          pending={actions.pending}
          onSort={(key) => setSort((current) => nextSort(current, key))}
          onInspect={(volume) => setDialog({ kind: 'inspect', volume })}
          onBrowse={(volume) => setDialog({ kind: 'browse', volume })}
          onBackup={(volume) => backups.start(volume.name)}
          onRestore={(volume) => setDialog({ kind: 'restore', volume })}
          onRemove={(volume) => setDialog({ kind: 'remove', volume })}
        />
      )}
      {dialog?.kind === 'create' && (
        <CreateVolumeDialog
          onClose={() => setDialog(undefined)}
          onCreated={(result, cli) => {
            setDialog(undefined);
            actions.show({ key: 'created', values: { name: result.name }, cli });
          }}
        />
      )}
      {dialog?.kind === 'remove' && (
        <RemoveVolumeDialog
          volume={dialog.volume}
          onCancel={() => setDialog(undefined)}
          onConfirm={(choice) => {
            const { volume } = dialog;
            setDialog(undefined);
            void actions.remove(volume.name, choice);
          }}
        />
      )}
      {dialog?.kind === 'prune' && (
        <PruneVolumesDialog
          onCancel={() => setDialog(undefined)}
          onConfirm={(filters) => {
            setDialog(undefined);
            void actions.prune(filters);
          }}
        />
      )}
      {dialog?.kind === 'inspect' && <InspectVolumeDialog volume={dialog.volume} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'browse' && <VolumeFilesDialog volume={dialog.volume} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'restore' && <RestoreVolumeDialog volume={dialog.volume} onClose={() => setDialog(undefined)} onRestored={refresh} />}
    </section>
  );
}
