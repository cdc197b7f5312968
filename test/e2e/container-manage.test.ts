// Browser mode, real engine, Chromium: Rename (detail header, the row's pencil, F2 from the list),
// Resources (docker update) and Wait for exit, each checked against the engine itself; the shown
// `docker update` line is run through the docker CLI on a twin and gives the same HostConfig.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runShellLine } from '../helpers/cli-line';
import { docker, dockerCli, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { browserModeForFile, openContainer } from './browser-mode';

const mode = browserModeForFile();
const MiB = 1024 * 1024;

async function container(cmd: string[], hostConfig: object = {}, prefix = 'e2e-manage'): Promise<{ id: string; name: string }> {
  const name = uniqueName(prefix);
  const created = await docker().createContainer({ Image: testImage, name, Cmd: cmd, Labels: { ...TEST_LABELS }, StopTimeout: 1, HostConfig: hostConfig });
  await created.start();
  return { id: created.id, name };
}

const engineName = async (id: string): Promise<string> => (await docker().getContainer(id).inspect()).Name.replace(/^\//, '');
const hostConfig = async (id: string) => (await docker().getContainer(id).inspect()).HostConfig;
const row = (page: Page, name: string) => page.locator(`[role=row][data-container-name="${name}"]`);

describe('browser mode: rename', () => {
  it('renames from the detail header: the name filled in and selected, the rule checked as typed, a taken name refused in the dialog', async () => {
    const box = await container(['sleep', '300']);
    const other = await container(['sleep', '300']);
    const page = await mode.openPage();
    await openContainer(page, box.name);
    const opener = page.locator('.detail-actions').getByRole('button', { name: 'Rename…', exact: true });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: `Rename ${box.name}` });
    const input = dialog.getByLabel('New name');
    expect(await input.inputValue()).toBe(box.name);
    // Selected whole and focused, so typing replaces it.
    expect(await input.evaluate((el: HTMLInputElement) => [document.activeElement === el, el.selectionStart, el.selectionEnd])).toEqual([
      true,
      0,
      box.name.length,
    ]);
    expect(await dialog.getByTestId('cli-command').textContent()).toBe(`docker rename ${box.name} ${box.name}`);

    await page.keyboard.type('my box');
    expect(await dialog.locator('#rename-problem').textContent()).toBe('“ ” cannot be in a name: use letters, digits, _ . or -.');
    expect(await dialog.getByRole('button', { name: 'Rename', exact: true }).isDisabled()).toBe(true);
    await input.fill('_box');
    expect(await dialog.locator('#rename-problem').textContent()).toBe('A name must start with a letter or a digit, not “_”.');

    // A name in use: the engine refuses, the dialog stays open and says so, nothing changes.
    await input.fill(`/${other.name}`);
    expect(await dialog.getByTestId('cli-command').textContent()).toBe(`docker rename ${box.name} ${other.name}`);
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent(), { timeout: 15_000 })
      .toBe(`The name ${other.name} is already used by another container. Choose another, or rename or remove that one first.`);
    expect(await engineName(box.id)).toBe(box.name);

    const renamed = `${box.name}-renamed`;
    await input.fill(renamed);
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await engineName(box.id)).toBe(renamed);
    await page.getByRole('heading', { name: renamed, exact: true }).waitFor({ timeout: 15_000 });
    // The focus is back on the button that opened the dialog.
    await expect.poll(() => opener.evaluate((el) => el === document.activeElement)).toBe(true);
    // F2 in the detail view renames the open container.
    await page.keyboard.press('F2');
    await page.getByRole('dialog', { name: `Rename ${renamed}` }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('F2 on the focused row opens the dialog for that row; Enter renames; the pencil opens it too', async () => {
    const first = await container(['sleep', '300']);
    const second = await container(['sleep', '300']);
    const page = await mode.openPage();
    await row(page, second.name).waitFor({ timeout: 15_000 });
    // The focus on a control of the second row, with the first one selected: the focused row wins.
    await row(page, first.name).getByRole('checkbox').check();
    await row(page, second.name).getByRole('button', { name: second.name, exact: true }).focus();
    await page.keyboard.press('F2');
    const dialog = page.getByRole('dialog', { name: `Rename ${second.name}` });
    await dialog.waitFor();
    const renamed = `${second.name}-f2`;
    await page.keyboard.type(renamed);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await engineName(second.id)).toBe(renamed);
    await row(page, renamed).waitFor({ timeout: 15_000 });

    // F2 with nothing focused in the list: the one selected container.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('F2');
    await page.getByRole('dialog', { name: `Rename ${first.name}` }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await row(page, first.name)
      .getByRole('button', { name: `Rename ${first.name}`, exact: true })
      .click();
    await page.getByRole('dialog', { name: `Rename ${first.name}` }).waitFor();
    await page.keyboard.press('Escape');
    await page.context().close();
  });
});

describe('browser mode: resources (docker update)', () => {
  it('shows the current values, sends what changed, and the shown line does the same through the docker CLI', async () => {
    const limits = { Memory: 256 * MiB, PidsLimit: 100, RestartPolicy: { Name: 'unless-stopped', MaximumRetryCount: 0 } };
    const box = await container(['sleep', '300'], limits);
    const twin = await container(['sleep', '300'], limits);
    const page = await mode.openPage();
    await openContainer(page, box.name);
    await page.locator('.detail-actions').getByRole('button', { name: 'Resources…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Resources of ${box.name}` });
    const field = (label: string) => dialog.getByLabel(label, { exact: true });
    await field('Memory').waitFor({ timeout: 15_000 });
    expect(await field('Memory').inputValue()).toBe('256m');
    // docker run's default memory + swap: twice the memory.
    expect(await field('Memory + swap').inputValue()).toBe('512m');
    expect(await field('PIDs limit').inputValue()).toBe('100');
    expect(await field('Restart policy').inputValue()).toBe('unless-stopped');
    // No CPU limit: an empty field whose hint says so, not a 0.
    expect([await field('CPUs').inputValue(), await field('CPUs').getAttribute('placeholder')]).toEqual(['', 'unlimited']);
    expect(await dialog.getByRole('button', { name: 'Update', exact: true }).isDisabled()).toBe(true);

    // Swap below memory: refused before anything is sent.
    await field('Memory + swap').fill('128m');
    expect(await dialog.locator('#update-memorySwap-problem').textContent()).toBe(
      'Memory + swap must be at least the memory (256m), or -1 for unlimited swap.',
    );
    expect(await dialog.getByRole('button', { name: 'Update', exact: true }).isDisabled()).toBe(true);
    await field('Memory + swap').fill('512m');

    await field('Memory').fill('384m');
    await field('PIDs limit').fill('');
    const line = (await dialog.getByTestId('cli-command').textContent()) ?? '';
    expect(line).toBe(`docker update --memory 384m --pids-limit -1 ${box.name}`);
    await dialog.getByRole('button', { name: 'Update', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .locator('.update-note')
      .getByText(/^Updated\./)
      .waitFor();
    const updated = await hostConfig(box.id);
    expect([updated.Memory, updated.MemorySwap, updated.PidsLimit ?? 0]).toEqual([384 * MiB, 512 * MiB, 0]);
    // The detail view shows the new value.
    await page.locator('[data-testid=overview-facts] div', { hasText: /^Memory384m$/ }).waitFor({ timeout: 15_000 });

    const ran = await runShellLine(line.replace(box.name, twin.name));
    expect(ran.code, ran.stderr).toBe(0);
    const viaCli = await hostConfig(twin.id);
    expect([viaCli.Memory, viaCli.MemorySwap, viaCli.PidsLimit ?? 0]).toEqual([updated.Memory, updated.MemorySwap, updated.PidsLimit ?? 0]);
    await page.context().close();
  });

  it('says in plain words that the container uses more memory than the new limit, stays open and changes nothing', async () => {
    const box = await container(['sh', '-c', 'dd if=/dev/zero of=/dev/shm/fill bs=1M count=40 && touch /filled && exec sleep 600']);
    await waitFor(async () => (await dockerCli(['exec', box.id, 'ls', '/filled'])).code === 0, { message: 'the container did not fill its memory' });
    const page = await mode.openPage();
    await openContainer(page, box.name);
    await page.locator('.detail-actions').getByRole('button', { name: 'Resources…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Resources of ${box.name}` });
    const field = (label: string) => dialog.getByLabel(label, { exact: true });
    await field('Memory').waitFor({ timeout: 15_000 });
    await field('Memory').fill('8m');
    // No swap limit yet: the engine needs the pair, and the dialog offers it.
    expect(await dialog.locator('#update-memorySwap-problem').textContent()).toMatch(/^The container has no memory \+ swap limit/);
    await dialog.getByRole('button', { name: 'Set memory + swap to 16m', exact: true }).click();
    expect(await dialog.getByTestId('cli-command').textContent()).toBe(`docker update --memory 8m --memory-swap 16m ${box.name}`);
    await dialog.getByRole('button', { name: 'Update', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toMatch(
      /^The container uses \d+\.\d MiB, more than the new memory limit of 8\.0 MiB\. Give it a higher limit, or let it free memory first\.$/,
    );
    expect(await dialog.isVisible()).toBe(true);
    expect((await hostConfig(box.id)).Memory).toBe(0);
    await page.context().close();
  });
});

describe('browser mode: wait for exit', () => {
  it('waits (one request however often it is asked), cancels with Escape, and shows the exit code the engine has', async () => {
    const box = await container(['sh', '-c', 'trap "exit 3" TERM; while true; do sleep 0.2; done']);
    // Opened here rather than with openPage, so the WebSocket is watched from its start.
    const page = await (await mode.browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage();
    // Over HTTP or, as the contract marks it realtime, over the page's WebSocket: counted either way.
    const waits: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/invoke/containers.wait')) waits.push(request.url());
    });
    page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => {
        if (typeof payload === 'string' && payload.includes('"channel":"containers.wait"')) waits.push(payload);
      }),
    );
    await page.goto(mode.web.url);
    await openContainer(page, box.name);
    const waitButton = page.locator('.detail-actions').getByRole('button', { name: 'Wait for exit', exact: true });
    const panel = page.getByRole('region', { name: 'Waiting for exit' });
    await waitButton.click();
    await panel.getByText(`Waiting for ${box.name} to stop…`).waitFor();
    expect(await panel.getByTestId('cli-command').textContent()).toBe(`docker wait ${box.name}`);
    // Escape (the focus is on Cancel) stops waiting in the UI; asking again joins the request still out.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await waitButton.click();
    await panel.getByRole('button', { name: 'Cancel', exact: true }).click();
    await panel.waitFor({ state: 'detached' });
    await waitButton.click();
    await panel.getByText(`Waiting for ${box.name} to stop…`).waitFor();

    await docker().getContainer(box.id).stop({ t: 10 });
    await panel.getByTestId('wait-exit-code').waitFor({ timeout: 15_000 });
    const engineCode = (await docker().getContainer(box.id).inspect()).State.ExitCode;
    expect(engineCode).toBe(3);
    expect(await panel.getByTestId('wait-exit-code').textContent()).toBe(`${box.name} stopped with exit code ${engineCode}.`);
    expect(waits).toHaveLength(1);
    // On the WebSocket, so a long wait holds none of the page's HTTP connections.
    expect(waits[0]).toContain('"type":"invoke"');
    await page.context().close();
  });

  it('shows the exit code of a container the engine removes when it exits (--rm)', async () => {
    const box = await container(['sh', '-c', 'trap "exit 5" TERM; while true; do sleep 0.2; done'], { AutoRemove: true });
    const page = await mode.openPage();
    await openContainer(page, box.name);
    await page.locator('.detail-actions').getByRole('button', { name: 'Wait for exit', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Waiting for exit' });
    await panel.getByText(`Waiting for ${box.name} to stop…`).waitFor();
    await docker().getContainer(box.id).stop({ t: 10 });
    await waitFor(async () => !(await docker().listContainers({ all: true, filters: { id: [box.id] } })).length, {
      message: 'the --rm container was not removed',
    });
    await page.getByText(`The container ${box.name} no longer exists.`).waitFor({ timeout: 15_000 });
    await panel.getByTestId('wait-exit-code').waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('wait-exit-code').textContent()).toBe(`${box.name} stopped with exit code 5.`);
    await page.context().close();
  });

  it('shows an exited container’s exit code on its row, whole, at 1024 px, in English and Korean', async () => {
    const box = await container(['sh', '-c', 'exit 137'], {}, 'e2e-manage-a-container-with-a-rather-long-name');
    await docker().getContainer(box.id).wait();
    for (const [locale, exitCode] of [
      ['en-US', 'Exited (137)'],
      ['ko-KR', '종료 코드 137'],
    ] as const) {
      const page = await mode.openPage({ locale });
      await page.setViewportSize({ width: 1024, height: 640 });
      const status = row(page, box.name).locator('.status-text');
      await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain(exitCode);
      // The width the exit code takes fits in the cell (the time after it may be cut).
      const fits = await status.evaluate((el, prefix) => {
        const text = el.firstChild;
        if (!text) return false;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, prefix.length);
        return range.getBoundingClientRect().right <= el.getBoundingClientRect().right + 0.5;
      }, exitCode);
      expect(fits, locale).toBe(true);
      await page.context().close();
    }
  });
});
