// Browser mode, real engine, real Chromium: the Files tab lists a container, a file dropped on it
// (a DataTransfer with a File, as the browser makes on a real drop) is uploaded, and it then exists
// in the container with the same bytes; the viewer and the Changes tab show it.
import { createHash, randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { extract } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { openContainer, browserModeForFile } from './browser-mode';
import { settledStreamCount } from './stream-count';

const mode = browserModeForFile();

async function openFiles(page: Page, name: string): Promise<void> {
  await openContainer(page, name, 'Files');
  await page.locator('[data-testid=file-rows] [data-path="/tmp"]').waitFor({ timeout: 15_000 });
}

/** The bytes of a file in the container, through the archive API (a one-entry tar, parsed properly: a unicode name comes with a PAX header). */
async function containerFile(id: string, path: string): Promise<Buffer> {
  const stream = (await docker().getContainer(id).getArchive({ path })) as NodeJS.ReadableStream;
  const parser = extract();
  const chunks: Buffer[] = [];
  await new Promise<void>((resolve, reject) => {
    parser.on('entry', (_header, body, next) => {
      body.on('data', (chunk) => {
        chunks.push(chunk as Buffer);
      });
      body.on('end', next);
    });
    parser.on('finish', resolve);
    parser.on('error', reject);
    stream.pipe(parser as unknown as NodeJS.WritableStream);
  });
  return Buffer.concat(chunks);
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('browser mode: the Files tab', () => {
  it('a file dropped on a folder row is uploaded into that folder, byte for byte', async () => {
    const name = uniqueName('e2e-files');
    const container = await docker().createContainer({ Image: testImage, name, Labels: { ...TEST_LABELS } });
    const page = await mode.openPage();
    await openFiles(page, name);
    expect(await page.locator('[role=tabpanel]:not([hidden]) [data-testid=cli-command]').first().textContent()).toBe(`docker cp ${name}:/ - | tar -tv`);

    const bytes = randomBytes(300 * 1024 + 7);
    const fileName = 'dropped ünïcode file.bin';
    await page.evaluate(
      ({ base64, fileName }) => {
        const binary = atob(base64);
        const data = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], fileName, { type: 'application/octet-stream' }));
        const target = document.querySelector('[data-testid=file-rows] [data-path="/tmp"]')!;
        for (const type of ['dragenter', 'dragover', 'drop'])
          target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      },
      { base64: bytes.toString('base64'), fileName },
    );

    const transfer = page.locator('[data-testid=transfer]');
    await transfer.first().waitFor();
    await waitFor(async () => (await transfer.first().getAttribute('data-phase')) === 'done', { timeout: 30_000, message: 'the upload did not finish' });
    expect(sha256(await containerFile(container.id, `/tmp/${fileName}`))).toBe(sha256(bytes));
    // The browser gives no host path or owner: the line is a root-owned tar, run where the file is, and the note says so.
    expect(await page.locator('.files-copy-footer [data-testid=cli-command]').first().textContent()).toBe(
      `tar -c --owner=0 --group=0 --numeric-owner -f - -- '${fileName}' | docker cp - ${name}:/tmp/`,
    );
    expect(await page.locator('.files-copy-cli-note').first().textContent()).toContain('run the line in the folder that holds them');

    // The listing and its change marks follow: /tmp is now changed.
    await page.locator('[data-testid=file-rows] [data-path="/tmp"] .change-mark').waitFor();
    await page.locator('[data-testid=file-rows] [data-path="/tmp"] button.name-link').click();
    await page.locator(`[data-testid=file-rows] [data-path="/tmp/${fileName}"]`).waitFor();
    expect(await page.locator(`[data-testid=file-rows] [data-path="/tmp/${fileName}"] .change-mark`).textContent()).toContain('A');
    await page.close();
  });

  it('a file dropped on a container in the list goes into the chosen folder, its working directory by default', async () => {
    const name = uniqueName('e2e-rowdrop');
    const container = await docker().createContainer({ Image: testImage, name, WorkingDir: '/tmp', Labels: { ...TEST_LABELS } });
    const page = await mode.openPage();
    const row = page.locator(`[role=row][data-container-name="${name}"]`);
    await row.waitFor({ timeout: 15_000 });
    const bytes = randomBytes(64 * 1024);
    await page.evaluate(
      ({ base64, name }) => {
        const binary = atob(base64);
        const data = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], 'on-the-row.bin'));
        const target = document.querySelector(`[role=row][data-container-name="${name}"]`)!;
        for (const type of ['dragenter', 'dragover', 'drop'])
          target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      },
      { base64: bytes.toString('base64'), name },
    );
    const dialog = page.getByRole('dialog', { name: `Copy into ${name}` });
    await dialog.waitFor();
    const folder = dialog.getByRole('textbox', { name: 'Into the folder' });
    await waitFor(async () => (await folder.inputValue()) === '/tmp', { message: 'the working directory was not offered' });
    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    await waitFor(async () => (await dialog.locator('[data-testid=transfer]').getAttribute('data-phase')) === 'done', {
      timeout: 30_000,
      message: 'the copy did not finish',
    });
    expect(sha256(await containerFile(container.id, '/tmp/on-the-row.bin'))).toBe(sha256(bytes));
    await page.close();
  });

  it('opens a text file in the viewer, refuses to dump a binary, and closes its streams', async () => {
    const name = uniqueName('e2e-viewer');
    await docker().createContainer({ Image: testImage, name, Labels: { ...TEST_LABELS } });
    const page = await mode.openPage();
    await page.locator(`[role=row][data-container-name="${name}"]`).waitFor({ timeout: 15_000 });
    const before = await settledStreamCount(mode.dispatcher);
    await openFiles(page, name);
    await page.getByRole('textbox', { name: 'Go to path' }).fill('/etc/passwd');
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    const viewer = page.getByRole('dialog', { name: '/etc/passwd' });
    await viewer.waitFor();
    await viewer.getByLabel('Content of /etc/passwd').waitFor();
    expect(await viewer.getByLabel('Content of /etc/passwd').textContent()).toContain('root:x:0:0:root');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=file-rows] [data-path="/etc/passwd"]').waitFor();

    await page.getByRole('textbox', { name: 'Go to path' }).fill('/bin');
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await page.locator('[data-testid=file-rows] [data-path="/bin/busybox"] button.name-link').click();
    await page
      .getByRole('dialog', { name: '/bin/busybox' })
      .getByText(/binary file/)
      .waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '← All containers' }).click();
    await page.locator(`[role=row][data-container-name="${name}"]`).waitFor();
    expect(await settledStreamCount(mode.dispatcher)).toBe(before);
    await page.close();
  });

  it('says how a folder is listed: find in a running container, the whole archive (and its size) in a stopped one', async () => {
    const stopped = uniqueName('e2e-list-stopped');
    await docker().createContainer({ Image: testImage, name: stopped, Labels: { ...TEST_LABELS } });
    const running = uniqueName('e2e-list-running');
    await (await docker().createContainer({ Image: testImage, name: running, Cmd: ['sleep', '3600'], Labels: { ...TEST_LABELS } })).start();
    const page = await mode.openPage();
    const method = page.locator('[role=tabpanel]:not([hidden]) [data-testid=files-method]');
    const cli = page.locator('[role=tabpanel]:not([hidden]) [data-testid=cli-command]').first();

    await openFiles(page, stopped);
    await waitFor(async () => /^Stopped container: listing reads the folder's whole archive \(\d/.test((await method.textContent()) ?? ''), {
      message: 'no archive note',
    });
    expect(await cli.textContent()).toBe(`docker cp ${stopped}:/ - | tar -tv`);
    await page.getByRole('button', { name: '← All containers' }).click();

    await openFiles(page, running);
    await waitFor(async () => ((await method.textContent()) ?? '').startsWith('Listed in the running container with find'), { message: 'no exec note' });
    expect(await cli.textContent()).toMatch(new RegExp(`^docker exec -u 0 ${running} sh -c `));
    await page.close();
  });
});
