// Several engines behind one dispatcher (createBackends): a call's `engine` picks the engine it
// runs on, without one it runs on the engine Berth started with; an engine that stops fails only
// its own calls, and a follow on another engine keeps streaming. Real parts: the test engine, a
// second dockerd reached over tcp+TLS through a context the docker CLI made.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestImages } from '../../scripts/test-engine.mjs';
import { createBackends } from '../../src/main/backends';
import { createEngine } from '../../src/main/engine/core/engine';
import { webHost } from '../../src/main/host';
import type { ContainerSummary } from '../../src/shared/types/containers';
import { TEST_LABELS, testImage } from '../helpers/engine';
import { startTlsEngine, type TlsEngine } from '../helpers/remote-engines';
import { probe } from '../helpers/stream-probe';

const exec = promisify(execFile);
let tls: TlsEngine;
let configDir: string;
let backends: ReturnType<typeof createBackends>;
const suffix = Math.random().toString(36).slice(2, 8);
const onDefault = `berth-test-route-a-${suffix}`;
const onTls = `berth-test-route-b-${suffix}`;

const onTlsCli = (...args: string[]) => exec('docker', ['-H', tls.dockerHost, ...args]);

async function invoke<T>(channel: string, input: unknown): Promise<T> {
  const outcome = await backends.dispatcher.invoke(channel, input);
  if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
  return outcome.result as T;
}

beforeAll(async () => {
  tls = await startTlsEngine();
  const images = await ensureTestImages(tls.dockerHost);
  configDir = await mkdtemp(path.join(os.tmpdir(), 'berth-routing-'));
  await exec('docker', ['context', 'create', 'tls-b', '--docker', `host=${tls.host},ca=${tls.files.ca},cert=${tls.files.cert},key=${tls.files.key}`], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_CONFIG: configDir },
  });
  await exec('docker', ['create', '--name', onDefault, '--label', 'berth.test=1', testImage, 'true']);
  await onTlsCli('create', '--name', onTls, '--label', 'berth.test=1', images.busybox, 'true');
  const env = { DOCKER_HOST: process.env.DOCKER_HOST, DOCKER_CONFIG: configDir };
  const engine = createEngine(env);
  engine.monitor.start();
  backends = createBackends({ engine, host: webHost, engines: { env, probeTimeoutMs: 5000 } });
}, 240_000);

afterAll(async () => {
  backends?.dispose();
  backends?.engine.monitor.stop();
  await exec('docker', ['rm', '-f', onDefault]).catch(() => undefined);
  await Promise.allSettled([tls?.stop(), configDir && rm(configDir, { recursive: true, force: true })]);
}, 60_000);

const names = (list: ContainerSummary[]) => list.map((container) => container.name);

