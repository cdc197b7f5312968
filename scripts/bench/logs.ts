// Bench: logs.
//  1. `logs.fetch` of 200,000 lines through the real dispatcher vs `docker logs` (the CLI, incl. its
//     process start), with and without timestamps; goal: the handlers at most 1.2x the CLI.
//  2. In Chromium, browser mode, the real UI, a container with 1,000,000 log lines:
//     clicking the Logs tab -> the first row painted; loading all 1,000,000 lines (reported);
//     searching the 1,000,000 lines -> final result painted (goal: under 150 ms); jumping to
//     random places in the view -> rows painted (reported).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { Dispatcher } from '../../src/main/dispatch';
import type { LogBatch } from '../../src/shared/types/logs';
import type { StreamFrame } from '../../src/shared/transport';
import { BENCH_LABELS, benchBackend, benchDocker, dockerCli, log as logLine, median, ms, record, requireEnv, round, runBench, serveBrowserMode } from './lib';
import { FIRST_PAINT_PROBE, SCROLL_SCRIPT, SEARCH_PROBE } from './logs-page';

const NAME = 'logs';
const FETCH_LINES = 200_000;
const UI_LINES = 1_000_000;
const WARMUPS = 1;
const ITERATIONS = 7;
const UI_RUNS = 5;
const GOAL_RATIO = 1.2;
const GOAL_SEARCH_MS = 150;
const CHROMIUM_PATH = process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const log = (message: string): void => logLine(NAME, message);

/** A stopped container whose log has `lines` lines of about 90 characters (awk writes them). */
async function containerWithLines(image: string, lines: number): Promise<string> {
  const docker = benchDocker();
  const name = `berth-bench-logs-${lines}-${Date.now().toString(36)}`;
  const script = `awk 'BEGIN { for (i = 1; i <= ${lines}; i++) printf "2024-05-01 12:00:00 INFO worker-%d request %d handled in %dms path=/api/v1/items/%d\\n", i % 37, i, i % 1000, i * 13 }'`;
  const container = await docker.createContainer({ Image: image, name, Cmd: ['sh', '-c', script], Labels: { ...BENCH_LABELS } });
  await container.start();
  await container.wait();
  return name;
}

function fetchViaHandlers(dispatcher: Dispatcher, id: string, timestamps: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    let lines = 0;
    let acknowledge: (count: number) => void = () => undefined;
    const started = performance.now();
    // Acknowledged frame by frame, as the app's transports do (flow control on).
    const onFrame = (frame: StreamFrame): void => {
      if (frame.kind === 'data') {
        lines += (frame.message as LogBatch).lines.length;
        acknowledge(1);
      } else if (frame.kind === 'error') reject(new Error(`${frame.error.code}: ${frame.error.message}`));
      else if (lines !== FETCH_LINES) reject(new Error(`logs.fetch gave ${lines} lines, expected ${FETCH_LINES}`));
      else resolve(performance.now() - started);
    };
    const outcome = dispatcher.subscribe('logs.fetch', { id, tail: 'all', timestamps }, onFrame, { acknowledges: true });
    if (outcome.ok) acknowledge = outcome.acknowledge;
    else reject(new Error(outcome.error.message));
  });
}

async function fetchViaCli(id: string, timestamps: boolean): Promise<number> {
  const started = performance.now();
  const stdout = await dockerCli(['logs', ...(timestamps ? ['--timestamps'] : []), id]);
  const elapsed = performance.now() - started;
  const lines = stdout.split('\n').length - 1;
  if (lines !== FETCH_LINES) throw new Error(`docker logs printed ${lines} lines, expected ${FETCH_LINES}`);
  return elapsed;
}

