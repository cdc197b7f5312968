// Browser mode, real engine, Chromium: a container's Logs tab — lines shown, search highlights a
// known line, follow shows a new line (and does not pull a reader who scrolled up back down),
// a regex that does not compile is said plainly, and leaving the view closes its stream.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { openContainer, browserModeForFile } from './browser-mode';
import { settledStreamCount } from './stream-count';

const mode = browserModeForFile();

async function loggingContainer(name: string): Promise<void> {
  const script = 'for i in $(seq 1 300); do echo "routine line $i"; done; echo "needle: the known line"; echo "an error line" >&2; exec sleep 300';
  const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sh', '-c', script], Labels: { ...TEST_LABELS } });
  await container.start();
}

/** Writes a line to the container's log (the main process's stdout), after the view subscribed. */
async function writeLine(name: string, text: string): Promise<void> {
  const exec = await docker()
    .getContainer(name)
    .exec({ Cmd: ['sh', '-c', `echo '${text}' > /proc/1/fd/1`] });
  await exec.start({ Detach: true });
}

const openLogs = (page: Page, name: string): Promise<void> => openContainer(page, name, 'Logs');

const viewport = (page: Page) => page.locator('[role=tabpanel]:not([hidden]) [data-testid=log-viewport]');
const rowWithText = (page: Page, text: string) => viewport(page).locator('.log-row[data-seq]', { hasText: text });

