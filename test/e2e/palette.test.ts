import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { browserModeForFile } from './browser-mode';

const mode = browserModeForFile();

async function runningContainer(prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  const container = await docker().createContainer({
    Image: testImage,
    name,
    Cmd: ['sleep', '300'],
    Labels: { ...TEST_LABELS },
    HostConfig: { AutoRemove: false },
    StopTimeout: 1,
  });
  await container.start();
  return name;
}

const isRunning = async (name: string): Promise<boolean> => (await docker().getContainer(name).inspect()).State.Running;

async function selectRow(page: Page, name: string) {
  const row = page.locator(`[role=row][data-container-name="${name}"]`);
  await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('running');
  await row.getByRole('checkbox').check();
  return row;
}

async function openPalette(page: Page) {
  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: 'Command palette' });
  await dialog.waitFor();
  return { dialog, input: dialog.getByRole('combobox', { name: 'Command' }) };
}

/** The option the combobox points at with aria-activedescendant. */
async function activeOption(page: Page, input: ReturnType<Page['getByRole']>): Promise<string> {
  const id = await input.getAttribute('aria-activedescendant');
  if (!id) return '';
  const option = page.locator(`[id="${id}"]`);
  expect(await option.getAttribute('role')).toBe('option');
  expect(await option.getAttribute('aria-selected')).toBe('true');
  return (await option.locator('.palette-title').textContent()) ?? '';
}

describe('command palette (browser mode)', () => {
  it('runs "Stop" on the selected container, checked against the engine', async () => {
    const name = await runningContainer('palette-stop');
    const page = await mode.openPage();
    const row = await selectRow(page, name);
    const { dialog, input } = await openPalette(page);
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    await input.fill('stop');
    expect(await activeOption(page, input)).toBe('Stop');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await waitFor(async () => !(await isRunning(name)), { timeout: 30_000, message: `${name} did not stop` });
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('exited');
    await page.context().close();
  });

  it('reaches every view, moves with the arrow keys, and closes with Escape', async () => {
    const page = await mode.openPage();
    const { dialog, input } = await openPalette(page);
    await input.fill('go to');
    const first = await activeOption(page, input);
    await page.keyboard.press('ArrowDown');
    const second = await activeOption(page, input);
    expect(second).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    expect(await activeOption(page, input)).toBe(first);
    const titles = await dialog.getByRole('option').locator('.palette-title').allTextContents();
    expect(titles).toEqual(expect.arrayContaining(['Go to Containers', 'Go to Engine', 'Go to Settings']));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    const again = await openPalette(page);
    await again.input.fill('go engine');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Engine', level: 1 }).waitFor();
    await page.context().close();
  });

  it('says so when nothing matches', async () => {
    const page = await mode.openPage();
    const { dialog, input } = await openPalette(page);
    await input.fill('zzzzqqq');
    await dialog.getByRole('status').filter({ hasText: 'No command matches' }).waitFor();
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    await page.context().close();
  });

  it('Alt+Shift+S starts the selected stopped container; ? lists the shortcuts', async () => {
    const name = uniqueName('palette-start');
    await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '300'], Labels: { ...TEST_LABELS }, StopTimeout: 1 });
    const page = await mode.openPage();
    const row = page.locator(`[role=row][data-container-name="${name}"]`);
    await row.waitFor();
    await row.getByRole('checkbox').check();
    await page.keyboard.press('Alt+Shift+S');
    await waitFor(() => isRunning(name), { timeout: 15_000, message: `${name} did not start` });

    await page.locator('body').press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await shortcuts.waitFor();
    await shortcuts.getByText('Open the command palette').waitFor();
    await page.keyboard.press('Escape');
    await shortcuts.waitFor({ state: 'detached' });
    await page.context().close();
  });
});
