// Bench: several engines at once. Three engines (the bench engine and two more private dockerds),
// each a docker context in a temporary DOCKER_CONFIG with 300 containers, listed through Berth's
// dispatcher (createBackends, one `containers.list {all, engine}` per engine, in parallel, as the
// combined list does) vs the slowest single `docker --context X ps -a --no-trunc`. Goal: at most
// 1.5x. Then the same three lists while a fourth engine does not answer (a socket that accepts and
// never replies, the worst kind of unreachable): the three must finish as fast as without it
// (goal: at most 1.2x, noise included). The CLI's times include starting the docker process.
// BERTH_BENCH_ENGINE_CONTAINERS changes the count per engine (a quick check of the bench: 20).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { ensureTestImages, startPrivateEngine, type PrivateEngine } from '../test-engine.mjs';
import { createBackends } from '../../src/main/backends';
import { createEngine } from '../../src/main/engine/core/engine';
import { webHost } from '../../src/main/host';
import { ensureBenchContainers, log as logLine, median, ms, record, removeBenchContainers, requireEnv, round, runBench } from './lib';

const NAME = 'engines';
const CONTAINERS = Number(process.env.BERTH_BENCH_ENGINE_CONTAINERS ?? 300);
const WARMUPS = 2;
const ITERATIONS = 11;
const GOAL_RATIO = 1.5;
const GOAL_UNREACHABLE_RATIO = 1.2;
const log = (message: string): void => logLine(NAME, message);

const dockerAt = (dockerHost: string): Docker => new Docker({ socketPath: dockerHost.replace(/^unix:\/\//, '') });

function cli(configDir: string, args: readonly string[]): Promise<string> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_CONFIG: configDir };
  return new Promise((resolve, reject) => {
    execFile('docker', args, { env, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`docker ${args.join(' ')}: ${stderr.trim() || err.message}`));
      else resolve(stdout);
    });
  });
}

