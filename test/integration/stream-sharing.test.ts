// Many subscribers, few engine connections: live events.watch subscriptions share one engine
// events stream (each filtered in main as the engine would), stats.watch subscriptions of one
// container share one stats stream; the engine stream closes when the last subscriber leaves.
// Streams beyond the limits are refused with LIMIT_REACHED.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Dispatcher } from '../../src/main/dispatch';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { startWebServer } from '../../src/main/web/server';
import type { EngineEvent } from '../../src/shared/types/events';
import type { StatsSample } from '../../src/shared/types/stats';
import type { StreamFrame, WsClientFrame, WsServerFrame } from '../../src/shared/transport';
import { startRelayedEngine, type RelayedEngine } from '../helpers/engine-relay';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';

let relayed: RelayedEngine;
let dispatcher: Dispatcher;

beforeAll(async () => {
  relayed = await startRelayedEngine('berth-sharing');
  dispatcher = createBackend({ engine: relayed.engine, host: webHost }).dispatcher;
});

afterAll(async () => {
  await relayed?.stop();
  await removeTestContainers();
});

const openConnections = (pattern: RegExp): number => relayed.relay.connectionsFor(pattern).filter((c) => !c.closed).length;
const EVENTS = /^GET \S*\/events[?\s]/;
const STATS = /^GET \S*\/containers\/[^/]+\/stats\?/;

interface Subscriber {
  frames: StreamFrame[];
  close(): void;
}

function subscribe(topic: string, input: unknown): Subscriber {
  const frames: StreamFrame[] = [];
  const outcome = dispatcher.subscribe(topic, input, (frame) => frames.push(frame));
  if (!outcome.ok) throw new Error(`${topic}: ${outcome.error.code}: ${outcome.error.message}`);
  return { frames, close: outcome.close };
}

const events = (sub: Subscriber): EngineEvent[] => sub.frames.flatMap((f) => (f.kind === 'data' ? [f.message as EngineEvent] : []));
const samples = (sub: Subscriber): StatsSample[] => sub.frames.flatMap((f) => (f.kind === 'data' ? [f.message as StatsSample] : []));

describe('events.watch: one engine stream for every live subscriber', () => {
  it('500 subscriptions hold one engine connection; each gets exactly what its filter asks for', async () => {
    const name = uniqueName('sharing-ev');
    const filters: Array<{ types?: string[]; containers?: string[]; actions?: string[] }> = [
      {},
      { types: ['container'] },
      { containers: [name] },
      { types: ['image'] },
      { actions: ['start'] },
      { containers: [name], actions: ['create', 'die'] },
    ];
    const since = Date.now() / 1000;
    const subs = Array.from({ length: 500 }, (_, i) => {
      const filter = filters[i % filters.length]!;
      return { filter, sub: subscribe('events.watch', filter) };
    });

    const container = await docker().createContainer({ Image: testImage, name, Cmd: ['true'], Labels: { ...TEST_LABELS } });
    await container.start();
    await container.wait();
    await container.remove();
    // Every subscriber with a filter that takes the container's destroy has it: every stream is open.
    await waitFor(
      () =>
        subs.every(
          ({ filter, sub }) => filter.actions || filter.types?.[0] === 'image' || events(sub).some((e) => e.action === 'destroy' && e.actorName === name),
        ),
      {
        timeout: 30_000,
        message: 'not every subscriber saw the destroy',
      },
    );
    const held = openConnections(EVENTS);
    console.log(`events.watch: ${subs.length} subscriptions hold ${held} engine connection(s)`);
    expect(held).toBe(1);

    // The engine's own filtering of the same span, per filter (a replay with since/until has its own stream).
    const until = Date.now() / 1000 + 0.5;
    for (const filter of filters) {
      const replay = subscribe('events.watch', { ...filter, since, until });
      await waitFor(() => replay.frames.some((f) => f.kind === 'end'), { timeout: 15_000, message: 'the replay did not end' });
      const ours = (list: EngineEvent[]): string[] =>
        list.filter((e) => e.actorName === name || e.actorId === container.id).map((e) => `${e.type}:${e.action}`);
      const expected = ours(events(replay));
      for (const { sub } of subs.filter((s) => s.filter === filter)) expect(ours(events(sub)), JSON.stringify(filter)).toEqual(expected);
    }

    for (const { sub } of subs) sub.close();
    await waitFor(() => openConnections(EVENTS) === 0, { message: 'the engine events stream stayed open' });
    expect(dispatcher.openStreamCount()).toBe(0);
  }, 90_000);
});

