import { describe, expect, it } from 'vitest';
import { isolationModel, type IsolationInspect } from '../../src/main/engine/containers/isolation-model';

const V1 = { usernsRemap: false, cgroupVersion: '1' };
const V2 = { usernsRemap: false, cgroupVersion: '2' };

const plain: IsolationInspect = {
  Id: 'abc',
  Name: '/web',
  State: { Running: true },
  GraphDriver: { Name: 'overlay2' },
  NetworkSettings: { Networks: { bridge: {} } },
  HostConfig: {
    PidMode: '',
    NetworkMode: 'default',
    IpcMode: 'private',
    UTSMode: '',
    UsernsMode: '',
    CgroupnsMode: '',
    ReadonlyRootfs: false,
    Memory: 0,
    MemorySwap: 0,
    NanoCpus: 0,
    CpuQuota: 0,
    CpuPeriod: 0,
    CpuShares: 0,
    CpusetCpus: '',
    CpusetMems: '',
    PidsLimit: null,
    BlkioWeight: 0,
  },
};

const modes = (inspect: IsolationInspect, defaults = V1) => Object.fromEntries(isolationModel(inspect, defaults).namespaces.map((ns) => [ns.kind, ns.mode]));

describe('isolationModel', () => {
  it('describes a default container: private namespaces, host user namespace, nothing limited', () => {
    const model = isolationModel(plain, V1);
    expect(model).toMatchObject({ id: 'abc', name: 'web', running: true, rootFilesystem: { storageDriver: 'overlay2', readOnly: false } });
    expect(modes(plain)).toEqual({ pid: 'private', network: 'private', ipc: 'private', uts: 'private', user: 'host', cgroup: 'host' });
    expect(model.namespaces.find((ns) => ns.kind === 'network')?.networks).toEqual(['bridge']);
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

  it('follows the engine defaults for unset user and cgroup namespaces', () => {
    expect(modes(plain, V2).cgroup).toBe('private');
    expect(modes(plain, { usernsRemap: true, cgroupVersion: '2' }).user).toBe('remapped');
    expect(modes({ ...plain, HostConfig: { ...plain.HostConfig, CgroupnsMode: 'private', UsernsMode: 'host' } }, V1)).toMatchObject({
      cgroup: 'private',
      user: 'host',
    });
  });

  it('reads host, none, shareable and shared-with-container modes', () => {
    const hostMode = {
      ...plain,
      HostConfig: { ...plain.HostConfig, PidMode: 'host', IpcMode: 'host', NetworkMode: 'none', UTSMode: 'host', ReadonlyRootfs: true },
    };
    expect(modes(hostMode)).toMatchObject({ pid: 'host', ipc: 'host', network: 'none', uts: 'host' });
    expect(isolationModel(hostMode, V1).rootFilesystem.readOnly).toBe(true);

    const shared = { ...plain, HostConfig: { ...plain.HostConfig, PidMode: 'container:def', NetworkMode: 'container:def', IpcMode: 'shareable' } };
    const model = isolationModel(shared, V1);
    expect(modes(shared)).toMatchObject({ pid: 'container', network: 'container', ipc: 'shareable' });
    expect(model.namespaces.find((ns) => ns.kind === 'pid')).toEqual({ kind: 'pid', mode: 'container', raw: 'container:def', sharedWith: { id: 'def' } });
    expect(modes({ ...plain, HostConfig: { ...plain.HostConfig, IpcMode: 'none' } }).ipc).toBe('none');
  });

  it('names the networks of a private network namespace', () => {
    const custom = { ...plain, NetworkSettings: { Networks: { front: {}, back: {} } }, HostConfig: { ...plain.HostConfig, NetworkMode: 'front' } };
    expect(isolationModel(custom, V1).namespaces.find((ns) => ns.kind === 'network')?.networks).toEqual(['back', 'front']);
    const stopped = { ...plain, NetworkSettings: { Networks: null }, HostConfig: { ...plain.HostConfig, NetworkMode: 'default' } };
    expect(isolationModel(stopped, V1).namespaces.find((ns) => ns.kind === 'network')?.networks).toEqual(['bridge']);
  });

  it('reads every cgroup limit', () => {
    const limited = {
      ...plain,
      HostConfig: {
        ...plain.HostConfig,
        Memory: 64 * 1024 ** 2,
        MemorySwap: 128 * 1024 ** 2,
        NanoCpus: 500_000_000,
        CpuShares: 512,
        CpusetCpus: '0',
        CpusetMems: '0',
        PidsLimit: 50,
        BlkioWeight: 300,
      },
    };
    expect(isolationModel(limited, V1).limits).toEqual([
      { id: 'memory', bytes: 64 * 1024 ** 2 },
      { id: 'memorySwap', bytes: 128 * 1024 ** 2, fromDefault: false },
      { id: 'cpus', cpus: 0.5, source: 'nanoCpus' },
      { id: 'cpuShares', shares: 512 },
      { id: 'cpusetCpus', cpus: '0' },
      { id: 'cpusetMems', mems: '0' },
      { id: 'pidsLimit', limit: 50 },
      { id: 'blkioWeight', weight: 300 },
    ]);
  });

  it('reads CPU quota/period, unlimited swap, an unset swap and -1 pids as unlimited', () => {
    const quota = { ...plain, HostConfig: { ...plain.HostConfig, CpuQuota: 150_000, CpuPeriod: 0, Memory: 100, MemorySwap: 0, PidsLimit: -1 } };
    const limits = isolationModel(quota, V1).limits;
    expect(limits).toContainEqual({ id: 'cpus', cpus: 1.5, source: 'quota', quotaMicros: 150_000, periodMicros: 100_000 });
    expect(limits).toContainEqual({ id: 'memorySwap', bytes: 200, fromDefault: true });
    expect(limits).toContainEqual({ id: 'pidsLimit', limit: null });
    const unlimitedSwap = { ...plain, HostConfig: { ...plain.HostConfig, Memory: 100, MemorySwap: -1 } };
    expect(isolationModel(unlimitedSwap, V1).limits).toContainEqual({ id: 'memorySwap', bytes: null, fromDefault: false });
  });

  it('survives a sparse document', () => {
    const model = isolationModel({}, V1);
    expect(model.namespaces).toHaveLength(6);
    expect(model.rootFilesystem).toEqual({ storageDriver: '', readOnly: false });
  });
});
