// Browser mode, real engine: a container's Inspect, Processes and Ports tabs, and a container removed
// while one of its views is open.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { docker, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { openContainer, browserModeForFile } from './browser-mode';
import { settledStreamCount } from './stream-count';

const mode = browserModeForFile();

async function runningContainer(name: string): Promise<void> {
  const container = await docker().createContainer({
    Image: testImage,
    name,
    Cmd: ['sh', '-c', 'sleep 1001 & sleep 1002'],
    Labels: { ...TEST_LABELS },
    HostConfig: { Memory: 48 * 1024 * 1024, PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
    ExposedPorts: { '80/tcp': {} },
  });
  await container.start();
}

/** The equivalent docker command of the tab being shown (hidden tabs may stay mounted). */
async function shownCli(page: Page): Promise<string | null> {
  return page.locator('[role=tabpanel]:not([hidden]) [data-testid=cli-command]').first().textContent();
}

describe('browser mode: container inspection tabs', () => {
  it('finds a key in the Inspect tab by search, and shows the raw JSON', async () => {
    const name = uniqueName('e2e-inspect');
    await runningContainer(name);
    const page = await mode.openPage();
    await openContainer(page, name);
    await page.getByRole('tab', { name: 'Inspect' }).click();
    const tree = page.getByRole('tree', { name: `Inspect data of ${name}` });
    await tree.waitFor();
    expect(await shownCli(page)).toBe(`docker inspect ${name}`);
    // Collapsed at first: HostConfig's children are not shown.
    expect(await tree.locator('[data-path=".HostConfig.Memory"]').count()).toBe(0);

    await page.getByRole('searchbox', { name: 'Search keys and values' }).fill('memory');
    const memory = tree.locator('[data-path=".HostConfig.Memory"]');
    await memory.waitFor();
    expect(await memory.locator('mark').first().textContent()).toBe('Memory');
    expect(await memory.textContent()).toContain(String(48 * 1024 * 1024));
    await expect.poll(() => page.getByTestId('json-selected-path').textContent()).toBe('{{.HostConfig.Memory}}');
    expect(await page.getByText(/^1 of \d+$/).count()).toBe(1);

    // Keyboard: Left on a leaf goes to its parent, Left again collapses it.
    await memory.click();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator(':focus').getAttribute('data-path')).toBe('.HostConfig');
    await page.keyboard.press('ArrowLeft');
    await memory.waitFor({ state: 'detached' });
    expect(await tree.locator('[data-path=".HostConfig"]').getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await memory.waitFor();

    await page.getByRole('button', { name: 'Raw JSON' }).click();
    const raw = JSON.parse((await page.getByTestId('json-raw').textContent()) ?? '{}') as { Name?: string };
    expect(raw.Name).toBe(`/${name}`);
    await page.context().close();
  });

  it('shows processes with the ps options asked for, and the published ports', async () => {
    const name = uniqueName('e2e-top');
    await runningContainer(name);
    const page = await mode.openPage();
    await openContainer(page, name);
    await page.getByRole('tab', { name: 'Processes' }).click();
    const table = page.getByRole('table', { name: `Processes in ${name}` });
    await table.getByRole('cell', { name: 'sleep 1001' }).waitFor();
    expect(await shownCli(page)).toBe(`docker top ${name} -ef`);
    await page.getByLabel('ps options').fill('-o pid,comm');
    await page.getByRole('button', { name: 'Apply' }).click();
    await table.getByRole('columnheader', { name: 'COMMAND' }).waitFor();
    expect(await shownCli(page)).toBe(`docker top ${name} -o pid,comm`);
    // Sorting by PID, descending, puts the highest PID first.
    await table.getByRole('button', { name: 'PID' }).click();
    await table.getByRole('button', { name: 'PID' }).click();
    expect(await table.getByRole('columnheader', { name: /PID/ }).getAttribute('aria-sort')).toBe('descending');
    const pids = (await table.locator('tbody tr td:first-child').allTextContents()).map(Number);
    expect(pids).toEqual([...pids].sort((a, b) => b - a));

    await page.getByRole('tab', { name: 'Ports' }).click();
    const published = page.getByRole('table', { name: 'Published ports' });
    await published.locator('[data-port="80/tcp"]').waitFor();
    const live = await docker().getContainer(name).inspect();
    const hostPort = live.NetworkSettings.Ports['80/tcp']?.[0]?.HostPort;
    expect(await published.locator('[data-port="80/tcp"]').textContent()).toContain(`127.0.0.1:${hostPort}`);
    expect(await shownCli(page)).toBe(`docker port ${name}`);
    await page.context().close();
  });

  it('says so when the container is removed while its views are open, and leaves no stream open', async () => {
    const name = uniqueName('e2e-gone');
    await runningContainer(name);
    const page = await mode.openPage();
    await openContainer(page, name);
    // On the Overview tab: only the app's own streams are open.
    const baseline = await settledStreamCount(mode.dispatcher);
    await page.getByRole('tab', { name: 'Events' }).click();
    await page.locator('[role=row][data-action="start"]').waitFor();
    await page.getByRole('tab', { name: 'Processes' }).click();
    await page.getByRole('cell', { name: 'sleep 1001' }).waitFor();
    expect(mode.dispatcher.openStreamCount()).toBeGreaterThan(baseline);

    await docker().getContainer(name).remove({ force: true });
    await page
      .getByRole('alert')
      .filter({ hasText: `The container ${name} no longer exists.` })
      .waitFor({ timeout: 15_000 });
    await waitFor(() => mode.dispatcher.openStreamCount() <= baseline, { timeout: 10_000, message: 'a stream stayed open' });
    await page.context().close();
  });
});
