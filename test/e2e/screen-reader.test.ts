// What a screen reader gets, in Chromium against the real engine: the polite live region says a
// watched container's state change and a transfer's milestones (not every percent), and the
// virtualized lists (containers, files, logs) give their total and each rendered row's place.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docker, dockerCli, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { chooseFilesThrough } from './file-input';
import { openContainer, browserModeForFile } from './browser-mode';

const mode = browserModeForFile();

async function runningContainer(prefix: string, cmd: string[] = ['sleep', '300']): Promise<string> {
  const name = uniqueName(prefix);
  await (await docker().createContainer({ Image: testImage, name, Cmd: cmd, Labels: { ...TEST_LABELS }, StopTimeout: 1 })).start();
  return name;
}

/** Records every text the app's live region shows from now on (window.__said). */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.evaluate(() => {
    const region = document.querySelector('[data-testid=announcer]')!;
    const said: string[] = [];
    (window as unknown as { __said: string[] }).__said = said;
    new MutationObserver(() => {
      const text = region.textContent ?? '';
      if (text && said.at(-1) !== text) said.push(text);
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
}

const announcements = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __said: string[] }).__said);

/** aria-rowcount of a table, and [data-index, aria-rowindex] of its rendered rows. */
async function ariaRows(page: Page, table: string, row: string): Promise<{ count: number; rows: Array<[number, number]> }> {
  return page.evaluate(
    ({ table, row }) => {
      const element = document.querySelector(table)!;
      const rows = [...element.querySelectorAll<HTMLElement>(row)].map((r): [number, number] => [
        Number(r.dataset.index ?? r.dataset.seq),
        Number(r.getAttribute('aria-rowindex')),
      ]);
      return { count: Number(element.getAttribute('aria-rowcount')), rows };
    },
    { table, row },
  );
}

