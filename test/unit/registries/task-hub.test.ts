import { describe, expect, it } from 'vitest';
import { FRAME_INTERVAL_MS, RegistryTaskHub } from '../../../src/main/engine/registries/task-hub';
import type { RegistryTask } from '../../../src/shared/types/registries';

describe('RegistryTaskHub', () => {
  it('sends at most one frame per interval however many messages arrive, and the final state last', async () => {
    const hub = new RegistryTaskHub();
    const frames: Array<{ at: number; tasks: RegistryTask[] }> = [];
    hub.watch((tasks) => frames.push({ at: Date.now(), tasks }));
    let finish: () => void = () => undefined;
    const taskId = hub.start({
      kind: 'pull',
      reference: 'a',
      origin: 'user',
      commandLine: 'docker pull a',
      run: (work) =>
        new Promise((resolve) => {
          let current = 0;
          const timer = setInterval(() => {
            for (let i = 0; i < 50; i++) {
              current += 10;
              work.tracker.apply({ status: 'Downloading', id: 'aaaaaaaaaaaa', progressDetail: { current, total: 100_000 } });
              work.changed();
            }
          }, 5);
          finish = () => {
            clearInterval(timer);
            resolve({ imageId: 'sha256:1' });
          };
        }),
    });
    await new Promise((r) => setTimeout(r, 600));
    finish();
    const done = await hub.settled(taskId);
    expect(done.phase).toBe('done');
    await new Promise((r) => setTimeout(r, FRAME_INTERVAL_MS * 2));
    for (let i = 2; i < frames.length; i++) expect(frames[i]!.at - frames[i - 1]!.at).toBeGreaterThanOrEqual(FRAME_INTERVAL_MS - 5);
    expect(frames.at(-1)!.tasks[0]).toMatchObject({ phase: 'done', result: { imageId: 'sha256:1' } });
  });

  it('cancel aborts the work; the task ends cancelled, without a "finished" call', async () => {
    const finished: RegistryTask[] = [];
    const hub = new RegistryTaskHub({ onFinished: (task) => finished.push(task) });
    const taskId = hub.start({
      kind: 'push',
      reference: 'a',
      origin: 'user',
      commandLine: 'docker push a',
      run: (work) => new Promise((_, reject) => work.signal.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    expect(hub.cancel(taskId)).toBe(true);
    const task = await hub.settled(taskId);
    expect(task.phase).toBe('cancelled');
    expect(task.error?.code).toBe('CANCELLED');
    expect(hub.cancel(taskId)).toBe(false);
    expect(finished).toEqual([]);
    const failing = hub.start({ kind: 'pull', reference: 'b', origin: 'user', commandLine: 'docker pull b', run: () => Promise.reject(new Error('no')) });
    await hub.settled(failing);
    expect(finished.map((t) => [t.reference, t.phase])).toEqual([['b', 'failed']]);
  });
});
