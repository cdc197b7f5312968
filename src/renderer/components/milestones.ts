/**
 * What is worth saying about a long task (transfer, pull, push, export, import): its start, each
 * quarter, and its end. A screen reader told every percent would talk of nothing else.
 */
export type Milestone = 'started' | 25 | 50 | 75 | 'done' | 'failed' | 'cancelled';

export function milestoneOf(phase: 'running' | 'done' | 'failed' | 'cancelled', bytes: number, totalBytes: number | undefined): Milestone {
  if (phase !== 'running') return phase;
  if (!totalBytes || totalBytes <= 0) return 'started';
  const quarter = Math.min(3, Math.floor((bytes / totalBytes) * 4));
  return quarter === 0 ? 'started' : ((quarter * 25) as 25 | 50 | 75);
}

const ORDER: readonly Milestone[] = ['started', 25, 50, 75, 'done', 'failed', 'cancelled'];

/** Remembers the last milestone said per task: `next` answers only a new one, and never one back. */
export class MilestoneTracker {
  private readonly said = new Map<string, Milestone>();

  seen(taskId: string): boolean {
    return this.said.has(taskId);
  }

  /** The milestone to announce now, if any. `silent` records it without announcing (a task found already under way). */
  next(taskId: string, milestone: Milestone, silent = false): Milestone | undefined {
    const last = this.said.get(taskId);
    if (last !== undefined && ORDER.indexOf(milestone) <= ORDER.indexOf(last)) return undefined;
    this.said.set(taskId, milestone);
    return silent ? undefined : milestone;
  }
}