describe('browser mode: what a screen reader gets', () => {
  it('says when the selected container stops, in the polite live region', async () => {
    const name = await runningContainer('sr-state');
    const page = await mode.openPage();
    const row = page.locator(`[role=row][data-container-name="${name}"]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('running');
    await row.getByRole('checkbox').check();
    const region = page.getByTestId('announcer');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    await dockerCli(['stop', '-t', '1', name]);
    await expect.poll(() => region.textContent(), { timeout: 15_000 }).toBe(`${name} stopped`);
    await page.context().close();
  });

  it("says an upload's start, quarters and end, not each progress update", async () => {
    const name = await runningContainer('sr-upload');
    const page = await mode.openPage();
    await openContainer(page, name, 'Files');
    await page.locator('[data-testid=file-rows] [data-path="/tmp"]').waitFor({ timeout: 15_000 });
    await recordAnnouncements(page);
    // Count the bar's updates, to compare with what was said.
    await page.evaluate(() => {
      const counter = { updates: 0 };
      (window as unknown as { __bar: typeof counter }).__bar = counter;
      new MutationObserver((records) => {
        counter.updates += records.filter((record) => record.attributeName === 'value').length;
      }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ['value'] });
    });
    const fileName = 'sr-upload.bin';
    const folder = await mkdtemp(path.join(tmpdir(), 'berth-sr-'));
    await writeFile(path.join(folder, fileName), Buffer.alloc(48 * 1024 * 1024, 7));
    await chooseFilesThrough(
      page.getByTestId('files-upload-input'),
      () => page.getByRole('button', { name: 'Upload files…' }).click(),
      path.join(folder, fileName),
    );
    await waitFor(async () => (await page.locator('[data-testid=transfer]').first().getAttribute('data-phase')) === 'done', { timeout: 60_000 });
    await expect.poll(async () => (await announcements(page)).at(-1), { timeout: 10_000 }).toBe(`Finished: ${fileName}`);
    const said = await announcements(page);
    const updates = await page.evaluate(() => (window as unknown as { __bar: { updates: number } }).__bar.updates);
    console.log(`upload: ${updates} progress bar updates, ${said.length} announcements: ${JSON.stringify(said)}`);
    const milestones = [`Sending ${fileName}: started`, ...[25, 50, 75].map((p) => `Sending ${fileName}: ${p} %`), `Finished: ${fileName}`];
    // In order, each at most once, nothing else.
    expect(said.filter((text) => !milestones.includes(text))).toEqual([]);
    expect(said).toEqual(milestones.filter((text) => said.includes(text)));
    await page.context().close();
    await rm(folder, { recursive: true, force: true });
  });

  it('virtualized lists give their total row count and each rendered row its index', async () => {
    // Containers: more than the list renders.
    const names = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const name = uniqueName(`sr-many-${i}`);
        await docker().createContainer({ Image: testImage, name, Cmd: ['true'], Labels: { ...TEST_LABELS } });
        return name;
      }),
    );
    const filesOwner = await runningContainer('sr-files', [
      'sh',
      '-c',
      'mkdir /tmp/many && cd /tmp/many && for i in $(seq 1 400); do touch f$i; done; seq 1 3000; exec sleep 300',
    ]);
    const page = await mode.openPage();
    await page
      .locator(`[role=row][data-container-name="${names[0]}"]`)
      .waitFor({ timeout: 20_000 })
      .catch(() => undefined);
    const total = (await docker().listContainers({ all: true })).length;
    await expect.poll(async () => (await ariaRows(page, '.container-table', '.table-body [role=row]')).count, { timeout: 20_000 }).toBe(total + 1);
    const containerRows = await page.locator('.table-body [role=row]').count();
    expect(containerRows).toBeLessThan(total);
    const indexes = await page.locator('.table-body [role=row]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('aria-rowindex'))));
    expect(Math.min(...indexes)).toBe(2);

    // Files: 400 entries in one folder, a few dozen rendered.
    await page.getByLabel('Filter containers').fill(filesOwner);
    await openContainer(page, filesOwner, 'Files');
    await page.getByRole('textbox', { name: 'Go to path' }).fill('/tmp/many');
    await page.keyboard.press('Enter');
    await page
      .locator('[data-testid=file-rows] [data-path="/tmp/many/f400"]')
      .waitFor({ state: 'attached', timeout: 15_000 })
      .catch(() => undefined);
    await expect.poll(async () => (await ariaRows(page, '.files-table', '[data-testid=file-rows] [role=row]')).count, { timeout: 15_000 }).toBe(401);
    const files = await ariaRows(page, '.files-table', '[data-testid=file-rows] [role=row]');
    expect(files.rows.length).toBeLessThan(100);
    for (const [index, rowIndex] of files.rows) expect(rowIndex).toBe(index + 2);
    // One Tab stop for the table, not one per row.
    expect(await page.locator('[data-testid=file-rows] [role=row][tabindex="0"]').count()).toBe(1);

    // Logs: 3,000 lines, a window of them rendered.
    await page.getByRole('tab', { name: 'Logs', exact: true }).click();
    const viewport = page.locator('[role=tabpanel]:not([hidden]) [data-testid=log-viewport]');
    await page.getByRole('combobox', { name: 'Last' }).selectOption('all');
    await expect.poll(() => viewport.getAttribute('data-row-count'), { timeout: 15_000 }).toBe('3000');
    const table = viewport.getByRole('table', { name: 'Log lines' });
    expect(await table.getAttribute('aria-rowcount')).toBe('3000');
    const logRows = await table
      .locator('[role=row]')
      .evaluateAll((rows) => rows.map((row) => [Number(row.querySelector('.log-gutter')?.textContent), Number(row.getAttribute('aria-rowindex'))]));
    expect(logRows.length).toBeLessThan(200);
    // The gutter's line number is the row's place (the whole log is shown).
    for (const [line, rowIndex] of logRows) expect(rowIndex).toBe(line);
    expect(logRows.at(-1)?.[1]).toBe(3000);
    await page.context().close();
  });

  it('the Stats charts say their current values, and a table view lists the readings', async () => {
    const name = await runningContainer('sr-stats');
    const page = await mode.openPage();
    await openContainer(page, name, 'Stats');
    const cpu = page.getByRole('img', { name: /^CPU chart\. Now \d+\.\d\d%, / });
    await cpu.waitFor({ timeout: 20_000 });
    const toggle = page.getByRole('button', { name: 'Show as table' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const table = page.getByRole('table', { name: /readings?/ });
    await table.waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Time', 'CPU', 'Memory', 'Received', 'Sent', 'Read', 'Written', 'PIDs']);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await table.locator('tbody tr').first().locator('td').first().textContent()).toMatch(/^\d+\.\d\d%$/);
    await page.context().close();
  });
});
