import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents, type WebFrameMain } from 'electron';
import { CHANNELS } from '../../shared/contract';
import type { InvokeOutcome, StreamFrame } from '../../shared/transport';
import { IPC_STREAM_ACK, IPC_STREAM_FRAME, IPC_SUBSCRIBE, IPC_UNSUBSCRIBE, isAckCount } from '../../shared/transport';
import type { Dispatcher, OpenStream } from '../dispatch';

export type FrameTrust = (frame: WebFrameMain | null) => boolean;

const refused: InvokeOutcome = { ok: false, error: { code: 'FORBIDDEN', message: 'This frame may not call Berth.' } };

interface SubscribeRequest {
  id: string;
  topic: string;
  input: unknown;
}

function isSubscribeRequest(value: unknown): value is SubscribeRequest {
  const v = value as Partial<SubscribeRequest> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && v.id.length <= 100 && typeof v.topic === 'string';
}

/**
 * One `ipcMain.handle` per contract channel, each refusing frames that are not the app's own; and
 * the stream subscribe/unsubscribe/acknowledge messages; streams close when their window goes away.
 */
export function registerIpc(dispatcher: Dispatcher, isTrusted: FrameTrust): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrusted(event.senderFrame)) return refused;
      return dispatcher.invoke(channel, input);
    });
  }

  const byContents = new Map<number, Map<string, OpenStream>>();
  const closeAllFor = (contentsId: number): void => {
    const open = byContents.get(contentsId);
    if (!open) return;
    for (const stream of open.values()) stream.close();
    byContents.delete(contentsId);
  };

  const openFor = (sender: WebContents): Map<string, OpenStream> => {
    let open = byContents.get(sender.id);
    if (!open) {
      open = new Map();
      byContents.set(sender.id, open);
      const id = sender.id;
      sender.once('destroyed', () => closeAllFor(id));
      sender.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) closeAllFor(id);
      });
    }
    return open;
  };

  const onSubscribe = (event: IpcMainEvent, request: unknown): void => {
    if (!isTrusted(event.senderFrame) || !isSubscribeRequest(request)) return;
    const sender = event.sender;
    const open = openFor(sender);
    if (open.has(request.id)) return;
    const send = (frame: StreamFrame): void => {
      if (frame.kind !== 'data') open.delete(request.id);
      if (!sender.isDestroyed()) sender.send(IPC_STREAM_FRAME, { id: request.id, frame });
    };
    // The preload acknowledges every data frame once the renderer has taken it in.
    const outcome = dispatcher.subscribe(request.topic, request.input, send, { acknowledges: true });
    if (outcome.ok) open.set(request.id, outcome);
    else send({ kind: 'error', error: outcome.error });
  };

  const onUnsubscribe = (event: IpcMainEvent, id: unknown): void => {
    if (!isTrusted(event.senderFrame) || typeof id !== 'string') return;
    const open = byContents.get(event.sender.id);
    open?.get(id)?.close();
    open?.delete(id);
  };

  const onAck = (event: IpcMainEvent, ack: unknown): void => {
    const { id, count } = (ack ?? {}) as { id?: unknown; count?: unknown };
    if (!isTrusted(event.senderFrame) || typeof id !== 'string' || !isAckCount(count)) return;
    byContents.get(event.sender.id)?.get(id)?.acknowledge(count);
  };

  ipcMain.on(IPC_SUBSCRIBE, onSubscribe);
  ipcMain.on(IPC_UNSUBSCRIBE, onUnsubscribe);
  ipcMain.on(IPC_STREAM_ACK, onAck);

  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
    ipcMain.off(IPC_SUBSCRIBE, onSubscribe);
    ipcMain.off(IPC_UNSUBSCRIBE, onUnsubscribe);
    ipcMain.off(IPC_STREAM_ACK, onAck);
    for (const id of [...byContents.keys()]) closeAllFor(id);
  };
}
