import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { isChannel, isTopic } from '../shared/contract';
import type { PickedItem } from '../shared/types/files';
import {
  IPC_ADOPT_DROPPED,
  IPC_STREAM_ACK,
  IPC_STREAM_FRAME,
  IPC_SUBSCRIBE,
  IPC_UNSUBSCRIBE,
  type BerthBridge,
  type InvokeOutcome,
  type StreamFrame,
} from '../shared/transport';

const listeners = new Map<string, (frame: StreamFrame) => void>();
let nextId = 0;

ipcRenderer.on(IPC_STREAM_FRAME, (_event: IpcRendererEvent, payload: { id: string; frame: StreamFrame }) => {
  const listener = listeners.get(payload.id);
  if (!listener) return;
  if (payload.frame.kind !== 'data') listeners.delete(payload.id);
  listener(payload.frame);
  // Taken in: main may send more of a paused stream (flow control, see dispatch.ts).
  if (payload.frame.kind === 'data') ipcRenderer.send(IPC_STREAM_ACK, { id: payload.id, count: 1 });
});

const bridge: BerthBridge = {
  transport: 'electron',
  invoke(channel, input) {
    if (!isChannel(channel)) {
      return Promise.resolve<InvokeOutcome>({ ok: false, error: { code: 'NOT_FOUND', message: `Unknown command: ${String(channel)}` } });
    }
    return ipcRenderer.invoke(channel, input) as Promise<InvokeOutcome>;
  },
  subscribe(topic, input, onFrame) {
    if (!isTopic(topic)) {
      queueMicrotask(() => onFrame({ kind: 'error', error: { code: 'NOT_FOUND', message: `Unknown stream: ${String(topic)}` } }));
      return () => undefined;
    }
    nextId += 1;
    const id = `s${nextId}`;
    listeners.set(id, onFrame);
    ipcRenderer.send(IPC_SUBSCRIBE, { id, topic, input });
    return () => {
      if (listeners.delete(id)) ipcRenderer.send(IPC_UNSUBSCRIBE, id);
    };
  },
  pathsForFiles(files) {
    const paths = Array.from(files, (file) => {
      try {
        return webUtils.getPathForFile(file);
      } catch {
        return '';
      }
    }).filter((path) => path !== '');
    if (paths.length === 0) return Promise.resolve([]);
    return ipcRenderer.invoke(IPC_ADOPT_DROPPED, paths) as Promise<PickedItem[]>;
  },
};

// Only this object crosses the bridge: no ipcRenderer, no IPC event objects.
contextBridge.exposeInMainWorld('berth', bridge);
