// Browser mode in Chromium when its WebSocket drops (main cuts every stream socket): the page
// reconnects and resumes what is safe to resume (a logs follow), but never runs anything again:
// a one-off command and a shell end in a "connection lost" state instead of being re-subscribed
// (which would run the command twice and swap in a fresh shell), until the user starts them again.
import type { Socket } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { openContainer, browserModeForFile } from './browser-mode';
import { settledStreamCount } from './stream-count';

const mode = browserModeForFile();

/** What a command prints in the container (through a TTY, so no stream headers). */
async function execOutput(name: string, command: string[]): Promise<string> {
  const exec = await docker().getContainer(name).exec({ Cmd: command, AttachStdout: true, AttachStderr: true, Tty: true });
  const stream = await exec.start({ hijack: true, stdin: false, Tty: true });
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  await new Promise((resolve) => stream.on('end', resolve));
  return Buffer.concat(chunks).toString('utf8');
}

async function writeLogLine(name: string, text: string): Promise<void> {
  const exec = await docker()
    .getContainer(name)
    .exec({ Cmd: ['sh', '-c', `echo '${text}' > /proc/1/fd/1`] });
  await exec.start({ Detach: true });
}

const shellsIn = async (name: string): Promise<number> =>
  (await docker().getContainer(name).top()).Processes.filter((row: string[]) => /(^|\/)sh$/.test(row.at(-1) ?? '')).length;

const screenText = (page: Page): Promise<string> => page.locator('[data-testid=terminal] .xterm-rows').innerText();
const logRow = (page: Page, text: string) => page.locator('[role=tabpanel]:not([hidden]) [data-testid=log-viewport] .log-row[data-seq]', { hasText: text });

describe('browser mode: the stream socket drops', () => {
  it('resumes a logs follow, but ends a one-off command and a shell as "connection lost" without running them again', async () => {
    const name = uniqueName('e2e-drop');
    const container = await docker().createContainer({
      Image: testImage,
      name,
      Cmd: ['sh', '-c', 'echo log-start; exec sleep 600'],
      Labels: { ...TEST_LABELS },
      StopTimeout: 1,
    });
    await container.start();
    const streamSockets: Socket[] = [];
    const onUpgrade = (_req: unknown, socket: Socket): void => void streamSockets.push(socket);
    mode.web.server.on('upgrade', onUpgrade);
    const page = await mode.openPage();

    await openContainer(page, name, 'Terminal');
    await page.getByRole('button', { name: 'More options…' }).click();
    await page.getByLabel('One-off command (exec, no terminal)').check();
    await page.getByLabel('Command', { exact: true }).fill('sh -c "echo ran >> /tmp/ran; exec sleep 300"');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await waitFor(async () => (await execOutput(name, ['cat', '/tmp/ran'])).includes('ran'), { message: 'the one-off command did not run' });
    await page.getByRole('button', { name: 'New shell' }).click();
    await waitFor(async () => /\/ # /.test(await screenText(page)), { timeout: 15_000, message: 'no shell prompt' });
    expect(await shellsIn(name)).toBe(1);

    await page.getByRole('tab', { name: 'Logs', exact: true }).click();
    await logRow(page, 'log-start').waitFor({ timeout: 15_000 });
    expect(mode.backend.terminals.size).toBe(2);

    for (const socket of streamSockets) socket.destroy();
    // The logs follow comes back by itself: a line written after the drop shows up.
    await writeLogLine(name, 'after the drop');
    await logRow(page, 'after the drop').waitFor({ timeout: 20_000 });
    await settledStreamCount(mode.dispatcher);

    // Nothing ran again: the command's file has one line, no session is open in main, the old shell is gone and none replaced it.
    expect((await execOutput(name, ['cat', '/tmp/ran'])).match(/ran/g)).toHaveLength(1);
    expect(mode.backend.terminals.size).toBe(0);
    await waitFor(async () => (await shellsIn(name)) === 0, { message: 'the shell from before the drop is still there' });
    await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
    await expect.poll(() => page.locator('.term-tab[data-status=lost]').count(), { timeout: 10_000 }).toBe(2);
    await page.getByTestId('connection-lost').waitFor();
    expect(await page.getByTestId('connection-lost').innerText()).toMatch(/not restarted, so nothing in it ran twice/);

    // Starting it again is the user's choice, and works.
    await page
      .getByRole('tab', { name: /^sh$|Shell/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Start again' }).click();
    await waitFor(async () => (await shellsIn(name)) === 1, { timeout: 15_000, message: 'the shell did not start again' });
    await expect.poll(() => page.locator('.term-tab[data-status=lost]').count(), { timeout: 10_000 }).toBe(1);
    mode.web.server.off('upgrade', onUpgrade);
    await page.context().close();
  });
});
