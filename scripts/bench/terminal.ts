// Bench: the terminal, through the whole path in browser mode (Chromium -> HTTP/WebSocket -> the
// real dispatcher -> dockerode -> the engine -> a busybox shell, and back to xterm.js on screen).
//  1. keystroke-to-echo: a key press (page keydown, where xterm.js takes the key) until its echo
//     is drawn in the terminal's rows; median of 60 keys, typed one at a time. Goal: under 30 ms.
//     For a breakdown, the same without the browser: a Node WebSocket client on the web server
//     (input as HTTP invokes, output as stream frames), i.e. the real dispatcher + WebSocket path.
//  2. 50 MB of output streamed through a terminal session: time until the end marker is drawn, and
//     how responsive the page stayed meanwhile (longest gap between animation frames, long tasks).
//     For reference, how fast a bare xterm.js draws in the same browser (the ceiling here).
// Times are taken inside the page (performance.now()) so Playwright's own latency does not count.
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import WebSocket from 'ws';
import { BENCH_LABELS, benchBackend, benchDocker, log as logLine, median, ms, record, requireEnv, round, runBench, serveBrowserMode } from './lib';

const NAME = 'terminal';
const KEYS = 60;
const FLOOD_BYTES = 50 * 1024 * 1024;
const CHROMIUM_PATH = process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const log = (message: string): void => logLine(NAME, message);

// Page scripts are plain strings: tsx would wrap named functions in a helper the page lacks.
const ROWS = "document.querySelector('[data-testid=terminal] .xterm-rows')";

/** Arms a probe: the next keydown's time, and the time the rows' text next changes after it. */
const ARM_ECHO = `() => {
  const rows = ${ROWS};
  const before = rows.textContent;
  const probe = (window.__echo = { t0: 0, t1: 0 });
  const onKey = () => { probe.t0 = performance.now(); document.removeEventListener('keydown', onKey, true); };
  document.addEventListener('keydown', onKey, true);
  const observer = new MutationObserver(() => {
    if (probe.t0 && rows.textContent !== before) { probe.t1 = performance.now(); observer.disconnect(); }
  });
  observer.observe(rows, { subtree: true, childList: true, characterData: true });
}`;

/** Records every animation frame's gap and every long task until stopped; resolves the stats. */
const WATCH_FRAMES = `() => {
  const watch = (window.__frames = { gaps: [], longTasks: [], running: true, last: performance.now() });
  const tick = (now) => { watch.gaps.push(now - watch.last); watch.last = now; if (watch.running) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  try {
    watch.observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) watch.longTasks.push(e.duration); });
    watch.observer.observe({ type: 'longtask' });
  } catch {}
}`;

// Predicates for waitForFunction are functions: the page's CSP refuses string evaluation there.
declare const document: { querySelector(selector: string): { textContent: string | null } | null };
declare const window: { __echo: { t0: number; t1: number } };

async function screenHas(page: Page, text: string, timeout: number): Promise<void> {
  await page.waitForFunction((wanted) => document.querySelector('[data-testid=terminal] .xterm-rows')?.textContent?.includes(wanted) ?? false, text, {
    timeout,
    polling: 50,
  });
}

