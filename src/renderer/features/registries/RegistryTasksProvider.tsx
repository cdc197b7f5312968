import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BerthError } from '../../../shared/errors';
import type { RegistryTask } from '../../../shared/types/registries';
import { useClient } from '../../api/ClientContext';
import { useTaskNotifier } from '../notify';
import { MilestoneTracker, milestoneOf } from '../../components/milestones';
import { endedSince } from './task-model';
import { useEngineSelection } from '../engines';

/** A pull or push, and the engine it runs on ('' while the engines are not known yet: the one Berth started on). */
export type EngineTask = RegistryTask & { engine: string };

export interface RegistryTasks {
  /** Every pull and push of this session on every connected engine, as main reports them (main owns them: a reload keeps them). */
  tasks: readonly EngineTask[];
  /** The ones the user has not dismissed. */
  visible: readonly EngineTask[];
  /** The stream itself failed (e.g. the engine connection broke); the tasks shown are the last known. */
  error: BerthError | undefined;
  cancel(taskId: string): void;
  dismiss(taskId: string): void;
  /** The last sentence about a task (start, a quarter, its end), for the polite live region. */
  announcement: string;
}

const TasksContext = createContext<RegistryTasks | null>(null);

/**
 * Subscribes to `images.tasks` of every connected engine once for the whole app, so pulls stay
 * visible whichever view is open and whichever engine is selected: a pull started on one engine
 * keeps showing (with its engine) after a switch.
 */
export function RegistryTasksProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('registries');
  const client = useClient();
  const { engines, clientFor } = useEngineSelection();
  const notify = useTaskNotifier();
  const [byEngine, setByEngine] = useState<ReadonlyMap<string, readonly RegistryTask[]>>(() => new Map());
  const [error, setError] = useState<BerthError>();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<readonly RegistryTask[] | undefined>(undefined);
  const [milestones] = useState(() => new MilestoneTracker());

  // The connected engines' ids, as one string so a relist with the same engines changes nothing.
  const engineIds = engines
    ?.filter((engine) => engine.state === 'connected')
    .map((engine) => engine.id)
    .join('\u0000');
  const clientOfEngine = useCallback((engine: string) => (engine === '' ? client : clientFor(engine)), [client, clientFor]);

  useEffect(() => {
    const ids = engineIds === undefined ? [''] : engineIds.split('\u0000').filter(Boolean);
    setByEngine(new Map());
    const closers = ids.map((engine) =>
      clientOfEngine(engine).subscribe(
        'images.tasks',
        {},
        {
          onMessage: (list) => {
            setError(undefined);
            setByEngine((current) => new Map(current).set(engine, list));
          },
          onError: setError,
        },
      ),
    );
    return () => closers.forEach((close) => close());
  }, [engineIds, clientOfEngine]);

  const tasks = useMemo<readonly EngineTask[]>(() => [...byEngine].flatMap(([engine, list]) => list.map((task) => ({ ...task, engine }))), [byEngine]);

  // Say when a task starts, passes each quarter and ends (the live region), and notify an end
  // while the page is in the background. Tasks found under way or ended on load are not said.
  useEffect(() => {
    const before = previous.current;
    previous.current = tasks;
    for (const task of tasks) {
      const step = milestones.next(task.taskId, milestoneOf(task.phase, task.bytes, task.totalBytes), !before);
      if (step === 'started') setAnnouncement(t(`task.title.${task.kind}.running`, { reference: task.reference }));
      else if (typeof step === 'number')
        setAnnouncement(t('task.percent', { title: t(`task.title.${task.kind}.running`, { reference: task.reference }), percent: step }));
    }
    if (!before) return;
    const ended = endedSince(before, tasks);
    for (const task of ended) {
      const sentence = t(`task.title.${task.kind}.${task.phase}`, { reference: task.reference });
      setAnnouncement(sentence);
      // As for transfers: the user cancelled it, so there is nothing to tell them in the background.
      if (task.phase !== 'cancelled') notify({ kind: task.kind, subject: task.reference, ok: task.phase === 'done', startedAt: task.startedAt });
    }
  }, [tasks, t, notify, milestones]);

  const cancel = useCallback(
    (taskId: string) => {
      const engine = tasks.find((task) => task.taskId === taskId)?.engine ?? '';
      void clientOfEngine(engine)
        .invoke('images.cancelTask', { taskId })
        .catch((err: BerthError) => setError(err));
    },
    [tasks, clientOfEngine],
  );
  const dismiss = useCallback((taskId: string) => setDismissed((current) => new Set(current).add(taskId)), []);

  const value = useMemo<RegistryTasks>(
    () => ({ tasks, visible: tasks.filter((task) => !dismissed.has(task.taskId)), error, cancel, dismiss, announcement }),
    [tasks, dismissed, error, cancel, dismiss, announcement],
  );
  return <TasksContext.Provider value={value}>{children}</TasksContext.Provider>;
}

export function useRegistryTasks(): RegistryTasks {
  const tasks = useContext(TasksContext);
  if (!tasks) throw new Error('useRegistryTasks outside RegistryTasksProvider');
  return tasks;
}
