import { randomBytes } from 'node:crypto';
import { BerthError } from '../../../shared/errors';
import type { RegistryTask } from '../../../shared/types/registries';
import { toBerthError } from '../core/errors';
import { LayerTracker } from './layer-progress';

/**
 * This session's pulls and pushes: each runs in the background with its own AbortController, its
 * progress folded into one RegistryTask; subscribers get the whole list at most once every
 * FRAME_INTERVAL_MS however many layers move. Finished tasks stay listed (the last MAX_FINISHED).
 */

/** 110 ms, not 100: then no one-second window (ends included) holds more than ten frames. */
export const FRAME_INTERVAL_MS = 110;
const MAX_FINISHED = 50;
/** The rate is measured over this much recent time, so a stall shows within seconds. */
const RATE_WINDOW_MS = 3000;

export interface TaskWork {
  tracker: LayerTracker;
  signal: AbortSignal;
  /** Call after the tracker took in new messages. */
  changed(): void;
}

export type TaskResult = NonNullable<RegistryTask['result']>;

export interface TaskSpec {
  kind: RegistryTask['kind'];
  reference: string;
  platform?: string;
  origin: RegistryTask['origin'];
  commandLine: string;
  run(work: TaskWork): Promise<TaskResult>;
}

interface Running {
  task: RegistryTask;
  tracker: LayerTracker;
  controller: AbortController;
  samples: Array<{ at: number; bytes: number }>;
  settled: Promise<RegistryTask>;
}

type Listener = (tasks: RegistryTask[]) => void;

export interface TaskHubOptions {
  /** Called once when a task is done or failed (not when cancelled: the user knows). */
  onFinished?: (task: RegistryTask) => void;
}

export class RegistryTaskHub {
  constructor(private readonly options: TaskHubOptions = {}) {}

  private readonly tasks = new Map<string, Running>();
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private lastEmit = 0;

  start(spec: TaskSpec): string {
    const taskId = `r${randomBytes(12).toString('hex')}`;
    const tracker = new LayerTracker(spec.kind === 'pull' ? 'downloading' : 'pushing');
    const controller = new AbortController();
    const task: RegistryTask = {
      taskId,
      kind: spec.kind,
      reference: spec.reference,
      ...(spec.platform ? { platform: spec.platform } : {}),
      origin: spec.origin,
      phase: 'running',
      startedAt: Date.now(),
      layers: [],
      bytes: 0,
      bytesPerSecond: 0,
      commandLine: spec.commandLine,
    };
    const running: Running = { task, tracker, controller, samples: [{ at: Date.now(), bytes: 0 }], settled: Promise.resolve(task) };
    this.tasks.set(taskId, running);
    const work: TaskWork = { tracker, signal: controller.signal, changed: () => this.refresh(running) };
    running.settled = spec.run(work).then(
      (result) => this.finish(running, 'done', { result }),
      (err: unknown) => {
        const error = controller.signal.aborted ? new BerthError('CANCELLED', `The ${spec.kind} of ${spec.reference} was cancelled.`) : toBerthError(err);
        return this.finish(running, controller.signal.aborted ? 'cancelled' : 'failed', { error: error.toShape() });
      },
    );
    this.schedule();
    return taskId;
  }

  /** Resolves with the task once it has ended (done, failed or cancelled). */
  settled(taskId: string): Promise<RegistryTask> {
    const running = this.tasks.get(taskId);
    if (!running) return Promise.reject(new BerthError('NOT_FOUND', 'No such pull or push.'));
    return running.settled;
  }

  /** False when the task has already ended. */
  cancel(taskId: string): boolean {
    const running = this.tasks.get(taskId);
    if (!running) throw new BerthError('NOT_FOUND', 'No such pull or push in this session.');
    if (running.task.phase !== 'running') return false;
    running.controller.abort();
    return true;
  }

  list(): RegistryTask[] {
    return [...this.tasks.values()].map(({ task }) => ({ ...task, layers: task.layers.map((layer) => ({ ...layer })) }));
  }

  /** Calls `listener` with the list now and after changes; returns the unsubscribe. */
  watch(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.list());
    return () => this.listeners.delete(listener);
  }

  private refresh(running: Running): void {
    const { task, tracker } = running;
    const { bytes, totalBytes } = tracker.totals();
    const now = Date.now();
    running.samples.push({ at: now, bytes });
    while (running.samples.length > 2 && now - running.samples[1]!.at >= RATE_WINDOW_MS) running.samples.shift();
    const first = running.samples[0]!;
    const elapsed = (now - first.at) / 1000;
    task.bytesPerSecond = elapsed > 0.2 ? Math.max(0, Math.round((bytes - first.bytes) / elapsed)) : task.bytesPerSecond;
    task.bytes = bytes;
    if (totalBytes !== undefined) task.totalBytes = totalBytes;
    else delete task.totalBytes;
    if (totalBytes !== undefined && task.bytesPerSecond > 0) task.secondsLeft = Math.ceil((totalBytes - bytes) / task.bytesPerSecond);
    else delete task.secondsLeft;
    task.layers = tracker.rows();
    this.schedule();
  }

  private finish(running: Running, phase: RegistryTask['phase'], outcome: Pick<RegistryTask, 'result' | 'error'>): RegistryTask {
    this.refresh(running);
    const { task } = running;
    task.phase = phase;
    task.endedAt = Date.now();
    task.bytesPerSecond = 0;
    delete task.secondsLeft;
    if (outcome.result) task.result = outcome.result;
    if (outcome.error) task.error = outcome.error;
    this.prune();
    this.schedule();
    if (phase !== 'cancelled') this.options.onFinished?.({ ...task });
    return { ...task };
  }

  private prune(): void {
    const finished = [...this.tasks.values()].filter(({ task }) => task.phase !== 'running');
    for (const { task } of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED))) this.tasks.delete(task.taskId);
  }

  /** One frame now if the last was long enough ago, else one when it is due (never more than one pending). */
  private schedule(): void {
    if (this.timer || this.listeners.size === 0) return;
    const wait = Math.max(0, this.lastEmit + FRAME_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastEmit = Date.now();
      const tasks = this.list();
      for (const listener of this.listeners) listener(tasks);
    }, wait);
  }
}
