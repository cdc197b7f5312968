import { BrowserWindow, Notification } from 'electron';
import { LONG_TASK_MS, type FinishedTask } from '../../shared/types/desktop';
import type { MainStrings } from './strings';

export interface NotifyContext {
  /** The setting `notifications.longTasks`. */
  enabled: boolean;
  /** Whether any Berth window has the focus now. */
  focused: boolean;
  now: number;
}

export function shouldNotify(task: FinishedTask, { enabled, focused, now }: NotifyContext): boolean {
  return enabled && !focused && now - task.startedAt >= LONG_TASK_MS;
}

export function notificationTitle(strings: MainStrings, task: FinishedTask): string {
  const n = strings.notify;
  const titles: Record<FinishedTask['kind'], [string, string]> = {
    export: [n.exportDone, n.exportFailed],
    import: [n.importDone, n.importFailed],
    copy: [n.copyDone, n.copyFailed],
    pull: [n.pullDone, n.pullFailed],
    push: [n.pushDone, n.pushFailed],
  };
  const [done, failed] = titles[task.kind];
  return task.ok ? done : failed;
}

export interface TaskNotifierDeps {
  /** The current settings-derived state, read when a task finishes. */
  context(): Promise<{ enabled: boolean; strings: MainStrings }>;
}

/** The desktop host's `taskFinished`: a system notification when the window is in the background; clicking it brings the window back. */
export function createTaskNotifier({ context }: TaskNotifierDeps): (task: FinishedTask) => void {
  return (task) => {
    void context()
      .then(({ enabled, strings }) => {
        const focused = BrowserWindow.getFocusedWindow() !== null;
        if (!shouldNotify(task, { enabled, focused, now: Date.now() }) || !Notification.isSupported()) return;
        const notification = new Notification({ title: notificationTitle(strings, task), body: task.subject, silent: task.ok });
        notification.on('click', () => {
          const [window] = BrowserWindow.getAllWindows();
          if (!window) return;
          if (window.isMinimized()) window.restore();
          window.show();
          window.focus();
        });
        notification.show();
      })
      .catch((err: unknown) => console.error('notification failed', err));
  };
}
