// Issue 15: a logs follow belongs to its engine and keeps running across a switch. A follow open
// on engine A goes on taking lines while the user works on engine B, the tray says which engine
// it is on, Show brings it back with every line once, and Stop closes its stream in main.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { describeFindings, scanPage } from './axe';
import { openContainer, startBrowserMode, type BrowserMode } from './browser-mode';
import { pickEngine, startSecondEngine, type SecondEngine } from './second-engine';
import { settledStreamCount } from './stream-count';

const ENGINE_B = 'engine-b';
const nameA = uniqueName('follow-a');
const nameB = uniqueName('follow-b');

let second: SecondEngine;
let mode: BrowserMode;
let idA: string;

beforeAll(async () => {
  second = await startSecondEngine(ENGINE_B);
  const a = await docker().createContainer({
    Image: testImage,
    name: nameA,
    Cmd: ['sh', '-c', 'echo "line one on a"; exec sleep 600'],
    Labels: { ...TEST_LABELS },
  });
  await a.start();
  idA = (await a.inspect()).Id;
  await second.cli('run', '-d', '--name', nameB, '--label', 'berth.test=1', second.images.busybox, 'sh', '-c', 'echo "line on b"; exec sleep 600');
  mode = await startBrowserMode({ ...process.env, DOCKER_CONFIG: second.configDir });
}, 240_000);

afterAll(async () => {
  await mode?.close();
  await docker()
    .getContainer(nameA)
    .remove({ force: true })
    .catch(() => undefined);
  await second?.close();
}, 120_000);

/** Writes a line to the container's log on engine A (its main process's stdout). */
async function writeLineOnA(text: string): Promise<void> {
  const exec = await docker()
    .getContainer(nameA)
    .exec({ Cmd: ['sh', '-c', `echo '${text}' > /proc/1/fd/1`] });
  await exec.start({ Detach: true });
}

const viewport = (page: Page) => page.locator('[role=tabpanel]:not([hidden]) [data-testid=log-viewport]');
const rowWithText = (page: Page, text: string) => viewport(page).locator('.log-row[data-seq]', { hasText: text });
const trayButton = (page: Page) => page.locator('.reg-tray-button');
const parkedRow = (page: Page, engine: string) => page.locator(`#reg-tasks-panel [data-testid=parked-follow][data-engine="${engine}"]`);

async function openTray(page: Page): Promise<void> {
  if ((await trayButton(page).getAttribute('aria-expanded')) !== 'true') await trayButton(page).click();
  await page.locator('#reg-tasks-panel').waitFor();
}

/** Tabs from where focus is to the element, as a keyboard user does (at most 20 steps). */
async function tabTo(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  const focused = (): Promise<boolean> => target.evaluate((element) => element === document.activeElement);
  for (let step = 0; step < 20 && !(await focused()); step++) await page.keyboard.press('Tab');
  expect(await focused()).toBe(true);
}

/** Counts the logs.follow streams main opens for a container, from now until the returned stop. */
function countFollowsOf(id: string): { count(): number; stop(): void } {
  const dispatcher = mode.dispatcher;
  const original = dispatcher.subscribe;
  let count = 0;
  dispatcher.subscribe = (topic, input, ...rest) => {
    if (topic === 'logs.follow' && (input as { id?: unknown }).id === id) count += 1;
    return original.call(dispatcher, topic, input, ...rest);
  };
  return { count: () => count, stop: () => void (dispatcher.subscribe = original) };
}

