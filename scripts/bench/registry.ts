// Bench: pull of an image with a 200 MB layer from a local registry (docker-registry on 127.0.0.1),
// through the real handlers in a child process vs `docker pull`, interleaved in one run, the image
// removed between pulls. Goals: at least 0.95x the CLI's throughput, the child's peak RSS at most
// 64 MB above idle, and at most 10 images.tasks frames a second per pull (what the renderer gets).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pushRandomImage, startRegistry } from '../test-registry.mjs';
import { MeasuredWorker, timed } from './measured-worker';
import { benchDocker, dockerCli, log as logLine, median, record, requireEnv, round, runBench } from './lib';

const NAME = 'registry';
const LAYER_MB = 200;
const ITERATIONS = 4;
const GOAL_RATIO = 0.95;
const GOAL_GROWTH_MB = 64;
const GOAL_FRAMES_PER_SECOND = 10;
const MB = 1024 * 1024;
const log = (message: string): void => logLine(NAME, message);
const here = path.dirname(fileURLToPath(import.meta.url));

runBench(NAME, async (onCleanup) => {
  const dockerHost = requireEnv('DOCKER_HOST');
  const docker = benchDocker();
  const registry = await startRegistry();
  onCleanup(() => registry.stop());
  const reference = `${registry.host}/berth-test/bench-pull:1`;
  const remove = (): Promise<unknown> =>
    docker
      .getImage(reference)
      .remove({ force: true })
      .catch(() => undefined);
  onCleanup(remove);
  await pushRandomImage(dockerHost, reference, LAYER_MB);
  log(`setup: ${reference} (one ${LAYER_MB} MB layer of random bytes) in the registry at ${registry.host}`);

  const worker = new MeasuredWorker(path.join(here, 'registry-worker.ts'));
  onCleanup(() => worker.exit());
  const warm = await worker.send({ op: 'pull', reference });
  if (!warm.ok) throw new Error(`warm-up pull failed: ${warm.error}`);
  const pulledBytes = warm.bytes ?? LAYER_MB * MB;
  await remove();

  const berthMs: number[] = [];
  const cliMs: number[] = [];
  const growth: number[] = [];
  const idle: number[] = [];
  const framesPerSecond: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const viaBerth = async (): Promise<void> => {
      const reply = await worker.measured({ op: 'pull', reference });
      if (!reply.ok) throw new Error(`Berth pull: ${reply.error}`);
      const { ms, busiestSecond } = reply as typeof reply & { ms: number; busiestSecond: number };
      berthMs.push(ms);
      growth.push(reply.peakMb - reply.idleMb);
      idle.push(reply.idleMb);
      framesPerSecond.push(busiestSecond);
      await remove();
    };
    const viaCli = async (): Promise<void> => {
      cliMs.push(await timed(() => dockerCli(['pull', '-q', reference])));
      await remove();
    };
    for (const fn of i % 2 === 0 ? [viaBerth, viaCli] : [viaCli, viaBerth]) await fn();
    log(`iteration ${i + 1}/${ITERATIONS}: Berth ${berthMs.at(-1)!.toFixed(0)} ms, docker pull ${cliMs.at(-1)!.toFixed(0)} ms`);
  }

  const berthMbs = pulledBytes / MB / (median(berthMs) / 1000);
  const cliMbs = pulledBytes / MB / (median(cliMs) / 1000);
  const ratio = berthMbs / cliMbs;
  const peakGrowth = Math.max(...growth);
  const maxFps = Math.max(...framesPerSecond);
  log(
    `pull: Berth ${berthMbs.toFixed(1)} MiB/s (median ${median(berthMs).toFixed(0)} ms), docker pull ${cliMbs.toFixed(1)} MiB/s (median ${median(cliMs).toFixed(0)} ms): ${ratio.toFixed(2)}x (goal >= ${GOAL_RATIO}x) ${ratio >= GOAL_RATIO ? 'PASS' : 'MISS'}`,
  );
  log(
    `pull: child peak RSS above idle ${peakGrowth.toFixed(1)} MB (idle ${median(idle).toFixed(1)} MB; goal < ${GOAL_GROWTH_MB} MB) ${peakGrowth < GOAL_GROWTH_MB ? 'PASS' : 'MISS'}`,
  );
  log(`pull: images.tasks frames in the busiest second ${maxFps} (goal <= ${GOAL_FRAMES_PER_SECOND}) ${maxFps <= GOAL_FRAMES_PER_SECOND ? 'PASS' : 'MISS'}`);
  const details = { pulledBytes, iterations: ITERATIONS, berthMs: berthMs.map((v) => round(v)), cliMs: cliMs.map((v) => round(v)) };
  record({ name: `pull ${LAYER_MB} MB via handlers`, value: round(berthMbs, 1), unit: 'MiB/s', details });
  record({ name: `docker pull ${LAYER_MB} MB (CLI)`, value: round(cliMbs, 1), unit: 'MiB/s', details });
  record({ name: 'pull: handlers / docker pull throughput', value: round(ratio), unit: 'x', goal: { kind: 'min', value: GOAL_RATIO }, details });
  record({
    name: 'pull: main-process peak RSS above idle',
    value: round(peakGrowth, 1),
    unit: 'MB',
    goal: { kind: 'max', value: GOAL_GROWTH_MB },
    details: { growthMb: growth.map((v) => round(v, 1)), idleMb: idle.map((v) => round(v, 1)) },
  });
  record({
    name: 'pull: images.tasks frames in the busiest second',
    value: round(maxFps, 1),
    unit: '/s',
    goal: { kind: 'max', value: GOAL_FRAMES_PER_SECOND },
    details: { perPull: framesPerSecond },
  });
});
