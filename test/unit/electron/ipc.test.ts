import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../src/shared/contract';
import type { StreamFrame } from '../../../src/shared/transport';
import { IPC_STREAM_ACK, IPC_STREAM_FRAME, IPC_SUBSCRIBE, IPC_UNSUBSCRIBE } from '../../../src/shared/transport';
import { DEFAULT_STREAM_LIMITS, type Dispatcher, type StreamLimits } from '../../../src/main/dispatch';

// `electron` cannot load in Node without its binary: a stand-in ipcMain records what main registers.
const ipc = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  return {
    handlers,
    listeners,
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, fn);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
      on: (channel: string, fn: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, fn),
      off: (channel: string) => listeners.delete(channel),
    },
  };
});
vi.mock('electron', () => ({ ipcMain: ipc.ipcMain }));

const { registerIpc } = await import('../../../src/main/electron/ipc');

const trustedFrame = { url: 'berth://app/index.html', parent: null };
const foreignFrame = { url: 'https://evil.example/', parent: null };

class FakeWebContents extends EventEmitter {
  id = 7;
  sent: Array<{ channel: string; payload: unknown }> = [];
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
}

function fakeDispatcher(limits: StreamLimits = DEFAULT_STREAM_LIMITS) {
  const closed: string[] = [];
  const acknowledged: Array<[string, number]> = [];
  let emit: ((frame: StreamFrame) => void) | undefined;
  const dispatcher: Dispatcher = {
    invoke: vi.fn(async (channel: string) => ({ ok: true as const, result: `ran ${channel}` })),
    subscribe: vi.fn((topic: string, _input: unknown, onFrame: (frame: StreamFrame) => void) => {
      emit = onFrame;
      return { ok: true as const, close: () => void closed.push(topic), acknowledge: (count: number) => void acknowledged.push([topic, count]) };
    }),
    openStreamCount: () => 0,
    limits,
  };
  return { dispatcher, closed, acknowledged, emit: (frame: StreamFrame) => emit?.(frame) };
}

const isTrusted = (frame: unknown): boolean => frame === trustedFrame;

