import { describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { browserModeForFile } from './browser-mode';
import { createStartStopRemove } from './container-flow';

const mode = browserModeForFile();

describe('browser mode: containers', () => {
  it('creates, starts, stops and removes a container from the UI', async () => {
    const page = await mode.openPage();
    await createStartStopRemove(page, uniqueName('e2e'));
    await page.context().close();
  });

  it('shows a container created outside the app, live from engine events', async () => {
    const page = await mode.openPage();
    await page.getByRole('grid', { name: 'Containers' }).or(page.getByText('No containers on this engine yet.')).first().waitFor();
    const name = uniqueName('outside');
    await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '300'], Labels: { ...TEST_LABELS } });
    const row = page.locator(`[role=row][data-container-name="${name}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getAttribute('data-state')).toBe('created');
    await docker().getContainer(name).start();
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 10_000 }).toBe('running');
    await docker().getContainer(name).remove({ force: true });
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    await page.context().close();
  });

  it('removing a running container says so and offers Force remove and Stop, then remove', async () => {
    const page = await mode.openPage();
    const names = [uniqueName('rm-running'), uniqueName('rm-running')];
    for (const name of names) {
      const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '300'], Labels: { ...TEST_LABELS } });
      await container.start();
    }
    const removeWithoutForce = async (name: string): Promise<void> => {
      const row = page.locator(`[role=row][data-container-name="${name}"]`);
      await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('running');
      await row.getByRole('button', { name: 'Remove', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: `Container ${name} is running: stop it first, or remove it with Force` })
        .waitFor();
    };

    await removeWithoutForce(names[0]!);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /[0-9a-f]{64}/ })
        .count(),
    ).toBe(0);
    await page.getByRole('button', { name: 'Force remove' }).click();
    await expect.poll(async () => (await docker().listContainers({ all: true, filters: { name: [names[0]!] } })).length, { timeout: 15_000 }).toBe(0);

    await removeWithoutForce(names[1]!);
    await page.getByRole('button', { name: 'Stop, then remove' }).click();
    await expect.poll(async () => (await docker().listContainers({ all: true, filters: { name: [names[1]!] } })).length, { timeout: 30_000 }).toBe(0);
    await page.context().close();
  });

  it('in Korean, the status line is Korean too (built from the engine status, not shown in its English)', async () => {
    const name = uniqueName('ko-status');
    const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sh', '-c', 'exit 3'], Labels: { ...TEST_LABELS } });
    await container.start();
    await container.wait();
    const page = await mode.openPage({ locale: 'ko-KR' });
    const row = page.locator(`[role=row][data-container-name="${name}"]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('exited');
    const status = row.locator('.status-text');
    await expect.poll(() => status.textContent()).toMatch(/^종료 코드 3 · .+ 전$/);
    expect(await status.textContent()).not.toMatch(/[A-Za-z]/);
    await page.context().close();
  });

  it('shows an engine error in plain words and keeps the form (name in use)', async () => {
    const name = uniqueName('taken');
    const existing = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '300'], Labels: { ...TEST_LABELS } });
    const page = await mode.openPage();
    await page.getByRole('button', { name: 'New container' }).first().click();
    await page.getByLabel('Image', { exact: true }).fill(testImage);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `The name ${name} is already in use` })
      .waitFor();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(name);
    const same = await docker().listContainers({ all: true, filters: { name: [name] } });
    expect(same.map((c) => c.Id)).toEqual([existing.id]);
    await page.context().close();
  });

  it('switches to Korean and back', async () => {
    const page = await mode.openPage();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await page.getByRole('heading', { name: '컨테이너' }).waitFor();
    await page.getByRole('combobox', { name: '언어' }).selectOption('en');
    await page.getByRole('heading', { name: 'Containers' }).waitFor();
    await page.context().close();
  });
});
