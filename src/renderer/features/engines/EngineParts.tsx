import { useTranslation } from 'react-i18next';
import type { EngineEntry } from '../../../shared/types/engines';
import { CliEngineFlagProvider } from '../../components/CliCommand';
import { CliCommand } from '../../components/CliCommand';
import type { EnginePart } from './useEachEngine';
import type { RowActionReport } from './useRowAction';

/** Engines of a list across engines that did not answer (each with its reason), and the ones still listing. */
export function EnginePartNotes<T>({ parts, engines }: { parts: readonly EnginePart<T>[]; engines: readonly EngineEntry[] | undefined }) {
  const { t } = useTranslation('engines');
  const nameOf = (id: string) => engines?.find((engine) => engine.id === id)?.name ?? id;
  const failed = parts.filter((part) => part.error);
  const waiting = parts.filter((part) => part.items === undefined && !part.error);
  return (
    <>
      {failed.map((part) => (
        <div key={part.engine} className="banner banner-error engine-part-note" role="alert" data-engine={part.engine}>
          {t('combined.unreachable', { name: nameOf(part.engine), reason: part.error?.message ?? '' })}
        </div>
      ))}
      {waiting.length > 0 && (
        <p className="muted" role="status">
          {t('combined.listing', { names: waiting.map((part) => nameOf(part.engine)).join(', ') })}
        </p>
      )}
    </>
  );
}

/** What the last row action did (or why it failed), with its docker line naming the row's engine. */
export function RowActionReportView({ report, onDismiss }: { report: RowActionReport | undefined; onDismiss(): void }) {
  const { t } = useTranslation('engines');
  if (!report) return null;
  return (
    <div className={`action-report${report.failed ? ' failed' : ''}`} role="status">
      <span>{report.text}</span>
      {/* The line already names the engine. */}
      <CliEngineFlagProvider value="">
        <CliCommand command={report.cli} />
      </CliEngineFlagProvider>
      <button type="button" className="ghost small" onClick={onDismiss}>
        {t('combined.dismiss')}
      </button>
    </div>
  );
}
