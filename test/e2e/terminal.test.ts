// Browser mode in Chromium: the Terminal tab. A shell opens, takes typed commands and shows their
// output; it survives leaving the tab, the container and the view; its size follows the panel;
// links open without an opener; one-off commands show stdout and stderr apart; run -it from the
// create form shows the first line printed at start; closing a session closes its stream in main
// and ends its shell in the container.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docker, noShellImage, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { openContainer, browserModeForFile } from './browser-mode';
import { settledStreamCount } from './stream-count';

const mode = browserModeForFile();

async function runningContainer(): Promise<string> {
  const name = uniqueName('term-ui');
  const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '600'], Labels: { ...TEST_LABELS }, StopTimeout: 1 });
  await container.start();
  return name;
}

async function openTerminalTab(page: Page, name: string): Promise<void> {
  await openContainer(page, name);
  await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
}

/** The text the terminal shows (its rendered rows). */
const screenText = (page: Page): Promise<string> => page.locator('[data-testid=terminal] .xterm-rows').innerText();

async function waitForScreen(page: Page, pattern: RegExp): Promise<string> {
  try {
    return await waitFor(
      async () => {
        const text = await screenText(page);
        return pattern.test(text) ? text : undefined;
      },
      { timeout: 15_000 },
    );
  } catch {
    throw new Error(`${String(pattern)} not on the terminal screen: ${JSON.stringify((await screenText(page).catch(() => '')).slice(-500))}`);
  }
}

async function typeInTerminal(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid=terminal] .xterm').click();
  await page.keyboard.type(text);
}

const shellsIn = async (name: string): Promise<number> =>
  (await docker().getContainer(name).top()).Processes.filter((row: string[]) => /(^|\/)sh$/.test(row.at(-1) ?? '')).length;

