// containers.top against the real engine: ps args, sorting material, stopped and gone containers.
import { afterAll, describe, expect, it } from 'vitest';
import type { ContainerProcesses } from '../../src/shared/types/top';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { createHarness } from './dispatch-harness';

const harness = createHarness();

afterAll(async () => {
  harness.stop();
  await removeTestContainers();
});

async function running(name: string): Promise<string> {
  const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sh', '-c', 'sleep 1001 & sleep 1002'], Labels: { ...TEST_LABELS } });
  await container.start();
  return container.id;
}

describe('containers.top', () => {
  it('lists the processes with -ef by default, like docker top', async () => {
    const name = uniqueName('top');
    await running(name);
    const top = await harness.invoke<ContainerProcesses>('containers.top', { id: name });
    expect(top.psArgs).toBe('-ef');
    expect(top.titles).toEqual(['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD']);
    const commands = top.processes.map((row) => row[7]);
    expect(commands).toEqual(expect.arrayContaining(['sleep 1001', 'sleep 1002']));
    for (const row of top.processes) {
      expect(row).toHaveLength(top.titles.length);
      expect(row[1]).toMatch(/^\d+$/);
    }
  });

  it('passes ps options through (aux, -o pid,comm)', async () => {
    const name = uniqueName('top-args');
    await running(name);
    const aux = await harness.invoke<ContainerProcesses>('containers.top', { id: name, psArgs: 'aux' });
    expect(aux.titles).toEqual(expect.arrayContaining(['USER', 'PID', '%CPU', '%MEM', 'COMMAND']));
    const custom = await harness.invoke<ContainerProcesses>('containers.top', { id: name, psArgs: '  -o   pid,comm ' });
    expect(custom.psArgs).toBe('-o pid,comm');
    expect(custom.titles).toEqual(['PID', 'COMMAND']);
    expect(custom.processes.map((row) => row[1])).toContain('sleep');
  });

  it('explains ps options the engine cannot use, and refuses unsafe ones before the engine', async () => {
    const name = uniqueName('top-bad');
    await running(name);
    const noPid = await harness.outcome('containers.top', { id: name, psArgs: '-o comm' });
    expect(noPid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!noPid.ok) expect(noPid.error.message).toMatch(/ps -o comm did not work: .*PID/);
    for (const psArgs of ['-ef; rm -rf /', '$(id)', '-ef | cat', 'x'.repeat(201)]) {
      const refused = await harness.outcome('containers.top', { id: name, psArgs });
      expect(refused, psArgs).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('says plainly that a stopped container has no processes, and that a missing one is gone', async () => {
    const name = uniqueName('top-stopped');
    await docker().createContainer({ Image: testImage, name, Labels: { ...TEST_LABELS } });
    const stopped = await harness.outcome('containers.top', { id: name });
    expect(stopped).toEqual({ ok: false, error: { code: 'CONFLICT', message: `Container ${name} is not running: start it to see its processes.` } });
    const gone = await harness.outcome('containers.top', { id: uniqueName('nothing') });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await harness.outcome('containers.top', { id: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
