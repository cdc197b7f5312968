// The seed workflow by keyboard alone, in Chromium against the real engine: every step below is
// driven with page.keyboard only (no clicks, no element.focus()), and every effect is checked on
// the engine itself. Reaching a control means pressing Tab (or Shift+Tab) until it has the focus,
// as a keyboard user does; a control that Tab cannot reach fails the walk.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { docker, dockerCli, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { browserModeForFile } from './browser-mode';
import { chooseFilesThrough } from './file-input';

const mode = browserModeForFile();

const isFocused = (locator: Locator): Promise<boolean> =>
  locator.evaluate((element) => element === document.activeElement || element.contains(document.activeElement)).catch(() => false);

/** What has the focus, for a failure message. */
const focusedText = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const element = document.activeElement;
    return element ? `${element.tagName.toLowerCase()} "${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 60) ?? ''}"` : 'nothing';
  });

/** Presses Tab (Shift+Tab when `back`) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  for (let pressed = 0; pressed <= max; pressed++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab did not reach the control in ${max} presses (focus is on ${await focusedText(page)})`);
}

/** Why the focused element shows no focus ring (in the page): '' when it does. */
function ringProblem(): string {
  const element = document.activeElement as HTMLElement | null;
  if (!element || element === document.body) return '';
  // xterm's input is an invisible textarea: its terminal's frame shows the focus instead.
  const shown = element.closest<HTMLElement>('.term-host') ?? element;
  const style = getComputedStyle(shown);
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) return '';
  if (style.boxShadow !== 'none') return '';
  return `${element.tagName.toLowerCase()}.${element.className} "${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? ''}"`;
}

/** The focus is on a visible outline (a :focus-visible ring from the theme, not outline:none). */
async function expectVisibleFocus(page: Page): Promise<void> {
  expect(await page.evaluate(() => (document.activeElement === document.body ? 'nothing focused' : ''))).toBe('');
  expect(await page.evaluate(ringProblem)).toBe('');
}

async function engineState(name: string): Promise<{ Running: boolean; Paused: boolean; Status: string } | undefined> {
  try {
    return (await docker().getContainer(name).inspect()).State;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw err;
  }
}

const detailTabs = (page: Page): Locator => page.getByRole('tablist', { name: 'Container views' });

/** Moves to the tablist (its chosen tab is its one Tab stop) and arrows to `label`. */
async function chooseTab(page: Page, label: string): Promise<void> {
  await tabTo(page, detailTabs(page).getByRole('tab', { selected: true }), { back: true });
  const tab = page.getByRole('tab', { name: label, exact: true });
  for (let step = 0; step < 14 && (await tab.getAttribute('aria-selected')) !== 'true'; step++) await page.keyboard.press('ArrowRight');
  expect(await tab.getAttribute('aria-selected')).toBe('true');
}

const rowOf = (page: Page, name: string): Locator => page.locator(`[role=row][data-container-name="${name}"]`);

/**
 * The containers list is one Tab stop (a grid): Tab (or Shift+Tab) into it, ArrowDown/ArrowUp to
 * the container's row, ArrowLeft to the row itself, then ArrowRight to `control` when given.
 */
async function gridTo(page: Page, name: string, control?: Locator, { back = false } = {}): Promise<void> {
  const grid = page.getByRole('grid', { name: 'Containers' });
  await tabTo(page, grid, { back });
  const row = rowOf(page, name);
  const rows = await page.locator('[role=row][data-grid-row=body]').count();
  for (let step = 0; step <= rows && !(await isFocused(row)); step++) await page.keyboard.press('ArrowDown');
  expect(await isFocused(row)).toBe(true);
  for (let step = 0; step < 12 && !(await row.evaluate((element) => element === document.activeElement)); step++) await page.keyboard.press('ArrowLeft');
  if (!control) return;
  for (let step = 0; step < 12 && !(await isFocused(control)); step++) await page.keyboard.press('ArrowRight');
  expect(await isFocused(control)).toBe(true);
}

