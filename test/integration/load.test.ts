// Load: 50 browser-mode clients (real WebSockets) against a browser-mode server in its own process,
// each following logs, stats and events of chatty containers and acknowledging every frame, with
// CHURN_MS of connecting, subscribing, switching views, closing cleanly or dropping abruptly and
// reconnecting ("ten minutes of use, compressed"). The server's RSS, heap, descriptors and engine
// connections stay bounded while it runs and come back to near the baseline after the clients leave.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { EngineRelay, engineSocket } from '../helpers/engine-relay';
import { LoadClient, type ClientTally } from '../helpers/load-client';
import type { LoadSample } from '../helpers/load-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLIENTS = 50;
const CONTAINERS = 5;
const CHURN_MS = Number(process.env.BERTH_LOAD_MS ?? 60_000);
const MiB = 1024 * 1024;
/** Per client at most one WebSocket and three engine connections (logs, stats, events), unshared. */
const FDS_PER_CLIENT = 4;
/** Sockets closing and clients reconnecting overlap for a moment. */
const FD_SLACK = 60;
/**
 * RSS while it runs: 150 streams, each at most STREAM_CREDIT_FRAMES unacknowledged frames of at
 * most a log batch (well under 1 MiB) plus WebSocket buffers, is ~150 MiB at worst; the rest is
 * heap growth before V8 collects. Seen: +25 to +41 MiB.
 */
const PEAK_RSS_GROWTH = 400 * MiB;
/**
 * After the clients left and a full GC: the heap must be back within a few MiB (a leak of even
 * 2 KiB per subscription, over the ~4 500 made, would show), while RSS may keep some of its peak
 * (V8 and malloc keep freed pages for reuse). Seen: heap +2 MiB, RSS +11 to +23 MiB.
 */
const AFTER_HEAP_GROWTH = 8 * MiB;
const AFTER_RSS_GROWTH = 96 * MiB;

let dir: string;
let relay: EngineRelay;
let server: ChildProcessWithoutNullStreams;
let replies: Interface;
let address: { port: number; token: string };
const containers: string[] = [];

/** A seeded generator, so a failing run can be replayed with the same churn. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const nextLine = (): Promise<string> => new Promise((resolve) => replies.once('line', resolve));

async function sample(collect = false): Promise<LoadSample & { engineConnections: number }> {
  const reply = nextLine();
  server.stdin.write(collect ? 'gc\n' : 'sample\n');
  return { ...(JSON.parse(await reply) as LoadSample), engineConnections: streamConnections() };
}

/** Open engine connections other than the monitor's idle keep-alive one (its last request a version ping). */
const streamConnections = (): number => relay.connections.filter((c) => !c.closed && !/ \S*\/version /.test(c.requests.at(-1) ?? '')).length;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-load-'));
  relay = new EngineRelay(engineSocket(), dir);
  await relay.up();
  for (let i = 0; i < CONTAINERS; i++) {
    const container = await docker().createContainer({
      Image: testImage,
      name: uniqueName('load'),
      Labels: { ...TEST_LABELS },
      Cmd: ['sh', '-c', 'trap "exit 0" TERM; i=0; while true; do i=$((i+1)); echo "line $i"; sleep 0.01; done'],
      StopTimeout: 1,
    });
    await container.start();
    containers.push(container.id);
  }
  server = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(root, 'test/helpers/load-server.ts')], {
    cwd: root,
    env: { ...process.env, DOCKER_HOST: `unix://${relay.socketPath}` },
  });
  server.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[load-server] ${chunk.toString()}`));
  replies = createInterface({ input: server.stdout });
  address = JSON.parse(await nextLine()) as { port: number; token: string };
}, 60_000);

afterAll(async () => {
  if (server) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.stdin.end();
    await Promise.race([exited, pause(5_000)]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  await relay?.down();
  if (dir) rmSync(dir, { recursive: true, force: true });
  await removeTestContainers();
});

function newClient(tally?: ClientTally): LoadClient {
  return new LoadClient(`ws://127.0.0.1:${address.port}/api/ws?token=${address.token}`, `http://127.0.0.1:${address.port}`, tally);
}

/** The three views a client holds on one container. */
function openViews(client: LoadClient, id: string): { logs: string; stats: string; events: string } {
  return {
    logs: client.subscribe('logs.follow', { id, tail: 10 }),
    stats: client.subscribe('stats.watch', { id }),
    events: client.subscribe('events.watch', { types: ['container'] }),
  };
}

/** One client's life until the deadline: connect, watch, switch views, leave (cleanly or not), again. */
async function churn(index: number, deadline: number, tally: ClientTally): Promise<void> {
  const next = random(index + 1);
  const between = (low: number, high: number): number => Math.min(low + next() * (high - low), Math.max(0, deadline - Date.now()));
  while (Date.now() < deadline) {
    const client = newClient(tally);
    await client.connect();
    const views = openViews(client, containers[index % CONTAINERS]!);
    await pause(between(500, 3_000)); // the user looks at the page
    if (next() < 0.4) {
      client.unsubscribe(views.logs); // another container's logs
      client.subscribe('logs.follow', { id: containers[(index + 1) % CONTAINERS]!, tail: 10 });
      await pause(between(300, 1_500));
    }
    await client.close(next() < 0.5);
    await pause(between(50, 400)); // reconnecting
  }
}