async function benchFetch(dispatcher: Dispatcher, id: string): Promise<void> {
  for (const timestamps of [true, false]) {
    const handlerTimes: number[] = [];
    const cliTimes: number[] = [];
    for (let i = 0; i < WARMUPS + ITERATIONS; i++) {
      // Interleaved, alternating which goes first, so drift and caching hit both alike.
      const first = i % 2 === 0;
      const a = first ? await fetchViaHandlers(dispatcher, id, timestamps) : await fetchViaCli(id, timestamps);
      const b = first ? await fetchViaCli(id, timestamps) : await fetchViaHandlers(dispatcher, id, timestamps);
      if (i < WARMUPS) continue;
      handlerTimes.push(first ? a : b);
      cliTimes.push(first ? b : a);
    }
    const handlers = median(handlerTimes);
    const cli = median(cliTimes);
    const flag = timestamps ? ' --timestamps' : '';
    log(
      `logs.fetch ${FETCH_LINES} lines${flag}: handlers median ${ms(handlers)}, docker logs${flag} median ${ms(cli)}: ${(handlers / cli).toFixed(2)}x (goal <= ${GOAL_RATIO}x)`,
    );
    const details = {
      lines: FETCH_LINES,
      iterations: ITERATIONS,
      handlerSamples: handlerTimes.map((t) => round(t)),
      cliSamples: cliTimes.map((t) => round(t)),
    };
    record({ name: `logs.fetch ${FETCH_LINES} lines${flag}, dispatcher`, value: round(handlers), unit: 'ms', details });
    record({ name: `docker logs${flag} (${FETCH_LINES} lines), CLI incl. process start`, value: round(cli), unit: 'ms' });
    record({
      name: `logs.fetch / docker logs${flag} (${FETCH_LINES} lines)`,
      value: round(handlers / cli),
      unit: 'x',
      goal: { kind: 'max', value: GOAL_RATIO },
    });
  }
}

async function probeValue(page: Page, key: string, timeout = 120_000): Promise<number> {
  const handle = await page.waitForFunction((k) => (window as unknown as { __logsBench?: Record<string, number> }).__logsBench?.[k], key, {
    timeout,
    polling: 50,
  });
  return (await handle.jsonValue()) as number;
}

