// Container lifecycle through the real dispatcher against the real engine: every command, checked
// afterwards with the engine's own inspect; error cases by code and plain message.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, CreateContainerSpec, InputOf, ResultOf } from '../../src/shared/contract';
import type { BerthErrorShape, ErrorCode } from '../../src/shared/errors';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { TEST_LABELS, docker, removeTestContainers, testImage, uniqueName, waitFor } from '../helpers/engine';

const engine = createEngine();
const dispatcher = createBackend({ engine, host: webHost }).dispatcher;

async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<ResultOf<C>> {
  const outcome = await dispatcher.invoke(channel, input);
  if (!outcome.ok) throw new Error(`${channel} failed: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result as ResultOf<C>;
}

/** Invokes a command that must fail; checks the code and that the message reads as plain text. */
async function refused(channel: string, input: unknown, code: ErrorCode, text?: RegExp): Promise<BerthErrorShape> {
  const outcome = await dispatcher.invoke(channel, input);
  if (outcome.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(outcome.result)}`);
  expect(outcome.error.code, outcome.error.message).toBe(code);
  expect(outcome.error.message).not.toMatch(/HTTP code|statusCode|\{|\}|\n|^Error:|undefined|\[object/);
  expect(outcome.error.message.length).toBeGreaterThan(5);
  if (text) expect(outcome.error.message).toMatch(text);
  return outcome.error;
}

function spec(extra: Partial<CreateContainerSpec> = {}): CreateContainerSpec {
  return { image: testImage, name: uniqueName('ctr'), command: ['sleep', '1000'], ...extra, labels: { ...TEST_LABELS, ...extra.labels } };
}

const inspect = (id: string) => docker().getContainer(id).inspect();
const TRAP_TERM = ['sh', '-c', 'trap "exit 3" TERM; while true; do sleep 0.1; done'];

async function countContainers(): Promise<{ all: number; test: number }> {
  const [all, test] = await Promise.all([docker().listContainers({ all: true }), docker().listContainers({ all: true, filters: { label: ['berth.test=1'] } })]);
  return { all: all.length, test: test.length };
}

const tempDirs: string[] = [];
const volumes: string[] = [];

afterEach(async () => {
  await removeTestContainers();
});

afterAll(async () => {
  await removeTestContainers();
  for (const name of volumes)
    await docker()
      .getVolume(name)
      .remove({ force: true })
      .catch(() => undefined);
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe('containers.create', () => {
  let hostDir: string;
  let volume: string;

  beforeAll(async () => {
    hostDir = await mkdtemp(path.join(os.tmpdir(), 'berth-bind-'));
    tempDirs.push(hostDir);
    volume = uniqueName('vol');
    await docker().createVolume({ Name: volume, Labels: { ...TEST_LABELS } });
    volumes.push(volume);
  });

  it('creates a container with every option, as the engine then reports it', async () => {
    const name = uniqueName('full');
    const created = await call('containers.create', {
      image: testImage,
      name,
      command: ['sh', '-c', 'echo hi; sleep 1000'],
      env: [
        { key: 'FOO', value: 'bar baz' },
        { key: 'EMPTY', value: '' },
      ],
      ports: [{ containerPort: 80, hostPort: 0 }],
      mounts: [
        { type: 'bind', source: hostDir, target: '/host', readOnly: true },
        { type: 'volume', source: volume, target: '/vol' },
      ],
      tty: true,
      restartPolicy: { name: 'on-failure', maximumRetryCount: 2 },
      resources: { memoryBytes: 64 * 1024 * 1024, nanoCpus: 500_000_000, pidsLimit: 100 },
      logConfig: { maxSize: '1m', maxFile: 3 },
      labels: { ...TEST_LABELS, 'org.example.role': 'web' },
    });
    expect(created.id).toMatch(/^[0-9a-f]{64}$/);
    expect(created.name).toBe(name);

    const info = await inspect(created.id);
    expect(info.Name).toBe(`/${name}`);
    expect(info.State.Status).toBe('created');
    expect(info.Config.Image).toBe(testImage);
    expect(info.Config.Cmd).toEqual(['sh', '-c', 'echo hi; sleep 1000']);
    expect(info.Config.Env).toEqual(expect.arrayContaining(['FOO=bar baz', 'EMPTY=']));
    expect(info.Config.Tty).toBe(true);
    expect(info.Config.Labels).toEqual({ 'berth.test': '1', 'org.example.role': 'web' });
    expect(info.Config.ExposedPorts).toEqual({ '80/tcp': {} });
    // No host IP given: published on loopback only, never on every interface.
    expect(info.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] });
    expect(info.HostConfig.RestartPolicy).toEqual({ Name: 'on-failure', MaximumRetryCount: 2 });
    expect(info.HostConfig.Memory).toBe(64 * 1024 * 1024);
    expect(info.HostConfig.NanoCpus).toBe(500_000_000);
    expect(info.HostConfig.PidsLimit).toBe(100);
    expect(info.HostConfig.LogConfig).toEqual({ Type: 'json-file', Config: { 'max-size': '1m', 'max-file': '3' } });
    const mounts = [...(info.Mounts as Array<Record<string, unknown>>)].sort((a, b) => String(a.Destination).localeCompare(String(b.Destination)));
    expect(mounts).toHaveLength(2);
    expect(mounts[0]).toMatchObject({ Type: 'bind', Source: hostDir, Destination: '/host', RW: false });
    expect(mounts[1]).toMatchObject({ Type: 'volume', Name: volume, Destination: '/vol', RW: true });
  });

  it("passes on the engine's warnings", async () => {
    const info = await docker().info();
    const { warnings } = await call('containers.create', spec({ resources: { memoryBytes: 32 * 1024 * 1024 } }));
    expect(Array.isArray(warnings)).toBe(true);
    // Which warnings the engine gives depends on the host; these two it gives whenever its info says so.
    if (info.IPv4Forwarding === false) expect(warnings.join('\n')).toMatch(/IPv4 forwarding is disabled/);
    if (info.SwapLimit === false) expect(warnings.join('\n')).toMatch(/without swap/);
    if (info.IPv4Forwarding !== false && info.SwapLimit !== false) expect(warnings).toEqual([]);
  });

  it('publishes a bound port on 127.0.0.1 once started', async () => {
    const { id } = await call('containers.create', spec({ ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'udp', hostPort: 0 }] }));
    await call('containers.start', { id });
    const info = await inspect(id);
    const tcp = info.NetworkSettings.Ports['80/tcp']?.[0];
    expect(tcp?.HostIp).toBe('127.0.0.1');
    expect(Number(tcp?.HostPort)).toBeGreaterThan(0);
    expect(info.NetworkSettings.Ports['53/udp']?.[0]?.HostIp).toBe('127.0.0.1');
    const listed = (await call('containers.list', { all: false })).find((c) => c.id === id);
    expect(listed?.ports).toEqual(expect.arrayContaining([{ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: Number(tcp?.HostPort) }]));
  });

  it('runs: creates and starts, with the command, env and bind mount taking effect', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'berth-run-'));
    tempDirs.push(dir);
    await writeFile(path.join(dir, 'in'), 'from-host');
    const { id, name } = await call(
      'containers.run',
      spec({
        command: ['sh', '-c', 'echo "$(cat /data/in)-$GREETING" > /data/out && exec sleep 1000'],
        env: [{ key: 'GREETING', value: 'hello' }],
        mounts: [{ type: 'bind', source: dir, target: '/data' }],
      }),
    );
    const info = await inspect(id);
    expect(info.Name).toBe(`/${name}`);
    expect(info.State.Running).toBe(true);
    const out = await waitFor(() => readFile(path.join(dir, 'out'), 'utf8'), { timeout: 10_000 });
    expect(out).toBe('from-host-hello\n');
  });
});

