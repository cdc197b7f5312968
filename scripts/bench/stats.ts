// Bench: what watching 20 running containers' stats costs the main process.
// 20 busybox containers run `sleep`; a child process (standing in for Electron's main process)
// builds the real engine + dispatcher, subscribes 20 `stats.watch` streams and serialises every
// frame as a transport would. Once every stream has delivered, the child's own CPU time
// (process.cpuUsage) is measured over 30 s. Goal: under 5% of one core.
// For context, `docker stats` on the same 20 containers runs over the same 30 s and its CPU time
// is read from /proc/<pid>/stat.
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { BENCH_LABELS, benchDocker, inBatches, log as logLine, record, removeBenchContainers, requireEnv, round, runBench } from './lib';

const NAME = 'stats';
const CONTAINERS = 20;
const MEASURE_MS = 30_000;
const GOAL_PERCENT = 5;
const log = (message: string): void => logLine(NAME, message);

type ToChild = { type: 'measure'; ms: number };
type FromChild =
  | { type: 'ready'; samples: number }
  | { type: 'measured'; cpuMs: number; wallMs: number; samples: number; frameBytes: number; openAfterClose: number }
  | { type: 'failed'; message: string };

/** The child: the main process's side of 20 stats streams, nothing else. */
async function watcher(ids: string[]): Promise<void> {
  const send = (message: FromChild): void => void process.send?.(message);
  const engine = createEngine();
  engine.monitor.start();
  const dispatcher = createBackend({ engine, host: webHost }).dispatcher;
  const perStream = new Map<string, number>(ids.map((id) => [id, 0]));
  let samples = 0;
  let frameBytes = 0;
  const closers = ids.map((id) => {
    const outcome = dispatcher.subscribe('stats.watch', { id }, (frame) => {
      // Both transports serialise each frame (WebSocket JSON, IPC structured clone): count that cost too.
      frameBytes += JSON.stringify(frame).length;
      if (frame.kind === 'data') {
        samples += 1;
        perStream.set(id, (perStream.get(id) ?? 0) + 1);
      } else send({ type: 'failed', message: `stream for ${id} ended: ${JSON.stringify(frame)}` });
    });
    if (!outcome.ok) throw new Error(`stats.watch ${id}: ${outcome.error.message}`);
    return outcome.close;
  });
  const ready = setInterval(() => {
    if ([...perStream.values()].every((n) => n >= 2)) {
      clearInterval(ready);
      send({ type: 'ready', samples });
    }
  }, 100);
  process.on('message', (message: ToChild) => {
    if (message.type !== 'measure') return;
    const startCpu = process.cpuUsage();
    const startWall = performance.now();
    const startSamples = samples;
    const startBytes = frameBytes;
    setTimeout(() => {
      const cpu = process.cpuUsage(startCpu);
      const wallMs = performance.now() - startWall;
      for (const close of closers) close();
      engine.monitor.stop();
      send({
        type: 'measured',
        cpuMs: (cpu.user + cpu.system) / 1000,
        wallMs,
        samples: samples - startSamples,
        frameBytes: frameBytes - startBytes,
        openAfterClose: dispatcher.openStreamCount(),
      });
      setTimeout(() => process.exit(0), 100);
    }, message.ms);
  });
}

/** utime + stime of a process, in ms, from /proc/<pid>/stat. */
function processCpuMs(pid: number, ticksPerSecond: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

function nextMessage(child: ChildProcess, type: FromChild['type'], timeoutMs: number): Promise<FromChild> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${type}' from the watcher in ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: FromChild): void => {
      if (message.type === 'failed') {
        clearTimeout(timer);
        child.off('message', onMessage);
        reject(new Error(message.message));
      } else if (message.type === type) {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(message);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`the watcher exited (${code}) before '${type}'`)));
  });
}

