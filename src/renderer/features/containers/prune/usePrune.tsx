import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../../shared/types/containers';
import { CliCommand } from '../../../components/CliCommand';
import { formatBytes } from '../../../format/bytes';
import { PruneDialog, type PruneOutcome } from './PruneDialog';
import { pruneDifference } from './prune-form';
import '../../../styles/list-tools.css';

interface PruneReport {
  removed: number;
  spaceReclaimed: number;
  /** In the preview, yet still there: started (or removed by someone else) in between. */
  notRemoved: string[];
  /** Removed although not in the preview: stopped in between. */
  alsoRemoved: string[];
  cli: string;
}

function reportOf({ preview, result, cli }: PruneOutcome, listed: readonly ContainerSummary[]): PruneReport {
  const { notRemoved, alsoRemoved } = pruneDifference(
    preview.containers.map((c) => c.id),
    result.removed,
  );
  const previewName = new Map(preview.containers.map((c) => [c.id, c.name]));
  const listedName = new Map(listed.map((c) => [c.id, c.name]));
  return {
    removed: result.removed.length,
    spaceReclaimed: result.spaceReclaimed,
    notRemoved: notRemoved.map((id) => previewName.get(id) ?? id.slice(0, 12)),
    alsoRemoved: alsoRemoved.map((id) => listedName.get(id) ?? id.slice(0, 12)),
    cli,
  };
}

/** The containers toolbar's "Prune…": the dialog, and the line that says what the prune did. */
export function usePrune(listed: readonly ContainerSummary[], onPruned: () => void): { open(): void; view: ReactNode } {
  const { t } = useTranslation('list-tools');
  const [dialogOpen, setDialogOpen] = useState(false);
  const [report, setReport] = useState<PruneReport>();
  const view = (
    <>
      {dialogOpen && (
        <PruneDialog
          onClose={() => setDialogOpen(false)}
          onPruned={(outcome) => {
            setDialogOpen(false);
            setReport(reportOf(outcome, listed));
            onPruned();
          }}
        />
      )}
      {report && (
        <div className="action-report prune-report" role="status" data-testid="prune-report">
          <span>{t('prune.done', { count: report.removed, size: formatBytes(report.spaceReclaimed) })}</span>
          {report.notRemoved.length > 0 && (
            <span className="prune-drift">{t('prune.notRemoved', { count: report.notRemoved.length, names: report.notRemoved.join(', ') })}</span>
          )}
          {report.alsoRemoved.length > 0 && (
            <span className="prune-drift">{t('prune.alsoRemoved', { count: report.alsoRemoved.length, names: report.alsoRemoved.join(', ') })}</span>
          )}
          <CliCommand command={report.cli} />
          <button type="button" className="ghost small" onClick={() => setReport(undefined)}>
            {t('prune.dismiss')}
          </button>
        </div>
      )}
    </>
  );
  const open = useCallback(() => setDialogOpen(true), []);
  return { open, view };
}
