import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LONG_TASK_MS, type FinishedTask } from '../../../shared/types/desktop';
import { useClient } from '../../api/ClientContext';
import { useSettings } from '../../settings-state/SettingsProvider';
import { notifyInBrowser } from './browser-notifications';

/** Only tasks at least this long notify (the same threshold main uses: src/main/electron/notify.ts). */

/** What the renderer notifies about: the desktop's tasks, and image pulls and pushes. */
export type NotifiedTask = Omit<FinishedTask, 'kind'> & { kind: FinishedTask['kind'] | 'pull' | 'push' };

/**
 * For views whose long task (export, import, copy, pull, push) finishes in the browser: in browser
 * mode the page sees the download or upload end, so it notifies. In the desktop app main notifies
 * (HostServices.taskFinished), so this does nothing there.
 */
export function useTaskNotifier(): (task: NotifiedTask) => void {
  const client = useClient();
  const { t } = useTranslation('settings');
  const enabled = useSettings().settings.notifications.longTasks;
  return useCallback(
    (task: NotifiedTask) => {
      if (client.transport !== 'web' || !enabled || Date.now() - task.startedAt < LONG_TASK_MS) return;
      notifyInBrowser(t(`notify.${task.kind}.${task.ok ? 'done' : 'failed'}`), task.subject);
    },
    [client, enabled, t],
  );
}
