// Bench: copying 200 MB into a container and out again through the real handlers (a child process
// running the dispatcher with a headless file host, as the desktop app's main process does) vs
// `docker cp` both ways in the same run, interleaved (out: the file itself, and its folder, which
// goes through the safe extraction of an untrusted archive). Goals: at least 0.9x the CLI's throughput,
// and the child's peak RSS during each copy at most 64 MB above its idle RSS (read from /proc:
// VmHWM after resetting it with clear_refs; where that is refused, VmRSS sampled every 5 ms).
// Also what listing a folder costs (informational).
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import type { DirectoryListing } from '../../src/shared/types/files';
import { MeasuredWorker, timed } from './measured-worker';
import { BENCH_LABELS, benchDocker, dockerCli, log as logLine, median, record, requireEnv, round, runBench } from './lib';

const NAME = 'files';
const PAYLOAD_MB = 200;
const ITERATIONS = 5;
const GOAL_RATIO = 0.9;
const GOAL_PEAK_MB = 64;
const MB = 1024 * 1024;
const log = (message: string): void => logLine(NAME, message);
const here = path.dirname(fileURLToPath(import.meta.url));

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * What a folder listing costs: the engine streams a folder's whole subtree, so a listing reads
 * the folder's total size (bodies skipped, not kept). Informational: no goal.
 */
async function measureListings(container: string): Promise<void> {
  const engine = createEngine();
  const dispatcher = createBackend({ engine, host: webHost }).dispatcher;
  const list = async (folder: string, full: boolean): Promise<{ ms: number; scannedBytes: number; entries: number; complete: boolean }> => {
    const started = performance.now();
    const outcome = await dispatcher.invoke('files.list', { id: container, path: folder, full });
    if (!outcome.ok) throw new Error(`files.list ${folder}: ${outcome.error.message}`);
    const listing = outcome.result as DirectoryListing;
    return { ms: performance.now() - started, scannedBytes: listing.scannedBytes, entries: listing.entries.length, complete: listing.complete };
  };
  for (const [folder, full] of [
    ['/bin', false],
    ['/', false],
    ['/tmp', false],
    ['/tmp', true],
  ] as const) {
    await list(folder, full);
    const samples = [await list(folder, full), await list(folder, full), await list(folder, full)];
    const ms = median(samples.map((sample) => sample.ms));
    const { scannedBytes, entries, complete } = samples[0]!;
    const what = `files.list ${folder}${full ? ' (full)' : ''}`;
    log(
      `${what}: ${ms.toFixed(1)} ms, ${entries} entries, ${(scannedBytes / MB).toFixed(1)} MiB of archive read, ${complete ? 'complete' : 'stopped at the budget'}`,
    );
    record({ name: `${what} (busybox container + ${PAYLOAD_MB} MB in /tmp)`, value: round(ms), unit: 'ms', details: { scannedBytes, entries, complete } });
  }
  engine.monitor.stop();
}

