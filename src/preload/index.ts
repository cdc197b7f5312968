import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { isChannel, isTopic } from '../shared/contract';
import { StreamClient } from '../shared/stream-client';
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

// Electron IPC is up as long as the window is: every message goes out.
const streams = new StreamClient((message) => {
  if (message.type === 'subscribe') ipcRenderer.send(IPC_SUBSCRIBE, { id: message.id, topic: message.topic, input: message.input });
  else if (message.type === 'ack') ipcRenderer.send(IPC_STREAM_ACK, { id: message.id, count: message.count });
  else ipcRenderer.send(IPC_UNSUBSCRIBE, message.id);
  return true;
}, 's');

ipcRenderer.on(IPC_STREAM_FRAME, (_event: IpcRendererEvent, payload: { id: string; frame: StreamFrame }) => {
  streams.deliver(payload.id, payload.frame);
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
    return streams.subscribe(topic, input, onFrame);
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