describe('lifecycle commands', () => {
  it('starts a created container', async () => {
    const { id } = await call('containers.create', spec());
    expect((await inspect(id)).State.Running).toBe(false);
    expect(await call('containers.start', { id })).toEqual({ id });
    expect((await inspect(id)).State.Running).toBe(true);
  });

  it('stops with a timeout, then kills: the grace period is the one asked for', async () => {
    // `sleep` as PID 1 ignores SIGTERM, so stop has to wait the whole timeout and then SIGKILL.
    const { id } = await call('containers.run', spec());
    const started = Date.now();
    await call('containers.stop', { id, timeout: 1 });
    const elapsed = Date.now() - started;
    const info = await inspect(id);
    expect(info.State.Running).toBe(false);
    expect(info.State.ExitCode).toBe(137);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(8_000); // far below the default 10 s
  });

  it('restarts a running container (new start time) and starts a stopped one', async () => {
    const { id } = await call('containers.run', spec({ command: TRAP_TERM }));
    const before = (await inspect(id)).State.StartedAt;
    await call('containers.restart', { id, timeout: 5 });
    const after = await inspect(id);
    expect(after.State.Running).toBe(true);
    expect(after.State.StartedAt).not.toBe(before);
    await call('containers.kill', { id });
    await waitFor(async () => !(await inspect(id)).State.Running);
    await call('containers.restart', { id });
    expect((await inspect(id)).State.Running).toBe(true);
  });

  it('kills with SIGKILL by default', async () => {
    const { id } = await call('containers.run', spec({ command: TRAP_TERM }));
    await call('containers.kill', { id });
    const info = await waitFor(async () => {
      const i = await inspect(id);
      return i.State.Running ? undefined : i;
    });
    expect(info.State.ExitCode).toBe(137);
  });

  it('kills with the signal asked for (SIGTERM runs the trap: exit 3)', async () => {
    const { id } = await call('containers.run', spec({ command: TRAP_TERM }));
    await call('containers.kill', { id, signal: 'SIGTERM' });
    const info = await waitFor(async () => {
      const i = await inspect(id);
      return i.State.Running ? undefined : i;
    });
    expect(info.State.ExitCode).toBe(3);
  });

  it('pauses and unpauses', async () => {
    const { id } = await call('containers.run', spec());
    await call('containers.pause', { id });
    let info = await inspect(id);
    expect(info.State.Paused).toBe(true);
    expect(info.State.Status).toBe('paused');
    expect((await call('containers.list', { all: false })).find((c) => c.id === id)?.state).toBe('paused');
    await call('containers.unpause', { id });
    info = await inspect(id);
    expect(info.State.Paused).toBe(false);
    expect(info.State.Running).toBe(true);
  });

  it('removes: a stopped one, a running one only with force', async () => {
    const stopped = await call('containers.create', spec());
    await call('containers.remove', { id: stopped.id });
    await expect(inspect(stopped.id)).rejects.toMatchObject({ statusCode: 404 });

    const running = await call('containers.run', spec());
    // Said with the container's name and the way forward, not the engine's 64-digit id.
    const refusal = await refused('containers.remove', { id: running.id }, 'CONFLICT', /running/i);
    expect(refusal.message).toBe(`Container ${running.name} is running: stop it first, or remove it with Force (docker rm -f).`);
    expect((await inspect(running.id)).State.Running).toBe(true);
    await call('containers.remove', { id: running.id, force: true });
    await expect(inspect(running.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('removes anonymous volumes only when asked (volumes: true)', async () => {
    const anonymousVolume = async (): Promise<{ id: string; volume: string }> => {
      const { id } = await call('containers.create', spec({ mounts: [{ type: 'volume', target: '/data' }] }));
      const mount = (await inspect(id)).Mounts.find((m) => m.Destination === '/data') as { Name?: string } | undefined;
      expect(mount?.Name).toMatch(/^[0-9a-f]{64}$/);
      return { id, volume: mount!.Name! };
    };
    const kept = await anonymousVolume();
    volumes.push(kept.volume);
    await call('containers.remove', { id: kept.id });
    expect((await docker().getVolume(kept.volume).inspect()).Name).toBe(kept.volume);

    const dropped = await anonymousVolume();
    await call('containers.remove', { id: dropped.id, volumes: true });
    await expect(docker().getVolume(dropped.volume).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('lists running containers, or all of them', async () => {
    const created = await call('containers.create', spec());
    const running = await call('containers.run', spec({ labels: { 'org.example.k': 'v' } }));
    const some = await call('containers.list', { all: false });
    const all = await call('containers.list', { all: true });
    expect(some.map((c) => c.id)).toContain(running.id);
    expect(some.map((c) => c.id)).not.toContain(created.id);
    expect(all.map((c) => c.id)).toEqual(expect.arrayContaining([created.id, running.id]));
    const row = all.find((c) => c.id === running.id);
    expect(row).toMatchObject({ name: running.name, image: testImage, state: 'running', labels: { 'berth.test': '1', 'org.example.k': 'v' } });
    expect(row?.status).toMatch(/^Up/);
    expect(all.find((c) => c.id === created.id)?.state).toBe('created');
    // The list is the engine's own.
    const engineIds = (await docker().listContainers({ all: true })).map((c) => c.Id).sort();
    expect(all.map((c) => c.id).sort()).toEqual(engineIds);
  });
});

describe('engine refusals, as plain errors', () => {
  it('refuses to start a running container and to stop a stopped one', async () => {
    const { id, name } = await call('containers.run', spec());
    await refused('containers.start', { id: name }, 'CONFLICT', /already running/);
    await call('containers.stop', { id, timeout: 0 });
    await refused('containers.stop', { id }, 'CONFLICT', /not running/);
    await refused('containers.kill', { id }, 'CONFLICT', /not running/);
    expect((await inspect(id)).State.Running).toBe(false);
  });

  it('refuses pause on paused and unpause on not paused', async () => {
    const { id } = await call('containers.run', spec());
    await refused('containers.unpause', { id }, 'CONFLICT', /not paused/);
    await call('containers.pause', { id });
    await refused('containers.pause', { id }, 'CONFLICT', /already paused/);
    expect((await inspect(id)).State.Paused).toBe(true);
  });

  it('says NOT_FOUND for an unknown container on every command', async () => {
    const id = uniqueName('ghost');
    for (const channel of [
      'containers.start',
      'containers.stop',
      'containers.restart',
      'containers.kill',
      'containers.pause',
      'containers.unpause',
      'containers.remove',
    ]) {
      await refused(channel, { id }, 'NOT_FOUND', /no such container/i);
    }
  });

  it('refuses a name already in use, and an image that is not on the engine', async () => {
    const first = await call('containers.create', spec());
    const before = await countContainers();
    await refused('containers.create', spec({ name: first.name }), 'CONFLICT', new RegExp(`name ${first.name} is already in use`));
    // --pull never: the default (missing) would ask Docker Hub; registry-pull.test.ts covers that.
    await refused(
      'containers.run',
      spec({ image: 'berth-test/missing:latest', pull: 'never' }),
      'NOT_FOUND',
      /berth-test\/missing:latest is not on this engine/,
    );
    expect(await countContainers()).toEqual(before);
  });

  it('turns an engine error on input the schema let through into INVALID_INPUT', async () => {
    const { id } = await call('containers.run', spec());
    await refused('containers.kill', { id, signal: 'SIGBOGUS' }, 'INVALID_INPUT', /signal/i);
    // A signal number Linux does not have: the engine answers 500 for it (found by the contract fuzz).
    await refused('containers.kill', { id, signal: '79' }, 'INVALID_INPUT', /signal/i);
    expect((await inspect(id)).State.Running).toBe(true);
  });

  it('refuses text that is not valid Unicode before the engine sees it, creating nothing', async () => {
    // The engine client threw "URI malformed" on a lone surrogate, answered as INTERNAL (found by the contract fuzz).
    const before = await countContainers();
    await refused('containers.create', spec({ command: ['sh', '\uD800'] }), 'INVALID_INPUT', /^command\.1: .*lone surrogate/);
    await refused('containers.run', spec({ labels: { note: 'a\uDC00' } }), 'INVALID_INPUT', /^labels\.note: .*lone surrogate/);
    await refused('containers.commit', { id: 'berth-test-nothing', message: '\uD800' }, 'INVALID_INPUT', /^message: .*lone surrogate/);
    expect(await countContainers()).toEqual(before);
  });

  it('says ENGINE_UNAVAILABLE when the engine is not there, and the monitor goes disconnected', async () => {
    const dead = createEngine({ ...process.env, DOCKER_HOST: 'unix:///tmp/berth-no-such-engine/docker.sock' });
    const deadDispatcher = createBackend({ engine: dead, host: webHost }).dispatcher;
    expect(dead.host).toBe('unix:///tmp/berth-no-such-engine/docker.sock');
    const outcome = await deadDispatcher.invoke('containers.list', { all: true });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('ENGINE_UNAVAILABLE');
    expect(outcome.error.message).toMatch(/^The Docker engine is not reachable/);
    await waitFor(() => dead.monitor.state.status === 'disconnected', { timeout: 5_000 });
    const state = await deadDispatcher.invoke('engine.state', {});
    expect(state).toMatchObject({ ok: true, result: { status: 'disconnected', host: dead.host } });
    const ping = await deadDispatcher.invoke('engine.ping', {});
    expect(ping).toMatchObject({ ok: false, error: { code: 'ENGINE_UNAVAILABLE' } });
    dead.monitor.stop();
    // The real engine is unaffected.
    expect(await dispatcher.invoke('engine.ping', {})).toMatchObject({ ok: true });
  });
});

describe('schema refusals (INVALID_INPUT) change nothing on the engine', () => {
  it('refuses bad inputs on several channels', async () => {
    const { id } = await call('containers.run', spec());
    const name = uniqueName('refused');
    const before = await countContainers();
    const bad: Array<[string, unknown, RegExp]> = [
      ['containers.start', { id: 'bad id!' }, /id/],
      ['containers.remove', { id: '../etc' }, /id/],
      ['containers.stop', { id, timeout: -1 }, /timeout/],
      ['containers.restart', { id, timeout: 1.5 }, /timeout/],
      ['containers.kill', { id, signal: 'term; rm -rf /' }, /signal/],
      ['containers.list', { all: 'yes' }, /all/],
      ['containers.create', spec({ name, ports: [{ containerPort: 80, hostPort: 70000 }] }), /ports\.0\.hostPort/],
      ['containers.create', spec({ name, ports: [{ containerPort: 80, hostIp: '300.1.2.3' }] }), /IP address/],
      ['containers.run', spec({ name, resources: { memoryBytes: 1024 * 1024 } }), /6 MiB/],
      ['containers.run', spec({ name, mounts: [{ type: 'bind', source: 'relative/dir', target: '/data' }] }), /absolute host path/],
      ['containers.create', spec({ name, mounts: [{ type: 'bind', source: '/tmp', target: 'data' }] }), /container path must be absolute/],
      ['containers.create', spec({ name, logConfig: { maxFile: 3 } }), /max-file needs max-size/],
      ['containers.create', spec({ name, env: [{ key: 'A=B', value: 'x' }] }), /environment variable/],
      ['containers.create', { ...spec({ name }), image: '' }, /image/i],
      ['engine.info', { extra: true }, /extra/],
    ];
    for (const [channel, input, text] of bad) await refused(channel, input, 'INVALID_INPUT', text);
    await refused('containers.explode', { id }, 'NOT_FOUND', /Unknown command: containers\.explode/);
    await refused('__proto__', {}, 'NOT_FOUND', /Unknown command/);
    expect(await countContainers()).toEqual(before);
    const info = await inspect(id);
    expect(info.State.Running).toBe(true);
    expect(info.State.Restarting).toBe(false);
    await expect(inspect(name)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('refuses a NUL in an env value, a command word, an entrypoint or a label, and creates nothing', async () => {
    const name = uniqueName('nul');
    const before = await countContainers();
    const bad: Array<[string, unknown, RegExp]> = [
      ['containers.create', spec({ name, env: [{ key: 'A', value: 'x\0y' }] }), /environment variable value cannot contain a NUL/],
      ['containers.run', spec({ name, env: [{ key: 'A\0B', value: 'x' }] }), /environment variable name cannot contain a NUL/],
      ['containers.create', spec({ name, command: ['echo', 'a\0b'] }), /command word cannot contain a NUL/],
      ['containers.create', spec({ name, entrypoint: ['/bin/sh\0'] }), /command word cannot contain a NUL/],
      ['containers.create', spec({ name, labels: { note: 'a\0b' } }), /label value cannot contain a NUL/],
    ];
    for (const [channel, input, text] of bad) await refused(channel, input, 'INVALID_INPUT', text);
    expect(await countContainers()).toEqual(before);
    await expect(inspect(name)).rejects.toMatchObject({ statusCode: 404 });
  });
});
