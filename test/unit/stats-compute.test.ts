// The docker CLI's `docker stats` arithmetic, checked on stats JSON recorded from a Docker 20.10
// engine on cgroup v1 (this machine) and on a cgroup v2 frame shaped like the engine's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockIo, computeSample, cpuPercent, isStoppedFrame, memoryUsed, networkIo, type RawStats } from '../../src/main/engine/stats/compute';

const fixture = (name: string): RawStats => JSON.parse(readFileSync(path.join(__dirname, 'fixtures/stats', `${name}.json`), 'utf8')) as RawStats;

describe('cgroup v1 (Docker 20.10, recorded)', () => {
  it('CPU: container delta / system delta x online CPUs x 100', () => {
    // (56049946638 - 55527811202) / (3214400000000 - 3212400000000) * 2 * 100; the busy loop ran under --cpus 0.5.
    expect(cpuPercent(fixture('cgroup1-busy-second'))).toBeCloseTo(52.2135436, 6);
  });

  it('CPU: the first frame of a stream has no earlier reading, so no value (not a since-boot average)', () => {
    expect(cpuPercent(fixture('cgroup1-busy-first'))).toBeNull();
  });

  it('memory: usage minus total_inactive_file; percent of the limit', () => {
    const raw = fixture('cgroup1-memory'); // 40 MiB in /dev/shm, 20 MiB written to a file, --memory 256m
    expect(memoryUsed(raw)).toBe(63918080 - 20971520);
    const sample = computeSample(raw);
    expect(sample.memoryLimitBytes).toBe(256 * 1024 * 1024);
    expect(sample.memoryPercent).toBeCloseTo(((63918080 - 20971520) / 268435456) * 100, 10);
    // `docker stats --no-stream` showed "40.96MiB / 256MiB", "16.00%" for the same container.
    expect((sample.memoryUsedBytes / 2 ** 20).toFixed(2)).toBe('40.96');
    expect(sample.memoryPercent.toFixed(2)).toBe('16.00');
  });

  it('memory: total_inactive_file wins over inactive_file, and is ignored when not below usage', () => {
    const stats = { total_inactive_file: 300, inactive_file: 100 };
    expect(memoryUsed({ memory_stats: { usage: 1000, stats } })).toBe(700);
    expect(memoryUsed({ memory_stats: { usage: 250, stats } })).toBe(150);
    expect(memoryUsed({ memory_stats: { usage: 50, stats } })).toBe(50);
  });

  it('block I/O: Read and Write ops summed over devices; Sync/Async/Total ignored', () => {
    expect(blockIo(fixture('cgroup1-blkio'))).toEqual({ read: 1253376 + 4096, write: 20971520 + 8192 });
    expect(blockIo(fixture('cgroup1-memory'))).toEqual({ read: 0, write: 0 });
  });

  it('network: rx and tx summed over interfaces', () => {
    expect(networkIo(fixture('cgroup1-blkio'))).toEqual({ rx: 586 + 1000, tx: 2500 });
  });

  it('a whole sample, with I/O rates from the previous one', () => {
    const first = computeSample(fixture('cgroup1-busy-first'));
    const second = computeSample(fixture('cgroup1-busy-second'), first);
    expect(first).toMatchObject({ cpuPercent: null, networkRxRate: null, blockReadRate: null, pids: 1, onlineCpus: 2, name: 'st-busy' });
    expect(second.time - first.time).toBe(Date.parse('2026-11-29T13:57:34.444832042Z') - Date.parse('2026-11-29T13:57:33.439403839Z'));
    expect(second).toMatchObject({ networkRxRate: 0, networkTxRate: 0, blockReadRate: 0, blockWriteRate: 0 });
    expect(second.cpuPercent).toBeCloseTo(52.2135436, 6);
    expect(second.id).toMatch(/^[0-9a-f]{64}$/);
    expect(second.pidsLimit).toBeUndefined();
  });

  it('recognises the zero frames the engine sends for a stopped container', () => {
    const stopped = fixture('stopped');
    expect(isStoppedFrame(stopped)).toBe(true);
    expect(isStoppedFrame(fixture('cgroup1-busy-second'))).toBe(false);
    // `docker stats --no-stream` on a stopped container: 0.00%, 0B / 0B, 0 PIDs.
    expect(computeSample(stopped, undefined, 1234)).toMatchObject({
      cpuPercent: 0,
      memoryUsedBytes: 0,
      memoryLimitBytes: 0,
      memoryPercent: 0,
      pids: 0,
      time: 1234,
    });
  });
});

describe('cgroup v2 (frame shaped like the engine on a v2 host)', () => {
  const raw = fixture('cgroup2-web');

  it('CPU uses online_cpus (v2 has no percpu_usage)', () => {
    expect(raw.cpu_stats?.cpu_usage?.percpu_usage).toBeUndefined();
    expect(cpuPercent(raw)).toBeCloseTo(((91746862000 - 91245419000) / (1716052470000000 - 1716048470000000)) * 4 * 100, 10);
  });

  it('memory: usage minus inactive_file', () => {
    const sample = computeSample(raw);
    expect(sample.memoryUsedBytes).toBe(162009088 - 33120256);
    expect(sample.memoryPercent).toBeCloseTo(((162009088 - 33120256) / 536870912) * 100, 10);
  });

  it('block I/O from the lowercase read/write ops; PIDs and their limit', () => {
    expect(blockIo(raw)).toEqual({ read: 5550080, write: 1097728 });
    expect(computeSample(raw)).toMatchObject({ pids: 7, pidsLimit: 4915, onlineCpus: 4, name: 'web' });
  });

  it('rates: bytes per second between two readings; none across a counter reset', () => {
    const before = computeSample(raw);
    const later: RawStats = {
      ...raw,
      read: new Date(before.time + 2000).toISOString(),
      networks: { eth0: { rx_bytes: 1548330 + 4000, tx_bytes: 60913 + 1000 } },
      blkio_stats: {
        io_service_bytes_recursive: [
          { op: 'read', value: 5550080 + 8192 },
          { op: 'write', value: 0 },
        ],
      },
    };
    const after = computeSample(later, before);
    expect(after.networkRxRate).toBeCloseTo(2000, 6);
    expect(after.networkTxRate).toBeCloseTo(500, 6);
    expect(after.blockReadRate).toBeCloseTo(4096, 6);
    expect(after.blockWriteRate).toBeNull();
  });

  it('CPU falls back to the length of percpu_usage when online_cpus is missing, and is 0 without progress', () => {
    const noOnline: RawStats = {
      cpu_stats: { cpu_usage: { total_usage: 200, percpu_usage: [100, 50, 50] }, system_cpu_usage: 2000 },
      precpu_stats: { cpu_usage: { total_usage: 100 }, system_cpu_usage: 1000 },
    };
    expect(cpuPercent(noOnline)).toBeCloseTo(30, 10);
    const idle: RawStats = { ...noOnline, cpu_stats: { ...noOnline.cpu_stats, cpu_usage: { total_usage: 100 } } };
    expect(cpuPercent(idle)).toBe(0);
  });
});
