import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { composeActionCommand, type ComposeAction } from '../../../shared/cli/compose';
import type { ComposeActionResult, ComposeRemoveResult } from '../../../shared/types/compose';
import { useClient } from '../../api/ClientContext';
import { CliCommand } from '../../components/CliCommand';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSettings } from '../../settings-state/SettingsProvider';
import type { ProjectGroup } from './grouping';
import { ProjectLogsDialog } from './ProjectLogsDialog';
import { RemoveProjectDialog } from './RemoveProjectDialog';

interface Report {
  action: ComposeAction;
  project: string;
  result?: ComposeActionResult | ComposeRemoveResult;
  error?: Error;
  cli: string;
}

export interface ProjectActions {
  /** Projects with an action under way. */
  pending: ReadonlySet<string>;
  run(action: ComposeAction, project: ProjectGroup): void;
  showLogs(project: ProjectGroup): void;
  /** The report of the last action, the remove confirmation and the logs view. */
  view: ReactNode;
}

/**
 * The whole-project actions of the containers list (`docker compose -p NAME start|stop|restart|down`):
 * remove asks first (when the settings say to confirm removals), each ends in a report with what was
 * done, every container that failed in plain words, and the docker compose line.
 */
export function useProjectActions(refresh: () => void, stopTimeout: number): ProjectActions {
  const { t } = useTranslation('compose');
  const client = useClient();
  const { settings } = useSettings();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [report, setReport] = useState<Report>();
  const [confirming, setConfirming] = useState<ProjectGroup>();
  const [logs, setLogs] = useState<string>();

  const perform = useCallback(
    async (action: ComposeAction, project: string, volumes = false): Promise<void> => {
      const timeout = action === 'stop' || action === 'restart' || action === 'remove' ? { timeout: stopTimeout } : {};
      const cli = composeActionCommand(project, action, { volumes, ...timeout });
      setPending((current) => new Set([...current, project]));
      try {
        const result =
          action === 'remove'
            ? await client.invoke('compose.remove', { project, volumes, ...timeout })
            : action === 'start'
              ? await client.invoke('compose.start', { project })
              : await client.invoke(`compose.${action}`, { project, ...timeout });
        setReport({ action, project, result, cli });
      } catch (err) {
        setReport({ action, project, error: err as Error, cli });
      } finally {
        setPending((current) => new Set([...current].filter((name) => name !== project)));
        refresh();
      }
    },
    [client, refresh, stopTimeout],
  );

  const run = (action: ComposeAction, project: ProjectGroup): void => {
    if (action === 'remove' && settings.confirm.remove) return setConfirming(project);
    void perform(action, project.name);
  };

  const failures = report?.result?.failures ?? [];
  const view = (
    <>
      {report && (
        <div className={`action-report${report.error || failures.length ? ' failed' : ''}`} role="status">
          {report.error && <ErrorMessage error={report.error} />}
          {failures.map((failure) => (
            <ErrorMessage key={`${failure.kind}:${failure.name}`} error={new Error(failure.message)} />
          ))}
          {report.result && (
            <span>
              {t(`report.${report.action}`, { name: report.project, count: report.result.done.length })}
              {'networks' in report.result && report.result.networks.length > 0 && ` ${t('report.networks', { names: report.result.networks.join(', ') })}`}
              {'volumes' in report.result && report.result.volumes.length > 0 && ` ${t('report.volumes', { names: report.result.volumes.join(', ') })}`}
            </span>
          )}
          <CliCommand command={report.cli} />
          <button type="button" className="ghost small" onClick={() => setReport(undefined)}>
            {t('report.dismiss')}
          </button>
        </div>
      )}
      {confirming && (
        <RemoveProjectDialog
          project={confirming}
          timeout={stopTimeout}
          onCancel={() => setConfirming(undefined)}
          onConfirm={(volumes) => {
            setConfirming(undefined);
            void perform('remove', confirming.name, volumes);
          }}
        />
      )}
      {logs !== undefined && <ProjectLogsDialog project={logs} onClose={() => setLogs(undefined)} />}
    </>
  );

  return { pending, run, showLogs: (project) => setLogs(project.name), view };
}