runBench(NAME, async (onCleanup) => {
  const image = requireEnv('BERTH_TEST_IMAGE');
  const docker = benchDocker();
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-bench-files-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));

  const payload = path.join(dir, 'payload.bin');
  const fd = openSync(payload, 'w');
  for (let written = 0; written < PAYLOAD_MB; written++) writeSync(fd, randomBytes(MB));
  closeSync(fd);
  const payloadHash = await sha256(payload);

  const name = `berth-bench-files-${process.pid}`;
  const container = await docker.createContainer({ Image: image, name, Labels: { ...BENCH_LABELS } });
  onCleanup(() => container.remove({ force: true, v: true }).catch(() => undefined));
  await dockerCli(['cp', payload, `${name}:/tmp/`]);
  log(`setup: ${PAYLOAD_MB} MB of random bytes on the host and in container ${name} (created, not started)`);

  const worker = new MeasuredWorker(path.join(here, 'files-worker.ts'));
  onCleanup(() => worker.exit());
  // Warm-up: modules loaded, engine connection and JIT warm, so "idle" is the process at rest.
  const warmIn = await worker.send({ op: 'in', container: name, file: payload, destination: '/tmp' });
  const warmOut = await worker.send({ op: 'out', container: name, path: '/tmp/payload.bin', target: path.join(dir, 'warm.bin') });
  if (!warmIn.ok || !warmOut.ok) throw new Error(`warm-up failed: ${warmIn.error ?? warmOut.error}`);
  if ((await sha256(path.join(dir, 'warm.bin'))) !== payloadHash) throw new Error('the round trip changed the bytes');
  rmSync(path.join(dir, 'warm.bin'));
  log('warm-up round trip through the handlers is byte-identical (sha256)');

  const results = {
    in: { handler: [] as number[], cli: [] as number[], peaks: [] as number[], idle: [] as number[] },
    out: { handler: [] as number[], cli: [] as number[], peaks: [] as number[], idle: [] as number[] },
    outFolder: { handler: [] as number[], cli: [] as number[], peaks: [] as number[], idle: [] as number[] },
  };
  for (let i = 0; i < ITERATIONS; i++) {
    const handlerFirst = i % 2 === 0;
    const inHandler = async (): Promise<number> => {
      const reply = await worker.measured({ op: 'in', container: name, file: payload, destination: '/tmp' });
      if (!reply.ok) throw new Error(`handler copy in: ${reply.error}`);
      results.in.peaks.push(reply.peakMb - reply.idleMb);
      results.in.idle.push(reply.idleMb);
      return reply.ms!;
    };
    const inCli = (): Promise<number> => timed(() => dockerCli(['cp', payload, `${name}:/tmp/`]));
    for (const [which, fn] of handlerFirst
      ? ([
          ['handler', inHandler],
          ['cli', inCli],
        ] as const)
      : ([
          ['cli', inCli],
          ['handler', inHandler],
        ] as const)) {
      results.in[which].push(await fn());
    }

    const outHandler = async (): Promise<number> => {
      const target = path.join(dir, `handler-${i}.bin`);
      const reply = await worker.measured({ op: 'out', container: name, path: '/tmp/payload.bin', target });
      if (!reply.ok || statSync(target).size !== PAYLOAD_MB * MB) throw new Error(`handler copy out: ${reply.error ?? 'wrong size'}`);
      results.out.peaks.push(reply.peakMb - reply.idleMb);
      results.out.idle.push(reply.idleMb);
      rmSync(target);
      return reply.ms!;
    };
    const outCli = async (): Promise<number> => {
      const target = path.join(dir, `cli-${i}.bin`);
      const ms = await timed(() => dockerCli(['cp', `${name}:/tmp/payload.bin`, target]));
      if (statSync(target).size !== PAYLOAD_MB * MB) throw new Error('docker cp wrote a different size');
      rmSync(target);
      return ms;
    };
    for (const [which, fn] of handlerFirst
      ? ([
          ['handler', outHandler],
          ['cli', outCli],
        ] as const)
      : ([
          ['cli', outCli],
          ['handler', outHandler],
        ] as const)) {
      results.out[which].push(await fn());
    }
    const folderHandler = async (): Promise<number> => {
      const into = path.join(dir, `handler-folder-${i}`);
      mkdirSync(into);
      const reply = await worker.measured({ op: 'outFolder', container: name, path: '/tmp', into });
      if (!reply.ok || statSync(path.join(into, 'tmp', 'payload.bin')).size !== PAYLOAD_MB * MB)
        throw new Error(`handler folder copy out: ${reply.error ?? 'wrong size'}`);
      results.outFolder.peaks.push(reply.peakMb - reply.idleMb);
      results.outFolder.idle.push(reply.idleMb);
      rmSync(into, { recursive: true });
      return reply.ms!;
    };
    const folderCli = async (): Promise<number> => {
      const into = path.join(dir, `cli-folder-${i}`);
      mkdirSync(into);
      const ms = await timed(() => dockerCli(['cp', `${name}:/tmp`, into]));
      if (statSync(path.join(into, 'tmp', 'payload.bin')).size !== PAYLOAD_MB * MB) throw new Error('docker cp wrote a different size');
      rmSync(into, { recursive: true });
      return ms;
    };
    for (const [which, fn] of handlerFirst
      ? ([
          ['handler', folderHandler],
          ['cli', folderCli],
        ] as const)
      : ([
          ['cli', folderCli],
          ['handler', folderHandler],
        ] as const)) {
      results.outFolder[which].push(await fn());
    }
    log(`iteration ${i + 1}/${ITERATIONS} done`);
  }

  await measureListings(name);

  for (const op of ['in', 'out', 'outFolder'] as const) {
    const r = results[op];
    const handlerMbs = PAYLOAD_MB / (median(r.handler) / 1000);
    const cliMbs = PAYLOAD_MB / (median(r.cli) / 1000);
    const ratio = handlerMbs / cliMbs;
    const peak = Math.max(...r.peaks);
    const label = op === 'in' ? 'copy in' : op === 'out' ? 'copy out (file)' : 'copy out (folder, safe extraction)';
    log(
      `${label}: handlers ${handlerMbs.toFixed(1)} MiB/s (median ${median(r.handler).toFixed(0)} ms), docker cp ${cliMbs.toFixed(1)} MiB/s (median ${median(r.cli).toFixed(0)} ms, incl. CLI start): ${ratio.toFixed(2)}x (goal >= ${GOAL_RATIO}x) ${ratio >= GOAL_RATIO ? 'PASS' : 'MISS'}`,
    );
    log(
      `${label}: child peak RSS above idle ${peak.toFixed(1)} MB (idle ${median(r.idle).toFixed(1)} MB; goal <= ${GOAL_PEAK_MB} MB) ${peak <= GOAL_PEAK_MB ? 'PASS' : 'MISS'}`,
    );
    const details = { payloadMb: PAYLOAD_MB, iterations: ITERATIONS, handlerMs: r.handler.map((v) => round(v)), cliMs: r.cli.map((v) => round(v)) };
    record({ name: `${label} ${PAYLOAD_MB} MB via handlers`, value: round(handlerMbs, 1), unit: 'MiB/s', details });
    record({ name: `docker cp for ${label} ${PAYLOAD_MB} MB (CLI)`, value: round(cliMbs, 1), unit: 'MiB/s', details });
    record({ name: `${label}: handlers / docker cp throughput`, value: round(ratio), unit: 'x', goal: { kind: 'min', value: GOAL_RATIO }, details });
    record({
      name: `${label}: main-process peak RSS above idle`,
      value: round(peak, 1),
      unit: 'MB',
      goal: { kind: 'max', value: GOAL_PEAK_MB },
      details: { peaksMb: r.peaks.map((v) => round(v, 1)), idleMb: r.idle.map((v) => round(v, 1)) },
    });
  }
});