describe('registerIpc', () => {
  beforeEach(() => {
    ipc.handlers.clear();
    ipc.listeners.clear();
  });

  it('registers exactly one handler per contract channel', () => {
    registerIpc(fakeDispatcher().dispatcher, isTrusted as never);
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect([...ipc.handlers.keys()]).toEqual(expect.arrayContaining(['settings.get', 'settings.set']));
    expect([...ipc.listeners.keys()].sort()).toEqual([IPC_SUBSCRIBE, IPC_UNSUBSCRIBE, IPC_STREAM_ACK].sort());
  });

  it('passes a trusted frame through and refuses a foreign one without running anything', async () => {
    const { dispatcher } = fakeDispatcher();
    registerIpc(dispatcher, isTrusted as never);
    const handler = ipc.handlers.get('containers.list');
    expect(await handler?.({ senderFrame: trustedFrame }, { all: true })).toEqual({ ok: true, result: 'ran containers.list' });
    const refused = await handler?.({ senderFrame: foreignFrame }, { all: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ipc.handlers.get('containers.remove')?.({ senderFrame: null }, { id: 'x' })).toMatchObject({ ok: false });
    expect(dispatcher.invoke).toHaveBeenCalledTimes(1);
  });

  it('streams frames to the sender and closes its streams when it is destroyed', () => {
    const fake = fakeDispatcher();
    registerIpc(fake.dispatcher, isTrusted as never);
    const contents = new FakeWebContents();
    const subscribe = ipc.listeners.get(IPC_SUBSCRIBE);
    subscribe?.({ senderFrame: trustedFrame, sender: contents }, { id: 's1', topic: 'events.watch', input: {} });
    fake.emit({ kind: 'data', message: { action: 'start' } });
    expect(contents.sent).toEqual([{ channel: IPC_STREAM_FRAME, payload: { id: 's1', frame: { kind: 'data', message: { action: 'start' } } } }]);
    contents.emit('destroyed');
    expect(fake.closed).toEqual(['events.watch']);
  });

  it('ignores subscriptions from a foreign frame', () => {
    const fake = fakeDispatcher();
    registerIpc(fake.dispatcher, isTrusted as never);
    ipc.listeners.get(IPC_SUBSCRIBE)?.({ senderFrame: foreignFrame, sender: new FakeWebContents() }, { id: 's1', topic: 'events.watch', input: {} });
    expect(fake.dispatcher.subscribe).not.toHaveBeenCalled();
  });

  it('unsubscribe closes that stream only', () => {
    const fake = fakeDispatcher();
    registerIpc(fake.dispatcher, isTrusted as never);
    const contents = new FakeWebContents();
    ipc.listeners.get(IPC_SUBSCRIBE)?.({ senderFrame: trustedFrame, sender: contents }, { id: 'a', topic: 'engine.watch', input: {} });
    ipc.listeners.get(IPC_UNSUBSCRIBE)?.({ senderFrame: trustedFrame, sender: contents }, 'a');
    expect(fake.closed).toEqual(['engine.watch']);
  });

  it('subscribes with flow control and passes valid acknowledgements of its own streams on', () => {
    const fake = fakeDispatcher();
    registerIpc(fake.dispatcher, isTrusted as never);
    const contents = new FakeWebContents();
    ipc.listeners.get(IPC_SUBSCRIBE)?.({ senderFrame: trustedFrame, sender: contents }, { id: 'a', topic: 'logs.fetch', input: {} });
    expect(fake.dispatcher.subscribe).toHaveBeenCalledWith('logs.fetch', {}, expect.any(Function), { acknowledges: true });
    const ack = ipc.listeners.get(IPC_STREAM_ACK);
    ack?.({ senderFrame: trustedFrame, sender: contents }, { id: 'a', count: 2 });
    ack?.({ senderFrame: foreignFrame, sender: contents }, { id: 'a', count: 1 });
    ack?.({ senderFrame: trustedFrame, sender: contents }, { id: 'a', count: -5 });
    ack?.({ senderFrame: trustedFrame, sender: contents }, { id: 'a', count: 1.5 });
    ack?.({ senderFrame: trustedFrame, sender: contents }, { id: 'other', count: 1 });
    ack?.({ senderFrame: trustedFrame, sender: contents }, null);
    expect(fake.acknowledged).toEqual([['logs.fetch', 2]]);
  });

  it('refuses a stream beyond the per-window limit with a LIMIT_REACHED frame, and makes room when one closes', () => {
    const fake = fakeDispatcher({ maxStreams: 100, maxStreamsPerConnection: 2 });
    registerIpc(fake.dispatcher, isTrusted as never);
    const contents = new FakeWebContents();
    const other = new FakeWebContents();
    other.id = 8;
    const subscribe = (sender: FakeWebContents, id: string): void =>
      ipc.listeners.get(IPC_SUBSCRIBE)?.({ senderFrame: trustedFrame, sender }, { id, topic: 'engine.watch', input: {} });
    for (const id of ['a', 'b', 'c']) subscribe(contents, id);
    expect(fake.dispatcher.subscribe).toHaveBeenCalledTimes(2);
    expect(contents.sent).toEqual([
      { channel: IPC_STREAM_FRAME, payload: { id: 'c', frame: { kind: 'error', error: { code: 'LIMIT_REACHED', message: expect.stringMatching(/\b2\b/) } } } },
    ]);
    // Another window has its own allowance; closing one stream makes room in the first.
    subscribe(other, 'a');
    ipc.listeners.get(IPC_UNSUBSCRIBE)?.({ senderFrame: trustedFrame, sender: contents }, 'a');
    subscribe(contents, 'd');
    expect(fake.dispatcher.subscribe).toHaveBeenCalledTimes(4);
  });
});