describe('browser mode: a logs follow across an engine switch', () => {
  it('keeps streaming on engine A while the user works on B, says so in the tray, and shows every line once on return; Stop closes it', async () => {
    const page = await mode.openPage();
    const followsOfA = countFollowsOf(idA);
    await openContainer(page, nameA, 'Logs');
    await rowWithText(page, 'line one on a').waitFor({ timeout: 15_000 });
    await writeLineOnA('line two on a');
    await rowWithText(page, 'line two on a').waitFor({ timeout: 15_000 });
    expect(await trayButton(page).count()).toBe(0);

    // To engine B: the view goes, its follow stays, parked, in the tray, tagged with engine A.
    await pickEngine(page, new RegExp(`^${ENGINE_B}`));
    await page.locator(`[role=row][data-container-name="${nameB}"]`).waitFor({ timeout: 15_000 });
    await expect.poll(() => trayButton(page).textContent(), { timeout: 10_000 }).toBe('1 log following');
    await openTray(page);
    const parkedA = parkedRow(page, 'default');
    expect(await parkedA.getAttribute('data-container')).toBe(idA);
    expect(await parkedA.locator('.engine-tag').textContent()).toContain('default');
    expect(await parkedA.locator('.reg-task-title').textContent()).toBe(`Logs of ${nameA} — following, 2 lines`);
    expect(describeFindings(await scanPage(page, 'tray with a parked follow, light'))).toMatch(/^0 violations/);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(describeFindings(await scanPage(page, 'tray with a parked follow, dark'))).toMatch(/^0 violations/);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.keyboard.press('Escape');

    // Working on B: its own container's logs. A line written on A meanwhile reaches the parked follow.
    await openContainer(page, nameB, 'Logs');
    await rowWithText(page, 'line on b').waitFor({ timeout: 15_000 });
    await writeLineOnA('line three on a, written while on b');
    await openTray(page);
    await expect.poll(() => parkedA.locator('.reg-task-title').textContent(), { timeout: 15_000 }).toBe(`Logs of ${nameA} — following, 3 lines`);

    // Show, by keyboard: back on A, the container's Logs tab with every line, each once.
    await tabTo(page, parkedA.getByRole('button', { name: `Show the logs of ${nameA} on default` }));
    await page.keyboard.press('Enter');
    await rowWithText(page, 'line three on a, written while on b').waitFor({ timeout: 15_000 });
    await page.getByTestId('log-status').filter({ hasText: '3 lines' }).waitFor();
    for (const text of ['line one on a', 'line two on a', 'line three on a']) expect(await rowWithText(page, text).count()).toBe(1);
    // The same stream all along: the view took the follow back, it did not read the log again.
    expect(followsOfA.count()).toBe(1);
    followsOfA.stop();
    expect(await page.getByTestId('engine-switcher').textContent()).toContain('default');
    // It follows on, here, as before.
    await writeLineOnA('line four on a');
    await rowWithText(page, 'line four on a').waitFor({ timeout: 15_000 });
    // The tray now holds B's follow (left by this switch), not A's.
    await openTray(page);
    await parkedRow(page, ENGINE_B).waitFor();
    expect(await parkedRow(page, 'default').count()).toBe(0);
    await page.keyboard.press('Escape');

    // Leaving A's view on its own engine closes its stream (as before); then Stop on B's, by keyboard, closes that one.
    await page.getByRole('button', { name: '← All containers' }).click();
    const before = await settledStreamCount(mode.dispatcher);
    await openTray(page);
    await tabTo(page, parkedRow(page, ENGINE_B).getByRole('button', { name: `Stop following the logs of ${nameB} on ${ENGINE_B}` }));
    await page.keyboard.press('Enter');
    await expect.poll(() => mode.dispatcher.openStreamCount(), { timeout: 10_000 }).toBe(before - 1);
    await parkedRow(page, ENGINE_B).waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await trayButton(page).waitFor({ state: 'detached' });
    expect(await settledStreamCount(mode.dispatcher)).toBe(before - 1);
    await page.context().close();
  });

  it('parks only on a switch: leaving the view on its engine, or turning follow off first, keeps nothing running', async () => {
    const page = await mode.openPage();
    await page.locator(`[role=row][data-container-name="${nameA}"]`).waitFor({ timeout: 15_000 });
    const baseline = await settledStreamCount(mode.dispatcher);
    await openContainer(page, nameA, 'Logs');
    await rowWithText(page, 'line one on a').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '← All containers' }).click();
    await expect.poll(() => mode.dispatcher.openStreamCount(), { timeout: 10_000 }).toBe(baseline);

    await openContainer(page, nameA, 'Logs');
    await rowWithText(page, 'line one on a').waitFor({ timeout: 15_000 });
    await page.getByLabel('Follow', { exact: true }).uncheck();
    await page.getByTestId('log-status').filter({ hasText: 'Follow is off' }).waitFor();
    await pickEngine(page, new RegExp(`^${ENGINE_B}`));
    await page.locator(`[role=row][data-container-name="${nameB}"]`).waitFor({ timeout: 15_000 });
    await pickEngine(page, /^default/);
    await page.locator(`[role=row][data-container-name="${nameA}"]`).waitFor({ timeout: 15_000 });
    expect(await settledStreamCount(mode.dispatcher)).toBe(baseline);
    expect(await trayButton(page).count()).toBe(0);
    await page.context().close();
  });
});
