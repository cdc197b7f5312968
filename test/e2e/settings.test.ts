import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { openContainer, browserModeForFile } from './browser-mode';

const mode = browserModeForFile();

const saved = async (): Promise<Record<string, unknown>> =>
  JSON.parse(await readFile(path.join(mode.settingsDir, 'settings.json'), 'utf8').catch(() => '{}')) as Record<string, unknown>;

describe('settings (browser mode)', () => {
  it('saves the theme in the settings file; a fresh browser profile opens with it', async () => {
    const page = await mode.openPage({ colorScheme: 'light' });
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.getByRole('radio', { name: 'Dark' }).check();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(async () => (await saved()).theme).toBe('dark');
    await page.context().close();

    // A new context has empty localStorage: the theme can only come from the settings file.
    const fresh = await mode.openPage({ colorScheme: 'light' });
    await expect.poll(() => fresh.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await fresh.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await fresh.getByRole('radio', { name: 'Follow system' }).check();
    await expect.poll(() => fresh.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await expect.poll(async () => (await saved()).theme).toBe('system');
    await fresh.context().close();
  });

  it('refuses an out-of-range number without saving it, and saves a valid one', async () => {
    const page = await mode.openPage();
    await page.keyboard.press('Control+,');
    const tail = page.getByLabel('Lines to show when a log opens');
    await tail.fill('0');
    await tail.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Enter a whole number from 1 to 100000.' }).waitFor();
    expect(await tail.getAttribute('aria-invalid')).toBe('true');
    expect((await saved()).logs).toMatchObject({ tail: 1000 });
    await tail.fill('200');
    await tail.press('Enter');
    await expect.poll(async () => (await saved()).logs).toMatchObject({ tail: 200 });
    await page.getByRole('switch', { name: 'Wrap long lines' }).uncheck();
    await expect.poll(async () => (await saved()).logs).toMatchObject({ tail: 200, wrap: false });
    await page.context().close();
  });

  it('the log defaults in Settings are what a log view opens with (tail, timestamps, wrap)', async () => {
    const name = uniqueName('settings-logs');
    const container = await docker().createContainer({ Image: testImage, name, Cmd: ['seq', '1', '500'], Labels: { ...TEST_LABELS } });
    await container.start();
    await container.wait();
    const page = await mode.openPage();
    await page.keyboard.press('Control+,');
    const tail = page.getByLabel('Lines to show when a log opens');
    await tail.fill('250');
    await tail.press('Enter');
    await page.getByRole('switch', { name: 'Wrap long lines' }).check();
    await page.getByRole('switch', { name: 'Show timestamps' }).check();
    await expect.poll(async () => (await saved()).logs).toMatchObject({ tail: 250, wrap: true, timestamps: true });

    await page.getByRole('navigation').getByRole('button', { name: 'Containers' }).click();
    await openContainer(page, name, 'Logs');
    await page.getByTestId('log-status').filter({ hasText: '250 lines' }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('cli-command').filter({ hasText: 'docker logs' }).textContent()).toBe(`docker logs --follow --tail 250 --timestamps ${name}`);
    expect(await page.getByRole('combobox', { name: 'Last' }).inputValue()).toBe('250');
    expect(await page.getByLabel('Wrap lines').isChecked()).toBe(true);
    expect(await page.getByLabel('Timestamps').isChecked()).toBe(true);
    expect(await page.locator('[data-testid=log-viewport] .log-time').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('the chart history in Settings is what the stats tab keeps and offers as windows', async () => {
    const name = uniqueName('settings-stats');
    const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '300'], Labels: { ...TEST_LABELS } });
    await container.start();
    const page = await mode.openPage();
    await page.keyboard.press('Control+,');
    const history = page.getByLabel('Chart history (seconds)');
    await history.fill('60');
    await history.press('Enter');
    await expect.poll(async () => (await saved()).stats).toMatchObject({ historySeconds: 60 });

    await page.getByRole('navigation').getByRole('button', { name: 'Containers' }).click();
    await openContainer(page, name, 'Stats');
    const windows = page.getByRole('group', { name: 'Time window' }).getByRole('button');
    await expect.poll(() => windows.allTextContents()).toEqual(['1 min']);
    await page.getByTestId('stats-sample-count').filter({ hasText: 'up to 60 s' }).waitFor({ timeout: 15_000 });

    await page.keyboard.press('Control+,');
    await history.fill('900');
    await history.press('Enter');
    await expect.poll(async () => (await saved()).stats).toMatchObject({ historySeconds: 900 });
    await page.getByRole('navigation').getByRole('button', { name: 'Containers' }).click();
    await openContainer(page, name, 'Stats');
    await expect.poll(() => windows.allTextContents()).toEqual(['1 min', '5 min', '15 min']);
    await page.context().close();
  });

  it('with "Ask before killing" off, Kill runs at once (checked against the engine)', async () => {
    const name = uniqueName('settings-kill');
    const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '300'], Labels: { ...TEST_LABELS } });
    await container.start();
    const page = await mode.openPage();
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('switch', { name: 'Ask before killing containers' }).uncheck();
    await expect.poll(async () => (await saved()).confirm).toMatchObject({ kill: false, remove: true });
    await page.getByRole('navigation').getByRole('button', { name: 'Containers' }).click();
    const row = page.locator(`[role=row][data-container-name="${name}"]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('running');
    await row.getByRole('button', { name: 'Kill', exact: true }).click();
    await waitFor(async () => !(await container.inspect()).State.Running, { timeout: 15_000, message: `${name} was not killed` });
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.context().close();
  });

  it('switches the language from the settings and keeps it', async () => {
    const page = await mode.openPage();
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.locator('#settings-language').selectOption('ko');
    await page.getByRole('heading', { name: '설정', level: 1 }).waitFor();
    await expect.poll(async () => (await saved()).language).toBe('ko');
    await page.locator('#settings-language').selectOption('system');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.context().close();
  });
});
