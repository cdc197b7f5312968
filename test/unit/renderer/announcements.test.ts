import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../src/shared/types/containers';
import { MilestoneTracker, milestoneOf, type Milestone } from '../../../src/renderer/components/milestones';
import { stateChanges } from '../../../src/renderer/features/containers/useStateAnnouncements';

describe('progress milestones for the live region', () => {
  it('says start, each quarter and the end of a transfer reported at every percent: 5 of 102 updates', () => {
    const tracker = new MilestoneTracker();
    const said: Milestone[] = [];
    const total = 1000;
    for (let percent = 0; percent <= 100; percent++) {
      const step = tracker.next('t1', milestoneOf('running', (percent / 100) * total, total));
      if (step !== undefined) said.push(step);
    }
    const end = tracker.next('t1', milestoneOf('done', total, total));
    if (end !== undefined) said.push(end);
    expect(said).toEqual(['started', 25, 50, 75, 'done']);
  });

  it('never goes back, says an unknown total only at start and end, and keeps tasks apart', () => {
    const tracker = new MilestoneTracker();
    expect(tracker.next('a', milestoneOf('running', 600, 1000))).toBe(50);
    expect(tracker.next('a', milestoneOf('running', 300, 1000))).toBeUndefined();
    expect(tracker.next('b', milestoneOf('running', 5_000_000, undefined))).toBe('started');
    expect(tracker.next('b', milestoneOf('running', 9_000_000, undefined))).toBeUndefined();
    expect(tracker.next('b', milestoneOf('failed', 9_000_000, undefined))).toBe('failed');
    expect(tracker.next('b', milestoneOf('failed', 9_000_000, undefined))).toBeUndefined();
  });

  it('records without saying a task found under way (silent), then says only what comes after', () => {
    const tracker = new MilestoneTracker();
    expect(tracker.next('a', milestoneOf('running', 400, 1000), true)).toBeUndefined();
    expect(tracker.seen('a')).toBe(true);
    expect(tracker.next('a', milestoneOf('running', 450, 1000))).toBeUndefined();
    expect(tracker.next('a', milestoneOf('running', 800, 1000))).toBe(75);
    expect(tracker.next('a', milestoneOf('done', 1000, 1000))).toBe('done');
  });
});

const container = (id: string, state: ContainerSummary['state'], name = id): ContainerSummary =>
  ({ id, name, state, image: 'img', status: '', created: 0, ports: [], labels: {} }) as unknown as ContainerSummary;

describe('state changes of the watched containers', () => {
  it('names a watched container whose state changed, and none that is not watched', () => {
    const before = [container('1', 'running', 'web'), container('2', 'running', 'db')];
    const after = [container('1', 'exited', 'web'), container('2', 'exited', 'db')];
    expect(stateChanges(before, after, new Set(['1']), true)).toEqual([{ name: 'web', state: 'exited' }]);
    expect(stateChanges(before, before, new Set(['1', '2']), true)).toEqual([]);
  });

  it('a watched container no longer listed is removed in a full list, stopped or removed in a list of running ones', () => {
    const before = [container('1', 'running', 'web')];
    expect(stateChanges(before, [], new Set(['1']), true)).toEqual([{ name: 'web', state: 'removed' }]);
    expect(stateChanges(before, [], new Set(['1']), false)).toEqual([{ name: 'web', state: 'gone' }]);
  });
});
