import { BerthError } from '../../shared/errors';
import type { CommandHandlers, HandlerContext, StreamHandlers } from '../handler-types';

type TransferCommands = Pick<CommandHandlers, 'transfers.cancel' | 'transfers.pickFile'>;
type TransferStreams = Pick<StreamHandlers, 'transfers.watch'>;

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
  };
}
