import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { docker, testImage, waitFor } from '../helpers/engine';

async function engineState(name: string): Promise<{ Running: boolean; Status: string } | undefined> {
  try {
    return (await docker().getContainer(name).inspect()).State;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw err;
  }
}

/**
 * The foundation flow, shared by the browser-mode and Electron end-to-end tests: fill the create
 * form, start, see it running, stop it, remove it — each step checked against the engine itself.
 */
export async function createStartStopRemove(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New container' }).first().click();
  await page.getByLabel('Image', { exact: true }).fill(testImage);
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Command', { exact: true }).fill('sleep 300');
  await page.getByLabel('Stop timeout (s)').fill('1');
  await page.getByRole('button', { name: 'Create and start', exact: true }).click();

  const row = page.locator(`[role=row][data-container-name="${name}"]`);
  await row.waitFor();
  await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('running');
  expect((await engineState(name))?.Running).toBe(true);

  await row.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('exited');
  expect((await engineState(name))?.Running).toBe(false);

  await row.getByRole('button', { name: 'Remove', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await row.waitFor({ state: 'detached' });
  await waitFor(async () => (await engineState(name)) === undefined, { timeout: 10_000, interval: 100 });
}
