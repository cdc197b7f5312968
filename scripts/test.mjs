// `npm test`: bring up a real engine + test images, build, run vitest, clean up, summarise.
//   npm test                       all projects (unit, integration, e2e)
//   npm test -- test/unit          extra argv goes to `vitest run`
//   BERTH_SKIP_BUILD=1 npm test    skip `electron-vite build`
// The last line printed is always `N passed, N failed, N skipped`.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { childGroupRunner, onInterrupt } from './child-group.mjs';
import { cleanupAndStop, ensureEngine, ensureTestImages } from './test-engine.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (msg) => process.stderr.write(`[test] ${msg}\n`);

const children = childGroupRunner({ cwd: root, log });
let interrupted = null; // signal name once SIGINT/SIGTERM arrived
let rejectInterrupt;
const interruption = new Promise((_, reject) => {
  rejectInterrupt = reject;
});
interruption.catch(() => {});

onInterrupt(log, (sig) => {
  interrupted = sig;
  log(`${sig}: stopping, then cleaning up`);
  // The whole group (npx -> vitest -> workers), not just the npx wrapper.
  children.signal(sig);
  rejectInterrupt(new Error(`interrupted by ${sig}`));
});

/** Await a step unless a signal arrives first (the step is still awaited in finally). */
const pending = [];
const step = (promise) => {
  pending.push(promise);
  return Promise.race([promise, interruption]);
};

async function main() {
  const extra = process.argv.slice(2);
  const out = await mkdtemp(path.join(os.tmpdir(), 'berth-vitest-'));
  const jsonFile = path.join(out, 'vitest.json');
  let engine = null;
  let exitCode = 1;
  let counts = { passed: 0, failed: 0, skipped: 0, total: 0 };
  try {
    const t0 = Date.now();
    const starting = ensureEngine();
    starting.then(
      (e) => {
        engine = e;
      },
      () => {},
    ); // so finally stops it even if a signal came first
    engine = await step(starting);
    const images = await step(ensureTestImages(engine.dockerHost));
    log(`engine + images ready in ${Date.now() - t0} ms (${engine.isPrivate ? 'private dockerd' : 'existing engine'})`);
    const env = {
      ...process.env,
      DOCKER_HOST: engine.dockerHost,
      BERTH_TEST_IMAGE: images.busybox,
      BERTH_TEST_NOSHELL_IMAGE: images.noshell,
      // Browser-mode settings of anything under test land here, never in the user's ~/.config/berth.
      BERTH_SETTINGS_DIR: path.join(out, 'settings'),
      // The docker CLI's config (contexts, logins) that Berth and the CLI read in tests: never the user's.
      DOCKER_CONFIG: path.join(out, 'docker-config'),
    };
    if (process.env.BERTH_SKIP_BUILD === '1') {
      log('BERTH_SKIP_BUILD=1: skipping electron-vite build');
    } else {
      log('npx electron-vite build');
      const code = await step(children.run('npx', ['--no-install', 'electron-vite', 'build'], env));
      if (code !== 0) {
        log('='.repeat(72));
        log(`BUILD FAILED: electron-vite build exited ${code}; not running tests (e2e needs the renderer).`);
        log('='.repeat(72));
        exitCode = code || 1;
        return exitCode;
      }
    }
    const vitestArgs = ['--no-install', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`, ...extra];
    log(`npx ${vitestArgs.slice(1).join(' ')}`);
    exitCode = await step(children.run('npx', vitestArgs, env));
    counts = await readCounts(jsonFile);
    if (exitCode === 0 && counts.failed > 0) exitCode = 1;
    if (exitCode === 0 && counts.passed + counts.failed === 0) {
      log('no tests ran');
      exitCode = 1;
    }
  } catch (err) {
    log(interrupted ? err.message : err?.stack || String(err));
    if (interrupted) exitCode = interrupted === 'SIGINT' ? 130 : 143;
  } finally {
    await children.stop();
    await Promise.allSettled(pending);
    if (engine) await cleanupAndStop(engine, log);
    if (counts.total === 0) counts = await readCounts(jsonFile); // e.g. interrupted after vitest wrote it
    await rm(out, { recursive: true, force: true });
    if (interrupted && exitCode === 0) exitCode = 130;
    process.stdout.write(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
  return exitCode;
}

async function readCounts(file) {
  try {
    const json = JSON.parse(await readFile(file, 'utf8'));
    return {
      passed: json.numPassedTests ?? 0,
      failed: json.numFailedTests ?? 0,
      skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
      total: json.numTotalTests ?? 0,
    };
  } catch {
    return { passed: 0, failed: 0, skipped: 0, total: 0 };
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    log(err?.stack || String(err));
    process.stdout.write('0 passed, 0 failed, 0 skipped\n');
    process.exit(1);
  },
);
