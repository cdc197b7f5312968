// compose.* against projects a real compose client made (docker-compose 1.29 on the test engine):
// the list as compose labelled it, and start/stop/restart/remove acting on every service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src/main/backend';
import { createEngine } from '../../src/main/engine/core/engine';
import { webHost } from '../../src/main/host';
import type { ComposeActionResult, ComposeProject, ComposeRemoveResult } from '../../src/shared/types/compose';
import { upComposeProject, uniqueProjectName, type ComposeProjectFixture } from '../helpers/compose';
import { docker } from '../helpers/engine';

const engine = createEngine();
const dispatcher = createBackend({ engine, host: webHost }).dispatcher;
let made: ComposeProjectFixture | undefined;
const fixture = (): ComposeProjectFixture => {
  if (!made) throw new Error('the compose project was not made');
  return made;
};

async function call<T>(channel: string, input: unknown): Promise<T> {
  const outcome = await dispatcher.invoke(channel, input);
  if (!outcome.ok) throw new Error(`${channel}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as T;
}

/** The project's containers as the engine has them: service -> state, and start times. */
async function engineView(name: string): Promise<{ states: Record<string, string>; started: Record<string, string> }> {
  const list = await docker().listContainers({ all: true, filters: { label: [`com.docker.compose.project=${name}`] } });
  const states: Record<string, string> = {};
  const started: Record<string, string> = {};
  for (const c of list) {
    const service = c.Labels['com.docker.compose.service'] ?? '?';
    states[service] = c.State;
    started[service] = (await docker().getContainer(c.Id).inspect()).State.StartedAt;
  }
  return { states, started };
}

beforeAll(async () => {
  made = await upComposeProject(uniqueProjectName('list'));
}, 180_000);

afterAll(async () => {
  await made?.remove();
  engine.monitor.stop();
}, 120_000);

describe('compose projects', () => {
  it('compose.list shows the project with both services, their containers and states, and where its file is', async () => {
    const projects = await call<ComposeProject[]>('compose.list', {});
    const found = projects.find((p) => p.name === fixture().name);
    expect(found, `${fixture().name} in ${projects.map((p) => p.name).join(', ')}`).toBeDefined();
    expect(found!.services.map((s) => s.name)).toEqual(['web', 'worker']);
    for (const service of found!.services) {
      expect(service.containers).toHaveLength(1);
      expect(service.containers[0]!.state).toBe('running');
      expect(service.containers[0]!.oneoff).toBe(false);
      expect(service.containers[0]!.number).toBe(1);
    }
    expect(found!.state).toBe('running');
    expect([found!.running, found!.total]).toEqual([2, 2]);
    expect(found!.configFiles).toEqual([fixture().file]);
    expect(found!.workingDir).toBe(fixture().file.replace(/\/docker-compose\.yml$/, ''));
  });

  it('stop, start and restart act on every service of the project', async () => {
    const stopped = await call<ComposeActionResult>('compose.stop', { project: fixture().name });
    expect(stopped.failures).toEqual([]);
    expect(stopped.done).toHaveLength(2);
    expect((await engineView(fixture().name)).states).toEqual({ web: 'exited', worker: 'exited' });
    expect((await call<ComposeProject[]>('compose.list', {})).find((p) => p.name === fixture().name)?.state).toBe('stopped');

    const started = await call<ComposeActionResult>('compose.start', { project: fixture().name });
    expect(started.failures).toEqual([]);
    const before = await engineView(fixture().name);
    expect(before.states).toEqual({ web: 'running', worker: 'running' });

    const restarted = await call<ComposeActionResult>('compose.restart', { project: fixture().name, timeout: 1 });
    expect(restarted.failures).toEqual([]);
    const after = await engineView(fixture().name);
    expect(after.states).toEqual({ web: 'running', worker: 'running' });
    for (const service of ['web', 'worker']) expect(after.started[service], service).not.toBe(before.started[service]);
  }, 60_000);

  it('start on a project with one service already running starts the other and reports no failure', async () => {
    const [worker] = await docker().listContainers({
      all: true,
      filters: { label: [`com.docker.compose.project=${fixture().name}`, 'com.docker.compose.service=worker'] },
    });
    await docker().getContainer(worker!.Id).stop({ t: 1 });
    const started = await call<ComposeActionResult>('compose.start', { project: fixture().name });
    expect(started.failures).toEqual([]);
    expect((await engineView(fixture().name)).states).toEqual({ web: 'running', worker: 'running' });
  }, 60_000);

  it('a project no container carries is NOT_FOUND, a bad name INVALID_INPUT, and nothing changes', async () => {
    for (const channel of ['compose.start', 'compose.stop', 'compose.restart', 'compose.remove']) {
      const missing = await dispatcher.invoke(channel, { project: 'berthtestnosuchproject' });
      expect(missing.ok ? 'ok' : missing.error.code, channel).toBe('NOT_FOUND');
      if (!missing.ok) expect(missing.error.message).toContain('No compose project named berthtestnosuchproject');
      const bad = await dispatcher.invoke(channel, { project: '-p x' });
      expect(bad.ok ? 'ok' : bad.error.code, channel).toBe('INVALID_INPUT');
    }
    expect((await engineView(fixture().name)).states).toEqual({ web: 'running', worker: 'running' });
  });

  it('remove stops and removes every container and the project network, keeps the volume unless asked', async () => {
    const doomed = await upComposeProject(uniqueProjectName('rm'));
    try {
      const filters = { label: [`com.docker.compose.project=${doomed.name}`] };
      const removed = await call<ComposeRemoveResult>('compose.remove', { project: doomed.name, timeout: 1 });
      expect(removed.failures).toEqual([]);
      expect(removed.done).toHaveLength(2);
      expect(await docker().listContainers({ all: true, filters })).toEqual([]);
      expect(removed.networks).toEqual([`${doomed.name}_back`]);
      expect((await docker().listNetworks({ filters })).map((n) => n.Name)).toEqual([]);
      expect(((await docker().listVolumes({ filters })).Volumes ?? []).map((v) => v.Name)).toEqual([`${doomed.name}_data`]);
      expect(removed.volumes).toEqual([]);

      const withVolumes = await call<ComposeRemoveResult>('compose.remove', { project: doomed.name, volumes: true });
      expect(withVolumes.volumes).toEqual([`${doomed.name}_data`]);
      expect((await docker().listVolumes({ filters })).Volumes ?? []).toEqual([]);
      expect((await call<ComposeProject[]>('compose.list', {})).some((p) => p.name === doomed.name)).toBe(false);
    } finally {
      await doomed.remove();
    }
  }, 180_000);
});