/** Keystroke -> echo frame through the web server only: HTTP invoke in, WebSocket frame out. */
async function wsEchoLatency(port: number, token: string, container: string, keys: number): Promise<number[]> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/api/ws?token=${token}`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let onOutput: ((text: string) => void) | undefined;
  let sessionId = '';
  const ready = new Promise<void>((resolve) => {
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { frame: { kind: string; message?: { kind: string; sessionId?: string; data?: string } } };
      const message = frame.frame.message;
      if (message?.kind === 'ready') {
        sessionId = message.sessionId ?? '';
        resolve();
      } else if (message?.kind === 'output') onOutput?.(Buffer.from(message.data ?? '', 'base64').toString('latin1'));
    });
  });
  ws.send(JSON.stringify({ type: 'subscribe', id: 'bench', topic: 'exec.session', input: { id: container, cols: 120, rows: 40 } }));
  await ready;
  // http.request, not fetch: Node 20's fetch sends headers and body apart and waits out the
  // peer's delayed ACK (~40 ms on loopback); browsers do not.
  const agent = new http.Agent({ keepAlive: true });
  const input = (data: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/invoke/exec.input',
          agent,
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        },
        (response) => response.resume().on('end', () => resolve()),
      );
      request.on('error', reject);
      request.end(JSON.stringify({ sessionId, data }));
    });
  await new Promise((resolve) => setTimeout(resolve, 500)); // the shell's banner and prompt
  const samples: number[] = [];
  for (let i = 0; i < keys + 5; i++) {
    const key = String.fromCharCode(97 + (i % 26));
    const echoed = new Promise<void>((resolve) => {
      onOutput = (text) => {
        if (text.includes(key)) resolve();
      };
    });
    const t0 = performance.now();
    await input(key);
    await echoed;
    if (i >= 5) samples.push(performance.now() - t0);
  }
  await input('\x15');
  agent.destroy();
  ws.close();
  return samples;
}

/** Reference: 10 MB written straight into a bare xterm.js in the same browser (no Berth at all). */
const XTERM_ALONE = `(async () => {
  const el = document.getElementById('t');
  const term = new window.Terminal({ scrollback: 5000, cols: 160, rows: 40 });
  term.open(el);
  const line = new TextEncoder().encode('berth terminal throughput 0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ\\r\\n'.repeat(180));
  const total = 10 * 1024 * 1024;
  const t0 = performance.now();
  await new Promise((resolve) => {
    let sent = 0;
    while (sent < total) { sent += line.length; term.write(line, sent >= total ? resolve : undefined); }
  });
  const seconds = (performance.now() - t0) / 1000;
  term.dispose();
  return 10 / seconds;
})()`;

async function xtermAloneMBps(browser: Browser): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  try {
    await page.setContent('<div id="t" style="width:1300px;height:700px"></div>');
    await page.addStyleTag({ path: 'node_modules/@xterm/xterm/css/xterm.css' });
    await page.addScriptTag({ path: 'node_modules/@xterm/xterm/lib/xterm.js' });
    return (await page.evaluate(XTERM_ALONE)) as number;
  } finally {
    await page.close();
  }
}

runBench(NAME, async (onCleanup) => {
  const image = requireEnv('BERTH_TEST_IMAGE');
  const staticRoot = path.resolve('out/renderer');
  if (!existsSync(path.join(staticRoot, 'index.html'))) throw new Error('out/renderer/index.html is missing: run `npx electron-vite build`');
  const docker = benchDocker();
  const name = `berth-bench-term-${Date.now().toString(36)}`;
  const container = await docker.createContainer({ Image: image, name, Cmd: ['sleep', '3600'], Labels: { ...BENCH_LABELS } });
  onCleanup(() => container.remove({ force: true }));
  await container.start();

  const backend = benchBackend(onCleanup);
  const web = await serveBrowserMode(onCleanup, backend, staticRoot);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  onCleanup(() => browser.close());
  log(`Chromium ${browser.version()}, container ${name}`);

  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  await page.goto(web.url);
  const row = page.locator(`[role=row][data-container-name="${name}"]`);
  await row.getByRole('button', { name, exact: true }).click();
  await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
  await page.getByRole('button', { name: 'New shell' }).click();
  await screenHas(page, '/ # ', 30_000);
  await page.locator('[data-testid=terminal] .xterm').click();

  // 1. Keystroke to echo.
  const samples: number[] = [];
  for (let i = 0; i < KEYS + 5; i++) {
    await page.evaluate(`(${ARM_ECHO})()`);
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    const handle = await page.waitForFunction(() => (window.__echo.t1 > 0 ? window.__echo : false), undefined, { timeout: 10_000, polling: 'raf' });
    const { t0, t1 } = (await handle.jsonValue()) as { t0: number; t1: number };
    if (i >= 5) samples.push(t1 - t0); // the first keys warm up the path (connections, JIT)
  }
  await page.keyboard.press('Control+U');
  const echoMedian = median(samples);
  const sorted = [...samples].sort((a, b) => a - b);
  const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? Number.NaN;
  log(
    `keystroke -> echo drawn: median ${ms(echoMedian)}, p90 ${ms(p90)}, min ${ms(sorted[0] ?? NaN)}, max ${ms(sorted.at(-1) ?? NaN)} (${samples.length} keys)`,
  );
  record({
    name: 'keystroke -> echo drawn (median)',
    value: round(echoMedian),
    unit: 'ms',
    goal: { kind: 'max', value: 30 },
    details: { p90: round(p90), samples: samples.map((s) => round(s)) },
  });

  const wsSamples = await wsEchoLatency(web.port, web.token, name, KEYS);
  log(`keystroke -> echo frame, dispatcher + WebSocket only (no browser): median ${ms(median(wsSamples))}`);
  record({
    name: 'keystroke -> echo frame, no browser (median)',
    value: round(median(wsSamples)),
    unit: 'ms',
    details: { samples: wsSamples.map((s) => round(s)) },
  });

  // 2. 50 MB of output.
  const line = 'berth terminal throughput 0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const command = `clear; yes '${line}' | head -c ${FLOOD_BYTES}; echo; echo FLOOD-$((1+1))-DONE\n`;
  await page.evaluate(`(${WATCH_FRAMES})()`);
  const started = Date.now();
  await page.keyboard.type(command);
  await screenHas(page, 'FLOOD-2-DONE', 10 * 60_000);
  const seconds = (Date.now() - started) / 1000;
  const frames = (await page.evaluate(
    `(() => { const w = window.__frames; w.running = false; w.observer?.disconnect(); return { gaps: w.gaps, longTasks: w.longTasks }; })()`,
  )) as {
    gaps: number[];
    longTasks: number[];
  };
  const gaps = [...frames.gaps].sort((a, b) => a - b);
  const maxGap = gaps.at(-1) ?? Number.NaN;
  const p99Gap = gaps[Math.floor(gaps.length * 0.99)] ?? Number.NaN;
  const longTaskMs = frames.longTasks.reduce((sum, d) => sum + d, 0);
  const mbPerSecond = FLOOD_BYTES / 1024 / 1024 / seconds;
  log(
    `50 MB through the terminal: ${seconds.toFixed(1)} s (${mbPerSecond.toFixed(1)} MB/s); ${gaps.length} frames, longest gap ${ms(maxGap)}, p99 gap ${ms(p99Gap)}; ${frames.longTasks.length} long tasks, ${ms(longTaskMs)} in all`,
  );
  record({ name: '50 MB output: time to the end marker', value: round(seconds * 1000), unit: 'ms', details: { mbPerSecond: round(mbPerSecond) } });
  record({
    name: '50 MB output: longest frame gap',
    value: round(maxGap),
    unit: 'ms',
    goal: { kind: 'max', value: 250 },
    details: { p99Gap: round(p99Gap), frames: gaps.length },
  });
  record({
    name: '50 MB output: long tasks (> 50 ms), total',
    value: round(longTaskMs),
    unit: 'ms',
    details: { count: frames.longTasks.length, longest: round(Math.max(0, ...frames.longTasks)) },
  });
  await context.close();

  const alone = await xtermAloneMBps(browser);
  log(`reference: a bare xterm.js in this browser draws ${alone.toFixed(1)} MB/s (Berth's terminal: ${mbPerSecond.toFixed(1)} MB/s end to end)`);
  record({ name: 'reference: bare xterm.js write throughput', value: round(alone), unit: 'MB/s' });
});
