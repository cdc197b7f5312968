// Shared helpers for the benches under scripts/bench/ (run by scripts/bench.mjs through tsx).
// A bench prints its own result lines and records each measurement with record(); bench.mjs reads
// the records from the file named by BERTH_BENCH_OUT and prints the summary table.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import Docker from 'dockerode';
import { createEngine } from '../../src/main/engine/core/engine';
import { createBackend, type Backend } from '../../src/main/backend';
import { webHost } from '../../src/main/host';
import { startWebServer, type WebServer } from '../../src/main/web/server';

/** Every bench container carries both labels: berth.test=1 (the test bed's cleanup) and berth.bench=1. */
export const BENCH_LABELS: Readonly<Record<string, string>> = Object.freeze({ 'berth.test': '1', 'berth.bench': '1' });
const BENCH_FILTER = { label: ['berth.bench=1'] };

export interface Goal {
  /** 'max': the value must be at most `value`; 'min': at least. */
  kind: 'max' | 'min';
  value: number;
}

export interface Measurement {
  name: string;
  value: number;
  unit: string;
  goal?: Goal;
  /** Anything else worth keeping in .bench/results.json (samples, counts, notes). */
  details?: Record<string, unknown>;
}

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run benches through \`npm run bench\` (scripts/bench.mjs).`);
  return value;
}

const recorded: Measurement[] = [];
let aborted = false;

/** Keeps one measurement for bench.mjs (the file is rewritten each time, so a later crash keeps it). */
export function record(measurement: Measurement): void {
  recorded.push(measurement);
  const out = process.env.BERTH_BENCH_OUT;
  if (out) writeFileSync(out, JSON.stringify(recorded, null, 2));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;
export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export function log(bench: string, message: string): void {
  process.stdout.write(`[${bench}] ${message}\n`);
}

/** A dockerode client for the bench engine (docker-modem reads DOCKER_HOST itself). */
export function benchDocker(): Docker {
  requireEnv('DOCKER_HOST');
  return new Docker();
}

/** Runs `fn` over `items`, at most `width` at a time. */
export async function inBatches<T>(items: readonly T[], width: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

/**
 * Makes exactly `count` bench containers exist (created, not started), creating only the missing
 * ones, 16 at a time. Resolves how many were created and how long it took.
 */
export async function ensureBenchContainers(docker: Docker, image: string, count: number): Promise<{ created: number; removed: number; ms: number }> {
  const started = performance.now();
  const existing = await docker.listContainers({ all: true, filters: BENCH_FILTER });
  const extra = existing.slice(count);
  await inBatches(extra, 16, (c) => docker.getContainer(c.Id).remove({ force: true, v: true }));
  const missing = Math.max(0, count - existing.length);
  const tag = randomBytes(3).toString('hex');
  const indexes = Array.from({ length: missing }, (_, i) => i);
  await inBatches(indexes, 16, async (i) => {
    if (aborted) return; // interrupted: stop creating, cleanup is about to run
    await docker.createContainer({
      Image: image,
      name: `berth-bench-${tag}-${String(i).padStart(4, '0')}`,
      Labels: { ...BENCH_LABELS },
    });
  });
  return { created: missing, removed: extra.length, ms: performance.now() - started };
}

/** Force-removes every bench container (label berth.bench=1), 16 at a time. */
export async function removeBenchContainers(docker: Docker): Promise<number> {
  const list = await docker.listContainers({ all: true, filters: BENCH_FILTER });
  await inBatches(list, 16, (c) =>
    docker
      .getContainer(c.Id)
      .remove({ force: true, v: true })
      .catch((err: { statusCode?: number }) => {
        if (err.statusCode !== 404 && err.statusCode !== 409) throw err;
      }),
  );
  return list.length;
}

/** The docker CLI against the bench engine; resolves stdout. */
export function dockerCli(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('docker', args, { env: { ...process.env, DOCKER_HOST: requireEnv('DOCKER_HOST') }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`docker ${args.join(' ')}: ${stderr.trim() || err.message}`));
      else resolve(stdout);
    });
  });
}

/** Runs the bench's main(), then its cleanups (always, last registered first); exit 1 on a crash. */
export function runBench(name: string, main: (onCleanup: (fn: () => unknown) => void) => Promise<void>): void {
  const cleanups: (() => unknown)[] = [];
  const onCleanup = (fn: () => unknown): void => void cleanups.unshift(fn);
  let code = 0;
  const finish = async (): Promise<void> => {
    for (const fn of cleanups.splice(0)) {
      try {
        await fn();
      } catch (err) {
        process.stderr.write(`[${name}] cleanup failed: ${(err as Error)?.stack ?? String(err)}\n`);
      }
    }
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      process.stderr.write(`[${name}] ${sig}: cleaning up\n`);
      aborted = true;
      code = 130;
      void finish();
    });
  }
  main(onCleanup)
    .catch((err: unknown) => {
      process.stderr.write(`[${name}] FAILED: ${(err as Error)?.stack ?? String(err)}\n`);
      code = 1;
    })
    .finally(() => void finish());
}

type OnCleanup = (fn: () => unknown) => void;

/** Berth's handlers on the bench engine, as the app builds them, its monitor running until cleanup. */
export function benchBackend(onCleanup: OnCleanup): Backend {
  const engine = createEngine();
  engine.monitor.start();
  onCleanup(() => engine.monitor.stop());
  return createBackend({ engine, host: webHost });
}

/** Browser mode's server for the built renderer in `staticRoot`, closed at cleanup. */
export async function serveBrowserMode(onCleanup: OnCleanup, backend: Backend, staticRoot: string): Promise<WebServer> {
  const web = await startWebServer({ backend, staticRoot, port: 0 });
  onCleanup(() => web.close());
  return web;
}