describe('browser mode: terminal', () => {
  it('opens a shell, runs a typed command, survives switching views, and closes cleanly', async () => {
    const name = await runningContainer();
    const page = await mode.openPage();
    await openTerminalTab(page, name);
    const baseline = await settledStreamCount(mode.dispatcher);

    await page.getByRole('button', { name: 'New shell' }).click();
    await waitForScreen(page, /\/ # /);
    await typeInTerminal(page, 'echo marker-$((40+2))\n');
    await waitForScreen(page, /marker-42/);
    expect(mode.dispatcher.openStreamCount()).toBe(baseline + 1);
    expect(await shellsIn(name)).toBe(1);

    // Another tab, the list, another view: the session (and its one stream) stays.
    await page.getByRole('tab', { name: 'Overview', exact: true }).click();
    await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
    await page.getByRole('button', { name: 'All containers' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Engine' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Containers' }).click();
    await openTerminalTab(page, name);
    await waitForScreen(page, /marker-42/);
    expect(mode.backend.terminals.size).toBe(1);
    await typeInTerminal(page, 'echo second-$((1+1))\n');
    await waitForScreen(page, /second-2/);

    await page.locator('.term-tab-close[title^="Close sh"]').click();
    await page.getByText('No terminal sessions yet.', { exact: false }).waitFor();
    await waitFor(() => mode.dispatcher.openStreamCount() === baseline, { message: 'the session stream to close' });
    expect(mode.backend.terminals.size).toBe(0);
    await waitFor(async () => (await shellsIn(name)) === 0, { message: 'the shell to exit in the container' });
    await page.context().close();
  });

  it('follows the panel size: stty size inside matches the terminal, before and after a window resize', async () => {
    const name = await runningContainer();
    const page = await mode.openPage();
    await openTerminalTab(page, name);
    await page.getByRole('button', { name: 'New shell' }).click();
    await waitForScreen(page, /\/ # /);
    const rows = (): Promise<number> => page.locator('[data-testid=terminal] .xterm-rows > div').count();
    // A new size reaches the shell after a short debounce, and the panel can pass through sizes
    // while the layout settles: ask the shell until it reports the rows shown (or time runs out).
    const shellMatchesPanel = async (): Promise<boolean> => {
      await typeInTerminal(page, 'clear; stty size\n');
      const said = /^(\d+) \d+$/m.exec(await waitForScreen(page, /^\d+ \d+$/m));
      return Number(said?.[1]) === (await rows());
    };
    await expect.poll(shellMatchesPanel, { timeout: 20_000, interval: 300 }).toBe(true);
    const before = await rows();
    await page.setViewportSize({ width: 1000, height: 600 });
    await expect.poll(rows).toBeLessThan(before);
    await expect.poll(shellMatchesPanel, { timeout: 20_000, interval: 300 }).toBe(true);
    expect(await rows()).toBeLessThan(before);
    await page.context().close();
  });

  it('opens a clicked http link in a new tab without an opener', async () => {
    const name = await runningContainer();
    const page = await mode.openPage();
    await openTerminalTab(page, name);
    await page.getByRole('button', { name: 'New shell' }).click();
    await waitForScreen(page, /\/ # /);
    const target = `http://127.0.0.1:${mode.web.port}/link-target`;
    await typeInTerminal(page, `clear; echo ${target}\n`);
    await waitForScreen(page, /^http:\/\/127\.0\.0\.1:\d+\/link-target$/m);
    const line = page
      .locator('[data-testid=terminal] .xterm-rows > div')
      .filter({ hasText: /^http:/ })
      .first();
    const box = (await line.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + box.height / 2);
    const popup = page.context().waitForEvent('page');
    await page.mouse.click(box.x + 30, box.y + box.height / 2);
    const opened = await popup;
    expect(opened.url()).toBe(target);
    expect(await opened.evaluate(() => window.opener)).toBeNull();
    await page.context().close();
  });

  it('runs a one-off command and shows stdout, stderr and the exit code apart', async () => {
    const name = await runningContainer();
    const page = await mode.openPage();
    await openTerminalTab(page, name);
    await page.getByRole('button', { name: 'More options…' }).click();
    await page.getByLabel('One-off command (exec, no terminal)').check();
    await page.getByLabel('Command', { exact: true }).fill('sh -c "echo to-out; echo to-err >&2; exit 3"');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByText('The process exited with code 3.').waitFor();
    expect(await page.getByTestId('command-stdout').innerText()).toBe('to-out\n');
    expect(await page.getByTestId('command-stderr').innerText()).toBe('to-err\n');
    await page.context().close();
  });

  it('says so when the container has no shell to open', async () => {
    const name = uniqueName('term-noshell');
    const container = await docker().createContainer({ Image: noShellImage, name, Cmd: ['busybox', 'sleep', '600'], Labels: { ...TEST_LABELS } });
    await container.start();
    const page = await mode.openPage();
    await openTerminalTab(page, name);
    await page.getByRole('button', { name: 'New shell' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `Container ${name} has no shell` })
      .waitFor();
    await page.context().close();
  });

  it('run -it: "Create and start interactively" opens the terminal with the first line printed at start', async () => {
    const name = uniqueName('term-runit');
    const page = await mode.openPage();
    await page.getByRole('button', { name: 'New container' }).first().click();
    await page.getByLabel('Image', { exact: true }).fill(testImage);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Command', { exact: true }).fill("sh -c 'echo first-line-at-start; exec sh'");
    // The line names the button it stands for: before any is pointed at, the default (Create and start).
    const form = page.locator('.create-form');
    const cli = async (): Promise<[string | null, string | null]> => [
      await form.locator('.cli-label').textContent(),
      await form.getByTestId('cli-command').textContent(),
    ];
    const line = (verb: string): string => `docker ${verb} --name ${name} ${testImage} sh -c 'echo first-line-at-start; exec sh'`;
    expect(await cli()).toEqual(['“Create and start” as a docker command', line('run -d')]);
    await page.getByRole('button', { name: 'Create', exact: true }).focus();
    expect(await cli()).toEqual(['“Create” as a docker command', line('create')]);
    await page.getByRole('button', { name: 'Create and start interactively' }).hover();
    expect(await cli()).toEqual(['“Create and start interactively” as a docker command', line('run -it')]);
    await page.getByRole('button', { name: 'Create and start interactively' }).click();
    await page.getByRole('tab', { name: 'Terminal', exact: true, selected: true }).waitFor();
    await waitForScreen(page, /first-line-at-start/);
    const config = (await docker().getContainer(name).inspect()).Config;
    expect([config.Tty, config.OpenStdin]).toEqual([true, true]);
    await typeInTerminal(page, 'echo typed-$((2*3))\n');
    await waitForScreen(page, /typed-6/);
    // Detach: the container keeps running.
    await page.getByRole('button', { name: 'Detach', exact: true }).click();
    await page.getByText('Detached. The container keeps running.').waitFor();
    expect((await docker().getContainer(name).inspect()).State.Running).toBe(true);
    await page.context().close();
  });

  it('run -it from the Images view: the new container opens on its terminal too', async () => {
    const name = uniqueName('term-img-runit');
    const page = await mode.openPage();
    await page.getByRole('navigation').getByRole('button', { name: 'Images' }).click();
    await page.getByRole('button', { name: `Create container from ${testImage}` }).click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Command', { exact: true }).fill("sh -c 'echo from-images-view; exec sh'");
    await page.getByRole('button', { name: 'Create and start interactively' }).click();
    await page.getByRole('tab', { name: 'Terminal', exact: true, selected: true }).waitFor();
    await waitForScreen(page, /from-images-view/);
    expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toContain(name);
    await page.context().close();
  });
});
