// Browser mode in Chromium: the containers list's tools against the real engine. "Prune…" previews
// exactly the stopped containers its filters take, keeps the preview live, and removes those; the
// size column shows the engine's own SizeRw; the stats view lists every running container like
// `docker stats`, sortable.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { browserModeForFile } from './browser-mode';

const mode = browserModeForFile();

async function container(name: string, cmd: string[], options: { labels?: Record<string, string>; start?: boolean; wait?: boolean } = {}): Promise<string> {
  const created = await docker().createContainer({ Image: testImage, name, Cmd: cmd, Labels: { ...TEST_LABELS, ...options.labels }, StopTimeout: 1 });
  if (options.start || options.wait) await created.start();
  if (options.wait) await created.wait();
  return created.id;
}

const exists = async (id: string): Promise<boolean> =>
  docker()
    .getContainer(id)
    .inspect()
    .then(
      () => true,
      () => false,
    );

const listRow = (page: Page, name: string) => page.locator(`[role=row][data-container-name="${name}"]`);

describe('browser mode: prune stopped containers', () => {
  it('previews exactly the labelled stopped containers, says the CLI line, removes them and leaves the rest', async () => {
    const run = uniqueName('prune');
    const label = `berth.prune=${run}`;
    const first = await container(`${run}-a`, ['true'], { labels: { 'berth.prune': run }, wait: true });
    const second = await container(`${run}-b`, ['true'], { labels: { 'berth.prune': run } });
    const running = await container(`${run}-up`, ['sleep', '600'], { labels: { 'berth.prune': run }, start: true });
    const unlabelled = await container(`${run}-other`, ['true'], { wait: true });
    const page = await mode.openPage();
    await listRow(page, `${run}-other`).waitFor({ timeout: 15_000 });

    const open = page.getByRole('button', { name: 'Prune…' });
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Prune stopped containers' });
    await dialog.getByRole('textbox', { name: 'With labels' }).fill(label);
    const preview = dialog.getByTestId('prune-preview');
    await expect
      .poll(() => preview.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-container-name')).sort()))
      .toEqual([`${run}-a`, `${run}-b`]);
    expect(await dialog.getByTestId('cli-command').textContent()).toBe(`docker container prune --filter label=${label}`);
    expect(await dialog.getByTestId('prune-summary').textContent()).toMatch(/^2 containers would be removed, freeing \d/);

    // A filter it cannot read is named, and nothing can be confirmed.
    const until = dialog.getByRole('textbox', { name: 'Created before' });
    await until.fill('yesterday');
    await dialog.locator('[aria-invalid=true]').waitFor();
    expect(await dialog.getByRole('alert').first().textContent()).toContain('“yesterday” is not a time');
    expect(await dialog.getByRole('button', { name: /^Remove/ }).isDisabled()).toBe(true);
    await until.fill('');

    const confirm = dialog.getByRole('button', { name: 'Remove 2 containers', exact: true });
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('prune-report').locator('span').first().textContent()).toMatch(/^Pruned: removed 2 containers, freed /);
    // The focus is back on the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Prune…');

    expect(await exists(first)).toBe(false);
    expect(await exists(second)).toBe(false);
    expect(await exists(running)).toBe(true);
    expect(await exists(unlabelled)).toBe(true);
    await listRow(page, `${run}-a`).waitFor({ state: 'detached' });
    await listRow(page, `${run}-other`).waitFor();
    await page.context().close();
  });

  it('keeps the preview live: a container that starts leaves it, and with nothing left confirm is off', async () => {
    const run = uniqueName('prune-live');
    const id = await container(`${run}-a`, ['sleep', '600'], { labels: { 'berth.prune': run } });
    const page = await mode.openPage();
    await page.getByRole('button', { name: 'Prune…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Prune stopped containers' });
    await dialog.getByRole('textbox', { name: 'With labels' }).fill(`berth.prune=${run}`);
    await dialog.locator(`[data-testid=prune-preview] tr[data-container-name="${run}-a"]`).waitFor({ timeout: 15_000 });

    await docker().getContainer(id).start();
    await expect
      .poll(() => dialog.getByTestId('prune-summary').textContent(), { timeout: 15_000 })
      .toBe('Nothing would be removed: no stopped container matches these filters.');
    expect(await dialog.getByRole('button', { name: 'Remove 0 containers' }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await exists(id)).toBe(true);
    await page.context().close();
  });
});

describe('browser mode: a stale prune preview', () => {
  it('removes nothing when the engine would take other containers than shown, and shows what it would take', async () => {
    const run = uniqueName('prune-stale');
    const label = { 'berth.prune': run };
    const first = await container(`${run}-a`, ['true'], { labels: label, wait: true });
    // The page's timers are ours: once paused, no event-driven refresh of the preview runs.
    const context = await mode.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 860 } });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(mode.web.url);
    await page.getByRole('button', { name: 'Prune…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Prune stopped containers' });
    await dialog.getByRole('textbox', { name: 'With labels' }).fill(`berth.prune=${run}`);
    await dialog.getByRole('button', { name: 'Remove 1 container', exact: true }).waitFor({ timeout: 15_000 });
    await page.clock.pauseAt(Date.now() + 60_000);

    const second = await container(`${run}-b`, ['true'], { labels: label, wait: true });
    await dialog.getByRole('button', { name: 'Remove 1 container', exact: true }).click();
    await dialog.getByText('Containers changed state since this preview, so nothing was removed.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Remove 2 containers', exact: true }).waitFor();
    expect(await exists(first)).toBe(true);
    expect(await exists(second)).toBe(true);

    await dialog.getByRole('button', { name: 'Remove 2 containers', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('prune-report').locator('span').first().textContent()).toMatch(/^Pruned: removed 2 containers/);
    expect(await exists(first)).toBe(false);
    expect(await exists(second)).toBe(false);
    await context.close();
  });
});