const images: string[] = [];
afterAll(async () => {
  await Promise.all(
    images.map((image) =>
      docker()
        .getImage(image)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
});

describe('the seed workflow by keyboard alone (browser mode)', () => {
  it('create and run, act, open, tabs, logs, files, commit, export, terminal, palette', async () => {
    const name = uniqueName('keys');
    const imageRepository = `berth-test/${name}`;
    images.push(imageRepository);
    const page = await mode.openPage();
    const row = rowOf(page, name);

    // Create and run from the form, opened by its shortcut.
    await page.keyboard.press('Alt+Shift+N');
    const imageField = page.getByLabel('Image', { exact: true });
    await imageField.waitFor();
    await tabTo(page, imageField);
    await expectVisibleFocus(page);
    await page.keyboard.type(testImage);
    await tabTo(page, page.getByLabel('Name', { exact: true }));
    await page.keyboard.type(name);
    await tabTo(page, page.getByLabel('Command', { exact: true }));
    await page.keyboard.type('sh -c "echo hello-keys; echo needle-42; exec sleep 300"');
    await tabTo(page, page.getByLabel('Stop timeout (s)'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await tabTo(page, page.getByRole('button', { name: 'Create and start', exact: true }));
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await waitFor(async () => (await engineState(name))?.Running, { timeout: 30_000, message: 'not running after Create and start' });
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('running');

    // Stop, start, kill from the row's buttons.
    await gridTo(page, name, row.getByRole('button', { name: 'Stop', exact: true }));
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await waitFor(async () => (await engineState(name))?.Running === false, { timeout: 30_000, message: 'Stop did not stop it' });
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('exited');
    // Stop became Start: the focus stayed in the row, on the control in its place.
    expect(await isFocused(row)).toBe(true);
    await gridTo(page, name, row.getByRole('button', { name: 'Start', exact: true }), { back: true });
    await page.keyboard.press('Enter');
    await waitFor(async () => (await engineState(name))?.Running, { timeout: 30_000, message: 'Start did not start it' });
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('running');

    // Kill asks first; the dialog takes the focus and Enter on its button confirms.
    await gridTo(page, name, row.getByRole('button', { name: 'Kill', exact: true }));
    await page.keyboard.press('Enter');
    const killDialog = page.getByRole('dialog');
    await killDialog.waitFor();
    await tabTo(page, killDialog.getByRole('button', { name: 'Kill', exact: true }));
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await waitFor(async () => (await engineState(name))?.Running === false, { timeout: 30_000, message: 'Kill did not end it' });
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('exited');
    await gridTo(page, name, row.getByRole('button', { name: 'Start', exact: true }), { back: true });
    await page.keyboard.press('Enter');
    await waitFor(async () => (await engineState(name))?.Running, { timeout: 30_000, message: 'Start did not start it again' });

    // Open it: Enter on its row.
    await gridTo(page, name, undefined, { back: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name, exact: true }).waitFor();

    // The tablist: one Tab stop, arrow keys move between tabs.
    const selectedTab = detailTabs(page).getByRole('tab', { selected: true });
    await tabTo(page, selectedTab);
    await expectVisibleFocus(page);
    const logsTab = page.getByRole('tab', { name: 'Logs', exact: true });
    for (let step = 0; step < 12 && !(await isFocused(logsTab)); step++) await page.keyboard.press('ArrowRight');
    expect(await logsTab.getAttribute('aria-selected')).toBe('true');
    const panel = page.locator('[role=tabpanel]:not([hidden])');

    // Logs: following, search by typing, Enter moves to the match.
    await panel.locator('.log-row', { hasText: 'needle-42' }).first().waitFor({ timeout: 15_000 });
    const follow = panel.getByRole('checkbox', { name: 'Follow' });
    expect(await follow.isChecked()).toBe(true);
    await tabTo(page, panel.getByRole('searchbox', { name: 'Search logs' }));
    await expectVisibleFocus(page);
    await page.keyboard.type('needle');
    await page
      .getByTestId('log-search-status')
      .filter({ hasText: /\d+ match/ })
      .waitFor();
    await page.keyboard.press('Enter');
    await panel.locator('.log-row.current mark.log-match.current').waitFor();
    // Follow off and on again by keyboard (Space on the checkbox).
    await tabTo(page, follow, { back: true });
    await page.keyboard.press('Space');
    expect(await follow.isChecked()).toBe(false);
    await page.keyboard.press('Space');
    expect(await follow.isChecked()).toBe(true);

    // Files: "Upload files…" is a button (the drop zone's keyboard path) that opens the file chooser.
    await chooseTab(page, 'Files');
    // The listing first: the toolbar renders again when it arrives, and a focus taken before would be lost.
    await panel.locator('.files-table').waitFor();
    const upload = panel.getByRole('button', { name: 'Upload files…' });
    await tabTo(page, upload);
    await expectVisibleFocus(page);
    expect(await isFocused(upload)).toBe(true);
    await chooseFilesThrough(panel.getByTestId('files-upload-input'), () => page.keyboard.press('Enter'), {
      name: 'keys-upload.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('typed by nobody\n'),
    });
    await waitFor(async () => (await dockerCli(['exec', name, 'cat', '/keys-upload.txt'])).stdout === 'typed by nobody\n', {
      timeout: 30_000,
      message: 'the uploaded file is not in the container',
    });

    // Image tab: commit through its dialog, then export to a tar.
    await chooseTab(page, 'Image');
    await tabTo(page, panel.getByRole('button', { name: 'Commit…' }));
    await page.keyboard.press('Enter');
    const commitDialog = page.getByRole('dialog');
    await tabTo(page, commitDialog.getByLabel('Repository', { exact: true }));
    await page.keyboard.type(imageRepository);
    await tabTo(page, commitDialog.getByRole('button', { name: 'Commit', exact: true }));
    await page.keyboard.press('Enter');
    await waitFor(
      () =>
        docker()
          .getImage(`${imageRepository}:latest`)
          .inspect()
          .then(() => true),
      { timeout: 30_000, message: 'the commit made no image' },
    );
    await commitDialog.getByText(/^Created /).waitFor();
    await page.keyboard.press('Escape');
    await commitDialog.waitFor({ state: 'detached' });
    await tabTo(page, panel.getByRole('button', { name: 'Export to a tar file', exact: true }), { back: true });
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const tar = await readFile(await (await download).path());
    expect(tar.includes('keys-upload.txt')).toBe(true);

    // Terminal: open a shell, type in it, and leave it with the documented key.
    await chooseTab(page, 'Terminal');
    await tabTo(page, panel.getByRole('button', { name: 'New shell' }));
    await page.keyboard.press('Enter');
    const terminal = panel.getByTestId('terminal');
    await expect.poll(() => isFocused(terminal), { timeout: 15_000 }).toBe(true);
    await expectVisibleFocus(page);
    await terminal.locator('.xterm-rows', { hasText: '#' }).waitFor({ timeout: 15_000 });
    await page.keyboard.type('touch /tmp/typed-by-keys\n');
    await waitFor(async () => (await dockerCli(['exec', name, 'ls', '/tmp/typed-by-keys'])).code === 0, {
      timeout: 15_000,
      message: 'the typed command did not run',
    });
    // Tab belongs to the shell (completion)...
    await page.keyboard.press('Tab');
    expect(await isFocused(terminal)).toBe(true);
    // ...and the way out is shown next to the terminal.
    expect(await panel.getByTestId('terminal-leave-hint').textContent()).toContain('Ctrl+Shift+F6');
    await page.keyboard.press('Control+Shift+F6');
    expect(await isFocused(terminal)).toBe(false);
    await expectVisibleFocus(page);
    await tabTo(page, selectedTab, { back: true });

    // The palette acts on the open container.
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await page.keyboard.type('stop');
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    // The focus goes back where it was (not to <body>, from where Shift+Tab would land in the terminal).
    expect(await isFocused(selectedTab)).toBe(true);
    await waitFor(async () => (await engineState(name))?.Running === false, { timeout: 30_000, message: 'the palette did not stop it' });
    // "?" lists the shortcuts; Escape closes the list.
    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await shortcuts.getByText('Leave the terminal').waitFor();
    await page.keyboard.press('Escape');
    await shortcuts.waitFor({ state: 'detached' });

    // Back to the list, select the row with Space, remove it with Delete.
    await tabTo(page, page.getByRole('button', { name: '← All containers' }), { back: true });
    await page.keyboard.press('Enter');
    await gridTo(page, name);
    await page.keyboard.press('Space');
    expect(await row.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Delete');
    const removeDialog = page.getByRole('dialog');
    await tabTo(page, removeDialog.getByRole('button', { name: 'Remove', exact: true }));
    await page.keyboard.press('Enter');
    await waitFor(async () => (await engineState(name)) === undefined, { timeout: 15_000, message: 'Remove did not remove it' });
    await row.waitFor({ state: 'detached' });
    await page.context().close();
    // The whole workflow in one test: on a busy 2-core machine it can take a while.
  }, 300_000);

  it.each(['light', 'dark'] as const)('every Tab stop shows a focus ring (%s theme)', async (colorScheme) => {
    const name = uniqueName('keys-ring');
    await docker()
      .createContainer({ Image: testImage, name, Cmd: ['sleep', '300'], Labels: { ...TEST_LABELS } })
      .then((c) => c.start());
    const page = await mode.openPage({ colorScheme });
    await rowOf(page, name).waitFor({ timeout: 15_000 });
    const missing = new Set<string>();
    const walk = async (stops: number): Promise<void> => {
      for (let stop = 0; stop < stops; stop++) {
        await page.keyboard.press('Tab');
        const problem = await page.evaluate(ringProblem);
        if (problem) missing.add(problem);
      }
    };
    await walk(40);
    await gridTo(page, name, undefined, { back: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name, exact: true }).waitFor();
    for (const tab of ['Logs', 'Files', 'Terminal']) {
      await chooseTab(page, tab);
      await walk(25);
    }
    expect([...missing]).toEqual([]);
    await page.context().close();
  });
});