async function benchUi(url: string, container: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    log(`Chromium ${browser.version()}`);
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 860 } });
    const page = await context.newPage();
    page.on('pageerror', (err) => log(`page error: ${err.message}`));
    const firstPaint: number[] = [];
    for (let run = 1; run <= UI_RUNS; run++) {
      await page.goto(url);
      const row = page.locator(`[role=row][data-container-name="${container}"]`);
      await row.waitFor({ timeout: 60_000 });
      await row.getByRole('button', { name: container, exact: true }).click();
      await page.getByRole('tab', { name: 'Logs' }).waitFor();
      await page.evaluate(`(${FIRST_PAINT_PROBE})()`);
      await page.getByRole('tab', { name: 'Logs' }).click();
      const painted = await probeValue(page, 'paintedAt');
      const clicked = (await page.evaluate('window.__logsBench.clickedAt')) as number;
      firstPaint.push(painted - clicked);
      log(`run ${run}: Logs tab click -> first row painted ${ms(painted - clicked)}`);
    }
    record({
      name: 'UI: Logs tab -> first line painted (tail 1000)',
      value: round(median(firstPaint)),
      unit: 'ms',
      details: { samples: firstPaint.map((t) => round(t)) },
    });

    // This process is the server side (main in browser mode): with flow control, what it holds for
    // a renderer that is behind stays a few batches, however long the log. Heap and buffers, not
    // RSS: RSS stays at its earlier high-water mark and would hide any growth.
    const held = (): number => {
      const usage = process.memoryUsage();
      return usage.heapUsed + usage.external;
    };
    const heldBefore = held();
    let heldPeak = heldBefore;
    const sampler = setInterval(() => (heldPeak = Math.max(heldPeak, held())), 20);
    const loadStarted = performance.now();
    await page.getByRole('combobox', { name: 'Last' }).selectOption('all');
    await page.getByTestId('log-status').filter({ hasText: '1,000,000 lines' }).waitFor({ timeout: 600_000 });
    const loadMs = performance.now() - loadStarted;
    clearInterval(sampler);
    const heldGrowth = (heldPeak - heldBefore) / (1024 * 1024);
    log(`all ${UI_LINES} lines loaded into the view in ${ms(loadMs)} (WebSocket, decode, store); server heap+buffers peak +${heldGrowth.toFixed(1)} MB`);
    record({ name: `UI: load ${UI_LINES} lines into the view`, value: round(loadMs), unit: 'ms' });
    record({ name: `UI: load ${UI_LINES} lines, server heap+buffers peak growth`, value: round(heldGrowth), unit: 'MB' });

    const box = page.getByRole('searchbox', { name: 'Search logs' });
    /** Types `query` into an empty search box; ms from the input event to `expected` painted. */
    const timeSearch = async (query: string, expected: string): Promise<number> => {
      await box.fill('');
      await page.waitForFunction(() => document.querySelector('[data-testid=log-search-status]')?.textContent === '', undefined, { polling: 50 });
      await page.evaluate(`(${SEARCH_PROBE})(${JSON.stringify(expected)})`);
      await box.fill(query);
      const painted = await probeValue(page, 'paintedAt', 60_000);
      const input = (await page.evaluate('window.__logsBench.inputAt')) as number;
      return painted - input;
    };
    const searches: number[] = [];
    const queries: Array<[string, string]> = [
      ['request 999999 handled', '1 match'],
      ['REQUEST 424242 HANDLED', '1 match'],
      ['zzz-not-there', 'No matches'],
      ['request 777777 handled', '1 match'],
      ['request 123457 handled in 457ms', '1 match'],
    ];
    for (const [query, expected] of queries) {
      const took = await timeSearch(query, expected);
      searches.push(took);
      log(`search "${query}" over ${UI_LINES} lines -> "${expected}" painted in ${ms(took)}`);
    }
    const searchMedian = median(searches);
    log(`search median ${ms(searchMedian)} (goal < ${GOAL_SEARCH_MS} ms) ${searchMedian < GOAL_SEARCH_MS ? 'PASS' : 'MISS'}`);
    record({
      name: `UI: search ${UI_LINES} lines -> result painted`,
      value: round(searchMedian),
      unit: 'ms',
      goal: { kind: 'max', value: GOAL_SEARCH_MS },
      details: { samples: searches.map((t) => round(t)), queries: queries.map(([q]) => q) },
    });

    // Regular expressions run in a worker (the page can stop one that backtracks without end):
    // the same kind of search, paying for the lines' copy to the worker.
    await box.fill('');
    await page.getByRole('button', { name: 'Regular expression' }).click();
    const regexSearches: number[] = [];
    for (const [query, expected] of [
      ['request 9999\\d\\d handled', '100 matches'],
      ['request 4242\\d2 handled', '10 matches'],
      ['^zzz', 'No matches'],
    ] as const) {
      const took = await timeSearch(query, expected);
      regexSearches.push(took);
      log(`regex search /${query}/ over ${UI_LINES} lines (worker) -> "${expected}" painted in ${ms(took)}`);
    }
    record({
      name: `UI: regex search ${UI_LINES} lines in the worker -> result painted`,
      value: round(median(regexSearches)),
      unit: 'ms',
      details: { samples: regexSearches.map((t) => round(t)) },
    });
    await page.getByRole('button', { name: 'Regular expression' }).click();

    await box.fill('');
    const jumps = (await page.evaluate(`(${SCROLL_SCRIPT})(40)`)) as number[];
    const sorted = [...jumps].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN;
    log(`jump to a random place among ${UI_LINES} lines -> rows painted: median ${ms(median(jumps))}, p95 ${ms(p95)} (two frames included)`);
    record({
      name: `UI: jump within ${UI_LINES} lines -> painted (median)`,
      value: round(median(jumps)),
      unit: 'ms',
      details: { p95: round(p95), samples: jumps.map((t) => round(t)) },
    });
    await context.close();
  } finally {
    await browser.close();
  }
}

runBench(NAME, async (onCleanup) => {
  const image = requireEnv('BERTH_TEST_IMAGE');
  const staticRoot = path.resolve('out/renderer');
  if (!existsSync(path.join(staticRoot, 'index.html'))) throw new Error('out/renderer/index.html is missing: run `npx electron-vite build`');
  const docker = benchDocker();
  const made: string[] = [];
  onCleanup(async () => {
    for (const name of made)
      await docker
        .getContainer(name)
        .remove({ force: true })
        .catch(() => undefined);
  });

  let started = performance.now();
  const fetchContainer = await containerWithLines(image, FETCH_LINES);
  made.push(fetchContainer);
  log(`setup: a container with ${FETCH_LINES} log lines in ${ms(performance.now() - started)}`);
  const backend = benchBackend(onCleanup);
  const { dispatcher } = backend;
  await benchFetch(dispatcher, fetchContainer);
  if (dispatcher.openStreamCount() !== 0) throw new Error(`${dispatcher.openStreamCount()} streams left open`);

  started = performance.now();
  const uiContainer = await containerWithLines(image, UI_LINES);
  made.push(uiContainer);
  log(`setup: a container with ${UI_LINES} log lines in ${ms(performance.now() - started)}`);
  const web = await serveBrowserMode(onCleanup, backend, staticRoot);
  await benchUi(web.url, uiContainer);
});