/** Something for the events streams to deliver: a container created and removed until the deadline. */
async function containerEvents(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const container = await docker().createContainer({ Image: testImage, name: uniqueName('load-event'), Labels: { ...TEST_LABELS } });
    await container.remove();
    await pause(500);
  }
}

async function settled(baseline: { engineConnections: number }): Promise<LoadSample & { engineConnections: number }> {
  let last: unknown;
  return waitFor(
    async () => {
      const now = await sample();
      last = now;
      return now.openStreams === 0 && now.engineConnections <= baseline.engineConnections ? now : undefined;
    },
    { timeout: 20_000, interval: 250 },
  ).catch(() => {
    const open = relay.connections.filter((c) => !c.closed).map((c) => c.requests.at(-1));
    throw new Error(
      `not back to the baseline (${JSON.stringify(baseline)}) in 20 s: ${JSON.stringify(last)}; open engine connections: ${JSON.stringify(open)}`,
    );
  });
}

it(
  `${CLIENTS} clients churning for ${CHURN_MS / 1000} s: memory, descriptors and engine connections stay bounded and come back`,
  async () => {
    // Warm up (lazy modules, the first stats and events requests), then measure the resting server.
    const warm = newClient();
    await warm.connect();
    openViews(warm, containers[0]!);
    await waitFor(() => (warm.tally.data.get('stats.watch') ?? 0) > 0 && (warm.tally.data.get('logs.follow') ?? 0) > 0, { timeout: 15_000 });
    await warm.close(false);
    const baseline = await settled({ engineConnections: Infinity }).then(() => sample(true));

    const tallies = Array.from({ length: CLIENTS }, (): ClientTally => ({ data: new Map(), logLines: 0, errors: [], subscriptions: 0, connections: 0 }));
    const deadline = Date.now() + CHURN_MS;
    const peak = { rss: baseline.rss, fds: baseline.fds, openStreams: 0, engineConnections: baseline.engineConnections };
    const clients = Promise.all([...tallies.map((tally, i) => churn(i, deadline, tally)), containerEvents(deadline)]);
    let running = true;
    void clients.finally(() => (running = false));
    while (running) {
      const now = await sample();
      peak.rss = Math.max(peak.rss, now.rss);
      peak.fds = Math.max(peak.fds, now.fds);
      peak.openStreams = Math.max(peak.openStreams, now.openStreams);
      peak.engineConnections = Math.max(peak.engineConnections, now.engineConnections);
      await Promise.race([clients, pause(1_000)]);
    }
    await clients;

    const rested = await settled(baseline);
    const after = await sample(true);
    const total = (pick: (t: ClientTally) => number): number => tallies.reduce((sum, t) => sum + pick(t), 0);
    const frames = (topic: string): number => total((t) => t.data.get(topic) ?? 0);
    console.log(
      `[load] ${CLIENTS} clients, ${CHURN_MS / 1000} s: ${total((t) => t.connections)} connections, ${total((t) => t.subscriptions)} subscriptions, ` +
        `frames logs ${frames('logs.follow')} (${total((t) => t.logLines)} lines) stats ${frames('stats.watch')} events ${frames('events.watch')}\n` +
        `[load] server RSS baseline ${(baseline.rss / MiB).toFixed(1)} MiB, peak ${(peak.rss / MiB).toFixed(1)} MiB, after ${(after.rss / MiB).toFixed(1)} MiB; ` +
        `heap after GC baseline ${(baseline.heapUsed / MiB).toFixed(1)} MiB, after ${(after.heapUsed / MiB).toFixed(1)} MiB\n` +
        `[load] descriptors baseline ${baseline.fds}, peak ${peak.fds}, after ${after.fds}; open streams peak ${peak.openStreams}; ` +
        `engine connections baseline ${baseline.engineConnections}, peak ${peak.engineConnections}, after ${rested.engineConnections}`,
    );

    // Every client was served: no stream failed, and each kind of stream delivered.
    expect(tallies.flatMap((t) => t.errors)).toEqual([]);
    for (const topic of ['logs.follow', 'stats.watch', 'events.watch']) expect(frames(topic), topic).toBeGreaterThan(0);
    // Bounded while it ran.
    expect(peak.openStreams).toBeLessThanOrEqual(CLIENTS * 3);
    expect(peak.fds).toBeLessThanOrEqual(baseline.fds + CLIENTS * FDS_PER_CLIENT + FD_SLACK);
    expect(peak.engineConnections).toBeLessThanOrEqual(baseline.engineConnections + CLIENTS * 3 + FD_SLACK);
    expect(peak.rss).toBeLessThan(baseline.rss + PEAK_RSS_GROWTH);
    // Back to near the baseline once they left.
    expect(rested.engineConnections).toBeLessThanOrEqual(baseline.engineConnections);
    expect(after.fds).toBeLessThanOrEqual(baseline.fds + 5);
    expect(after.heapUsed).toBeLessThan(baseline.heapUsed + AFTER_HEAP_GROWTH);
    expect(after.rss).toBeLessThan(baseline.rss + AFTER_RSS_GROWTH);
  },
  CHURN_MS + 90_000,
);
