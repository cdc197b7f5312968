// Browser mode, real engine: the engine-wide Events view shows a start live, filters, pauses, and
// closes its stream in main when left.
import { describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { browserModeForFile } from './browser-mode';
import { settledStreamCount } from './stream-count';

const mode = browserModeForFile();

describe('browser mode: Events view', () => {
  it('shows a start event live, filters by container, and closes its stream when left', async () => {
    const page = await mode.openPage();
    const nav = page.getByRole('navigation');
    // The Engine view opens no stream of its own: the baseline the Events view is counted against.
    await nav.getByRole('button', { name: 'Engine' }).click();
    await page.getByText('Engine connected').waitFor();
    const baseline = await settledStreamCount(mode.dispatcher);
    await nav.getByRole('button', { name: 'Events' }).click();
    await page.getByRole('heading', { name: 'Events' }).waitFor();
    expect(await page.getByTestId('cli-command').first().textContent()).toBe('docker events');
    await waitFor(() => mode.dispatcher.openStreamCount() === baseline + 1, { message: 'the Events view did not open exactly one stream' });

    const name = uniqueName('e2e-events');
    const other = uniqueName('e2e-other');
    const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '300'], Labels: { ...TEST_LABELS } });
    await docker().createContainer({ Image: testImage, name: other, Labels: { ...TEST_LABELS } });
    await container.start();
    const start = page.locator(`[role=row][data-action="start"][data-actor="${name}"]`);
    await start.waitFor({ timeout: 15_000 });
    expect(await start.getByRole('cell').nth(1).textContent()).toBe('container');

    await page.getByLabel('Container', { exact: true }).fill(name);
    await page.locator(`[role=row][data-actor="${other}"]`).waitFor({ state: 'detached' });
    expect(await page.locator(`[role=row][data-action="create"][data-actor="${name}"]`).count()).toBe(1);
    expect(await page.getByTestId('cli-command').first().textContent()).toBe(`docker events --filter container=${name}`);

    // Paused: new events wait, then show on resume.
    await page.getByRole('button', { name: 'Pause' }).click();
    await container.stop({ t: 0 });
    await page.getByText(/paused, \d+ new events? waiting/).waitFor({ timeout: 15_000 });
    expect(await page.locator(`[role=row][data-action="die"][data-actor="${name}"]`).count()).toBe(0);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.locator(`[role=row][data-action="die"][data-actor="${name}"]`).waitFor();

    // Clear empties the list. The stop's last events may still be on their way after "die", so the
    // container is removed first: "destroy" is the last event it can have.
    await container.remove();
    await page.locator(`[role=row][data-action="destroy"][data-actor="${name}"]`).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await page
      .getByText('No events match the filters.')
      .or(page.getByText(/^No events yet/))
      .first()
      .waitFor();

    await nav.getByRole('button', { name: 'Engine' }).click();
    await waitFor(() => mode.dispatcher.openStreamCount() === baseline, { message: 'the Events stream stayed open' });
    await page.context().close();
  });
});
