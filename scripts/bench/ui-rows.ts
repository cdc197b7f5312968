// Bench: the containers view in browser mode with 1,000 containers on the engine.
//  1. navigation start -> the table says aria-rowcount = containers + 1 and a row is painted;
//  2. scroll the table body to the bottom -> the last row is rendered and painted.
// The built renderer (out/renderer) is served in-process by startWebServer; Debian's Chromium is
// driven by playwright-core. 5 runs, each in a fresh browser context (cold HTTP cache), median.
// Times are taken inside the page (performance.now(), whose origin is the navigation start) by a
// script injected before the app's own, so Playwright's polling latency does not count.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import {
  benchBackend,
  benchDocker,
  ensureBenchContainers,
  log as logLine,
  median,
  ms,
  record,
  removeBenchContainers,
  requireEnv,
  round,
  runBench,
  serveBrowserMode,
} from './lib';

const NAME = 'ui-rows';
const CONTAINERS = 1000;
const RUNS = 5;
const TIMEOUT_MS = 60_000;
const CHROMIUM_PATH = process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const log = (message: string): void => logLine(NAME, message);

/** Page-side timings (ms from navigation start) of the run's first load, for reading the total. */
interface Breakdown {
  domContentLoaded: number | null;
  listRequestStart: number | null;
  listResponseEnd: number | null;
}

// Page scripts are plain JavaScript strings: tsx (esbuild keepNames) would wrap named functions in
// a `__name` helper that does not exist in the page.

/** Runs in the page before its scripts: on every frame, is the whole list there with a row laid out? */
const PROBE_SCRIPT = `(rowCount) => {
  const probe = (window.__berthBench = {});
  const check = () => {
    const table = document.querySelector('[role=table][aria-label="Containers"]');
    const row = document.querySelector('[role=row][data-container-name]');
    if (table && table.getAttribute('aria-rowcount') === String(rowCount) && row && row.getBoundingClientRect().height > 0) {
      probe.shownDomAt = performance.now();
      const list = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/invoke/containers.list')).pop();
      const nav = performance.getEntriesByType('navigation')[0];
      probe.breakdown = {
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
        listRequestStart: list ? list.startTime : null,
        listResponseEnd: list ? list.responseEnd : null,
      };
      // The frame that had the rows is painted before the next frame's callbacks run.
      requestAnimationFrame(() => { probe.shownPaintedAt = performance.now(); });
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}`;

/** Runs in the page: scroll the table body to the bottom, then watch for the last row in view. */
const SCROLL_SCRIPT = `(rowCount) => {
  const probe = window.__berthBench;
  const body = document.querySelector('[data-testid=container-rows]');
  if (!body) throw new Error('no [data-testid=container-rows] in the page');
  const check = () => {
    const last = document.querySelector('[role=row][aria-rowindex="' + rowCount + '"]');
    if (last) {
      const box = last.getBoundingClientRect();
      const view = body.getBoundingClientRect();
      if (box.height > 0 && box.bottom > view.top && box.top < view.bottom) {
        probe.lastDomAt = performance.now();
        requestAnimationFrame(() => { probe.lastPaintedAt = performance.now(); });
        return;
      }
    }
    requestAnimationFrame(check);
  };
  probe.scrollStart = performance.now();
  body.scrollTop = body.scrollHeight;
  check();
}`;

