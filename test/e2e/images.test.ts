// Browser mode in Chromium: export a container from the UI (a real browser download), import the
// tar back from the UI with a CMD change, see the image in the list, and run it.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, waitFor } from '../helpers/engine';
import { containerWithData, exportDirect, runImage, tarListing, testRepository } from '../integration/images-support';
import { browserModeForFile } from './browser-mode';

const mode = browserModeForFile();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-e2e-images-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('browser mode: export and import images', () => {
  it('exports a container as a download, imports it back with a CMD change, and the image runs', async () => {
    const source = await containerWithData('e2e-export', 2048);
    const page = await mode.openPage();
    await page.locator(`[role=row][data-container-name="${source.name}"]`).getByRole('button', { name: source.name, exact: true }).click();
    await page.getByRole('tab', { name: 'Image' }).click();
    await page.getByText('The archive has no CMD, ENTRYPOINT, ENV').waitFor();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export to a tar file', exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${source.name}.tar`);
    const tarPath = path.join(dir, download.suggestedFilename());
    await download.saveAs(tarPath);
    await page.locator('[data-testid=transfer][data-phase=done]').waitFor({ timeout: 30_000 });
    expect(await tarListing(tarPath)).toEqual(await tarListing(await exportDirect(source.id)));

    await page.getByRole('button', { name: 'Import as image…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import an image from a tar archive' });
    await dialog.getByText(`Choose ${source.name}.tar from your downloads.`).waitFor();
    // The exported container's config is offered as the changes; replace its CMD.
    const cmd = dialog.getByLabel('CMD default command');
    expect(await cmd.inputValue()).toContain('mkdir -p /data/sub');
    await cmd.fill('["/bin/echo","hello"]');
    await dialog.locator('input[type=file]').setInputFiles(tarPath);
    await dialog.getByText(download.suggestedFilename(), { exact: true }).waitFor();
    const repository = testRepository('e2e');
    await dialog.getByLabel('Repository').fill(repository);
    await dialog.getByLabel('Tag').fill('v1');
    await expect.poll(() => dialog.getByTestId('cli-command').last().textContent()).toContain(`--change 'CMD ["/bin/echo","hello"]'`);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.locator('[data-testid=transfer][data-phase=done]').waitFor({ timeout: 60_000 });
    await dialog.getByText(`Imported as ${repository}:v1.`).waitFor();
    const image = await docker().getImage(`${repository}:v1`).inspect();
    expect(image.Config.Cmd).toEqual(['/bin/echo', 'hello']);
    expect(image.Size).toBeGreaterThan(statSync(tarPath).size / 2);
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();

    await page.getByRole('navigation').getByRole('button', { name: 'Images', exact: true }).click();
    const row = page.locator(`tr[data-image-names~="${repository}:v1"]`);
    await row.waitFor();
    expect(await runImage(`${repository}:v1`)).toBe('hello\n');

    // And from the list: create a container from it, started; it prints hello and exits.
    await row.getByRole('button', { name: `Create container from ${repository}:v1` }).click();
    expect(await page.getByLabel('Image', { exact: true }).inputValue()).toBe(`${repository}:v1`);
    const name = `berth-test-e2e-run-${Date.now()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Create and start', exact: true }).click();
    await page.getByText(`Container ${name} created.`).waitFor();
    const logs = await waitFor(
      async () => {
        const info = await docker().getContainer(name).inspect();
        if (info.State.Running) return undefined;
        return (await docker().getContainer(name).logs({ stdout: true })).toString('utf8');
      },
      { timeout: 20_000 },
    );
    expect(logs).toContain('hello');
    await page.context().close();
  });
});
