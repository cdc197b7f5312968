// `npm run bench`: bring up a real engine + test images (scripts/test-engine.mjs, as npm test does),
// run each bench module under scripts/bench/ through tsx, print a summary table, and write
// .bench/results.json. A MISS against a goal does not fail the run; a bench that crashes does.
//   npm run bench                  every bench
//   npm run bench -- ui-rows       only the benches named
//   BERTH_BENCH_BUILD=1 npm run bench   rebuild the renderer even when out/renderer exists
// Adding a bench: one file under scripts/bench/ (see lib.ts: record() its measurements) and one
// line in BENCHES below.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childGroupRunner, onInterrupt } from './child-group.mjs';
import { cleanupAndStop, cleanupTestObjects, docker, ensureEngine, ensureTestImages } from './test-engine.mjs';

const BENCHES = [
  { name: 'containers-list', file: 'scripts/bench/containers-list.ts' },
  { name: 'images', file: 'scripts/bench/images.ts' },
  { name: 'files', file: 'scripts/bench/files.ts' },
  { name: 'files-list', file: 'scripts/bench/files-list.ts' },
  { name: 'inspection', file: 'scripts/bench/inspection.ts' },
  { name: 'ui-rows', file: 'scripts/bench/ui-rows.ts', needsRenderer: true },
  { name: 'stats', file: 'scripts/bench/stats.ts' },
  { name: 'desktop', file: 'scripts/bench/desktop.ts' },
  { name: 'logs', file: 'scripts/bench/logs.ts', needsRenderer: true },
  { name: 'terminal', file: 'scripts/bench/terminal.ts', needsRenderer: true },
  { name: 'registry', file: 'scripts/bench/registry.ts' },
  { name: 'volumes', file: 'scripts/bench/volumes.ts' },
  { name: 'engines', file: 'scripts/bench/engines.ts' },
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_TIMEOUT_MS = 20 * 60_000;
const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);

const children = childGroupRunner({ cwd: root, log });
let interrupted = null;
onInterrupt(log, (sig) => {
  interrupted = sig;
  log(`${sig}: stopping the current bench, then cleaning up`);
  children.signal(sig, false); // the bench cleans up (containers, server, browser) and exits
});

function verdict(m) {
  if (!m.goal || !Number.isFinite(m.value)) return '-';
  const ok = m.goal.kind === 'max' ? m.value <= m.goal.value : m.value >= m.goal.value;
  return ok ? 'PASS' : 'MISS';
}

const goalText = (m) => (m.goal ? `${m.goal.kind === 'max' ? '<=' : '>='} ${m.goal.value}${m.unit === 'x' ? 'x' : ` ${m.unit}`}` : '-');
const valueText = (m) => (m.unit === 'x' ? `${m.value.toFixed(2)}x` : `${m.value.toFixed(1)} ${m.unit}`);

