import { BerthError } from '../../shared/errors';
import { sendLatestOnly } from '../engine/core/stream-sink';
import type { CommandHandlers, HandlerContext, StreamHandlers } from '../handler-types';

type TransferCommands = Pick<CommandHandlers, 'transfers.cancel' | 'transfers.pickFile'>;
type TransferStreams = Pick<StreamHandlers, 'transfers.watch' | 'transfers.active'>;

export function transferCommandHandlers({ transfers: hub, host }: Pick<HandlerContext, 'transfers' | 'host'>): TransferCommands {
  return {
    'transfers.cancel': async ({ transferId }) => {
      const transfer = hub.registry.require(transferId);
      transfer.cancel();
      return { transferId, phase: transfer.phase };
    },
    'transfers.pickFile': async ({ purpose, filters }) => {
      if (!host.chooseOpenPath) {
        throw new BerthError('INVALID_INPUT', 'Browser mode has no file dialog: choose the file in the page, it is uploaded.');
      }
      const chosen = await host.chooseOpenPath({ purpose, filters });
      return chosen ? hub.files.adopt(chosen) : null;
    },
  };
}

export function transferStreamHandlers({ transfers: hub }: Pick<HandlerContext, 'transfers'>): TransferStreams {
  return {
    'transfers.watch': ({ transferId }, sink) => {
      const transfer = hub.registry.get(transferId);
      if (!transfer) {
        sink.error({ code: 'NOT_FOUND', message: 'No such transfer: it finished a while ago, or never existed.' });
        return () => undefined;
      }
      return transfer.watch((progress) => {
        sink.data(progress);
        if (progress.phase !== 'running') sink.end();
      });
    },
    // One registry for all engines, so any backend's stream lists every engine's transfers.
    'transfers.active': (_input, sink) => hub.registry.watchAll(sendLatestOnly(sink)),
  };
}
