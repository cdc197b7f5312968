import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { create as createTar, list as listTar } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { createStartStopRemove } from './container-flow';
import { findElectronBinary } from './electron-binary';

const binary = findElectronBinary();
if ('missing' in binary) console.log(`Skipping the Electron end-to-end tests: ${binary.missing}.`);

async function tarEntries(file: string): Promise<string[]> {
  const names: string[] = [];
  await listTar({ file, onReadEntry: (entry) => void names.push(entry.path) });
  return names;
}

async function stoppedContainer(prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '300'], Labels: { ...TEST_LABELS } });
  return name;
}

/**
 * Drops `file` on `selector` the way a real drop arrives: Playwright puts the host file into a
 * file input (so the File is backed by the real path, which webUtils.getPathForFile in the preload
 * can read), and that File is dropped with a DataTransfer.
 */
async function dropFile(page: Page, selector: string, file: string): Promise<void> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'e2e-drop-source';
    input.hidden = true;
    document.body.append(input);
  });
  await page.setInputFiles('#e2e-drop-source', file);
  await page.evaluate((target) => {
    const input = document.querySelector<HTMLInputElement>('#e2e-drop-source');
    if (!input) throw new Error('no drop source');
    const data = new DataTransfer();
    for (const dropped of Array.from(input.files ?? [])) data.items.add(dropped);
    const zone = document.querySelector(target);
    if (!zone) throw new Error(`no drop target ${target}`);
    zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    input.remove();
  }, selector);
}

describe.skipIf('missing' in binary)('Electron app', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  let scratch: string;
  let savePath: string;

  beforeAll(async () => {
    if ('missing' in binary) return;
    scratch = await mkdtemp(path.join(tmpdir(), 'berth-electron-e2e-'));
    savePath = path.join(scratch, 'exported.tar');
    app = await electron.launch({
      executablePath: binary.path,
      args: [path.resolve('out/main/index.js'), ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: {
        ...process.env,
        ELECTRON_RENDERER_URL: '',
        // Native dialogs cannot be clicked by a test: with BERTH_E2E=1 (only then) main's
        // dialogs (src/main/electron/dialogs.ts) answer with these paths instead.
        BERTH_E2E: '1',
        BERTH_TEST_SAVE_PATH: savePath,
        BERTH_SETTINGS_DIR: path.join(scratch, 'settings'),
      } as Record<string, string>,
    });
    page = await app.firstWindow();
    await page.getByRole('navigation').waitFor();
  });

  afterAll(async () => {
    await app?.close();
    await removeTestContainers();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('launches from berth://app: no Node in the page, only the bridge, no new windows', async () => {
    const renderer = await page.evaluate(() => ({
      origin: location.origin,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((window as { berth?: object }).berth ?? {}).sort(),
    }));
    expect(renderer).toEqual({
      origin: 'berth://app',
      require: 'undefined',
      process: 'undefined',
      bridge: expect.arrayContaining(['invoke', 'subscribe', 'transport']),
    });
    const opened = await page.evaluate(() => window.open('https://example.invalid/') === null);
    expect(opened).toBe(true);
  });

  it('lists the engine’s containers', async () => {
    const name = await stoppedContainer('electron-list');
    await page.locator(`[role=row][data-container-name="${name}"]`).waitFor({ timeout: 15_000 });
  });

  it('drives the create/start/stop/remove flow', async () => {
    await createStartStopRemove(page, uniqueName('electron'));
  });

  it('exports a container through the save dialog (stubbed in main) into a real tar', async () => {
    const name = await stoppedContainer('electron-export');
    const row = page.locator(`[role=row][data-container-name="${name}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name, exact: true }).click();
    await page.getByRole('tab', { name: 'Image', exact: true }).click();
    await page.getByRole('button', { name: 'Export to a tar file…' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Saved to ${savePath}.` })
      .waitFor({ timeout: 60_000 });
    const entries = await tarEntries(savePath);
    expect(entries).toEqual(expect.arrayContaining(['bin/busybox']));
    await page.getByRole('button', { name: 'All containers' }).click();
  });

  it('imports a tar archive dropped on the Images view (drag and drop upload)', async () => {
    const source = path.join(scratch, 'dropped');
    await rm(source, { recursive: true, force: true });
    await mkdir(source);
    await writeFile(path.join(source, 'hello.txt'), 'dropped into Berth\n');
    const archive = path.join(scratch, 'dropped.tar');
    await createTar({ file: archive, cwd: source }, ['hello.txt']);

    await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
    await page.getByRole('heading', { name: 'Images', level: 1 }).waitFor();
    await dropFile(page, '.images-view', archive);
    const dialog = page.getByRole('dialog', { name: 'Import an image from a tar archive' });
    await dialog.getByText('dropped.tar', { exact: true }).waitFor();
    const repository = `berth-test/${uniqueName('dropped').replace('berth-test-', '')}`;
    await dialog.getByLabel('Repository').fill(repository);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByRole('status').filter({ hasText: 'Imported as' }).waitFor({ timeout: 60_000 });
    await waitFor(
      async () => {
        try {
          await docker().getImage(`${repository}:latest`).inspect();
          return true;
        } catch {
          return false;
        }
      },
      { timeout: 10_000, message: `${repository} was not imported` },
    );
  });
});
