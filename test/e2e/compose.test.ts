// Browser mode in Chromium: a compose project made by docker-compose shows as one group row in the
// containers list, expands and collapses by keyboard, shows its merged logs with a coloured service
// prefix, and Stop on the group row stops every service (checked on the engine).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upComposeProject, uniqueProjectName, type ComposeProjectFixture } from '../helpers/compose';
import { docker } from '../helpers/engine';
import { browserModeForFile } from './browser-mode';

const mode = browserModeForFile();
let made: ComposeProjectFixture | undefined;
const projectName = (): string => {
  if (!made) throw new Error('the compose project was not made');
  return made.name;
};

beforeAll(async () => {
  made = await upComposeProject(uniqueProjectName('e2e'));
}, 180_000);

afterAll(async () => {
  await made?.remove();
}, 120_000);

/** service -> state of the project's containers, as the engine has them. */
async function engineStates(): Promise<Record<string, string>> {
  const list = await docker().listContainers({ all: true, filters: { label: [`com.docker.compose.project=${projectName()}`] } });
  return Object.fromEntries(list.map((c) => [c.Labels['com.docker.compose.service'], c.State]));
}

describe('browser mode: compose projects', () => {
  it('groups the project in one row that expands by keyboard, shows merged logs, and stops every service', async () => {
    const page = await mode.openPage();
    const name = projectName();
    const group = page.locator(`[role=row][data-project="${name}"]`);
    await group.waitFor({ timeout: 15_000 });
    const member = (service: string) => page.locator(`[role=row][data-container-name="${name}_${service}_1"]`);
    // Closed at first: the services and their states are on the group row, their rows are not listed.
    const toggle = group.locator('button[aria-expanded]');
    expect(await toggle.getAttribute('aria-label')).toBe(`Show the services of ${name}`);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await group.getByText('web: Running').waitFor();
    await group.getByText('worker: Running').waitFor();
    await group.getByText('Running (2/2)').waitFor();
    expect(await member('web').count()).toBe(0);

    // Keyboard: the row takes the focus, Right opens it, Left closes it, Enter opens it again.
    await group.focus();
    await page.keyboard.press('ArrowRight');
    await member('web').waitFor();
    await member('worker').waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await member('web').waitFor({ state: 'detached' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await member('worker').waitFor();
    // Left on a member row goes up to the group row; the list keeps one Tab stop.
    await member('worker').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-project'))).toBe(name);
    expect(await page.locator('[role=grid] [tabindex="0"]').count()).toBe(1);

    // Merged logs: each line with its service, in that service's colour.
    await group.getByRole('button', { name: 'Logs', exact: true }).click();
    const logs = page.getByRole('dialog', { name: `Logs of ${name}` });
    await logs.getByText(`docker compose -p ${name} logs -f --tail 500`).waitFor();
    const workerLine = logs.locator('.compose-log-line', { hasText: 'worker 3' });
    await workerLine.waitFor({ timeout: 15_000 });
    const webLine = logs.locator('.compose-log-line', { hasText: 'web up' });
    await webLine.waitFor();
    const prefixColour = (line: typeof webLine) => line.locator('.service-prefix').evaluate((el) => [el.textContent?.trim(), getComputedStyle(el).color]);
    const [webPrefix, webColour] = await prefixColour(webLine);
    const [workerPrefix, workerColour] = await prefixColour(workerLine);
    expect([webPrefix, workerPrefix]).toEqual(['web    |', 'worker |']);
    expect(webColour).not.toBe(workerColour);
    await page.keyboard.press('Escape');
    await logs.waitFor({ state: 'detached' });

    // Stop on the group row stops every service.
    await group.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(engineStates, { timeout: 30_000 }).toEqual({ web: 'exited', worker: 'exited' });
    await page.getByText(`Stopped 2 containers of ${name}.`).waitFor({ timeout: 15_000 });
    await page.getByText(`docker compose -p ${name} stop --timeout 10`).waitFor();
    await group.getByText('Stopped', { exact: true }).waitFor({ timeout: 15_000 });

    // Start brings every service back.
    await group.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(engineStates, { timeout: 30_000 }).toEqual({ web: 'running', worker: 'running' });
    await page.context().close();
  });
});
