// What a bench worker does with its real dispatcher: a command that throws the plain message, and
// waiting for a transfer to settle (its last progress before the stream ends); and how it answers
// the parent (MeasuredWorker in measured-worker.ts).
import type { Dispatcher } from '../../src/main/dispatch';
import type { TransferProgress } from '../../src/shared/types/transfers';

export function dispatcherCalls(dispatcher: Dispatcher) {
  async function call<T>(channel: string, input: unknown): Promise<T> {
    const outcome = await dispatcher.invoke(channel, input);
    if (!outcome.ok) throw new Error(`${channel}: ${outcome.error.code} ${outcome.error.message}`);
    return outcome.result as T;
  }

  function settled(transferId: string): Promise<TransferProgress> {
    return new Promise((resolve, reject) => {
      let last: TransferProgress | undefined;
      const outcome = dispatcher.subscribe('transfers.watch', { transferId }, (frame) => {
        if (frame.kind === 'data') last = frame.message as TransferProgress;
        else if (frame.kind === 'end' && last) resolve(last);
        else if (frame.kind === 'error') reject(new Error(frame.error.message));
      });
      if (!outcome.ok) reject(new Error(outcome.error.message));
    });
  }

  return { call, settled };
}

/**
 * Answers the parent's requests one by one with `run`'s reply ({ ok: true, ...reply } or
 * { ok: false, error }); `{ op: 'exit' }` ends the worker. Says it is ready once listening.
 */
export function answerRequests<R extends { op: string }>(run: (request: Exclude<R, { op: 'exit' }>) => Promise<object>): void {
  process.on('message', (request: R) => {
    if (request.op === 'exit') process.exit(0);
    run(request as Exclude<R, { op: 'exit' }>).then(
      (reply) => process.send?.({ ok: true, ...reply }),
      (err: Error) => process.send?.({ ok: false, error: err.message }),
    );
  });
  process.send?.({ ready: true });
}
