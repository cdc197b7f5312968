import { describe, expect, it, vi } from 'vitest';
import {
  IPC_ADOPT_DROPPED,
  IPC_STREAM_ACK,
  IPC_STREAM_FRAME,
  IPC_SUBSCRIBE,
  IPC_UNSUBSCRIBE,
  type BerthBridge,
  type StreamFrame,
} from '../../../src/shared/transport';

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const streamListeners: Array<(event: unknown, payload: unknown) => void> = [];
  return {
    exposed,
    streamListeners,
    sent: [] as Array<[string, unknown]>,
    invoked: [] as Array<[string, unknown]>,
    /** What webUtils.getPathForFile answers, by file name ('' for a file the page made itself). */
    filePaths: new Map<string, string>(),
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  webUtils: { getPathForFile: (file: { name: string }) => electron.filePaths.get(file.name) ?? '' },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      electron.invoked.push([channel, input]);
      return { ok: true, result: null };
    },
    send: (channel: string, payload: unknown) => electron.sent.push([channel, payload]),
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      if (channel === IPC_STREAM_FRAME) electron.streamListeners.push(listener);
    },
  },
}));

await import('../../../src/preload/index');
const bridge = electron.exposed.get('berth') as BerthBridge;

describe('preload bridge', () => {
  it('exposes only window.berth with invoke and subscribe', () => {
    expect([...electron.exposed.keys()]).toEqual(['berth']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'pathsForFiles', 'subscribe', 'transport']);
  });

  it('invokes allow-listed channels and refuses others without touching IPC', async () => {
    await bridge.invoke('containers.list', { all: true });
    expect(electron.invoked).toEqual([['containers.list', { all: true }]]);
    const refused = await bridge.invoke('berth:subscribe', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const sneaky = await bridge.invoke('__proto__', {});
    expect(sneaky).toMatchObject({ ok: false });
    expect(electron.invoked).toHaveLength(1);
  });

  it('subscribes, routes frames by id without passing the IPC event, and unsubscribes', () => {
    const frames: StreamFrame[] = [];
    const received: unknown[][] = [];
    const unsubscribe = bridge.subscribe('engine.watch', {}, (...args: unknown[]) => {
      received.push(args);
      frames.push(args[0] as StreamFrame);
    });
    const [channel, request] = electron.sent.at(-1) ?? [];
    expect(channel).toBe(IPC_SUBSCRIBE);
    const id = (request as { id: string }).id;
    for (const listener of electron.streamListeners) listener({ sender: 'ipc-event' }, { id, frame: { kind: 'data', message: 1 } });
    expect(frames).toEqual([{ kind: 'data', message: 1 }]);
    expect(received[0]).toHaveLength(1);
    // Taken in: acknowledged to main (flow control), after the page's callback ran.
    expect(electron.sent.at(-1)).toEqual([IPC_STREAM_ACK, { id, count: 1 }]);
    unsubscribe();
    expect(electron.sent.at(-1)).toEqual([IPC_UNSUBSCRIBE, id]);
  });

  it('refuses an unknown topic with an error frame', async () => {
    const frames: StreamFrame[] = [];
    const before = electron.sent.length;
    bridge.subscribe('not.a.topic', {}, (frame) => frames.push(frame));
    await Promise.resolve();
    expect(frames[0]).toMatchObject({ kind: 'error', error: { code: 'NOT_FOUND' } });
    expect(electron.sent.length).toBe(before);
  });

  it('hands the paths of dropped files to main on its own channel, leaving out files without a path', async () => {
    electron.filePaths.set('dropped.txt', '/home/user/dropped.txt');
    electron.filePaths.set('folder', '/home/user/folder');
    const files = [{ name: 'dropped.txt' }, { name: 'made-by-the-page.txt' }, { name: 'folder' }] as unknown as File[];
    const before = electron.invoked.length;
    await bridge.pathsForFiles!(files);
    expect(electron.invoked.slice(before)).toEqual([[IPC_ADOPT_DROPPED, ['/home/user/dropped.txt', '/home/user/folder']]]);
    await expect(bridge.pathsForFiles!([{ name: 'made-by-the-page.txt' }] as unknown as File[])).resolves.toEqual([]);
    expect(electron.invoked.length).toBe(before + 1);
  });
});
