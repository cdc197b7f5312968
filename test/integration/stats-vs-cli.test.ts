// stats.watch and containers.stats against `docker stats --no-stream` on the same containers:
// the same numbers, within the noise of sampling a different second.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import type { StreamFrame } from '../../src/shared/transport';
import type { StatsSample } from '../../src/shared/types/stats';
import { docker, dockerCli, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';

const engine = createEngine();
const dispatcher = createBackend({ engine, host: webHost }).dispatcher;
const closers: Array<() => void> = [];
const MiB = 1024 * 1024;

interface CliStats {
  cpu: number;
  memUsed: number;
  memLimit: number;
  memPercent: number;
  pids: number;
}

/** The CLI prints binary units for memory ("40.96MiB / 256MiB"). */
function parseBinarySize(text: string): number {
  const match = /^([\d.]+)\s*(B|KiB|MiB|GiB|TiB)$/.exec(text.trim());
  if (!match) throw new Error(`not a size: ${text}`);
  const power = ['B', 'KiB', 'MiB', 'GiB', 'TiB'].indexOf(match[2]!);
  return Number(match[1]) * 1024 ** power;
}

async function cliStats(name: string): Promise<CliStats> {
  const { stdout, code, stderr } = await dockerCli(['stats', '--no-stream', '--format', '{{json .}}', name]);
  expect(code, stderr).toBe(0);
  const row = JSON.parse(stdout.trim()) as Record<string, string>;
  const [used, limit] = (row.MemUsage ?? '').split('/');
  return {
    cpu: Number.parseFloat(row.CPUPerc ?? ''),
    memUsed: parseBinarySize(used ?? ''),
    memLimit: parseBinarySize(limit ?? ''),
    memPercent: Number.parseFloat(row.MemPerc ?? ''),
    pids: Number(row.PIDs),
  };
}

async function oneShot(id: string): Promise<StatsSample> {
  const outcome = await dispatcher.invoke('containers.stats', { id });
  if (!outcome.ok) throw new Error(`containers.stats: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.result as StatsSample;
}

function watch(id: string): StatsSample[] {
  const samples: StatsSample[] = [];
  const outcome = dispatcher.subscribe('stats.watch', { id }, (frame: StreamFrame) => {
    if (frame.kind === 'data') samples.push(frame.message as StatsSample);
  });
  if (!outcome.ok) throw new Error(`stats.watch: ${outcome.error.message}`);
  closers.push(outcome.close);
  return samples;
}

async function run(name: string, cmd: string[], hostConfig: Record<string, unknown>): Promise<string> {
  const container = await docker().createContainer({ Image: testImage, name, Cmd: cmd, Labels: { ...TEST_LABELS }, HostConfig: hostConfig });
  await container.start();
  return container.id;
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

beforeAll(() => engine.monitor.start());
afterEach(() => {
  for (const close of closers.splice(0)) close();
  expect(dispatcher.openStreamCount()).toBe(0);
});
afterAll(async () => {
  engine.monitor.stop();
  await removeTestContainers();
});

describe('stats agree with docker stats --no-stream', () => {
  it('CPU of a busy loop limited to half a CPU', async () => {
    const name = uniqueName('busy');
    const id = await run(name, ['sh', '-c', 'while :; do :; done'], { NanoCpus: 500_000_000 });
    const samples = watch(id);
    await waitFor(() => samples.filter((s) => s.cpuPercent !== null).length >= 2, { timeout: 15_000, message: 'no CPU samples' });

    // Our readings over the same seconds the CLI samples, so both see the same load on the machine.
    const from = samples.length;
    const cli = await cliStats(name);
    const shot = await oneShot(id);
    await waitFor(() => samples.length >= from + 2, { timeout: 10_000 });
    const ours = mean(samples.slice(from - 1).map((s) => s.cpuPercent ?? 0));

    // --cpus 0.5 caps the loop at 50% of one CPU; how much of that it gets depends on the
    // machine's other load, so only the cap and "busy" are checked, then the agreement.
    expect(cli.cpu).toBeGreaterThan(1);
    expect(cli.cpu).toBeLessThan(60);
    expect(Math.abs(ours - cli.cpu), `stream ${ours.toFixed(2)}% vs CLI ${cli.cpu}%`).toBeLessThan(12);
    expect(Math.abs((shot.cpuPercent ?? -100) - cli.cpu), `one-shot ${shot.cpuPercent}% vs CLI ${cli.cpu}%`).toBeLessThan(12);
    expect(shot.pids).toBe(cli.pids);
    expect(samples.every((s) => s.id === id && s.name === name)).toBe(true);
    expect(samples.at(-1)?.onlineCpus).toBeGreaterThan(0);
  });

  it('memory of a container holding 48 MiB plus 24 MiB of file cache, with a 256 MiB limit', async () => {
    const name = uniqueName('mem');
    // /dev/shm is tmpfs: its pages stay charged to the container and are not inactive file cache.
    // The file written to /tmp is page cache: counted in the cgroup's usage, left out by the CLI.
    const script = 'dd if=/dev/zero of=/dev/shm/fill bs=1M count=48 2>/dev/null; dd if=/dev/zero of=/tmp/cache bs=1M count=24 2>/dev/null; exec sleep 1000';
    const id = await run(name, ['sh', '-c', script], {
      Memory: 256 * MiB,
      ShmSize: 64 * MiB,
    });
    await waitFor(async () => (await oneShot(id)).memoryUsedBytes >= 48 * MiB, { timeout: 20_000, message: 'memory never reached 48 MiB' });

    const cli = await cliStats(name);
    const shot = await oneShot(id);
    const samples = watch(id);
    await waitFor(() => samples.length >= 1, { timeout: 10_000 });
    const streamed = samples[0]!;

    for (const ours of [shot, streamed]) {
      expect(ours.memoryLimitBytes).toBe(256 * MiB);
      expect(cli.memLimit).toBe(256 * MiB);
      // Readings a second apart differ by about 1 MiB here (cache pages move between the LRU lists,
      // and only the inactive ones are left out); leaving the 24 MiB cache in would be far off.
      expect(Math.abs(ours.memoryUsedBytes - cli.memUsed), `${ours.memoryUsedBytes} vs ${cli.memUsed}`).toBeLessThan(3 * MiB);
      // The same 3 MiB as a share of the limit (0.5 points was 1.3 MiB, tighter than the bytes: CI once read 2 MiB apart).
      expect(Math.abs(ours.memoryPercent - cli.memPercent)).toBeLessThan(((3 * MiB) / (256 * MiB)) * 100);
      expect(ours.pids).toBe(cli.pids);
    }
    expect(cli.memUsed).toBeGreaterThanOrEqual(48 * MiB);
    expect(cli.memUsed, 'the file cache should not count as used').toBeLessThan(64 * MiB);
  });
});