function printSummary(results) {
  const rows = [['bench', 'measurement', 'value', 'goal', 'result']];
  for (const r of results) {
    for (const m of r.measurements) rows.push([r.name, m.name, valueText(m), goalText(m), verdict(m)]);
    if (r.exitCode !== 0)
      rows.push([
        r.name,
        r.skipped ? `(not run: ${r.skipped})` : r.exitCode >= 128 ? `(interrupted: exit ${r.exitCode})` : `(crashed: exit ${r.exitCode})`,
        '-',
        '-',
        'ERROR',
      ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) =>
    row
      .map((cell, i) => (i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = ['', 'Bench summary', line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line), ''];
  process.stdout.write(out.join('\n') + '\n');
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !BENCHES.some((b) => b.name === w));
  if (unknown.length) {
    log(`unknown bench(es): ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`);
    return 2;
  }
  const selected = wanted.length ? BENCHES.filter((b) => wanted.includes(b.name)) : BENCHES;
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'berth-bench-'));
  const report = { startedAt: new Date().toISOString(), finishedAt: null, machine: machineInfo(), engine: null, benches: [] };
  let engine = null;
  let exitCode = 0;
  try {
    const t0 = Date.now();
    const starting = ensureEngine();
    starting.then(
      (e) => {
        engine = e;
      },
      () => {},
    ); // so finally stops it whatever happens
    engine = await starting;
    const images = await ensureTestImages(engine.dockerHost);
    await cleanupTestObjects(engine.dockerHost); // leftovers of an earlier run would skew counts
    const version = await docker(engine.dockerHost, ['version', '--format', '{{.Server.Version}}'], { check: false });
    report.engine = { host: engine.dockerHost, private: engine.isPrivate, version: version.stdout.trim() };
    log(`engine + images ready in ${Date.now() - t0} ms (${engine.isPrivate ? 'private dockerd' : 'existing engine'} ${report.engine.version})`);
    const env = { ...process.env, DOCKER_HOST: engine.dockerHost, BERTH_TEST_IMAGE: images.busybox, BERTH_TEST_NOSHELL_IMAGE: images.noshell };

    let rendererProblem = null;
    const needsRenderer = selected.some((b) => b.needsRenderer);
    const haveRenderer = () => existsSync(path.join(root, 'out/renderer/index.html'));
    if (needsRenderer && (process.env.BERTH_BENCH_BUILD === '1' || !haveRenderer()) && !interrupted) {
      log('npx electron-vite build');
      const code = await children.run('npx', ['--no-install', 'electron-vite', 'build'], env, BENCH_TIMEOUT_MS);
      if (code !== 0 || !haveRenderer()) rendererProblem = `electron-vite build exited ${code}`;
    }

    for (const bench of selected) {
      if (interrupted) break;
      const entry = { name: bench.name, file: bench.file, exitCode: 0, ms: 0, measurements: [] };
      report.benches.push(entry);
      if (bench.needsRenderer && rendererProblem) {
        Object.assign(entry, { exitCode: 1, skipped: rendererProblem });
        exitCode = 1;
        continue;
      }
      const out = path.join(tmp, `${bench.name}.json`);
      log(`--- ${bench.name}: node --import tsx ${bench.file}`);
      const started = Date.now();
      // tsx as a loader in one node process (no npx/tsx wrappers between us and the bench's signals).
      entry.exitCode = await children.run(process.execPath, ['--import', 'tsx', bench.file], { ...env, BERTH_BENCH_OUT: out }, BENCH_TIMEOUT_MS);
      entry.ms = Date.now() - started;
      entry.measurements = await readMeasurements(out);
      log(`--- ${bench.name}: ${entry.exitCode === 0 ? 'done' : `FAILED (exit ${entry.exitCode})`} in ${(entry.ms / 1000).toFixed(1)} s`);
      if (entry.exitCode !== 0) exitCode = 1;
    }
  } catch (err) {
    log(interrupted ? `interrupted: ${err?.message ?? err}` : err?.stack || String(err));
    exitCode = 1;
  } finally {
    if (engine) await cleanupAndStop(engine, log);
    await rm(tmp, { recursive: true, force: true });
    report.finishedAt = new Date().toISOString();
    report.machine.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));
    printSummary(report.benches);
    try {
      await mkdir(path.join(root, '.bench'), { recursive: true });
      await writeFile(path.join(root, '.bench/results.json'), JSON.stringify(report, null, 2) + '\n');
      log('results written to .bench/results.json');
    } catch (err) {
      log(`could not write .bench/results.json: ${err.message}`);
    }
  }
  if (interrupted) return interrupted === 'SIGINT' ? 130 : 143;
  return exitCode;
}

async function readMeasurements(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return [];
  }
}

function machineInfo() {
  const cpus = os.cpus();
  return {
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? '',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

main().then(
  (code) => process.exit(code),
  (err) => {
    log(err?.stack || String(err));
    process.exit(1);
  },
);
