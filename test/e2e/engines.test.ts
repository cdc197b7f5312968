// Several engines in the UI (issue 15): a second private dockerd reached through a real docker
// context (made by the docker CLI in this run's DOCKER_CONFIG), and a context on a dead socket.
// Switching from the top bar, the combined list with its Engine column and per-row engine, the
// engine's colour on every view, and an unreachable engine that does not hold up the others.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_LABELS, testImage, uniqueName, docker } from '../helpers/engine';
import { startBrowserMode, type BrowserMode } from './browser-mode';
import { pickEngine, startSecondEngine, type SecondEngine } from './second-engine';

const ENGINE_B = 'engine-b';
const DEAD = 'dead-engine';
const onA = uniqueName('on-a');
const onB = uniqueName('on-b');

let second: SecondEngine;
let configDir: string;
let mode: BrowserMode;

const onBCli = (...args: string[]) => second.cli(...args);
const runningOnB = async (name: string): Promise<boolean> => (await onBCli('inspect', '--format', '{{.State.Running}}', name)).stdout.trim() === 'true';

beforeAll(async () => {
  second = await startSecondEngine(ENGINE_B);
  configDir = second.configDir;
  await second.contextCli('context', 'create', DEAD, '--docker', `host=unix://${configDir}/no-engine-here.sock`);
  const a = await docker().createContainer({ Image: testImage, name: onA, Cmd: ['sleep', '600'], Labels: { ...TEST_LABELS } });
  await a.start();
  await onBCli('run', '-d', '--name', onB, '--label', 'berth.test=1', second.images.busybox, 'sleep', '600');
  mode = await startBrowserMode({ ...process.env, DOCKER_CONFIG: configDir });
}, 240_000);

afterAll(async () => {
  await mode?.close();
  await docker()
    .getContainer(onA)
    .remove({ force: true })
    .catch(() => undefined);
  await second?.close();
}, 120_000);

const containerRow = (page: Page, name: string) => page.locator(`[role=row][data-container-name="${name}"]`);