describe('browser mode: logs', () => {
  it('shows the logs, highlights a search match, follows new lines, and closes its stream on leaving', async () => {
    const name = uniqueName('e2e-logs');
    await loggingContainer(name);
    await waitFor(async () => (await docker().getContainer(name).logs({ stdout: true, stderr: true })).toString().includes('an error line'));
    const page = await mode.openPage();
    await page.locator(`[role=row][data-container-name="${name}"]`).waitFor({ timeout: 15_000 });
    const baseline = await settledStreamCount(mode.dispatcher);

    await openLogs(page, name);
    // Following starts at the bottom: the newest lines are in view.
    await rowWithText(page, 'needle: the known line').waitFor();
    expect(await page.getByTestId('cli-command').filter({ hasText: 'docker logs' }).textContent()).toBe(`docker logs --follow --tail 1000 ${name}`);

    // Search: Enter moves to the match, which is highlighted as the current one.
    await page.getByRole('searchbox', { name: 'Search logs' }).fill('known LINE');
    await page.getByTestId('log-search-status').filter({ hasText: '1 match' }).waitFor();
    await page.keyboard.press('Enter');
    const current = viewport(page).locator('.log-row.current mark.log-match.current');
    await current.waitFor();
    expect(await current.textContent()).toBe('known line');
    expect(await page.getByTestId('log-search-status').textContent()).toBe('1 of 1');
    // stderr is told apart from stdout (the engine keeps their order only within each stream).
    await page.getByRole('searchbox', { name: 'Search logs' }).fill('an error line');
    await page.keyboard.press('Enter');
    await viewport(page).locator('.log-row.current mark.log-match.current').waitFor();
    expect(await viewport(page).locator('.log-row.current').getAttribute('data-stream')).toBe('stderr');

    // Follow: a line written now appears without any action.
    await page.getByRole('searchbox', { name: 'Search logs' }).fill('');
    await page.getByRole('button', { name: '↓ Jump to latest' }).click();
    await writeLine(name, 'brand new line one');
    await rowWithText(page, 'brand new line one').waitFor({ timeout: 15_000 });

    // Leaving the view closes its streams in main.
    await page.getByRole('button', { name: '← All containers' }).click();
    await expect.poll(() => mode.dispatcher.openStreamCount(), { timeout: 10_000 }).toBe(baseline);
    await page.context().close();
  });

  it('loads a log far larger than the stream credit, all of it (the page acknowledges what it takes in)', async () => {
    const name = uniqueName('e2e-logs-all');
    const container = await docker().createContainer({ Image: testImage, name, Cmd: ['seq', '1', '60000'], Labels: { ...TEST_LABELS } });
    await container.start();
    await container.wait();
    const page = await mode.openPage();
    await openLogs(page, name);
    await page.getByRole('combobox', { name: 'Last' }).selectOption('all');
    await page.getByTestId('log-status').filter({ hasText: '60,000 lines' }).waitFor({ timeout: 30_000 });
    // The last line is there to find, once.
    await page.getByRole('searchbox', { name: 'Search logs' }).fill('60000');
    await page.getByTestId('log-search-status').filter({ hasText: '1 match' }).waitFor();
    await page.context().close();
  });

  it('a new query starts a new view: no "older lines were removed" note, line numbers from 1', async () => {
    const name = uniqueName('e2e-logs-query');
    const container = await docker().createContainer({ Image: testImage, name, Cmd: ['seq', '1', '950'], Labels: { ...TEST_LABELS } });
    await container.start();
    await container.wait();
    const page = await mode.openPage();
    await openLogs(page, name);
    await page.getByTestId('log-status').filter({ hasText: '950 lines' }).waitFor({ timeout: 15_000 });
    await page.getByRole('combobox', { name: 'Last' }).selectOption('100');
    await page.getByTestId('log-status').filter({ hasText: '100 lines' }).waitFor({ timeout: 15_000 });
    // Following keeps the newest lines in view: the last line of `seq 1 950` is line 100 of this view.
    const last = viewport(page)
      .locator('.log-row[data-seq]')
      .filter({ has: page.locator('.log-text', { hasText: /^950$/ }) });
    await last.waitFor();
    expect(await last.locator('.log-gutter').textContent()).toBe('100');
    expect(await page.getByTestId('log-dropped').count()).toBe(0);
    await page.context().close();
  });

  it('keeps a reader who scrolled up where they are, and offers to jump to the latest line', async () => {
    const name = uniqueName('e2e-logs-up');
    await loggingContainer(name);
    const page = await mode.openPage();
    await openLogs(page, name);
    await rowWithText(page, 'needle: the known line').waitFor();
    await viewport(page).evaluate((element) => {
      element.scrollTop = 0;
    });
    const jump = page.getByRole('button', { name: '↓ Jump to latest' });
    await jump.waitFor();
    await writeLine(name, 'arrives while reading');
    await page.getByTestId('log-status').filter({ hasText: '303 lines' }).waitFor({ timeout: 15_000 });
    expect(await viewport(page).evaluate((element) => element.scrollTop)).toBe(0);
    expect(await rowWithText(page, 'routine line 1').first().isVisible()).toBe(true);
    await jump.click();
    await rowWithText(page, 'arrives while reading').waitFor();
    await jump.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('says plainly when a regular expression does not compile, and filters to matching lines', async () => {
    const name = uniqueName('e2e-logs-re');
    await loggingContainer(name);
    const page = await mode.openPage();
    await openLogs(page, name);
    await rowWithText(page, 'needle: the known line').waitFor();
    await page.getByRole('button', { name: 'Regular expression' }).click();
    await page.getByRole('searchbox', { name: 'Search logs' }).fill('line (1');
    await page.getByTestId('log-search-status').filter({ hasText: 'The regular expression does not compile' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search logs' }).fill('^routine line 2\\d$');
    await page.getByTestId('log-search-status').filter({ hasText: '10 matches' }).waitFor();
    await page.getByLabel('Only matching lines').check();
    await page.getByLabel('Context').fill('0');
    await expect.poll(() => viewport(page).getAttribute('data-row-count')).toBe('10');
    await page.context().close();
  });

  it('stops a regular expression that backtracks without end, says so, and the page stays responsive', async () => {
    const name = uniqueName('e2e-logs-redos');
    const script = `echo ok line; echo ${'a'.repeat(40)}!; echo another ok line; exec sleep 300`;
    const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sh', '-c', script], Labels: { ...TEST_LABELS } });
    await container.start();
    const page = await mode.openPage();
    await openLogs(page, name);
    await rowWithText(page, 'another ok line').waitFor();
    await page.getByRole('button', { name: 'Regular expression' }).click();
    // (a+)+$ against 40 a's and a "!" takes 2^40 steps: on the page it would freeze the tab for good.
    await page.getByRole('searchbox', { name: 'Search logs' }).fill('(a+)+$');
    // While the worker is stuck on it, the page still takes clicks and paints.
    const wrap = page.getByLabel('Wrap lines');
    await wrap.check({ timeout: 3_000 });
    expect(await wrap.isChecked()).toBe(true);
    await page.getByTestId('log-search-status').filter({ hasText: 'takes too long somewhere from line 1 on' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('searchbox', { name: 'Search logs' }).getAttribute('aria-invalid')).toBe('true');
    // A sane expression searches again.
    await page.getByRole('searchbox', { name: 'Search logs' }).fill('ok line$');
    await page.getByTestId('log-search-status').filter({ hasText: '2 matches' }).waitFor();
    await page.context().close();
  });

  it('copies lines by keyboard: ArrowDown puts a line cursor, Shift+ArrowDown extends, Ctrl+C copies, and both are announced', async () => {
    const name = uniqueName('e2e-logs-keys');
    const script = 'for i in $(seq 1 5); do echo "key line $i"; done; exec sleep 300';
    await (await docker().createContainer({ Image: testImage, name, Cmd: ['sh', '-c', script], Labels: { ...TEST_LABELS } })).start();
    const page = await mode.openPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(mode.web.url).origin });
    await page.locator(`[role=row][data-container-name="${name}"]`).waitFor({ timeout: 15_000 });
    await openLogs(page, name);
    await rowWithText(page, 'key line 5').waitFor({ timeout: 15_000 });
    // Reached with Tab, as a keyboard user does.
    const inView = (): Promise<boolean> => viewport(page).evaluate((element) => element === document.activeElement);
    for (let step = 0; step < 60 && !(await inView()); step++) await page.keyboard.press('Tab');
    expect(await inView()).toBe(true);
    const announced = page.getByTestId('announcer');
    const selected = (): Promise<string[]> => viewport(page).locator('.log-row.selected .log-text').allTextContents();

    await page.keyboard.press('ArrowDown');
    expect(await selected()).toEqual(['key line 1']);
    expect(await rowWithText(page, 'key line 1').getAttribute('class')).toContain('cursor');
    await expect.poll(() => announced.textContent()).toBe('Line 1: key line 1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await selected()).toEqual(['key line 2', 'key line 3', 'key line 4']);
    await expect.poll(() => announced.textContent()).toBe('Line 4: key line 4 3 lines selected');

    await page.keyboard.press('Control+C');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('key line 2\nkey line 3\nkey line 4');
    await expect.poll(() => announced.textContent()).toBe('Copied 3 lines');
    // Shift+ArrowUp shrinks the range back towards where it began; Escape clears it.
    await page.keyboard.press('Shift+ArrowUp');
    expect(await selected()).toEqual(['key line 2', 'key line 3']);
    await page.keyboard.press('Escape');
    expect(await selected()).toEqual([]);
    await page.context().close();
  });
});