if (process.argv.includes('--watcher')) {
  watcher(process.argv.slice(process.argv.indexOf('--watcher') + 1)).catch((err: unknown) => {
    process.send?.({ type: 'failed', message: String((err as Error)?.stack ?? err) });
    process.exit(1);
  });
} else {
  runBench(NAME, async (onCleanup) => {
    const image = requireEnv('BERTH_TEST_IMAGE');
    const docker = benchDocker();
    onCleanup(async () => log(`removed ${await removeBenchContainers(docker)} bench containers`));
    await removeBenchContainers(docker);

    const started = performance.now();
    const names = Array.from({ length: CONTAINERS }, (_, i) => `berth-bench-stats-${String(i).padStart(2, '0')}`);
    const ids: string[] = [];
    await inBatches(names, 8, async (name) => {
      const container = await docker.createContainer({ Image: image, name, Cmd: ['sleep', '100000'], Labels: { ...BENCH_LABELS } });
      await container.start();
      ids.push(container.id);
    });
    log(`setup: ${CONTAINERS} running busybox containers in ${(performance.now() - started).toFixed(0)} ms`);

    const child = fork(fileURLToPath(import.meta.url), ['--watcher', ...ids], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    onCleanup(() => child.kill('SIGKILL'));
    const ready = await nextMessage(child, 'ready', 60_000);
    log(`all ${CONTAINERS} streams delivering (${ready.type === 'ready' ? ready.samples : 0} samples so far); measuring ${MEASURE_MS / 1000} s`);

    const ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    const cli = spawn('docker', ['stats', '--format', '{{json .}}', ...names], { stdio: ['ignore', 'pipe', 'ignore'] });
    onCleanup(() => cli.kill('SIGKILL'));
    let cliLines = 0;
    cli.stdout.on('data', (chunk: Buffer) => (cliLines += chunk.toString().split('\n').length - 1));
    // Let the CLI start and open its streams before its clock starts, as the watcher's did.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    if (!cli.pid || cli.exitCode !== null) throw new Error('docker stats did not start');

    const measuring = nextMessage(child, 'measured', MEASURE_MS + 30_000);
    child.send({ type: 'measure', ms: MEASURE_MS } satisfies ToChild);
    const cliStart = processCpuMs(cli.pid, ticks);
    const cliWallStart = performance.now();
    const result = await measuring;
    const cliCpuMs = processCpuMs(cli.pid, ticks) - cliStart;
    const cliWallMs = performance.now() - cliWallStart;
    cli.kill('SIGTERM');
    if (result.type !== 'measured') throw new Error('unexpected message');

    const percent = (result.cpuMs / result.wallMs) * 100;
    const cliPercent = (cliCpuMs / cliWallMs) * 100;
    const rate = result.samples / (result.wallMs / 1000);
    log(
      `stats.watch x${CONTAINERS} via dispatcher: ${result.cpuMs.toFixed(0)} ms CPU in ${(result.wallMs / 1000).toFixed(1)} s = ${percent.toFixed(2)}% of one core (goal: under ${GOAL_PERCENT}%) ${percent < GOAL_PERCENT ? 'PASS' : 'MISS'}`,
    );
    log(
      `  ${result.samples} samples (${rate.toFixed(1)}/s), ${(result.frameBytes / 1024).toFixed(0)} KiB of serialised frames; streams open after closing: ${result.openAfterClose}`,
    );
    log(
      `docker stats (CLI) on the same ${CONTAINERS}: ${cliCpuMs.toFixed(0)} ms CPU in ${(cliWallMs / 1000).toFixed(1)} s = ${cliPercent.toFixed(2)}% of one core (${cliLines} lines printed)`,
    );
    if (result.openAfterClose !== 0) throw new Error(`${result.openAfterClose} streams still open after closing them all`);

    const details = { containers: CONTAINERS, seconds: round(result.wallMs / 1000, 1), samples: result.samples, samplesPerSecond: round(rate, 1) };
    record({
      name: `stats.watch x${CONTAINERS}, main-process CPU`,
      value: round(percent),
      unit: '% of a core',
      goal: { kind: 'max', value: GOAL_PERCENT },
      details,
    });
    record({
      name: `docker stats x${CONTAINERS}, CLI process CPU (context)`,
      value: round(cliPercent),
      unit: '% of a core',
      details: { seconds: round(cliWallMs / 1000, 1), lines: cliLines },
    });
  });
}