describe('calls routed by engine', () => {
  it('lists each engine’s own containers: the named engine’s with `engine`, the started one’s without', async () => {
    const here = names(await invoke<ContainerSummary[]>('containers.list', { all: true }));
    const there = names(await invoke<ContainerSummary[]>('containers.list', { all: true, engine: 'tls-b' }));
    expect(here).toContain(onDefault);
    expect(here).not.toContain(onTls);
    expect(there).toContain(onTls);
    expect(there).not.toContain(onDefault);
    expect(names(await invoke<ContainerSummary[]>('containers.list', { all: true, engine: 'default' }))).toContain(onDefault);
  });

  it('acts on the named engine only: start and remove there', async () => {
    await invoke('containers.start', { id: onTls, engine: 'tls-b' });
    const { stdout } = await onTlsCli('inspect', '--format', '{{.State.Status}} {{.State.ExitCode}}', onTls);
    expect(stdout.trim()).toMatch(/^(running|exited) 0$/);
    await expect(invoke('containers.start', { id: onTls })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const created = await invoke<{ id: string }>('containers.create', { image: testImage, command: ['true'], labels: { ...TEST_LABELS }, engine: 'tls-b' });
    await expect(onTlsCli('inspect', created.id)).resolves.toBeTruthy();
    await expect(exec('docker', ['inspect', created.id])).rejects.toThrow();
    await invoke('containers.remove', { id: created.id, force: true, engine: 'tls-b' });
    await expect(onTlsCli('inspect', created.id)).rejects.toThrow();
  });

  it('refuses an engine that is not one: unknown names and non-strings, with nothing done', async () => {
    await expect(invoke('containers.list', { all: true, engine: 'no-such-engine' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('no-such-engine'),
    });
    await expect(invoke('containers.list', { all: true, engine: 42 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const outcome = backends.dispatcher.subscribe('events.watch', { engine: 'no-such-engine' }, () => undefined);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('names the engine of each transfer, so it says where it runs after the user switches', async () => {
    const started = await Promise.all(
      [{ id: onTls, engine: 'tls-b' }, { id: onDefault }].map((input) => invoke<{ status: string; transferId: string }>('containers.export', input)),
    );
    try {
      const engines = await Promise.all(
        started.map(({ transferId }) => probe(backends.dispatcher, 'transfers.watch', { transferId }).waitForMessage<{ engine?: string }>(() => true)),
      );
      expect(engines.map((progress) => progress.engine)).toEqual(['tls-b', 'default']);
    } finally {
      for (const { transferId } of started) await invoke('transfers.cancel', { transferId });
    }
  });

  it('follows a renamed context: its new name reaches the same engine, the old one is refused', async () => {
    await invoke('containers.list', { all: true, engine: 'tls-b' });
    await invoke('engines.rename', { id: 'tls-b', name: 'tls-renamed' });
    try {
      expect(names(await invoke<ContainerSummary[]>('containers.list', { all: true, engine: 'tls-renamed' }))).toContain(onTls);
      await expect(invoke('containers.list', { all: true, engine: 'tls-b' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await invoke('engines.rename', { id: 'tls-renamed', name: 'tls-b' });
    }
    expect(names(await invoke<ContainerSummary[]>('containers.list', { all: true, engine: 'tls-b' }))).toContain(onTls);
  });

  /** Backends made while the docker CLI's current context is tls-b (put back to default afterwards), and `call` on them. */
  async function withBackendsStartedOnTlsB(work: (call: <T>(channel: string, input: unknown) => Promise<T>) => Promise<void>): Promise<void> {
    const cliEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_CONFIG: configDir };
    await exec('docker', ['context', 'use', 'tls-b'], { env: cliEnv });
    const started = createBackends({
      engine: createEngine({ DOCKER_HOST: process.env.DOCKER_HOST }),
      host: webHost,
      engines: { env: { DOCKER_CONFIG: configDir } },
    });
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const outcome = await started.dispatcher.invoke(channel, input);
      if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), outcome.error);
      return outcome.result as T;
    };
    try {
      await work(call);
    } finally {
      started.dispose();
      await exec('docker', ['context', 'use', 'default'], { env: cliEnv });
    }
  }

  it("starts on the docker CLI's current context when DOCKER_HOST is unset, as the CLI would", async () => {
    await withBackendsStartedOnTlsB(async (call) => {
      expect(names(await call<ContainerSummary[]>('containers.list', { all: true }))).toContain(onTls);
      expect(names(await call<ContainerSummary[]>('containers.list', { all: true, engine: 'default' }))).toContain(onDefault);
      // engines.list says where calls without `engine` go, so the UI shows that engine as selected.
      expect((await call<{ startedOn: string }>('engines.list', {})).startedOn).toBe('tls-b');
    });
  });

  it('renaming the context it started on: calls without engine stay on it, the new name reaches it and the old one is refused', async () => {
    await withBackendsStartedOnTlsB(async (call) => {
      await call('engines.rename', { id: 'tls-b', name: 'tls-started' });
      try {
        expect(names(await call<ContainerSummary[]>('containers.list', { all: true }))).toContain(onTls);
        expect(names(await call<ContainerSummary[]>('containers.list', { all: true, engine: 'tls-started' }))).toContain(onTls);
        await expect(call('containers.list', { all: true, engine: 'tls-b' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
        const list = await call<{ startedOn: string; engines: { id: string }[] }>('engines.list', {});
        expect(list.startedOn).toBe('tls-started');
        expect(list.engines.map((engine) => engine.id)).toContain('tls-started');
      } finally {
        await call('engines.rename', { id: 'tls-started', name: 'tls-b' });
      }
    });
  });

  it('keeps a follow on one engine streaming and its calls answering while another engine stops', async () => {
    const chatty = await invoke<{ id: string }>('containers.run', {
      image: testImage,
      command: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo line-$i; sleep 0.05; done'],
      labels: { ...TEST_LABELS },
    });
    const follow = probe(backends.dispatcher, 'logs.follow', { id: chatty.id, tail: 1 });
    try {
      await follow.waitForMessage(() => true);
      await tls.stop();
      await expect(invoke('containers.list', { all: true, engine: 'tls-b' })).rejects.toMatchObject({ code: 'ENGINE_UNAVAILABLE' });
      const seen = follow.messages().length;
      expect(names(await invoke<ContainerSummary[]>('containers.list', { all: true }))).toContain(onDefault);
      await follow.waitForMessage(() => true, 10_000, seen);
      expect(follow.final()).toBeUndefined();
    } finally {
      follow.close();
      await invoke('containers.remove', { id: chatty.id, force: true });
    }
  });

  it('forgets a removed context: later calls naming it are refused', async () => {
    await invoke('engines.remove', { id: 'tls-b' });
    await expect(invoke('containers.list', { all: true, engine: 'tls-b' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
