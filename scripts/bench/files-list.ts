// Bench: `files.list /` on a running container holding 2 GB (written with dd inside it), through
// the real dispatcher: one folder level through an exec (find/stat). Goal: under 200 ms (median of
// 5 after a warm-up). For comparison, the old way (the folder's whole archive, read to its end):
// its time and the bytes it reads.
import { createEngine } from '../../src/main/engine/core/engine';
import { scanDirectory } from '../../src/main/engine/files/list';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import type { DirectoryListing } from '../../src/shared/types/files';
import { BENCH_LABELS, benchDocker, log as logLine, median, record, requireEnv, round, runBench } from './lib';

const NAME = 'files-list';
const PAYLOAD_GB = 2;
const SAMPLES = 5;
const GOAL_MS = 200;
const MiB = 1024 * 1024;
const log = (message: string): void => logLine(NAME, message);

runBench(NAME, async (onCleanup) => {
  const image = requireEnv('BERTH_TEST_IMAGE');
  const docker = benchDocker();
  const name = `berth-bench-files-list-${process.pid}`;
  const container = await docker.createContainer({ Image: image, name, Labels: { ...BENCH_LABELS }, Cmd: ['sleep', '3600'] });
  onCleanup(() => container.remove({ force: true, v: true }).catch(() => undefined));
  await container.start();
  // Two 1 GiB files in two folders, written inside the container from /dev/zero.
  const fill = await container.exec({
    Cmd: [
      'sh',
      '-c',
      `mkdir -p /data/a /data/b && for d in a b; do dd if=/dev/zero of=/data/$d/zero.bin bs=1M count=${(PAYLOAD_GB * 1024) / 2} 2>/dev/null || exit 1; done`,
    ],
    User: '0',
  });
  await fill.start({ Detach: true });
  for (;;) {
    const state = await fill.inspect();
    if (!state.Running) {
      if (state.ExitCode !== 0) throw new Error(`dd in the container exited ${state.ExitCode}`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  log(`setup: running container ${name} holds ${PAYLOAD_GB} GiB in /data (dd from /dev/zero)`);

  const engine = createEngine();
  onCleanup(() => engine.monitor.stop());
  const dispatcher = createBackend({ engine, host: webHost }).dispatcher;
  const list = async (): Promise<{ ms: number; listing: DirectoryListing }> => {
    const started = performance.now();
    const outcome = await dispatcher.invoke('files.list', { id: name, path: '/' });
    if (!outcome.ok) throw new Error(`files.list /: ${outcome.error.message}`);
    return { ms: performance.now() - started, listing: outcome.result as DirectoryListing };
  };
  const warm = await list();
  if (warm.listing.method.kind !== 'exec') throw new Error(`files.list / was read through the archive (${JSON.stringify(warm.listing.method)})`);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) samples.push((await list()).ms);
  const ms = median(samples);
  log(
    `files.list / (exec): median ${ms.toFixed(1)} ms of ${SAMPLES} [${samples.map((v) => v.toFixed(0)).join(', ')}], ${warm.listing.entries.length} entries, ${warm.listing.scannedBytes} bytes of output read (goal < ${GOAL_MS} ms) ${ms < GOAL_MS ? 'PASS' : 'MISS'}`,
  );
  record({
    name: `files.list / on a running container holding ${PAYLOAD_GB} GiB (exec, median)`,
    value: round(ms, 1),
    unit: 'ms',
    goal: { kind: 'max', value: GOAL_MS },
    details: { samplesMs: samples.map((v) => round(v, 1)), bytesRead: warm.listing.scannedBytes },
  });

  const started = performance.now();
  const old = await scanDirectory(docker, name, '/', { via: 'archive' });
  const oldMs = performance.now() - started;
  log(
    `the old way (the archive of /, read to its end): ${oldMs.toFixed(0)} ms, ${(old.scannedBytes / MiB).toFixed(1)} MiB read, ${old.entries.length} entries`,
  );
  record({ name: `files.list / the old way (whole archive): time`, value: round(oldMs, 0), unit: 'ms', details: { scannedBytes: old.scannedBytes } });
  record({ name: `files.list / the old way (whole archive): bytes read`, value: round(old.scannedBytes / MiB, 1), unit: 'MiB' });
});
