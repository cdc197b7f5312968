// Browser mode in Chromium: create a volume from the UI (with its CLI line), see it listed with the
// container that uses it, the remove refused while in use (users named) until the user chooses to
// remove them too, and a prune whose preview lists exactly what it then removes.
import { afterAll, describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { browserModeForFile } from './browser-mode';

const mode = browserModeForFile();

afterAll(async () => {
  // After browserModeForFile's own afterAll has removed the containers using them.
  const { Volumes } = await docker().listVolumes({ filters: { label: ['berth.test.e2e'] } });
  for (const volume of Volumes ?? [])
    await docker()
      .getVolume(volume.Name)
      .remove()
      .catch(() => undefined);
});

const volumeExists = (name: string): Promise<boolean> =>
  docker()
    .getVolume(name)
    .inspect()
    .then(
      () => true,
      () => false,
    );

describe('browser mode: volumes', () => {
  it('creates a volume, lists it with its user, refuses to remove it while used, and removes it with its user when asked', async () => {
    const page = await mode.openPage();
    await page.getByRole('navigation').getByRole('button', { name: 'Volumes', exact: true }).click();
    await page.getByRole('heading', { name: 'Volumes', level: 1 }).waitFor();

    const name = uniqueName('e2e-vol');
    await page.getByRole('button', { name: 'Create volume…', exact: true }).first().click();
    const create = page.getByRole('dialog', { name: 'Create a volume' });
    // The name field has the focus: typing goes there.
    await page.keyboard.type('bad name');
    await create.getByText('A name starts with a letter or digit').waitFor();
    expect(await create.getByRole('button', { name: 'Create', exact: true }).isDisabled()).toBe(true);
    await create.getByLabel('Name').fill(name);
    await create.getByLabel('Labels').fill('berth.test=1\ntier=e2e');
    await expect.poll(() => create.getByTestId('cli-command').textContent()).toBe(`docker volume create --label berth.test=1 --label tier=e2e ${name}`);
    await create.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByText(`Volume ${name} created.`).waitFor();
    const row = page.locator(`tr[data-volume-name="${name}"]`);
    await row.waitFor();
    expect((await docker().getVolume(name).inspect()).Labels).toEqual({ ...TEST_LABELS, tier: 'e2e' });

    // A container takes it: the list says so (from the engine's events, not a poll).
    const user = uniqueName('e2e-vol-user');
    await docker().createContainer({ Image: testImage, name: user, Cmd: ['true'], Labels: { ...TEST_LABELS }, HostConfig: { Binds: [`${name}:/data`] } });
    await row.getByText(user).waitFor({ timeout: 15_000 });

    await row.getByRole('button', { name: `Remove volume ${name}` }).click();
    const remove = page.getByRole('dialog', { name: `Remove volume ${name}?` });
    await remove.getByText('It is used by this container:').waitFor();
    await remove.getByRole('listitem').filter({ hasText: user }).waitFor();
    const confirm = remove.getByRole('button', { name: 'Remove the container and the volume' });
    expect(await confirm.isDisabled()).toBe(true);
    // Submitting the form (Enter) does nothing either while the choice is not made.
    await remove.getByLabel('Force (-f)', { exact: false }).press('Enter');
    expect(await volumeExists(name)).toBe(true);

    await remove.getByLabel('Remove that container too', { exact: false }).check();
    expect(await remove.getByTestId('cli-command').textContent()).toBe(`docker rm -f ${user} && docker volume rm ${name}`);
    await confirm.click();
    await page.getByText(`Containers ${user} and volume ${name} removed.`).waitFor({ timeout: 15_000 });
    expect(await volumeExists(name)).toBe(false);
    await row.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('browses the files of a volume no container uses and views one, leaving no helper container', async () => {
    const name = uniqueName('e2e-vol-files');
    await docker().createVolume({ Name: name, Labels: { ...TEST_LABELS, 'berth.test.e2e': name } });
    const writer = await docker().createContainer({
      Image: testImage,
      Cmd: ['sh', '-c', 'mkdir /v/conf && echo "port=5432" > /v/conf/app.ini'],
      Labels: { ...TEST_LABELS },
      HostConfig: { Binds: [`${name}:/v`] },
    });
    await writer.start();
    await writer.wait();
    await writer.remove();

    const page = await mode.openPage();
    await page.getByRole('navigation').getByRole('button', { name: 'Volumes', exact: true }).click();
    await page
      .locator(`tr[data-volume-name="${name}"]`)
      .getByRole('button', { name: `Browse the files of volume ${name}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Files of volume ${name}` });
    await dialog.locator('[data-testid=file-rows] [data-path="/conf"] button.name-link').click();
    await dialog.locator('[data-testid=file-rows] [data-path="/conf/app.ini"] button.name-link').click();
    const viewer = page.getByRole('dialog', { name: '/conf/app.ini' });
    await viewer.getByLabel('Content of /conf/app.ini').getByText('port=5432').waitFor();
    // The line reads it as Berth does: a container made with the volume mounted, never started, removed after.
    expect(await viewer.getByTestId('cli-command').textContent()).toBe(
      [
        `docker create --name berth-volume-files -v ${name}:/volume busybox > /dev/null`,
        'docker cp berth-volume-files:/volume/conf/app.ini - | tar -xO',
        'docker rm berth-volume-files > /dev/null',
      ].join('\n'),
    );
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Up to the parent folder' }).click();
    await dialog.locator('[data-testid=file-rows] [data-path="/conf"]').waitFor();
    await waitFor(async () => (await docker().listContainers({ all: true, filters: { label: [`berth.volume-helper=${name}`] } })).length === 0, {
      message: 'a helper container was left',
    });
    await page.context().close();
  });

  it('previews a prune by label, anonymous only or all, and removes exactly the volumes shown', async () => {
    const mark = uniqueName('e2e-prune');
    const labels = { ...TEST_LABELS, 'berth.test.e2e': mark };
    const named = uniqueName('e2e-prune-named');
    await docker().createVolume({ Name: named, Labels: labels });
    const anonymous = (await docker().createVolume({ Labels: labels })).name;
    const kept = uniqueName('e2e-prune-used');
    await docker().createVolume({ Name: kept, Labels: labels });
    await docker().createContainer({
      Image: testImage,
      name: uniqueName('e2e-prune-user'),
      Cmd: ['true'],
      Labels: { ...TEST_LABELS },
      HostConfig: { Binds: [`${kept}:/d`] },
    });

    const page = await mode.openPage();
    await page.getByRole('navigation').getByRole('button', { name: 'Volumes', exact: true }).click();
    await page.getByRole('button', { name: 'Prune…', exact: true }).click();
    const prune = page.getByRole('dialog', { name: 'Prune unused volumes' });
    await prune.getByLabel('Only with these labels', { exact: false }).fill(`berth.test.e2e=${mark}`);
    const listed = prune.getByRole('list', { name: 'Volumes the prune removes' });
    await expect.poll(async () => (await listed.locator('.mono').allTextContents()).sort(), { timeout: 15_000 }).toEqual([anonymous]);
    await prune.getByLabel('Named volumes too (--all)').check();
    await expect.poll(async () => (await listed.locator('.mono').allTextContents()).sort(), { timeout: 15_000 }).toEqual([anonymous, named].sort());
    expect(await prune.getByTestId('cli-command').textContent()).toBe(`docker volume prune --force --all --filter label=berth.test.e2e=${mark}`);
    await prune.getByRole('button', { name: /^Remove 2 volumes/ }).click();
    await page.getByText(/^Pruned 2 volumes, freeing/).waitFor({ timeout: 15_000 });
    expect(await volumeExists(named)).toBe(false);
    expect(await volumeExists(anonymous)).toBe(false);
    expect(await volumeExists(kept)).toBe(true);
    await page.context().close();
  });
});
