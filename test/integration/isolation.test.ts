// containers.isolation against the real engine, for containers made with dockerode directly.
import { afterAll, describe, expect, it } from 'vitest';
import type { CgroupLimit, ContainerIsolation, NamespaceIsolation } from '../../src/shared/types/isolation';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { createHarness } from './dispatch-harness';

const harness = createHarness();
const MiB = 1024 * 1024;

afterAll(async () => {
  harness.stop();
  await removeTestContainers();
});

const byKind = (model: ContainerIsolation): Record<string, NamespaceIsolation> => Object.fromEntries(model.namespaces.map((ns) => [ns.kind, ns]));
const limit = <I extends CgroupLimit['id']>(model: ContainerIsolation, id: I): Extract<CgroupLimit, { id: I }> =>
  model.limits.find((l) => l.id === id) as Extract<CgroupLimit, { id: I }>;

async function cgroupVersion(): Promise<string> {
  return ((await docker().info()) as { CgroupVersion?: string }).CgroupVersion ?? '1';
}

describe('containers.isolation', () => {
  it('a default container: private namespaces, writable root, nothing limited', async () => {
    const name = uniqueName('iso-default');
    await docker().createContainer({ Image: testImage, name, Labels: { ...TEST_LABELS } });
    const model = await harness.invoke<ContainerIsolation>('containers.isolation', { id: name });
    const ns = byKind(model);
    expect(model.name).toBe(name);
    expect(model.running).toBe(false);
    expect([ns.pid?.mode, ns.network?.mode, ns.ipc?.mode, ns.uts?.mode]).toEqual([
      'private',
      'private',
      expect.stringMatching(/^(private|shareable)$/),
      'private',
    ]);
    expect(ns.network?.networks).toEqual(['bridge']);
    expect(ns.user?.mode).toBe('host'); // the test engine does not remap users
    expect(ns.cgroup?.mode).toBe((await cgroupVersion()) === '2' ? 'private' : 'host');
    expect(model.rootFilesystem.readOnly).toBe(false);
    expect(model.rootFilesystem.storageDriver).toBe(((await docker().info()) as { Driver: string }).Driver);
    expect(model.limits).toEqual([
      { id: 'memory', bytes: null },
      { id: 'memorySwap', bytes: null, fromDefault: true },
      { id: 'cpus', cpus: null, source: null },
      { id: 'cpuShares', shares: null },
      { id: 'cpusetCpus', cpus: null },
      { id: 'cpusetMems', mems: null },
      { id: 'pidsLimit', limit: null },
      { id: 'blkioWeight', weight: null },
    ]);
  });

  it('reads the limits a container was created with', async () => {
    const name = uniqueName('iso-limits');
    const container = await docker().createContainer({
      Image: testImage,
      name,
      Labels: { ...TEST_LABELS },
      HostConfig: { Memory: 64 * MiB, MemorySwap: 128 * MiB, NanoCpus: 500_000_000, CpuShares: 512, CpusetCpus: '0', PidsLimit: 50, BlkioWeight: 300 },
    });
    const model = await harness.invoke<ContainerIsolation>('containers.isolation', { id: container.id });
    expect(limit(model, 'memory')).toEqual({ id: 'memory', bytes: 64 * MiB });
    expect(limit(model, 'memorySwap')).toEqual({ id: 'memorySwap', bytes: 128 * MiB, fromDefault: false });
    expect(limit(model, 'cpus')).toEqual({ id: 'cpus', cpus: 0.5, source: 'nanoCpus' });
    expect(limit(model, 'cpuShares')).toEqual({ id: 'cpuShares', shares: 512 });
    expect(limit(model, 'cpusetCpus')).toEqual({ id: 'cpusetCpus', cpus: '0' });
    expect(limit(model, 'pidsLimit')).toEqual({ id: 'pidsLimit', limit: 50 });
    // Engines without block IO weight support discard it (with a warning): then it reads as the default.
    const inspected = await container.inspect();
    const accepted = inspected.HostConfig.BlkioWeight === 300;
    expect(limit(model, 'blkioWeight')).toEqual({ id: 'blkioWeight', weight: accepted ? 300 : null });
  });

  it('reads CPU quota/period and host, none and read-only modes', async () => {
    const name = uniqueName('iso-host');
    await docker().createContainer({
      Image: testImage,
      name,
      Labels: { ...TEST_LABELS },
      HostConfig: { CpuQuota: 150_000, CpuPeriod: 100_000, PidMode: 'host', IpcMode: 'host', NetworkMode: 'none', UTSMode: 'host', ReadonlyRootfs: true },
    });
    const model = await harness.invoke<ContainerIsolation>('containers.isolation', { id: name });
    const ns = byKind(model);
    expect([ns.pid?.mode, ns.ipc?.mode, ns.network?.mode, ns.uts?.mode]).toEqual(['host', 'host', 'none', 'host']);
    expect(model.rootFilesystem.readOnly).toBe(true);
    expect(limit(model, 'cpus')).toEqual({ id: 'cpus', cpus: 1.5, source: 'quota', quotaMicros: 150_000, periodMicros: 100_000 });
  });

  it('names the container whose namespaces another one joins', async () => {
    const hostName = uniqueName('iso-owner');
    const owner = await docker().createContainer({
      Image: testImage,
      name: hostName,
      Cmd: ['sleep', '1000'],
      Labels: { ...TEST_LABELS },
      HostConfig: { IpcMode: 'shareable' },
    });
    await owner.start();
    const name = uniqueName('iso-joiner');
    await docker().createContainer({
      Image: testImage,
      name,
      Labels: { ...TEST_LABELS },
      HostConfig: { PidMode: `container:${hostName}`, NetworkMode: `container:${hostName}`, IpcMode: `container:${hostName}` },
    });
    const model = await harness.invoke<ContainerIsolation>('containers.isolation', { id: name });
    const ns = byKind(model);
    for (const kind of ['pid', 'network', 'ipc'] as const) {
      expect(ns[kind]?.mode, kind).toBe('container');
      expect(ns[kind]?.sharedWith?.name, kind).toBe(hostName);
      expect(owner.id.startsWith(ns[kind]?.sharedWith?.id ?? '-') || ns[kind]?.sharedWith?.id === hostName, kind).toBe(true);
    }
    const ownerModel = await harness.invoke<ContainerIsolation>('containers.isolation', { id: hostName });
    expect(ownerModel.running).toBe(true);
    expect(byKind(ownerModel).ipc?.mode).toBe('shareable');
  });

  it('NOT_FOUND for a missing container, INVALID_INPUT for a bad id', async () => {
    expect(await harness.outcome('containers.isolation', { id: uniqueName('none') })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await harness.outcome('containers.isolation', { id: 'a b' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await harness.outcome('containers.isolation', { nope: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