describe('stats.watch: one engine stream per container', () => {
  it('200 subscriptions hold one engine connection and get the same samples; a late one gets the latest at once', async () => {
    const name = uniqueName('sharing-st');
    const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '600'], Labels: { ...TEST_LABELS }, StopTimeout: 1 });
    await container.start();
    const subs = Array.from({ length: 200 }, () => subscribe('stats.watch', { id: name }));
    await waitFor(() => subs.every((sub) => samples(sub).length >= 2), { timeout: 30_000, message: 'not every subscriber got two samples' });
    const held = openConnections(STATS);
    console.log(`stats.watch: ${subs.length} subscriptions hold ${held} engine connection(s)`);
    expect(held).toBe(1);
    for (const sub of subs) {
      expect(samples(sub)[0]?.name).toBe(name);
      // Same readings, computed once: a sample both saw is the same in both.
      const first = samples(subs[0]!);
      const common = samples(sub).filter((s) => first.some((f) => f.time === s.time));
      expect(common.length).toBeGreaterThan(0);
      for (const sample of common) expect(sample).toEqual(first.find((f) => f.time === sample.time));
    }

    const late = subscribe('stats.watch', { id: name });
    expect(samples(late)).toHaveLength(1);
    expect(samples(late)[0]!.time).toBe(samples(subs[0]!).at(-1)!.time);
    expect(openConnections(STATS)).toBe(1);

    for (const sub of [...subs, late]) sub.close();
    await waitFor(() => openConnections(STATS) === 0, { message: 'the engine stats stream stayed open' });
    expect(dispatcher.openStreamCount()).toBe(0);
    await container.stop();
  }, 90_000);
});

describe('limits on open streams', () => {
  it('allow 50 clients x 3 streams by default', () => {
    expect(dispatcher.limits.maxStreams).toBeGreaterThanOrEqual(150);
    expect(dispatcher.limits.maxStreams).toBe(2048);
    expect(dispatcher.limits.maxStreamsPerConnection).toBe(256);
  });

  it('refuse a stream beyond the total with LIMIT_REACHED, naming the limit', () => {
    const small = createBackend({ engine: relayed.engine, host: webHost, limits: { maxStreams: 3 } }).dispatcher;
    const opened = Array.from({ length: 3 }, () => small.subscribe('engine.watch', {}, () => undefined));
    expect(opened.every((o) => o.ok)).toBe(true);
    const refused = small.subscribe('engine.watch', {}, () => undefined);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('LIMIT_REACHED');
      expect(refused.error.message).toMatch(/\b3\b/);
    }
    expect(small.openStreamCount()).toBe(3);
    for (const o of opened) if (o.ok) o.close();
    expect(small.subscribe('engine.watch', {}, () => undefined).ok).toBe(true);
  });

  it('refuse a stream beyond the per-connection limit with an error frame over the WebSocket', async () => {
    const small = createBackend({ engine: relayed.engine, host: webHost, limits: { maxStreamsPerConnection: 2 } });
    const web = await startWebServer({ backend: small, port: 0 });
    const ws = new WebSocket(`ws://127.0.0.1:${web.port}/api/ws?token=${web.token}`, { headers: { Origin: `http://127.0.0.1:${web.port}` } });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const frames: WsServerFrame[] = [];
    ws.on('message', (raw) => frames.push(JSON.parse(String(raw)) as WsServerFrame));
    for (const id of ['a', 'b', 'c']) ws.send(JSON.stringify({ type: 'subscribe', id, topic: 'engine.watch', input: {} } satisfies WsClientFrame));
    const refusal = await waitFor(() => frames.find((f) => f.id === 'c'), { message: 'no answer for the third stream' });
    expect(refusal.frame).toMatchObject({ kind: 'error', error: { code: 'LIMIT_REACHED' } });
    expect(refusal.frame.kind === 'error' && refusal.frame.error.message).toMatch(/\b2\b/);
    expect(small.dispatcher.openStreamCount()).toBe(2);
    // Closing one makes room on the same connection.
    ws.send(JSON.stringify({ type: 'unsubscribe', id: 'a' } satisfies WsClientFrame));
    ws.send(JSON.stringify({ type: 'subscribe', id: 'd', topic: 'engine.watch', input: {} } satisfies WsClientFrame));
    await waitFor(() => frames.find((f) => f.id === 'd'), { message: 'no answer for the fourth stream' });
    expect(frames.find((f) => f.id === 'd')?.frame.kind).toBe('data');
    ws.close();
    await web.close();
    await waitFor(() => small.dispatcher.openStreamCount() === 0, { message: 'streams left open' });
  });
});
