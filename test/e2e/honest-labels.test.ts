// Browser mode, real engine, real Chromium: what the screen says about a transfer is true.
// An upload reports the user's bytes (a 22-byte file is "22 B of 22 B", not the tar's 2.0 KiB);
// a label ends in "…" only where a dialog follows (the browser saves without one); and a folder
// has one download that says what it gives (a .tar), not two buttons that do the same.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docker, dockerCli, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { openContainer, browserModeForFile } from './browser-mode';

// page.evaluate callbacks run in the browser; this file is type-checked for Node (no DOM library).
declare const document: { querySelector(selector: string): { dispatchEvent(event: unknown): boolean } | null };
declare const DataTransfer: new () => { items: { add(file: File): void } };
declare const DragEvent: new (type: string, init: { bubbles: boolean; cancelable: boolean; dataTransfer: unknown }) => unknown;

const mode = browserModeForFile();
const TWENTY_TWO = 'twenty-two bytes here\n';

async function runningBox(prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '300'], StopTimeout: 1, Labels: { ...TEST_LABELS } });
  await container.start();
  return name;
}

async function openFiles(page: Page, name: string): Promise<void> {
  await openContainer(page, name, 'Files');
  await page.locator('[data-testid=file-rows] [data-path="/tmp"]').waitFor({ timeout: 15_000 });
}

/** Drops a file holding `text` on a folder row, as a real drop does (a DataTransfer with a File). */
async function dropText(page: Page, folder: string, fileName: string, text: string): Promise<void> {
  await page.evaluate(
    ({ folder, fileName, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], fileName, { type: 'text/plain' }));
      const target = document.querySelector(`[data-testid=file-rows] [data-path="${folder}"]`)!;
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { folder, fileName, text },
  );
}

describe('browser mode: transfers say what is true', () => {
  it('a 22-byte upload is reported as 22 B of 22 B, its bar out of 22', async () => {
    const name = await runningBox('e2e-bytes');
    const page = await mode.openPage();
    await openFiles(page, name);
    await dropText(page, '/tmp', 'small.txt', TWENTY_TWO);
    const transfer = page.locator('[data-testid=transfer]').first();
    await transfer.waitFor();
    await waitFor(async () => (await transfer.getAttribute('data-phase')) === 'done', { timeout: 30_000, message: 'the upload did not finish' });
    const amount = (await transfer.locator('.transfer-amount').textContent()) ?? '';
    expect(amount).toMatch(/^22 B of 22 B( · |$)/);
    expect(amount).not.toMatch(/KiB/);
    expect(await transfer.getByRole('progressbar').getAttribute('max')).toBe('22');
    await page.context().close();
  });

  it('an empty file is 0 B of 0 B, and its bar is full when done', async () => {
    const name = await runningBox('e2e-empty');
    const page = await mode.openPage();
    await openFiles(page, name);
    await dropText(page, '/tmp', 'empty.txt', '');
    const transfer = page.locator('[data-testid=transfer]').first();
    await transfer.waitFor();
    await waitFor(async () => (await transfer.getAttribute('data-phase')) === 'done', { timeout: 30_000, message: 'the upload did not finish' });
    expect(await transfer.locator('.transfer-amount').textContent()).toMatch(/^0 B of 0 B/);
    const bar = transfer.getByRole('progressbar');
    expect(await bar.evaluate((element) => (element as unknown as { value: number; max: number }).value / (element as unknown as { max: number }).max)).toBe(1);
    await page.context().close();
  });

  it('Files: a file row says "Download" (no dialog follows); a folder row has only "Download .tar", which gives the .tar', async () => {
    const name = await runningBox('e2e-dl');
    expect((await dockerCli(['exec', name, 'sh', '-c', `mkdir -p /tmp/box && printf '%s' '${TWENTY_TWO}' > /tmp/box/note.txt`])).code).toBe(0);
    const page = await mode.openPage();
    await openFiles(page, name);
    await page.locator('[data-testid=file-rows] [data-path="/tmp"] button.name-link').click();
    const folderRow = page.locator('[data-testid=file-rows] [data-path="/tmp/box"]');
    await folderRow.waitFor({ timeout: 15_000 });

    const folderButtons = folderRow.getByRole('button', { name: /^Download/ });
    expect(await folderButtons.count()).toBe(1);
    const tarButton = folderRow.getByRole('button', { name: 'Download .tar of box', exact: true });
    expect(await tarButton.textContent()).toBe('Download .tar');
    const folderDownload = page.waitForEvent('download');
    await tarButton.click();
    const tar = await folderDownload;
    expect(tar.suggestedFilename()).toBe('box.tar');
    expect(await tar.failure()).toBeNull();

    await page.locator('[data-testid=file-rows] [data-path="/tmp/box"] button.name-link').click();
    const fileRow = page.locator('[data-testid=file-rows] [data-path="/tmp/box/note.txt"]');
    await fileRow.waitFor({ timeout: 15_000 });
    const fileButton = fileRow.getByRole('button', { name: 'Download note.txt', exact: true });
    expect(await fileButton.textContent()).toBe('Download');
    const fileDownload = page.waitForEvent('download');
    await fileButton.click();
    const file = await fileDownload;
    expect(file.suggestedFilename()).toBe('note.txt');
    expect(await readFile((await file.path())!, 'utf8')).toBe(TWENTY_TWO);
    await page.context().close();
  });

  it('Export has no "…" in the list, the Image tab or the palette, since the browser downloads it without a dialog', async () => {
    const name = uniqueName('e2e-exportlabel');
    await docker().createContainer({ Image: testImage, name, Cmd: ['true'], Labels: { ...TEST_LABELS } });
    const page = await mode.openPage();
    const row = page.locator(`[role=row][data-container-name="${name}"]`);
    await row.waitFor({ timeout: 15_000 });
    // Its accessible name (the label, or aria-label where the row shows icons) is exactly "Export".
    const rowExport = row.getByRole('button', { name: 'Export', exact: true });
    expect(await rowExport.count()).toBe(1);
    expect(await row.getByRole('button', { name: /^Export…$/ }).count()).toBe(0);

    await row.getByRole('checkbox').check();
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('combobox', { name: 'Command' }).fill('export');
    const titles = await palette.getByRole('option').locator('.palette-title').allTextContents();
    expect(titles).toContain(`Export ${name}`);
    expect(titles.filter((title) => title.startsWith('Export') && title.endsWith('…'))).toEqual([]);
    await page.keyboard.press('Escape');

    const download = page.waitForEvent('download');
    await rowExport.click();
    await page.getByRole('tab', { name: 'Image', selected: true }).waitFor();
    expect((await download).suggestedFilename()).toBe(`${name}.tar`);
    expect(await page.getByRole('button', { name: /^Export to a tar file/ }).textContent()).toBe('Export to a tar file');
    await page.context().close();
  });
});