/** A unix socket that accepts connections and never answers: an engine that hangs. */
async function silentSocket(file: string): Promise<{ close(): Promise<void> }> {
  const held = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    held.add(socket);
    socket.on('close', () => held.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(file, resolve));
  return {
    close: () =>
      new Promise((resolve) => {
        for (const socket of held) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

runBench(NAME, async (onCleanup) => {
  const image = requireEnv('BERTH_TEST_IMAGE');
  const configDir = await mkdtemp(path.join(os.tmpdir(), 'berth-bench-engines-'));
  onCleanup(() => rm(configDir, { recursive: true, force: true }));

  const started = performance.now();
  const extra: PrivateEngine[] = [];
  onCleanup(() => Promise.allSettled(extra.map((engine) => engine.stop())));
  for (const engine of await Promise.all([startPrivateEngine(), startPrivateEngine()])) extra.push(engine);
  const hosts = [requireEnv('DOCKER_HOST'), ...extra.map((engine) => engine.dockerHost)];
  const contexts = hosts.map((_, i) => `bench-${i + 1}`);
  const images = [image, ...(await Promise.all(extra.map(async (engine) => (await ensureTestImages(engine.dockerHost)).busybox)))];
  const dockers = hosts.map(dockerAt);
  onCleanup(async () => log(`removed ${(await Promise.all(dockers.map(removeBenchContainers))).join(' + ')} bench containers`));
  await Promise.all(dockers.map((docker, i) => ensureBenchContainers(docker, images[i]!, CONTAINERS)));
  const totals = await Promise.all(dockers.map(async (docker) => (await docker.listContainers({ all: true })).length));

  const silent = await silentSocket(path.join(configDir, 'silent.sock'));
  onCleanup(() => silent.close());
  for (const [i, host] of hosts.entries()) await cli(configDir, ['context', 'create', contexts[i]!, '--docker', `host=${host}`]);
  await cli(configDir, ['context', 'create', 'bench-silent', '--docker', `host=unix://${path.join(configDir, 'silent.sock')}`]);
  log(`setup: 3 engines with ${totals.join(', ')} containers (${CONTAINERS} bench ones each), in ${ms(performance.now() - started)}`);

  const engine = createEngine({ DOCKER_HOST: hosts[0] });
  const backends = createBackends({ engine, host: webHost, engines: { env: { DOCKER_CONFIG: configDir } } });
  onCleanup(() => backends.dispose());

  const listOn = async (i: number): Promise<void> => {
    const outcome = await backends.dispatcher.invoke('containers.list', { all: true, engine: contexts[i] });
    if (!outcome.ok) throw new Error(`containers.list on ${contexts[i]} failed: ${outcome.error.code} ${outcome.error.message}`);
    const rows = (outcome.result as unknown[]).length;
    if (rows !== totals[i]) throw new Error(`containers.list on ${contexts[i]} returned ${rows} rows, expected ${totals[i]}`);
  };
  const allThree = async (): Promise<number> => {
    const begin = performance.now();
    await Promise.all(contexts.map((_, i) => listOn(i)));
    return performance.now() - begin;
  };
  const allThreeBesideSilent = async (): Promise<number> => {
    // The silent engine's call stays pending (it fails when the socket closes at cleanup).
    void backends.dispatcher.invoke('containers.list', { all: true, engine: 'bench-silent' });
    return allThree();
  };
  const cliOn = (i: number) => async (): Promise<number> => {
    const begin = performance.now();
    const stdout = await cli(configDir, ['--context', contexts[i]!, 'ps', '-a', '--no-trunc']);
    const elapsed = performance.now() - begin;
    const rows = stdout.split('\n').filter(Boolean).length - 1;
    if (rows !== totals[i]) throw new Error(`docker --context ${contexts[i]} ps -a printed ${rows} rows, expected ${totals[i]}`);
    return elapsed;
  };

  const runs = { together: [] as number[], besideSilent: [] as number[], cli: contexts.map(() => [] as number[]) };
  for (let iteration = 0; iteration < WARMUPS + ITERATIONS; iteration++) {
    // Interleaved, the order turned each time, so drift and caching hit all alike.
    const steps: [number[] | undefined, () => Promise<number>][] = [
      [runs.together, allThree],
      [runs.besideSilent, allThreeBesideSilent],
      ...contexts.map((_, i): [number[], () => Promise<number>] => [runs.cli[i]!, cliOn(i)]),
    ];
    const turned = [...steps.slice(iteration % steps.length), ...steps.slice(0, iteration % steps.length)];
    for (const [samples, step] of turned) {
      const elapsed = await step();
      if (iteration >= WARMUPS) samples?.push(elapsed);
    }
  }

  const together = median(runs.together);
  const besideSilent = median(runs.besideSilent);
  const cliMedians = runs.cli.map(median);
  const slowestCli = Math.max(...cliMedians);
  const ratio = together / slowestCli;
  const unreachableRatio = besideSilent / together;
  log(`${ITERATIONS} iterations each after ${WARMUPS} warm-ups, interleaved`);
  log(`containers.list on 3 engines in parallel: median ${ms(together)}`);
  for (const [i, median] of cliMedians.entries()) log(`docker --context ${contexts[i]} ps -a --no-trunc: median ${ms(median)}`);
  log(`ratio Berth (3 engines) / slowest single CLI: ${ratio.toFixed(2)}x (goal: at most ${GOAL_RATIO}x) ${ratio <= GOAL_RATIO ? 'PASS' : 'MISS'}`);
  log(`the same with a 4th engine that never answers: median ${ms(besideSilent)}, ${unreachableRatio.toFixed(2)}x (goal: at most ${GOAL_UNREACHABLE_RATIO}x)`);

  const details = { engines: 3, containersPerEngine: CONTAINERS, iterations: ITERATIONS, warmups: WARMUPS };
  record({
    name: 'containers.list, 3 engines in parallel',
    value: round(together),
    unit: 'ms',
    details: { ...details, samples: runs.together.map((t) => round(t)) },
  });
  record({
    name: 'slowest docker --context X ps -a, CLI incl. process start',
    value: round(slowestCli),
    unit: 'ms',
    details: { ...details, medians: cliMedians.map((t) => round(t)) },
  });
  record({ name: `3 engines / slowest single CLI (${CONTAINERS} each)`, value: round(ratio), unit: 'x', goal: { kind: 'max', value: GOAL_RATIO }, details });
  record({
    name: '3 engines beside an unreachable one / without it',
    value: round(unreachableRatio),
    unit: 'x',
    goal: { kind: 'max', value: GOAL_UNREACHABLE_RATIO },
    details: { ...details, samples: runs.besideSilent.map((t) => round(t)) },
  });
});
