import { describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { browserModeForFile } from './browser-mode';

const mode = browserModeForFile();

/** PID 1 ignores SIGTERM, so a stop or restart waits for the whole timeout and then kills. */
async function startIgnoringSigterm(name: string) {
  const container = await docker().createContainer({
    Image: testImage,
    name,
    Cmd: ['sh', '-c', 'trap "" TERM; while true; do sleep 1; done'],
    Labels: { ...TEST_LABELS },
  });
  await container.start();
  return container;
}

describe('browser mode: a container between two states', () => {
  it('says "Stopping…" with the time left on the row and in the header until the engine reports it exited', async () => {
    const name = uniqueName('stubborn');
    const container = await startIgnoringSigterm(name);
    const page = await mode.openPage();
    // Long enough that the stop is still waiting while the test looks; the test ends it with a kill.
    await page.getByLabel('Stop timeout (s)').fill('120');
    const row = page.locator(`[role=row][data-container-name="${name}"]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('running');

    await row.getByRole('button', { name: 'Stop', exact: true }).click();
    const rowState = row.locator('.state-cell');
    await expect.poll(() => rowState.textContent()).toMatch(/Stopping…\s*\d+ s left before kill/);
    expect(await row.getByRole('button', { name: 'Restart', exact: true }).isDisabled()).toBe(true);

    await row.getByRole('button', { name, exact: true }).click();
    const header = page.locator('.detail-view > header');
    await header.getByRole('heading', { name, exact: true }).waitFor();
    await expect.poll(() => header.textContent()).toMatch(/Stopping…\s*\d+ s left before kill/);
    expect(await header.getByText('Running', { exact: true }).count()).toBe(0);
    expect(await header.getByRole('button', { name: 'Stop', exact: true }).isDisabled()).toBe(true);
    // Kill does not conflict with a stop that waits: it is how to end the wait now.
    expect(await header.getByRole('button', { name: 'Kill', exact: true }).isEnabled()).toBe(true);

    await container.kill();
    await header.getByText('Exited', { exact: true }).waitFor({ timeout: 30_000 });
    await expect.poll(() => header.textContent(), { timeout: 15_000 }).not.toMatch(/Stopping…/);
    await page.getByRole('button', { name: '← All containers' }).click();
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('exited');
    await expect.poll(() => rowState.textContent(), { timeout: 15_000 }).not.toMatch(/Stopping…/);
    await page.context().close();
  });

  it('says "Restarting…" while a restart waits, until the engine reports it running again', async () => {
    const name = uniqueName('restart-wait');
    const container = await startIgnoringSigterm(name);
    const startedAt = (await container.inspect()).State.StartedAt;
    const page = await mode.openPage();
    await page.getByLabel('Stop timeout (s)').fill('120');
    const row = page.locator(`[role=row][data-container-name="${name}"]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('running');

    await row.getByRole('button', { name: 'Restart', exact: true }).click();
    const rowState = row.locator('.state-cell');
    await expect.poll(() => rowState.textContent()).toMatch(/Restarting…\s*\d+ s left before kill/);
    expect(await row.getByRole('button', { name: 'Stop', exact: true }).isDisabled()).toBe(true);
    // The kill ends the restart's wait; the engine starts the container again.
    await container.kill();
    await expect.poll(async () => (await container.inspect()).State.StartedAt, { timeout: 30_000 }).not.toBe(startedAt);
    await expect.poll(() => rowState.textContent(), { timeout: 15_000 }).not.toMatch(/Restarting…/);
    expect(await row.getAttribute('data-state')).toBe('running');
    await page.context().close();
  });
});
