// Browser mode in Chromium: a volume no container uses, opened from the Volumes view by keyboard,
// browsed with the same file browser as a container's Files tab; a file dropped on it (a
// DataTransfer with a File, as the browser makes on a real drop) is listed and really is in the
// volume with the same bytes (read back through the engine); no helper container is left; a
// backup is restored into another volume through the Restore dialog (merge), giving the same file.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { docker, dockerCli, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { browserModeForFile } from './browser-mode';

const mode = browserModeForFile();
const made: string[] = [];

afterAll(async () => {
  for (const name of made)
    await docker()
      .getVolume(name)
      .remove()
      .catch(() => undefined);
});

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** A file's bytes in a volume, read by a throwaway container (base64, so binary survives the CLI). */
async function volumeFile(volume: string, path: string): Promise<Buffer> {
  const run = await dockerCli(['run', '--rm', '--label', 'berth.test=1', '-v', `${volume}:/v:ro`, testImage, 'base64', `/v${path}`]);
  return Buffer.from(run.stdout.replace(/\s+/g, ''), 'base64');
}

const helpers = async (): Promise<number> => (await docker().listContainers({ all: true, filters: { label: ['berth.volume-helper'] } })).length;

async function newVolume(prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  await docker().createVolume({ Name: name, Labels: { ...TEST_LABELS } });
  made.push(name);
  return name;
}

describe('browser mode: a volume’s files', () => {
  it('opens by keyboard, takes a dropped file that is then listed and in the volume byte for byte, and leaves no helper', async () => {
    const volume = await newVolume('e2e-volfiles');
    await dockerCli(['run', '--rm', '--label', 'berth.test=1', '-v', `${volume}:/v`, testImage, 'sh', '-c', 'mkdir /v/data && echo seed > /v/data/seed.txt']);
    const page = await mode.openPage();
    await page.getByRole('navigation').getByRole('button', { name: 'Volumes', exact: true }).click();
    const row = page.locator(`tr[data-volume-name="${volume}"]`);
    await row.waitFor({ timeout: 15_000 });
    // By keyboard: focus the row's Files button and press Enter.
    await row.getByRole('button', { name: `Browse the files of volume ${volume}` }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Files of volume ${volume}` });
    await dialog.locator('[data-testid=file-rows] [data-path="/data"]').waitFor({ timeout: 15_000 });
    expect(await dialog.locator('[data-testid=files-method]').textContent()).toContain('Volume');
    expect(await dialog.getByRole('button', { name: 'Upload files…' }).isVisible()).toBe(true);

    const bytes = randomBytes(200 * 1024 + 3);
    const fileName = 'dropped into a volume.bin';
    await page.evaluate(
      ({ base64, fileName }) => {
        const binary = atob(base64);
        const data = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], fileName, { type: 'application/octet-stream' }));
        const target = document.querySelector('dialog[open] [data-testid=file-rows] [data-path="/data"]')!;
        for (const type of ['dragenter', 'dragover', 'drop'])
          target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      },
      { base64: bytes.toString('base64'), fileName },
    );
    const transfer = dialog.locator('[data-testid=transfer]').first();
    await transfer.waitFor();
    await waitFor(async () => (await transfer.getAttribute('data-phase')) === 'done', { timeout: 30_000, message: 'the upload did not finish' });
    expect(sha256(await volumeFile(volume, `/data/${fileName}`))).toBe(sha256(bytes));
    // The CLI line is the helper container's docker cp, as Berth does it.
    const line = await dialog.locator('.files-copy-footer [data-testid=cli-command]').first().textContent();
    expect(line).toContain(`docker create --name berth-volume-files -v ${volume}:/volume busybox`);
    expect(line).toContain('docker cp - berth-volume-files:/volume/data/');

    // Listed, next to what was there.
    await dialog.locator('[data-testid=file-rows] [data-path="/data"] button.name-link').click();
    await dialog.locator(`[data-testid=file-rows] [data-path="/data/${fileName}"]`).waitFor({ timeout: 15_000 });
    await dialog.locator('[data-testid=file-rows] [data-path="/data/seed.txt"]').waitFor();
    await waitFor(async () => (await helpers()) === 0, { message: 'a helper container was left' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.close();
  });

  it('restores a backup into another volume through the Restore dialog', async () => {
    const source = await newVolume('e2e-volsrc');
    const target = await newVolume('e2e-voldst');
    await dockerCli(['run', '--rm', '--label', 'berth.test=1', '-v', `${source}:/v`, testImage, 'sh', '-c', 'echo restored > /v/r.txt && chmod 600 /v/r.txt']);
    // The backup as Back up makes it (the download itself is the browser's): through the API.
    const tar = await dockerCli(['run', '--rm', '--label', 'berth.test=1', '-v', `${source}:/data:ro`, testImage, 'sh', '-c', 'tar -cf - -C /data . | base64']);
    const backup = Buffer.from(tar.stdout.replace(/\s+/g, ''), 'base64');
    const page = await mode.openPage();
    await page.getByRole('navigation').getByRole('button', { name: 'Volumes', exact: true }).click();
    const row = page.locator(`tr[data-volume-name="${target}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: `Restore volume ${target} from a backup` }).click();
    const dialog = page.getByRole('dialog', { name: `Restore volume ${target}` });
    await dialog.getByTestId('restore-file-input').setInputFiles({ name: `${source}.tar`, mimeType: 'application/x-tar', buffer: backup });
    await dialog.getByRole('radio', { name: /Merge/ }).check();
    expect(await dialog.getByTestId('cli-command').textContent()).toContain(`tar -xpf /backup/${source}.tar -C /data`);
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await dialog.getByText(`${source}.tar was restored into ${target}, merged with what was there.`).waitFor({ timeout: 30_000 });
    expect((await volumeFile(target, '/r.txt')).toString()).toBe('restored\n');
    await page.close();
  });
});
