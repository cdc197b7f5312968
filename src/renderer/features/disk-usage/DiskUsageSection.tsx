import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imagePruneCommand } from '../../../shared/cli/images';
import { builderPruneCommand, systemDfCommand } from '../../../shared/cli/system';
import { volumePruneCommand } from '../../../shared/cli/volumes';
import type { DiskUsageCategory } from '../../../shared/types/system';
import { useClient } from '../../api/ClientContext';
import { ActionReport } from '../../components/ActionReport';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatBytes } from '../../format/bytes';
import { ContainerPruneDialog } from '../containers';
import { ImagePruneDialog } from '../images';
import { PruneVolumesDialog } from '../volumes';
import { BuildCachePruneDialog } from './BuildCachePruneDialog';
import { DiskUsageDetails } from './DiskUsageDetails';
import { DiskUsageTable } from './DiskUsageTable';
import { useDiskUsage } from './useDiskUsage';
import '../../styles/disk-usage.css';

interface PruneReport {
  category: DiskUsageCategory;
  count: number;
  bytes: number;
  cli: string;
}

/** `docker system df -v` in the Engine view: the totals, each kind's objects, and a previewed prune per kind. */
export function DiskUsageSection({ connected }: { connected: boolean }) {
  const { t } = useTranslation('engine');
  const client = useClient();
  const { usage, reading, error, refresh } = useDiskUsage(connected);
  const [pruning, setPruning] = useState<DiskUsageCategory>();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<PruneReport>();
  const [failure, setFailure] = useState<Error>();

  /** Runs the prune the dialog confirmed, then reads the disk usage again. */
  const run = async (category: DiskUsageCategory, prune: () => Promise<Omit<PruneReport, 'category'>>): Promise<void> => {
    setPruning(undefined);
    setBusy(true);
    setFailure(undefined);
    try {
      setReport({ category, ...(await prune()) });
    } catch (err) {
      setFailure(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
      refresh();
    }
  };

  return (
    <section className="disk-usage" aria-labelledby="disk-usage-title" aria-busy={reading || busy}>
      <div className="disk-usage-header">
        <h2 id="disk-usage-title">{t('disk.title')}</h2>
        <button type="button" onClick={refresh} disabled={!connected || reading}>
          {reading ? t('disk.reading') : t('disk.refresh')}
        </button>
      </div>
      <CliCommand command={systemDfCommand(true)} />
      {error && connected && <ErrorMessage error={error} />}
      {failure && <ErrorMessage error={failure} onDismiss={() => setFailure(undefined)} />}
      {report && (
        <ActionReport
          text={t('disk.freed', { size: formatBytes(report.bytes), count: report.count, what: t(`disk.categories.${report.category}`) })}
          cli={report.cli}
          dismissLabel={t('disk.dismiss')}
          onDismiss={() => setReport(undefined)}
        />
      )}
      {!usage && connected && !error && <p className="muted">{t('disk.loading')}</p>}
      {usage && (
        <>
          <DiskUsageTable usage={usage} disabled={!connected || busy} onPrune={setPruning} />
          <DiskUsageDetails usage={usage} />
        </>
      )}
      {pruning === 'containers' && (
        <ContainerPruneDialog
          onClose={() => setPruning(undefined)}
          onPruned={({ result, cli }) => void run('containers', async () => ({ count: result.removed.length, bytes: result.spaceReclaimed, cli }))}
        />
      )}
      {pruning === 'images' && (
        <ImagePruneDialog
          onCancel={() => setPruning(undefined)}
          onConfirm={(preview) =>
            void run('images', async () => {
              const result = await client.invoke('images.prune', { all: preview.all });
              return { count: result.deleted.length, bytes: result.spaceReclaimedBytes, cli: imagePruneCommand({ all: preview.all }) };
            })
          }
        />
      )}
      {pruning === 'volumes' && (
        <PruneVolumesDialog
          onCancel={() => setPruning(undefined)}
          onConfirm={(filters) =>
            void run('volumes', async () => {
              const result = await client.invoke('volumes.prune', { filters });
              return { count: result.removed.length, bytes: result.spaceReclaimed, cli: volumePruneCommand(filters) };
            })
          }
        />
      )}
      {pruning === 'buildCache' && (
        <BuildCachePruneDialog
          onCancel={() => setPruning(undefined)}
          onConfirm={(preview) =>
            void run('buildCache', async () => {
              const result = await client.invoke('system.pruneBuildCache', { all: preview.all });
              return { count: result.removed.length, bytes: result.spaceReclaimed, cli: builderPruneCommand({ all: preview.all }) };
            })
          }
        />
      )}
    </section>
  );
}
