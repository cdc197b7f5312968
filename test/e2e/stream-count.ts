import type { Dispatcher } from '../../src/main/dispatch';

/**
 * How many streams are open in main once a page has stopped opening and closing them (two reads
 * 300 ms apart agree): the baseline a view's own streams are counted against.
 */
export async function settledStreamCount(dispatcher: Dispatcher, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = dispatcher.openStreamCount();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = dispatcher.openStreamCount();
    if (now === last) return now;
    if (Date.now() > deadline) throw new Error(`the open stream count did not settle in ${timeoutMs} ms`);
    last = now;
  }
}
