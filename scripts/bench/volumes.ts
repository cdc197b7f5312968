// Bench: `volumes.list` through the real dispatcher vs `docker volume ls`, with 500 volumes on the
// engine (50 of them used by a container, so the users are looked up too), and `volumes.list
// {size:true}` vs `docker system df -v` (both have the engine walk every volume). Goal: at most 1.5x
// each; and `system.df` (the Engine view's disk usage: images, containers, volumes, build cache, with
// the CLI's totals) vs `docker system df -v`, in the same run. The CLI's time includes starting the docker process, as a user waits for it either way.
// BERTH_BENCH_VOLUMES changes the count (a quick check of the bench itself: 20).
import { randomBytes } from 'node:crypto';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { BENCH_LABELS, benchDocker, dockerCli, inBatches, log as logLine, median, ms, record, removeBenchContainers, requireEnv, round, runBench } from './lib';

const NAME = 'volumes';
const VOLUMES = Number(process.env.BERTH_BENCH_VOLUMES ?? 500);
const USED = Math.ceil(VOLUMES / 10);
const WARMUPS = 2;
const ITERATIONS = 15;
const GOAL_RATIO = 1.5;
const log = (message: string): void => logLine(NAME, message);

runBench(NAME, async (onCleanup) => {
  const image = requireEnv('BERTH_TEST_IMAGE');
  const docker = benchDocker();
  const tag = randomBytes(3).toString('hex');
  const names = Array.from({ length: VOLUMES }, (_, i) => `berth-bench-vol-${tag}-${String(i).padStart(4, '0')}`);
  onCleanup(async () => {
    log(`removed ${await removeBenchContainers(docker)} bench containers`);
    await inBatches(names, 16, (name) =>
      docker
        .getVolume(name)
        .remove()
        .catch(() => undefined),
    );
    log(`removed ${names.length} bench volumes`);
  });

  const started = performance.now();
  await inBatches(names, 16, (name) => docker.createVolume({ Name: name, Labels: { ...BENCH_LABELS } }));
  await inBatches(names.slice(0, USED), 16, (name) =>
    docker.createContainer({ Image: image, name: `${name}-user`, Labels: { ...BENCH_LABELS }, HostConfig: { Binds: [`${name}:/data`] } }),
  );
  const setupMs = performance.now() - started;
  log(`setup: ${VOLUMES} volumes, ${USED} of them used by a container, in ${ms(setupMs)}`);
  const total = ((await docker.listVolumes()).Volumes ?? []).length;

  const dispatcher = createBackend({ engine: createEngine(), host: webHost }).dispatcher;
  const viaHandlers = (size: boolean) => async (): Promise<number> => {
    const begin = performance.now();
    const outcome = await dispatcher.invoke('volumes.list', { size });
    const elapsed = performance.now() - begin;
    if (!outcome.ok) throw new Error(`volumes.list failed: ${outcome.error.code} ${outcome.error.message}`);
    const rows = outcome.result as Array<{ usedBy: string[] }>;
    if (rows.length !== total) throw new Error(`volumes.list returned ${rows.length} rows, expected ${total}`);
    if (rows.filter((row) => row.usedBy.length).length < USED) throw new Error('volumes.list lost users');
    return elapsed;
  };
  const viaDiskUsage = async (): Promise<number> => {
    const begin = performance.now();
    const outcome = await dispatcher.invoke('system.df', {});
    const elapsed = performance.now() - begin;
    if (!outcome.ok) throw new Error(`system.df failed: ${outcome.error.code} ${outcome.error.message}`);
    const usage = outcome.result as { volumes: unknown[]; totals: { volumes: { count: number; active: number } } };
    if (usage.volumes.length !== total || usage.totals.volumes.count !== total)
      throw new Error(`system.df listed ${usage.volumes.length} volumes, expected ${total}`);
    if (usage.totals.volumes.active < USED) throw new Error('system.df lost the volumes in use');
    return elapsed;
  };
  const viaCli = (args: string[], check: (stdout: string) => boolean) => async (): Promise<number> => {
    const begin = performance.now();
    const stdout = await dockerCli(args);
    const elapsed = performance.now() - begin;
    if (!check(stdout)) throw new Error(`docker ${args.join(' ')} did not list every volume`);
    return elapsed;
  };
  const lines = (stdout: string): number => stdout.split('\n').filter(Boolean).length;

  const pairs = [
    { label: 'volumes.list', cliLabel: 'docker volume ls', handler: viaHandlers(false), cli: viaCli(['volume', 'ls'], (out) => lines(out) - 1 === total) },
    {
      label: 'volumes.list {size}',
      cliLabel: 'docker system df -v',
      handler: viaHandlers(true),
      cli: viaCli(['system', 'df', '-v'], (out) => names.every((name) => out.includes(name))),
    },
    {
      label: 'system.df',
      cliLabel: 'docker system df -v (against system.df)',
      handler: viaDiskUsage,
      cli: viaCli(['system', 'df', '-v'], (out) => names.every((name) => out.includes(name))),
    },
  ];
  for (const pair of pairs) {
    const handlerTimes: number[] = [];
    const cliTimes: number[] = [];
    for (let i = 0; i < WARMUPS + ITERATIONS; i++) {
      // Interleaved, alternating which goes first, so drift and caching hit both alike.
      const first = i % 2 === 0 ? pair.handler : pair.cli;
      const second = first === pair.handler ? pair.cli : pair.handler;
      const a = await first();
      const b = await second();
      if (i < WARMUPS) continue;
      handlerTimes.push(first === pair.handler ? a : b);
      cliTimes.push(first === pair.handler ? b : a);
    }
    const handler = median(handlerTimes);
    const cli = median(cliTimes);
    const ratio = handler / cli;
    log(`${pair.label} via dispatcher: median ${ms(handler)}; ${pair.cliLabel} (incl. process start): median ${ms(cli)}`);
    log(`ratio: ${ratio.toFixed(2)}x (goal: at most ${GOAL_RATIO}x) ${ratio <= GOAL_RATIO ? 'PASS' : 'MISS'}`);
    const details = { volumes: total, used: USED, iterations: ITERATIONS, warmups: WARMUPS };
    record({
      name: `${pair.label} (${VOLUMES}), dispatcher`,
      value: round(handler),
      unit: 'ms',
      details: { ...details, samples: handlerTimes.map((t) => round(t)) },
    });
    record({
      name: `${pair.cliLabel} (${VOLUMES}), CLI incl. process start`,
      value: round(cli),
      unit: 'ms',
      details: { ...details, samples: cliTimes.map((t) => round(t)) },
    });
    record({ name: `${pair.label} / ${pair.cliLabel} (${VOLUMES})`, value: round(ratio), unit: 'x', goal: { kind: 'max', value: GOAL_RATIO }, details });
  }
  record({ name: `setup: create ${VOLUMES} volumes`, value: round(setupMs), unit: 'ms' });
});
