// Bench: export of a container holding 200 MB and import of that tar, through the real handlers
// (a child process running the dispatcher with a headless file host) vs `docker export -o` and
// `docker import` in the same run, interleaved. Goals: at least the CLI's throughput for export and
// 0.9x for import, and the child's peak RSS during each at most 64 MB above its idle RSS (read from
// /proc: VmHWM after resetting it with clear_refs; where that is refused, VmRSS sampled every 5 ms).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MeasuredWorker, timed } from './measured-worker';
import { BENCH_LABELS, benchDocker, dockerCli, log as logLine, median, record, requireEnv, round, runBench } from './lib';

const NAME = 'images';
const PAYLOAD_MB = 200;
const ITERATIONS = 5;
/** Export at least as fast as `docker export` (issue #11); import at least 0.9x `docker import`. */
const GOAL_RATIO = { export: 1.0, import: 0.9 } as const;
const GOAL_PEAK_MB = 64;
const MB = 1024 * 1024;
const log = (message: string): void => logLine(NAME, message);
const here = path.dirname(fileURLToPath(import.meta.url));

runBench(NAME, async (onCleanup) => {
  const image = requireEnv('BERTH_TEST_IMAGE');
  const docker = benchDocker();
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-bench-images-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const repositories: string[] = [];
  onCleanup(async () => {
    for (const repository of repositories)
      await docker
        .getImage(repository)
        .remove({ force: true })
        .catch(() => undefined);
  });

  const name = `berth-bench-export-${process.pid}`;
  const container = await docker.createContainer({
    Image: image,
    name,
    Labels: { ...BENCH_LABELS },
    Cmd: ['sh', '-c', `dd if=/dev/urandom of=/payload bs=1M count=${PAYLOAD_MB} 2>/dev/null`],
  });
  onCleanup(() => container.remove({ force: true, v: true }).catch(() => undefined));
  await container.start();
  await container.wait();
  log(`setup: container ${name} holds ${PAYLOAD_MB} MB of random bytes`);

  const worker = new MeasuredWorker(path.join(here, 'images-worker.ts'));
  onCleanup(() => worker.exit());
  // Warm-up: modules loaded, engine connection and JIT warm, so "idle" is the process at rest.
  const warm = await worker.send({ op: 'export', container: name, target: path.join(dir, 'warm.tar') });
  if (!warm.ok) throw new Error(`warm-up export failed: ${warm.error}`);
  const tarBytes = statSync(path.join(dir, 'warm.tar')).size;
  rmSync(path.join(dir, 'warm.tar'));
  log(`the export is ${(tarBytes / MB).toFixed(1)} MiB`);

  const results = {
    export: { handler: [] as number[], cli: [] as number[], peaks: [] as number[], idle: [] as number[] },
    import: { handler: [] as number[], cli: [] as number[], peaks: [] as number[], idle: [] as number[] },
  };
  const reference = path.join(dir, 'reference.tar');
  await dockerCli(['export', '-o', reference, name]);

  for (let i = 0; i < ITERATIONS; i++) {
    const handlerFirst = i % 2 === 0;
    // Export: handlers (file written by the child) vs docker export -o, each to a fresh file.
    const viaHandler = async (): Promise<number> => {
      const target = path.join(dir, `handler-${i}.tar`);
      const reply = await worker.measured({ op: 'export', container: name, target });
      if (!reply.ok || reply.bytes !== tarBytes) throw new Error(`handler export: ${reply.error ?? `${reply.bytes} bytes`}`);
      results.export.peaks.push(reply.peakMb - reply.idleMb);
      results.export.idle.push(reply.idleMb);
      rmSync(target);
      return reply.ms!;
    };
    const viaCli = async (): Promise<number> => {
      const target = path.join(dir, `cli-${i}.tar`);
      const ms = await timed(() => dockerCli(['export', '-o', target, name]));
      if (statSync(target).size !== tarBytes) throw new Error('docker export wrote a different size');
      rmSync(target);
      return ms;
    };
    for (const [which, fn] of handlerFirst
      ? ([
          ['handler', viaHandler],
          ['cli', viaCli],
        ] as const)
      : ([
          ['cli', viaCli],
          ['handler', viaHandler],
        ] as const)) {
      results.export[which].push(await fn());
    }

    // Import: the same tar through images.import (child reads the file) vs docker import.
    const importHandler = async (): Promise<number> => {
      const repository = `berth-test/bench-import-h${i}-${process.pid}`;
      repositories.push(repository);
      const reply = await worker.measured({ op: 'import', file: reference, repository });
      if (!reply.ok) throw new Error(`handler import: ${reply.error}`);
      results.import.peaks.push(reply.peakMb - reply.idleMb);
      results.import.idle.push(reply.idleMb);
      await docker.getImage(repository).remove({ force: true });
      return reply.ms!;
    };
    const importCli = async (): Promise<number> => {
      const repository = `berth-test/bench-import-c${i}-${process.pid}`;
      repositories.push(repository);
      const ms = await timed(() => dockerCli(['import', reference, repository]));
      await docker.getImage(repository).remove({ force: true });
      return ms;
    };
    for (const [which, fn] of handlerFirst
      ? ([
          ['handler', importHandler],
          ['cli', importCli],
        ] as const)
      : ([
          ['cli', importCli],
          ['handler', importHandler],
        ] as const)) {
      results.import[which].push(await fn());
    }
    log(`iteration ${i + 1}/${ITERATIONS} done`);
  }

  for (const op of ['export', 'import'] as const) {
    const r = results[op];
    const handlerMbs = tarBytes / MB / (median(r.handler) / 1000);
    const cliMbs = tarBytes / MB / (median(r.cli) / 1000);
    const ratio = handlerMbs / cliMbs;
    const peak = Math.max(...r.peaks);
    log(
      `${op}: handlers ${handlerMbs.toFixed(1)} MiB/s (median ${median(r.handler).toFixed(0)} ms), docker ${op} ${cliMbs.toFixed(1)} MiB/s (median ${median(r.cli).toFixed(0)} ms, incl. CLI start): ${ratio.toFixed(2)}x (goal >= ${GOAL_RATIO[op]}x) ${ratio >= GOAL_RATIO[op] ? 'PASS' : 'MISS'}`,
    );
    log(
      `${op}: child peak RSS above idle ${peak.toFixed(1)} MB (idle ${median(r.idle).toFixed(1)} MB; goal <= ${GOAL_PEAK_MB} MB) ${peak <= GOAL_PEAK_MB ? 'PASS' : 'MISS'}`,
    );
    const details = { tarBytes, iterations: ITERATIONS, handlerMs: r.handler.map((v) => round(v)), cliMs: r.cli.map((v) => round(v)) };
    record({ name: `${op} ${PAYLOAD_MB} MB via handlers`, value: round(handlerMbs, 1), unit: 'MiB/s', details });
    record({ name: `docker ${op} ${PAYLOAD_MB} MB (CLI)`, value: round(cliMbs, 1), unit: 'MiB/s', details });
    record({ name: `${op}: handlers / docker ${op} throughput`, value: round(ratio), unit: 'x', goal: { kind: 'min', value: GOAL_RATIO[op] }, details });
    record({
      name: `${op}: main-process peak RSS above idle`,
      value: round(peak, 1),
      unit: 'MB',
      goal: { kind: 'max', value: GOAL_PEAK_MB },
      details: { peaksMb: r.peaks.map((v) => round(v, 1)), idleMb: r.idle.map((v) => round(v, 1)) },
    });
  }
});