describe('browser mode: several engines', () => {
  it('switches engines from the top bar and lists that engine’s containers, with CLI lines naming it', async () => {
    const page = await mode.openPage();
    await containerRow(page, onA).waitFor({ timeout: 15_000 });
    await pickEngine(page, new RegExp(`^${ENGINE_B}`));
    await containerRow(page, onB).waitFor({ timeout: 15_000 });
    expect(await containerRow(page, onA).count()).toBe(0);
    await expect.poll(() => page.getByTestId('engine-switcher').textContent()).toContain(ENGINE_B);
    expect(await page.getByTestId('cli-command').first().textContent()).toBe(`docker --context ${ENGINE_B} ps -a`);
    // And back: the first engine's list again, its CLI line without a flag (it is the CLI's current one).
    await pickEngine(page, /^default/);
    await containerRow(page, onA).waitFor({ timeout: 15_000 });
    expect(await containerRow(page, onB).count()).toBe(0);
    expect(await page.getByTestId('cli-command').first().textContent()).toBe('docker ps -a');
    await page.context().close();
  });

  it('keeps a pull started on engine B in the tasks tray, tagged with B, after switching back', async () => {
    const page = await mode.openPage();
    await pickEngine(page, new RegExp(`^${ENGINE_B}`));
    await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
    await page.getByRole('button', { name: 'Pull…', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Pull an image' });
    // A loopback port nothing listens on: the pull fails at once, and stays listed as failed.
    const reference = `127.0.0.1:9/berth-test/${onB}:latest`;
    await dialog.getByLabel('Image reference').fill(reference);
    await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
    const task = page.locator(`[data-testid=registry-task][data-reference="${reference}"]`);
    await task.first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await pickEngine(page, /^default/);
    await containerRow(page, onA)
      .or(page.getByRole('heading', { name: 'Images' }))
      .first()
      .waitFor({ timeout: 15_000 });
    await page.locator('.reg-tray-button').click();
    const inTray = page.locator('#reg-tasks-panel .reg-task-on-engine', { has: task });
    await inTray.waitFor({ timeout: 15_000 });
    expect(await inTray.locator('.engine-tag').getAttribute('data-engine')).toBe(ENGINE_B);
    await page.context().close();
  });

  it('lists both engines together with an Engine column, and Stop on engine B’s row stops it on B', async () => {
    const page = await mode.openPage();
    await page.getByTestId('engine-switcher').click();
    await page.getByRole('menuitemradio', { name: /^All engines/ }).click();
    const table = page.getByRole('table', { name: 'Containers on all engines' });
    await table.getByRole('columnheader', { name: 'Engine' }).waitFor();
    const rowA = table.locator(`tr[data-name="${onA}"]`);
    const rowB = table.locator(`tr[data-name="${onB}"]`);
    await rowA.waitFor({ timeout: 15_000 });
    await rowB.waitFor({ timeout: 15_000 });
    expect(await rowA.getAttribute('data-engine')).toBe('default');
    expect(await rowB.getAttribute('data-engine')).toBe(ENGINE_B);
    expect(await rowB.locator('.engine-tag').textContent()).toContain(ENGINE_B);
    expect(await runningOnB(onB)).toBe(true);

    await rowB.getByRole('button', { name: `Stop ${onB} on ${ENGINE_B}` }).click();
    await expect.poll(() => runningOnB(onB), { timeout: 30_000 }).toBe(false);
    expect((await docker().getContainer(onA).inspect()).State.Running).toBe(true);
    await expect.poll(() => page.getByTestId('cli-command').first().textContent(), { timeout: 10_000 }).toBe(`docker --context ${ENGINE_B} stop ${onB}`);
    await expect.poll(() => rowB.getAttribute('data-state'), { timeout: 15_000 }).toBe('exited');

    // The engine filter keeps one engine's rows.
    await page.getByLabel('Engine', { exact: true }).selectOption(ENGINE_B);
    await rowA.waitFor({ state: 'detached' });
    expect(await rowB.count()).toBe(1);
    await page.context().close();
  });

  it('shows the colour the user gives an engine on every view, and keeps it in the settings', async () => {
    const page = await mode.openPage();
    await page.getByTestId('engine-switcher').click();
    await page.getByRole('menuitem', { name: 'Manage engines…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Engines' });
    await dialog.getByLabel(`Colour of ${ENGINE_B}`).fill('#d42a1e');
    await expect
      .poll(
        async () => JSON.parse(await readFile(path.join(mode.settingsDir, 'settings.json'), 'utf8').catch(() => '{}')) as { engines?: { colours?: object } },
      )
      .toMatchObject({ engines: { colours: { [ENGINE_B]: '#d42a1e' } } });
    await dialog.getByRole('button', { name: 'Close' }).click();
    const band = () => page.locator('.app').evaluate((element) => getComputedStyle(element).borderTopColor);
    expect(await band()).not.toBe('rgb(212, 42, 30)');
    await pickEngine(page, new RegExp(`^${ENGINE_B}`));
    await expect.poll(band).toBe('rgb(212, 42, 30)');
    // On another view too, and on the switcher itself.
    await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
    await page.getByRole('heading', { name: 'Images', level: 1 }).waitFor();
    expect(await band()).toBe('rgb(212, 42, 30)');
    expect(await page.getByTestId('engine-switcher').evaluate((element) => getComputedStyle(element).borderLeftColor)).toBe('rgb(212, 42, 30)');
    await page.context().close();
  });

  it('shows an unreachable engine as such, with its reason, while the others list', async () => {
    const page = await mode.openPage();
    await page.getByTestId('engine-switcher').click();
    const dead = page.getByRole('menuitemradio', { name: new RegExp(`^${DEAD}`) });
    await expect.poll(() => dead.textContent(), { timeout: 15_000 }).toMatch(/Unreachable: .+/);
    await page.getByRole('menuitemradio', { name: /^All engines/ }).click();
    const note = page.locator(`.engine-part-note[data-engine="${DEAD}"]`);
    await note.waitFor({ timeout: 15_000 });
    expect(await note.textContent()).toMatch(new RegExp(`Engine ${DEAD} is unreachable: .+`));
    const table = page.getByRole('table', { name: 'Containers on all engines' });
    await table.locator(`tr[data-name="${onA}"]`).waitFor({ timeout: 15_000 });
    await table.locator(`tr[data-name="${onB}"]`).waitFor({ timeout: 15_000 });
    await page.context().close();
  });

  it('adds an engine as a docker context (tested first), renames it and removes it, and the docker CLI sees each step', async () => {
    const contexts = async () => (await second.contextCli('context', 'ls', '--format', '{{.Name}}')).stdout.split('\n').filter(Boolean);
    const page = await mode.openPage();
    await page.getByTestId('engine-switcher').click();
    await page.getByRole('menuitem', { name: 'Manage engines…' }).click();
    const manage = page.getByRole('dialog', { name: 'Engines' });
    await manage.getByRole('button', { name: 'Add engine…' }).click();
    const add = page.getByRole('dialog', { name: 'Add engine' });
    await add.getByLabel('Name', { exact: true }).fill('added-b');
    await add.getByLabel('Host', { exact: true }).fill(second.engine.dockerHost);
    await add.getByRole('button', { name: 'Test', exact: true }).click();
    await add
      .getByRole('status')
      .filter({ hasText: /^It answers: Docker \S+/ })
      .waitFor({ timeout: 15_000 });
    await add.getByRole('button', { name: 'Add', exact: true }).click();
    await add.waitFor({ state: 'detached' });
    await expect.poll(contexts).toContain('added-b');
    await manage.locator('tr[data-engine="added-b"]').waitFor();

    await manage.getByRole('button', { name: 'Rename engine added-b' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename engine added-b' });
    await rename.getByLabel('New name').fill('renamed-b');
    await rename.getByRole('button', { name: 'Rename', exact: true }).click();
    await manage.locator('tr[data-engine="renamed-b"]').waitFor({ timeout: 15_000 });
    expect(await contexts()).toEqual(expect.arrayContaining(['renamed-b']));
    expect(await contexts()).not.toContain('added-b');

    await manage.getByRole('button', { name: 'Remove engine renamed-b' }).click();
    await page.getByRole('dialog', { name: 'Remove engine renamed-b?' }).getByRole('button', { name: 'Remove', exact: true }).click();
    await manage.locator('tr[data-engine="renamed-b"]').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await contexts()).not.toContain('renamed-b');
    await page.context().close();
  });
});
