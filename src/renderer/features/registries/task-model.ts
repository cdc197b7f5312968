import type { LayerProgress, RegistryTask } from '../../../shared/types/registries';

/** A fraction from 0 to 1, or undefined while the total is not known. */
function fraction(done: number, total: number | undefined): number | undefined {
  if (total === undefined || total <= 0) return undefined;
  return Math.min(1, Math.max(0, done / total));
}

/** How far a task is, in whole percent; an ended-well task is 100, one whose size is unknown is undefined. */
export function taskPercent(task: Pick<RegistryTask, 'phase' | 'bytes' | 'totalBytes'>): number | undefined {
  if (task.phase === 'done') return 100;
  const part = fraction(task.bytes, task.totalBytes);
  return part === undefined ? undefined : Math.floor(part * 100);
}

/** Phases in which a layer moves bytes (the row shows a bar with bytes/total). */
const MOVING = new Set<LayerProgress['phase']>(['downloading', 'extracting', 'pushing']);
/** Phases after which nothing more happens to the layer. */
const FINISHED = new Set<LayerProgress['phase']>(['done', 'exists', 'pushed', 'mounted']);

export function layerMoves(layer: LayerProgress): boolean {
  return MOVING.has(layer.phase);
}

export function layerPercent(layer: LayerProgress): number | undefined {
  if (FINISHED.has(layer.phase)) return 100;
  if (!MOVING.has(layer.phase)) return undefined;
  const part = fraction(layer.currentBytes, layer.totalBytes);
  return part === undefined ? undefined : Math.floor(part * 100);
}

/** Layers that finished, for "3 of 7 layers". */
export function finishedLayers(layers: readonly LayerProgress[]): number {
  return layers.filter((layer) => FINISHED.has(layer.phase)).length;
}

/** `90` -> `{ minutes: 1, seconds: 30 }`: the parts a "1 min 30 s left" text needs (rounded up). */
export function timeLeftParts(seconds: number): { hours: number; minutes: number; seconds: number } {
  const whole = Math.max(0, Math.ceil(seconds));
  return { hours: Math.floor(whole / 3600), minutes: Math.floor((whole % 3600) / 60), seconds: whole % 60 };
}

/**
 * The pull a Run started for this reference: origin 'run', the same reference, and not one of the
 * tasks that existed when Run was pressed (ids, not clocks: the page's clock may not be main's).
 */
export function runTaskFor(tasks: readonly RegistryTask[], reference: string, before: ReadonlySet<string>): RegistryTask | undefined {
  const wanted = reference.trim();
  return tasks
    .filter((task) => task.origin === 'run' && task.kind === 'pull' && task.reference === wanted && !before.has(task.taskId))
    .sort((a, b) => b.startedAt - a.startedAt)[0];
}

/** The registry a reference names, as `docker login` keys it: its first part when that is a host, else Docker Hub. */
export function registryOf(reference: string): string {
  const first = reference.split('/')[0] ?? '';
  const isHost = reference.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  return isHost ? first : 'https://index.docker.io/v1/';
}

/** The repository part of what is typed in the pull field, when a tag could follow it: `nginx:1` -> `nginx`. */
export function repositoryForSuggestions(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed || trimmed.includes('@')) return undefined;
  const slash = trimmed.lastIndexOf('/');
  const colon = trimmed.lastIndexOf(':');
  return colon > slash ? trimmed.slice(0, colon) : trimmed;
}

/** Newest first; running tasks before ended ones. */
export function orderTasks<Task extends RegistryTask>(tasks: readonly Task[]): Task[] {
  const running = (task: Task): number => (task.phase === 'running' ? 0 : 1);
  return [...tasks].sort((a, b) => running(a) - running(b) || b.startedAt - a.startedAt);
}

/** Tasks that were running in `before` and have ended in `after` (each reported once). */
export function endedSince(before: readonly RegistryTask[], after: readonly RegistryTask[]): RegistryTask[] {
  const wasRunning = new Set(before.filter((task) => task.phase === 'running').map((task) => task.taskId));
  return after.filter((task) => task.phase !== 'running' && wasRunning.has(task.taskId));
}