describe('browser mode: the size column', () => {
  it('is off by default, shows the writable layer as the engine counts it, sorts, and stays on after a reload', async () => {
    const run = uniqueName('size');
    const big = await container(`${run}-big`, ['sh', '-c', 'head -c 3000000 /dev/urandom > /blob'], { wait: true });
    await container(`${run}-small`, ['true'], { wait: true });
    const page = await mode.openPage();
    await page.getByRole('searchbox').first().fill(run);
    await listRow(page, `${run}-small`).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('columnheader', { name: 'Size' }).count()).toBe(0);

    const toggle = page.getByRole('checkbox', { name: 'Sizes', exact: true });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    const cell = listRow(page, `${run}-big`).locator('[data-size-rw]');
    await cell.waitFor({ timeout: 30_000 });
    const [engineRow] = await docker().listContainers({ all: true, size: true, filters: { id: [big] } });
    const sizeRw = (engineRow as { SizeRw?: number }).SizeRw ?? 0;
    expect(sizeRw).toBeGreaterThanOrEqual(3_000_000);
    expect(Number(await cell.getAttribute('data-size-rw'))).toBe(sizeRw);
    expect(await cell.textContent()).toMatch(/^2\.\d MiB \(virtual \d+(\.\d)? MiB\)$/);
    expect(await page.getByTestId('cli-command').first().textContent()).toBe('docker ps -a --size');

    const header = page.getByRole('columnheader', { name: 'Size' });
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const order = () => page.locator('[role=row][data-container-name]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-container-name')));
    expect(await order()).toEqual([`${run}-big`, `${run}-small`]);
    await header.getByRole('button').click();
    expect(await order()).toEqual([`${run}-small`, `${run}-big`]);

    await page.reload();
    await page.getByRole('navigation').waitFor();
    // The settings arrive from main after the page shows: the column comes back on once they have.
    await expect.poll(() => page.getByRole('checkbox', { name: 'Sizes', exact: true }).isChecked()).toBe(true);
    await listRow(page, `${run}-big`).locator('[data-size-rw]').waitFor({ timeout: 30_000 });
    await page.getByRole('checkbox', { name: 'Sizes', exact: true }).uncheck();
    await page.context().close();
  });
});

describe('browser mode: stats of all running containers', () => {
  it('lists each running container with its PIDs, sorts by a column, and shows the docker stats line', async () => {
    const run = uniqueName('stats-all');
    await container(`${run}-one`, ['sleep', '600'], { start: true });
    await container(`${run}-many`, ['sh', '-c', 'sleep 600 & sleep 600 & sleep 600 & wait'], { start: true });
    await container(`${run}-stopped`, ['true'], { wait: true });
    const page = await mode.openPage();
    await page.getByRole('searchbox').first().fill(run);
    await listRow(page, `${run}-stopped`).waitFor({ timeout: 15_000 });

    // By keyboard: the command palette opens the view.
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('combobox', { name: 'Command' }).fill("all running containers' stats");
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    const statsView = page.getByRole('button', { name: 'Stats', exact: true });
    expect(await statsView.getAttribute('aria-pressed')).toBe('true');
    const table = page.getByTestId('stats-overview');
    const pids = (name: string) => table.locator(`tr[data-container-name="${name}"] [data-stats=pids]`).textContent();
    await expect.poll(() => pids(`${run}-one`), { timeout: 20_000 }).toBe('1');
    await expect.poll(() => pids(`${run}-many`), { timeout: 20_000 }).toBe('4');
    expect(await table.locator(`tr[data-container-name="${run}-stopped"]`).count()).toBe(0);
    expect(await page.getByTestId('cli-command').first().textContent()).toBe(`docker stats ${run}-many ${run}-one`);

    const order = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-container-name')));
    const pidsHeader = table.getByRole('columnheader', { name: 'PIDs' });
    await pidsHeader.getByRole('button').click();
    expect(await pidsHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await order()).toEqual([`${run}-many`, `${run}-one`]);
    await pidsHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    expect(await pidsHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await order()).toEqual([`${run}-one`, `${run}-many`]);
    expect(await table.getByRole('columnheader', { name: 'CPU %' }).getAttribute('aria-sort')).toBe('none');
    await page.context().close();
  });
});
