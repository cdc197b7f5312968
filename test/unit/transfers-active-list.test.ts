// The registry's app-wide list (what `transfers.active` streams): every engine's transfers, running
// ones first, and only the last 20 that ended.
import { describe, expect, it } from 'vitest';
import { TransferRegistry } from '../../src/main/transfers/registry';
import type { TransferProgress } from '../../src/shared/types/transfers';

/** The lists the registry sends, and a wait for one `match` accepts (the list is sent on a timer). */
function watch(registry: TransferRegistry) {
  const lists: TransferProgress[][] = [];
  const close = registry.watchAll((list) => lists.push(list));
  const next = (match: (list: TransferProgress[]) => boolean): Promise<TransferProgress[]> =>
    new Promise((resolve, reject) => {
      const deadline = Date.now() + 5_000;
      const check = (): void => {
        const found = lists.find(match);
        if (found) resolve(found);
        else if (Date.now() > deadline) reject(new Error(`no matching list among ${lists.length}`));
        else setTimeout(check, 10);
      };
      check();
    });
  return { lists, close, next };
}

describe('the app-wide transfer list', () => {
  it('holds every engine’s transfers, whichever engine’s view of the registry began them', async () => {
    const registry = new TransferRegistry();
    const first = registry.forEngine('one').begin({ direction: 'download', name: 'a.tar' });
    const second = registry.forEngine('two').begin({ direction: 'upload', name: 'b.tar', totalBytes: 10 });
    const { lists, close, next } = watch(registry.forEngine('three'));
    expect(lists[0]!.map(({ name, engine, phase }) => ({ name, engine, phase }))).toEqual([
      { name: 'a.tar', engine: 'one', phase: 'running' },
      { name: 'b.tar', engine: 'two', phase: 'running' },
    ]);
    second.addBytes(4);
    first.complete();
    const later = await next((list) => list.some((transfer) => transfer.phase === 'done'));
    expect(later.map(({ name, phase, bytes }) => ({ name, phase, bytes }))).toEqual([
      { name: 'b.tar', phase: 'running', bytes: 4 },
      { name: 'a.tar', phase: 'done', bytes: 0 },
    ]);
    close();
    second.cancel();
    second.fail(new Error('aborted'));
  });

  it('keeps the last 20 ended, the running ones all', async () => {
    const registry = new TransferRegistry();
    const running = registry.begin({ direction: 'download', name: 'still.tar' });
    for (let index = 0; index < 25; index += 1) registry.begin({ direction: 'download', name: `${index}.tar` }).complete();
    const { lists, close } = watch(registry);
    const names = lists[0]!.map((transfer) => transfer.name);
    expect(names).toEqual(['still.tar', ...Array.from({ length: 20 }, (_, index) => `${index + 5}.tar`)]);
    close();
    running.cancel();
    running.fail(new Error('aborted'));
  });
});
