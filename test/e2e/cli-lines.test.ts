// Browser mode, real engine, Chromium: CLI lines shown for actions that had none, and the attach
// line (issue #11, items 17 and 18). Download log's shown line is run through the docker CLI and
// writes the same bytes the browser saved; Open in browser shows the `docker port` it looked up.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runShellLine } from '../helpers/cli-line';
import { docker, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { openContainer, browserModeForFile } from './browser-mode';

const mode = browserModeForFile();

describe('browser mode: CLI lines of actions', () => {
  it('Download log shows `docker logs … > FILE 2>&1`, and the line writes the same bytes the browser saved', async () => {
    const name = uniqueName('e2e-dl-line');
    const script =
      'echo "to stdout"; echo "to stderr" >&2; for i in $(seq 1 200); do echo "line $i 한글"; done; echo "err again" >&2; printf "no newline at the end"';
    const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sh', '-c', script], Labels: { ...TEST_LABELS } });
    await container.start();
    await waitFor(async () => !(await container.inspect()).State.Running, { message: 'the logging container did not exit' });
    const dir = await mkdtemp(path.join(tmpdir(), 'berth-e2e-dl-line-'));
    try {
      const page = await mode.openPage();
      await openContainer(page, name, 'Logs');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download log', exact: true }).click()]);
      const saved = path.join(dir, 'browser-saved.log');
      await download.saveAs(saved);
      const shown = page.locator('[data-testid=log-download]');
      expect(await shown.locator('.cli-label').textContent()).toBe('“Download log” as a docker command');
      const line = (await shown.getByTestId('cli-command').textContent()) ?? '';
      expect(line).toBe(`docker logs ${name} > ${download.suggestedFilename()} 2>&1`);
      const ran = await runShellLine(line, { cwd: dir });
      expect(ran.code, ran.stderr).toBe(0);
      const [fromBerth, fromCli] = await Promise.all([readFile(saved), readFile(path.join(dir, download.suggestedFilename()))]);
      expect(fromBerth.length).toBeGreaterThan(200 * 10);
      expect(fromCli.equals(fromBerth)).toBe(true);
      await page.context().close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('Open in browser shows the `docker port` line it looked the address up with', async () => {
    const name = uniqueName('e2e-port-line');
    const container = await docker().createContainer({
      Image: testImage,
      name,
      Cmd: ['sleep', '300'],
      ExposedPorts: { '80/tcp': {} },
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
      Labels: { ...TEST_LABELS },
    });
    await container.start();
    const page = await mode.openPage();
    await openContainer(page, name, 'Ports');
    const [popup] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Open in browser' }).click()]);
    await popup.close();
    const opened = page.getByTestId('ports-opened');
    expect(await opened.getByTestId('cli-command').textContent()).toBe(`docker port ${name} 80/tcp`);
    const hostPort = (await container.inspect()).NetworkSettings.Ports['80/tcp']?.[0]?.HostPort;
    expect(await opened.textContent()).toContain(`Opened http://127.0.0.1:${hostPort}/`);
    await page.context().close();
  });

  it('Attach replays nothing by default: the line is `docker attach`, and "Show earlier output" makes it `docker logs …; docker attach …`', async () => {
    const name = uniqueName('e2e-attach-line');
    const container = await docker().createContainer({
      Image: testImage,
      name,
      Cmd: ['sh', '-c', 'echo printed-before-attach; exec sh'],
      Tty: true,
      OpenStdin: true,
      Labels: { ...TEST_LABELS },
    });
    await container.start();
    await waitFor(async () => (await container.logs({ stdout: true })).toString().includes('printed-before-attach'));
    const page = await mode.openPage();
    await openContainer(page, name, 'Terminal');
    await page.getByRole('button', { name: 'More options…' }).click();
    await page.getByRole('radio', { name: /Attach/ }).check();
    const replay = page.getByRole('checkbox', { name: 'Show earlier output' });
    expect(await replay.isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    const panel = page.locator('.term-panel');
    await expect.poll(() => panel.getByTestId('cli-command').textContent()).toBe(`docker attach ${name}`);
    await page.getByRole('button', { name: 'More options…' }).click();
    await page.getByRole('radio', { name: /Attach/ }).check();
    await page.getByRole('checkbox', { name: 'Show earlier output' }).check();
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => panel.getByTestId('cli-command').textContent()).toBe(`docker logs ${name}; docker attach ${name}`);
    await page.context().close();
  });

  it('Events: the container tab filters by the id it shows; the view matches the action exactly, as its line', async () => {
    const name = uniqueName('e2e-ev-line');
    const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '300'], Labels: { ...TEST_LABELS } });
    await container.start();
    const { Id: id, Created: created } = await container.inspect();
    const page = await mode.openPage();
    await openContainer(page, name, 'Events');
    await expect
      .poll(() => page.locator('[role=tabpanel]:not([hidden]) [data-testid=cli-command]').first().textContent())
      .toBe(`docker events --filter container=${id} --since ${Math.floor(Date.parse(created) / 1000)}`);

    await page.getByRole('navigation').getByRole('button', { name: 'Events' }).click();
    await page.locator('.events-filters select').nth(1).selectOption('10m');
    await page.locator(`[role=row][data-action="start"][data-actor="${name}"]`).waitFor({ timeout: 15_000 });
    await page.getByLabel('Container', { exact: true }).fill(name);
    // `docker events --filter event=st` prints nothing: neither does the view.
    await page.getByLabel('Action', { exact: true }).fill('st');
    await page.getByText('No events match the filters.').waitFor();
    expect(await page.getByTestId('cli-command').first().textContent()).toBe(`docker events --filter event=st --filter container=${name} --since 10m`);
    await page.getByLabel('Action', { exact: true }).fill('start');
    await page.locator(`[role=row][data-action="start"][data-actor="${name}"]`).waitFor();
    await page.context().close();
  });
});