runBench(NAME, async (onCleanup) => {
  const image = requireEnv('BERTH_TEST_IMAGE');
  const staticRoot = path.resolve('out/renderer');
  if (!existsSync(path.join(staticRoot, 'index.html'))) throw new Error('out/renderer/index.html is missing: run `npx electron-vite build`');
  const docker = benchDocker();
  onCleanup(async () => log(`removed ${await removeBenchContainers(docker)} bench containers`));

  const setup = await ensureBenchContainers(docker, image, CONTAINERS);
  log(`setup: created ${setup.created} containers from ${image} in ${ms(setup.ms)} (16 in parallel)`);
  const total = (await docker.listContainers({ all: true })).length;
  const rowCount = total + 1; // aria-rowcount counts the header row
  log(`the engine has ${total} containers in all; waiting for aria-rowcount="${rowCount}"`);

  const backend = benchBackend(onCleanup);
  const web = await serveBrowserMode(onCleanup, backend, staticRoot);
  log(`serving ${staticRoot} at http://127.0.0.1:${web.port}/`);

  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  onCleanup(() => browser.close());
  log(`Chromium ${browser.version()}`);

  const shown: number[] = [];
  const shownDom: number[] = [];
  const breakdowns: Breakdown[] = [];
  const scrolled: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 860 } });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      await context.addInitScript({ content: `(${PROBE_SCRIPT})(${rowCount});` });
      await page.goto(web.url, { waitUntil: 'commit' });
      const probe = async (key: 'shownPaintedAt' | 'lastPaintedAt', what: string): Promise<number> => {
        try {
          // A function, not a string: the page's CSP (no 'unsafe-eval') refuses string predicates.
          const handle = await page.waitForFunction((k) => (window as unknown as { __berthBench?: Record<string, number> }).__berthBench?.[k], key, {
            timeout: TIMEOUT_MS,
            polling: 100,
          });
          return (await handle.jsonValue()) as number;
        } catch (err) {
          const seen = await page
            .evaluate(
              `({
              rowcount: document.querySelector('[role=table]')?.getAttribute('aria-rowcount') ?? null,
              rows: document.querySelectorAll('[role=row][data-container-name]').length,
              text: document.body?.innerText.slice(0, 300) ?? '',
            })`,
            )
            .catch(() => undefined);
          const pageErrors = errors.length ? `; page errors: ${errors.join(' | ')}` : '';
          const why = (err as Error).message.split('\n')[0];
          throw new Error(`run ${run}: ${what} did not happen (${why}); page: ${JSON.stringify(seen)}${pageErrors}`, { cause: err });
        }
      };
      const shownAt = await probe('shownPaintedAt', `the table with ${total} rows`);
      const shownDomAt = ((await page.evaluate('window.__berthBench.shownDomAt')) as number | undefined) ?? Number.NaN;
      const breakdown = (await page.evaluate('window.__berthBench.breakdown')) as Breakdown;
      await page.evaluate(`(${SCROLL_SCRIPT})(${rowCount})`);
      const lastAt = await probe('lastPaintedAt', 'the last row after scrolling');
      const scrollStart = ((await page.evaluate('window.__berthBench.scrollStart')) as number | undefined) ?? Number.NaN;
      shown.push(shownAt);
      shownDom.push(shownDomAt);
      breakdowns.push(breakdown);
      scrolled.push(lastAt - scrollStart);
      log(
        `run ${run}: ${total} rows shown ${ms(shownAt)} after navigation start (in the DOM at ${ms(shownDomAt)}); scroll to the last row ${ms(lastAt - scrollStart)}`,
      );
      log(
        `run ${run}:   DOMContentLoaded ${ms(breakdown.domContentLoaded ?? NaN)}, containers.list request ${ms(breakdown.listRequestStart ?? NaN)} -> response ${ms(breakdown.listResponseEnd ?? NaN)}`,
      );
      if (errors.length) log(`run ${run}: page errors: ${errors.join(' | ')}`);
    } finally {
      await context.close();
    }
  }

  const shownMedian = median(shown);
  const scrollMedian = median(scrolled);
  log(`median of ${RUNS}: navigation start -> ${total} containers shown: ${ms(shownMedian)}`);
  log(`median of ${RUNS}: scroll to the bottom -> last row painted: ${ms(scrollMedian)}`);
  log('no goal number for these yet: reported only');
  const details = { containers: total, runs: RUNS, chromium: browser.version() };
  record({
    name: `UI: navigation -> ${total} rows shown`,
    value: round(shownMedian),
    unit: 'ms',
    details: { ...details, samples: shown.map((t) => round(t)), domSamples: shownDom.map((t) => round(t)), breakdowns },
  });
  record({
    name: `UI: scroll to bottom -> last row painted (${total})`,
    value: round(scrollMedian),
    unit: 'ms',
    details: { ...details, samples: scrolled.map((t) => round(t)) },
  });
  record({ name: `setup: create ${setup.created} containers`, value: round(setup.ms), unit: 'ms' });
});
