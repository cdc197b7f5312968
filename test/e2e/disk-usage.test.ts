// Browser mode in Chromium: the Engine view's disk usage (docker system df -v), a prune preview that
// lists the volume made here, Cancel that changes nothing, and the confirmed prune that removes it and
// says how much it freed; the images preview (the shared dialog) lists a dangling image made here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { browserModeForFile } from './browser-mode';

const mode = browserModeForFile();
const base = uniqueName('e2e-df');
const volume = `${base}-vol`;
const label = `berth.test.e2e=${base}`;
let danglingImage = '';

const volumeExists = (name: string): Promise<boolean> =>
  docker()
    .getVolume(name)
    .inspect()
    .then(
      () => true,
      () => false,
    );

beforeAll(async () => {
  await docker().createVolume({ Name: volume, Labels: { ...TEST_LABELS, 'berth.test.e2e': base } });
  const writer = await docker().createContainer({
    Image: testImage,
    Cmd: ['sh', '-c', 'head -c 120000 /dev/urandom > /data/f'],
    HostConfig: { Binds: [`${volume}:/data`] },
  });
  await writer.start();
  await writer.wait();
  const committed = (await writer.commit({ changes: ['LABEL berth.test=1'] })) as { Id: string };
  danglingImage = committed.Id;
  await writer.remove({ force: true });
});

afterAll(async () => {
  await docker()
    .getVolume(volume)
    .remove()
    .catch(() => undefined);
  await docker()
    .getImage(danglingImage)
    .remove({ force: true })
    .catch(() => undefined);
});

describe('browser mode: disk usage', () => {
  it('shows docker system df -v, previews a prune, cancels without change, and prunes what the preview listed', { timeout: 120_000 }, async () => {
    const page = await mode.openPage();
    await page.getByRole('navigation').getByRole('button', { name: 'Engine', exact: true }).click();
    const table = page.getByTestId('disk-usage');
    await table.waitFor({ timeout: 30_000 });
    expect(await page.getByRole('heading', { name: 'Disk usage', level: 2 }).count()).toBe(1);
    await page.locator('.disk-usage [data-testid=cli-command]').getByText('docker system df -v', { exact: true }).waitFor();
    for (const type of ['Images', 'Containers', 'Local volumes', 'Build cache']) await table.getByRole('rowheader', { name: type, exact: true }).waitFor();

    // -v: the volume is listed with its size.
    await page.locator('details[data-category=volumes] summary').click();
    const volumeRow = page.locator(`details[data-category=volumes] tr[data-key="${volume}"]`);
    await volumeRow.waitFor();
    expect(await volumeRow.textContent()).toMatch(/KiB$/);

    // The images preview (dangling by default) lists the image made here; Escape cancels, the image stays.
    await table.getByRole('button', { name: 'Prune images…' }).click();
    const images = page.getByRole('dialog', { name: 'Prune images' });
    await images.locator(`li[data-name="${danglingImage.replace('sha256:', '').slice(0, 12)}"]`).waitFor({ timeout: 15_000 });
    await page.getByTestId('cli-command').filter({ hasText: 'docker image prune -f' }).first().waitFor();
    await page.keyboard.press('Escape');
    await images.waitFor({ state: 'detached' });
    expect((await docker().getImage(danglingImage).inspect()).Id).toBe(danglingImage);

    // Keyboard: focus the volumes row's Prune… and press Enter.
    const pruneVolumes = table.getByRole('button', { name: 'Prune volumes…' });
    await pruneVolumes.focus();
    await page.keyboard.press('Enter');
    const prune = page.getByRole('dialog', { name: 'Prune unused volumes' });
    await prune.waitFor();
    await prune.getByLabel('Named volumes too (--all)').check();
    await prune.getByLabel('Only with these labels (--filter label=…)').fill(label);
    await prune.getByRole('listitem').filter({ hasText: volume }).waitFor({ timeout: 15_000 });
    expect(await prune.getByRole('listitem').count()).toBe(1);
    await prune.getByRole('button', { name: 'Cancel', exact: true }).click();
    await prune.waitFor({ state: 'detached' });
    expect(await volumeExists(volume)).toBe(true);

    await pruneVolumes.click();
    await prune.getByLabel('Named volumes too (--all)').check();
    await prune.getByLabel('Only with these labels (--filter label=…)').fill(label);
    await prune.getByRole('listitem').filter({ hasText: volume }).waitFor({ timeout: 15_000 });
    await prune.getByRole('button', { name: /^Remove 1 volume/ }).click();
    await prune.waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: /Local volumes: removed 1, freed [\d.]+ KiB\./ })
      .waitFor({ timeout: 15_000 });
    await page
      .getByTestId('cli-command')
      .filter({ hasText: `docker volume prune --force --all --filter label=${label}` })
      .waitFor();
    expect(await volumeExists(volume)).toBe(false);
    // Read again after the prune: the volume is gone from the details.
    await volumeRow.waitFor({ state: 'detached', timeout: 15_000 });
  });
});
