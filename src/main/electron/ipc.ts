import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents, type WebFrameMain } from 'electron';
import { CHANNELS } from '../../shared/contract';
import type { InvokeOutcome } from '../../shared/transport';
import { IPC_STREAM_ACK, IPC_STREAM_FRAME, IPC_SUBSCRIBE, IPC_UNSUBSCRIBE } from '../../shared/transport';
import type { Dispatcher } from '../dispatch';
import { StreamSession } from '../stream-sessions';

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
 * the stream subscribe/unsubscribe/acknowledge messages, one StreamSession per webContents (its
 * streams close when the window goes away or navigates).
 */
export function registerIpc(dispatcher: Dispatcher, isTrusted: FrameTrust): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrusted(event.senderFrame)) return refused;
      return dispatcher.invoke(channel, input);
    });
  }

  const byContents = new Map<number, StreamSession>();
  const closeAllFor = (contentsId: number): void => {
    byContents.get(contentsId)?.closeAll();
    byContents.delete(contentsId);
  };

  const sessionFor = (sender: WebContents): StreamSession => {
    let session = byContents.get(sender.id);
    if (!session) {
      session = new StreamSession(dispatcher, {
        send: (id, frame) => {
          if (!sender.isDestroyed()) sender.send(IPC_STREAM_FRAME, { id, frame });
        },
      });
      byContents.set(sender.id, session);
      const id = sender.id;
      sender.once('destroyed', () => closeAllFor(id));
      sender.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) closeAllFor(id);
      });
    }
    return session;
  };

  const onSubscribe = (event: IpcMainEvent, request: unknown): void => {
    if (!isTrusted(event.senderFrame) || !isSubscribeRequest(request)) return;
    // The preload acknowledges every data frame once the renderer has taken it in.
    sessionFor(event.sender).subscribe(request.id, request.topic, request.input, true);
  };

  const onUnsubscribe = (event: IpcMainEvent, id: unknown): void => {
    if (!isTrusted(event.senderFrame) || typeof id !== 'string') return;
    byContents.get(event.sender.id)?.unsubscribe(id);
  };

  const onAck = (event: IpcMainEvent, ack: unknown): void => {
    const { id, count } = (ack ?? {}) as { id?: unknown; count?: unknown };
    if (!isTrusted(event.senderFrame) || typeof id !== 'string') return;
    byContents.get(event.sender.id)?.acknowledge(id, count);
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
