// Both halves of a stream connection over an in-memory pair, as VS Code tests its IPC core: the
// renderer's StreamClient (used by the preload and by browser mode) wired straight to main's
// StreamSession and a real dispatcher. Only the transport's wire is left out; each message is
// delivered on a later microtask, as a real transport would.
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../src/main/dispatch';
import type { StreamSink } from '../../src/main/engine/core/stream-sink';
import type { CommandHandlers, StreamHandlers } from '../../src/main/handler-types';
import { StreamSession } from '../../src/main/stream-sessions';
import { CONNECTION_LOST_ERROR, StreamClient } from '../../src/shared/stream-client';
import type { StreamFrame } from '../../src/shared/transport';

/** Producers the test drives: every open stream of a topic, by the order it was opened. */
class Producers {
  readonly open: Array<{ topic: string; sink: StreamSink<unknown>; closed: boolean }> = [];

  handlerFor(topic: string) {
    return (_input: unknown, sink: StreamSink<unknown>) => {
      const entry = { topic, sink, closed: false };
      this.open.push(entry);
      return () => {
        entry.closed = true;
      };
    };
  }

  live(topic: string) {
    return this.open.filter((entry) => entry.topic === topic && !entry.closed);
  }
}

function pair(limits?: { maxStreamsPerConnection: number }) {
  const producers = new Producers();
  const streamHandlers = {
    'engine.watch': producers.handlerFor('engine.watch'),
    'exec.session': producers.handlerFor('exec.session'),
  } as unknown as StreamHandlers;
  const dispatcher = createDispatcher({} as unknown as CommandHandlers, streamHandlers, limits ? { limits } : {});
  let session: StreamSession | undefined;
  let connected = true;
  const newSession = (): StreamSession => new StreamSession(dispatcher, { send: (id, frame) => queueMicrotask(() => client.deliver(id, frame)) });
  session = newSession();
  const client = new StreamClient((message) => {
    if (!connected) return false;
    const target = session!;
    queueMicrotask(() => {
      if (message.type === 'subscribe') target.subscribe(message.id, message.topic, message.input, message.acknowledges ?? false);
      else if (message.type === 'ack') target.acknowledge(message.id, message.count);
      else target.unsubscribe(message.id);
    });
    return true;
  }, 't');
  return {
    producers,
    dispatcher,
    client,
    drop() {
      connected = false;
      session?.closeAll();
      session = undefined;
      client.connectionLost();
    },
    reconnect() {
      session = newSession();
      connected = true;
      client.resubscribe();
    },
  };
}

/** Polls until the condition holds (microtask-driven here, so it is quick). */
const waitFor = (condition: () => boolean): Promise<void> =>
  vi.waitFor(
    () => {
      if (!condition()) throw new Error('not yet');
    },
    { timeout: 5_000, interval: 5 },
  );

const received = () => {
  const frames: StreamFrame[] = [];
  return { frames, onFrame: (frame: StreamFrame) => frames.push(frame) };
};

describe('StreamClient <-> StreamSession', () => {
  it('delivers data in order, and closing on the client closes the producer in main', async () => {
    const { producers, dispatcher, client } = pair();
    const sub = received();
    const close = client.subscribe('engine.watch', {}, sub.onFrame);
    await waitFor(() => producers.live('engine.watch').length === 1);
    const [producer] = producers.live('engine.watch');
    for (let n = 0; n < 3; n++) producer!.sink.data({ n });
    await waitFor(() => sub.frames.length === 3);
    expect(sub.frames).toEqual([0, 1, 2].map((n) => ({ kind: 'data', message: { n } })));
    close();
    await waitFor(() => dispatcher.openStreamCount() === 0);
    expect(producers.live('engine.watch')).toEqual([]);
    expect(client.size).toBe(0);
  });

  it('acknowledges what it took in, so a paused producer is told to go on', async () => {
    const { producers, client } = pair();
    const sub = received();
    client.subscribe('engine.watch', {}, sub.onFrame);
    await waitFor(() => producers.live('engine.watch').length === 1);
    const { sink } = producers.live('engine.watch')[0]!;
    let drained = 0;
    sink.onDrain(() => (drained += 1));
    const accepted: boolean[] = [];
    for (let n = 0; n < 8; n++) accepted.push(sink.data(n));
    // Main's credit is four frames: the producer is told to stop once it is that far ahead...
    expect(accepted.indexOf(false)).toBeGreaterThan(0);
    // ...and to go on once the client has acknowledged what it took in.
    await waitFor(() => sub.frames.length === 8 && drained > 0);
  });

  it('forgets a stream that ended in main, on both sides', async () => {
    const { producers, dispatcher, client } = pair();
    const sub = received();
    client.subscribe('engine.watch', {}, sub.onFrame);
    await waitFor(() => producers.live('engine.watch').length === 1);
    producers.live('engine.watch')[0]!.sink.end();
    await waitFor(() => sub.frames.length === 1);
    expect(sub.frames).toEqual([{ kind: 'end' }]);
    expect(client.size).toBe(0);
    expect(dispatcher.openStreamCount()).toBe(0);
  });

  it('after a drop, resumes what the contract marks resumable and ends the rest with CONNECTION_LOST', async () => {
    const link = pair();
    const watch = received();
    const terminal = received();
    link.client.subscribe('engine.watch', {}, watch.onFrame);
    link.client.subscribe('exec.session', { id: 'web' }, terminal.onFrame);
    await waitFor(() => link.producers.live('engine.watch').length === 1 && link.producers.live('exec.session').length === 1);
    link.drop();
    // The connection's streams close in main; the terminal session ends at once on the client.
    expect(link.producers.live('engine.watch')).toEqual([]);
    expect(link.producers.live('exec.session')).toEqual([]);
    expect(terminal.frames).toEqual([{ kind: 'error', error: CONNECTION_LOST_ERROR }]);
    expect(link.client.size).toBe(1);
    link.reconnect();
    await waitFor(() => link.producers.live('engine.watch').length === 1);
    // The session command is never run twice.
    expect(link.producers.open.filter((entry) => entry.topic === 'exec.session')).toHaveLength(1);
    link.producers.live('engine.watch')[0]!.sink.data('again');
    await waitFor(() => watch.frames.length === 1);
    expect(watch.frames).toEqual([{ kind: 'data', message: 'again' }]);
  });

  it('a stream beyond the per-connection limit gets LIMIT_REACHED and opens nothing in main', async () => {
    const { producers, dispatcher, client } = pair({ maxStreamsPerConnection: 2 });
    const subs = [received(), received(), received()];
    for (const sub of subs) client.subscribe('engine.watch', {}, sub.onFrame);
    await waitFor(() => subs[2]!.frames.length === 1);
    expect(subs[2]!.frames[0]).toMatchObject({ kind: 'error', error: { code: 'LIMIT_REACHED' } });
    expect(producers.live('engine.watch')).toHaveLength(2);
    expect(dispatcher.openStreamCount()).toBe(2);
    expect(client.size).toBe(2);
  });

  it('a subscription main refuses (bad input) ends with INVALID_INPUT', async () => {
    const { producers, client } = pair();
    const sub = received();
    client.subscribe('exec.session', { id: '' }, sub.onFrame);
    await waitFor(() => sub.frames.length === 1);
    expect(sub.frames[0]).toMatchObject({ kind: 'error', error: { code: 'INVALID_INPUT' } });
    expect(producers.open).toEqual([]);
    expect(client.size).toBe(0);
  });
});
