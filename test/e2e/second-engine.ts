// A second private dockerd reached through a real docker context (made by the docker CLI in this
// run's own DOCKER_CONFIG), for tests of several engines; and switching engines from the top bar.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { ensureTestImages, startPrivateEngine, type PrivateEngine } from '../../scripts/test-engine.mjs';

const exec = promisify(execFile);

export interface SecondEngine {
  engine: PrivateEngine;
  images: Awaited<ReturnType<typeof ensureTestImages>>;
  /** DOCKER_CONFIG with the context: start browser mode with it so the engine is listed. */
  configDir: string;
  /** The docker CLI with this run's config (e.g. `context create` more contexts). */
  contextCli(...args: string[]): Promise<{ stdout: string }>;
  /** The docker CLI on the second engine. */
  cli(...args: string[]): Promise<{ stdout: string }>;
  close(): Promise<void>;
}

export async function startSecondEngine(contextName: string): Promise<SecondEngine> {
  const engine = await startPrivateEngine();
  const images = await ensureTestImages(engine.dockerHost);
  const configDir = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-engines-'));
  const cliEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_CONFIG: configDir };
  const contextCli = (...args: string[]) => exec('docker', args, { env: cliEnv });
  await contextCli('context', 'create', contextName, '--docker', `host=${engine.dockerHost}`);
  return {
    engine,
    images,
    configDir,
    contextCli,
    cli: (...args: string[]) => exec('docker', ['-H', engine.dockerHost, ...args]),
    close: async () => {
      await Promise.allSettled([engine.stop(), rm(configDir, { recursive: true, force: true })]);
    },
  };
}

/** Picks an engine from the top bar's switcher. */
export async function pickEngine(page: Page, name: RegExp): Promise<void> {
  await page.getByTestId('engine-switcher').click();
  await page.getByRole('menu', { name: 'Engines' }).getByRole('menuitemradio', { name }).click();
}
