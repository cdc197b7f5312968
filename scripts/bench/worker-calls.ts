// What a bench worker does with its real dispatcher: a command that throws the plain message, and
// waiting for a transfer to settle (its last progress before the stream ends).
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
