// The top bar's Tasks tray lists every transfer of every engine (transfers.active), so one started
// in a view stays visible and cancellable after the user leaves the view and switches engines.
// Real parts: the test engine, reached also through a second docker context (a second engine id),
// browser mode and Chromium. The page does not follow its download link (as if the browser had not
// started the download yet), so the export stays running, its one-time ticket unused, until the
// test cancels it: no race with a fast transfer.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { describeFindings, scanPage } from './axe';
import { startBrowserMode, type BrowserMode } from './browser-mode';

const exec = promisify(execFile);
const SECOND = 'second-engine';
const name = uniqueName('tray-export');
let configDir: string;
let mode: BrowserMode;

beforeAll(async () => {
  configDir = await mkdtemp(path.join(os.tmpdir(), 'berth-e2e-tray-'));
  const dockerHost = process.env.DOCKER_HOST;
  if (!dockerHost) throw new Error('the tests run against a private engine named by DOCKER_HOST');
  await exec('docker', ['context', 'create', SECOND, '--docker', `host=${dockerHost}`], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_CONFIG: configDir },
  });
  await docker().createContainer({ Image: testImage, name, Cmd: ['true'], Labels: { ...TEST_LABELS } });
  mode = await startBrowserMode({ ...process.env, DOCKER_CONFIG: configDir });
}, 120_000);

afterAll(async () => {
  await mode?.close();
  await docker()
    .getContainer(name)
    .remove({ force: true })
    .catch(() => undefined);
  await rm(configDir, { recursive: true, force: true });
}, 60_000);

async function pickEngine(page: Page, engine: RegExp): Promise<void> {
  await page.getByTestId('engine-switcher').click();
  await page.getByRole('menu', { name: 'Engines' }).getByRole('menuitemradio', { name: engine }).click();
}

/** The page's download links are not followed (the app starts browser-mode downloads by clicking one): their transfers wait. */
async function holdDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const follow = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      if (!new URL(this.href).pathname.startsWith('/api/download/')) follow.call(this);
    };
  });
}

describe('browser mode: transfers in the Tasks tray', () => {
  it('keeps an export started on one engine listed with that engine after leaving the view and switching, and Cancel there stops it', async () => {
    const page = await mode.openPage();
    await holdDownloads(page);
    try {
      await pickEngine(page, new RegExp(`^${SECOND}`));
      const row = page.locator(`[role=row][data-container-name="${name}"]`);
      await row.waitFor({ timeout: 15_000 });
      await row.getByRole('button', { name: 'Export', exact: true }).click();
      await page.locator('[data-testid=transfer][data-phase=running]').waitFor({ timeout: 15_000 });

      // Away from the view that started it, and onto the other engine.
      await page.getByRole('navigation').getByRole('button', { name: 'Volumes', exact: true }).click();
      await pickEngine(page, /^default/);
      await expect.poll(() => page.getByTestId('engine-switcher').textContent()).toContain('default');
      expect(await page.locator('[data-testid=transfer]').count()).toBe(0);

      const button = page.locator('.reg-tray-button');
      await expect.poll(() => button.textContent(), { timeout: 15_000 }).toBe('1 task running');
      // By keyboard: the button, then Tab through the panel to the transfer's Cancel.
      await button.focus();
      await page.keyboard.press('Enter');
      const tray = page.getByRole('complementary', { name: 'Tasks' });
      await tray.waitFor();
      const transfer = tray.locator('[data-testid=tray-transfer]', { hasText: `${name}.tar` });
      await transfer.waitFor();
      expect(await transfer.getAttribute('data-phase')).toBe('running');
      expect(await transfer.getAttribute('data-direction')).toBe('download');
      expect(await transfer.locator('.engine-tag').getAttribute('data-engine')).toBe(SECOND);
      expect(await tray.getByRole('heading', { name: 'Downloads and uploads' }).count()).toBe(1);

      const findings = await scanPage(page, 'tasks tray with a running transfer');
      expect(findings, describeFindings(findings)).toEqual([]);

      const cancel = transfer.getByRole('button', { name: `Cancel the transfer of ${name}.tar` });
      for (let step = 0; step < 10 && !(await cancel.evaluate((element) => element === document.activeElement)); step += 1) await page.keyboard.press('Tab');
      expect(await cancel.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => transfer.getAttribute('data-phase'), { timeout: 15_000 }).toBe('cancelled');
      await transfer.getByText('Stopped. Nothing half-written was kept.').waitFor();
      await expect.poll(() => page.getByTestId('task-announcement').textContent()).toBe(`Cancelled: ${name}.tar`);
      await expect.poll(() => button.textContent()).toBe('1 task');

      const ended = await scanPage(page, 'tasks tray with an ended transfer');
      expect(ended, describeFindings(ended)).toEqual([]);

      await transfer.getByRole('button', { name: `Dismiss the transfer of ${name}.tar` }).click();
      await transfer.waitFor({ state: 'detached' });
      await tray.getByText('Nothing pulled, pushed, saved or sent yet.').waitFor();
    } finally {
      await page.context().close();
    }
  });
});
