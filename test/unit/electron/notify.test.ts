import { type EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { FinishedTask } from '../../../src/shared/types/desktop';
import { LONG_TASK_MS } from '../../../src/shared/types/desktop';

const electron = vi.hoisted(() => ({
  focused: null as unknown,
  shown: [] as Array<{ title: string; body: string }>,
  windows: [] as Array<{ isMinimized: () => boolean; restore: () => void; show: () => void; focus: () => void }>,
  notifications: [] as unknown[],
}));
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class Notification extends EventEmitter {
    static isSupported = () => true;
    constructor(readonly options: { title: string; body: string }) {
      super();
      electron.notifications.push(this);
    }
    show(): void {
      electron.shown.push({ title: this.options.title, body: this.options.body });
    }
  }
  return {
    Notification,
    BrowserWindow: { getFocusedWindow: () => electron.focused, getAllWindows: () => electron.windows },
  };
});

const { createTaskNotifier, notificationTitle, shouldNotify } = await import('../../../src/main/electron/notify');
const { MAIN_STRINGS } = await import('../../../src/main/electron/strings');

const now = 1_000_000;
const task = (over: Partial<FinishedTask> = {}): FinishedTask => ({ kind: 'export', subject: 'web.tar', ok: true, startedAt: now - 60_000, ...over });

describe('long-task notifications', () => {
  it('notify only for a long task, while unfocused, when the setting is on', () => {
    expect(shouldNotify(task(), { enabled: true, focused: false, now })).toBe(true);
    expect(shouldNotify(task(), { enabled: true, focused: true, now })).toBe(false);
    expect(shouldNotify(task(), { enabled: false, focused: false, now })).toBe(false);
    expect(shouldNotify(task({ startedAt: now - LONG_TASK_MS + 1 }), { enabled: true, focused: false, now })).toBe(false);
  });

  it('say what finished, in the chosen language', () => {
    expect(notificationTitle(MAIN_STRINGS.en, task())).toBe('Export finished');
    expect(notificationTitle(MAIN_STRINGS.en, task({ kind: 'import', ok: false }))).toBe('Import failed');
    expect(notificationTitle(MAIN_STRINGS.ko, task({ kind: 'copy' }))).toBe('복사 완료');
    expect(notificationTitle(MAIN_STRINGS.en, task({ kind: 'pull' }))).toBe('Pull finished');
    expect(notificationTitle(MAIN_STRINGS.en, task({ kind: 'push', ok: false }))).toBe('Push failed');
  });

  it('show a system notification that brings the window back when clicked', async () => {
    const window = { isMinimized: () => true, restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
    electron.windows = [window];
    electron.focused = null;
    const notify = createTaskNotifier({ context: async () => ({ enabled: true, strings: MAIN_STRINGS.en }) });
    notify(task({ startedAt: Date.now() - 30_000 }));
    await expect.poll(() => electron.shown).toEqual([{ title: 'Export finished', body: 'web.tar' }]);
    (electron.notifications[0] as EventEmitter).emit('click');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('stay quiet while a Berth window has the focus', async () => {
    electron.shown = [];
    electron.focused = {};
    let asked = false;
    const notify = createTaskNotifier({
      context: async () => {
        asked = true;
        return { enabled: true, strings: MAIN_STRINGS.en };
      },
    });
    notify(task({ startedAt: Date.now() - 30_000 }));
    await expect.poll(() => asked).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(electron.shown).toEqual([]);
  });
});
