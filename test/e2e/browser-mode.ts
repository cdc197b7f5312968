// Shared set-up for browser-mode end-to-end tests: the real handlers behind the real web server,
// the built renderer, and Debian's Chromium driven by playwright-core.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Dispatcher } from '../../src/main/dispatch';
import { createEngine, type Engine } from '../../src/main/engine/core/engine';
import type { Backend } from '../../src/main/backend';
import { createBackends } from '../../src/main/backends';
import { webHost } from '../../src/main/host';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { removeTestContainers } from '../helpers/engine';

const CHROMIUM_PATH = process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export interface BrowserMode {
  engine: Engine;
  dispatcher: Dispatcher;
  /** Everything the server runs on: its transfers and terminal sessions. */
  backend: Backend;
  web: WebServer;
  browser: Browser;
  /** This run's settings folder (a temp dir: tests never touch the user's ~/.config/berth). */
  settingsDir: string;
  /** A new page on the UI, loaded and showing the app shell. */
  openPage(options?: { locale?: string; colorScheme?: 'light' | 'dark' }): Promise<Page>;
  close(): Promise<void>;
}

/** `env` picks the engine (DOCKER_HOST…): a test that stops its own private engine passes it. */
export async function startBrowserMode(env: NodeJS.ProcessEnv = process.env): Promise<BrowserMode> {
  const staticRoot = path.resolve('out/renderer');
  if (!existsSync(path.join(staticRoot, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npx electron-vite build` (npm test does).');
  }
  const engine = createEngine(env);
  engine.monitor.start();
  const settingsDir = await mkdtemp(path.join(tmpdir(), 'berth-e2e-settings-'));
  const host = { ...webHost, settingsDir };
  // As `npm run web` serves it: the engine given, and any docker context by its `engine` field.
  const backend = createBackends({ engine, host, engines: { env } });
  const web = await startWebServer({ backend, staticRoot, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    engine,
    dispatcher: backend.dispatcher,
    backend,
    web,
    browser,
    settingsDir,
    async openPage(options = {}) {
      const context = await browser.newContext({
        locale: options.locale ?? 'en-US',
        colorScheme: options.colorScheme ?? 'light',
        viewport: { width: 1400, height: 860 },
      });
      const page = await context.newPage();
      page.on('pageerror', (err) => console.error('page error:', err.message));
      await page.goto(web.url);
      await page.getByRole('navigation').waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await web.close();
      backend.dispose();
      engine.monitor.stop();
      await rm(settingsDir, { recursive: true, force: true });
    },
  };
}

/**
 * Browser mode for one test file: started before its tests, closed after them (and the test
 * containers removed). The object stands for the running instance once beforeAll has run.
 */
export function browserModeForFile(): BrowserMode {
  let started: BrowserMode | undefined;
  beforeAll(async () => {
    started = await startBrowserMode();
  });
  afterAll(async () => {
    await started?.close();
    await removeTestContainers();
  });
  const current = (): BrowserMode => {
    if (!started) throw new Error('browser mode has not started (did beforeAll fail?)');
    return started;
  };
  return {
    get engine() {
      return current().engine;
    },
    get dispatcher() {
      return current().dispatcher;
    },
    get backend() {
      return current().backend;
    },
    get web() {
      return current().web;
    },
    get browser() {
      return current().browser;
    },
    get settingsDir() {
      return current().settingsDir;
    },
    openPage: (options) => current().openPage(options),
    close: () => current().close(),
  };
}

/** Opens a container's detail view from its row in the list, and one of its tabs when named. */
export async function openContainer(page: Page, name: string, tab?: string): Promise<void> {
  const row = page.locator(`[role=row][data-container-name="${name}"]`);
  await row.waitFor({ timeout: 15_000 });
  await row.getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
  if (tab) await page.getByRole('tab', { name: tab, exact: true }).click();
}
