// Browser mode in Chromium: a running container's Stats tab draws live charts; the list shows CPU
// and memory; the compare chart plots several containers; hidden windows and stopped containers
// leave no stats stream open in main.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { openContainer, browserModeForFile } from './browser-mode';

const mode = browserModeForFile();

async function runContainer(name: string, cmd: string[]): Promise<string> {
  const container = await docker().createContainer({
    Image: testImage,
    name,
    Cmd: cmd,
    Labels: { ...TEST_LABELS },
    HostConfig: { NanoCpus: 200_000_000 },
  });
  await container.start();
  return container.id;
}

async function sampleCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('stats-sample-count').getAttribute('data-count'));
}

async function openStatsTab(page: Page, name: string): Promise<void> {
  await openContainer(page, name, 'Stats');
  await page.getByTestId('stats-sample-count').waitFor();
}

/** Emulates the window being minimised (Chromium headless never hides a page by itself). */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  // A string, so this Node-typed file needs no DOM types.
  const state = hidden ? 'hidden' : 'visible';
  await page.evaluate(`(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => '${state}' });
    document.dispatchEvent(new Event('visibilitychange'));
  })()`);
}

describe('browser mode: stats', () => {
  it('draws live charts on the Stats tab, pauses while hidden, and says "stopped" when the container stops', async () => {
    const name = uniqueName('stats-ui');
    const id = await runContainer(name, ['sh', '-c', 'while :; do :; done']);
    const page = await mode.openPage();
    await openStatsTab(page, name);

    await expect.poll(() => sampleCount(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const cpuChart = page.locator('[data-chart=cpu]');
    const line = cpuChart.locator('path.recharts-line-curve');
    await line.waitFor();
    expect((await line.getAttribute('d'))?.length ?? 0).toBeGreaterThan(10);
    await expect.poll(() => cpuChart.locator('.stats-current').textContent()).toMatch(/^\d+\.\d\d%$/);
    expect(await page.getByTestId('cli-command').filter({ hasText: 'docker stats' }).first().textContent()).toBe(`docker stats ${name}`);
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('live');

    // The one-shot `containers.stats`, with its CLI equivalent.
    await page.getByRole('button', { name: 'Take one reading' }).click();
    const snapshot = page.getByTestId('stats-snapshot');
    await snapshot.waitFor({ timeout: 15_000 });
    expect(await snapshot.locator('dd').first().textContent()).toMatch(/^\d+\.\d\d%$/);
    expect(await snapshot.getByTestId('cli-command').textContent()).toBe(`docker stats --no-stream ${name}`);

    // Exactly one stats stream is ours; hiding the window closes it in main, showing it reopens it.
    const withStats = mode.dispatcher.openStreamCount();
    await setHidden(page, true);
    await waitFor(() => mode.dispatcher.openStreamCount() === withStats - 1, { message: 'the stats stream stayed open while hidden' });
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('paused');
    await setHidden(page, false);
    const before = await sampleCount(page);
    await waitFor(() => mode.dispatcher.openStreamCount() === withStats, { message: 'the stats stream did not reopen' });
    await expect.poll(() => sampleCount(page), { timeout: 15_000 }).toBeGreaterThan(before);

    await docker().getContainer(id).stop({ t: 0 });
    await expect.poll(() => page.locator('[data-status]').getAttribute('data-status'), { timeout: 15_000 }).toBe('stopped');
    await waitFor(() => mode.dispatcher.openStreamCount() === withStats - 1, { message: 'a stats stream stayed open for a stopped container' });
    // The history kept while it ran is still drawn.
    expect(await sampleCount(page)).toBeGreaterThanOrEqual(2);
    await page.context().close();
    await waitFor(() => mode.dispatcher.openStreamCount() === 0, { message: 'streams left open after the page closed' });
  });

  it('shows CPU and memory in the list and compares selected containers on one chart', async () => {
    const first = uniqueName('cmp-a');
    const second = uniqueName('cmp-b');
    await runContainer(first, ['sh', '-c', 'while :; do :; done']);
    await runContainer(second, ['sleep', '1000']);
    const page = await mode.openPage();
    const rows = [first, second].map((name) => page.locator(`[role=row][data-container-name="${name}"]`));
    for (const row of rows) {
      await row.waitFor();
      await expect.poll(() => row.locator('[data-stats=cpu]').textContent(), { timeout: 20_000 }).toMatch(/\d+\.\d\d%/);
      await expect.poll(() => row.locator('[data-stats=memory]').textContent()).toMatch(/\d+(\.\d)? (B|KiB|MiB|GiB)/);
    }

    for (const name of [first, second]) await page.getByRole('checkbox', { name: new RegExp(name) }).check();
    await page.getByRole('toolbar').getByRole('button', { name: 'Compare' }).click();
    const panel = page.locator('.stats-compare');
    await panel.waitFor();
    await expect
      .poll(async () => Number(await page.getByTestId('stats-compare-points').getAttribute('data-count')), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(4);
    await expect.poll(() => panel.locator('path.recharts-line-curve').count()).toBe(2);
    const legend = await panel.locator('[data-container-name]').evaluateAll((items) => items.map((item) => item.getAttribute('data-container-name')));
    expect(legend.sort()).toEqual([first, second].sort());
    await panel.getByRole('combobox', { name: 'Metric' }).selectOption('memory');
    await expect.poll(() => panel.locator('path.recharts-line-curve').count()).toBe(2);
    await page.context().close();
    await waitFor(() => mode.dispatcher.openStreamCount() === 0, { message: 'streams left open after the page closed' });
  });
});
