// Browser mode in Chromium against a private registry (Debian's docker-registry on 127.0.0.1):
// pull with per-layer progress, leaving and coming back (and reloading) mid-pull, cancel, login
// after an UNAUTHORIZED pull, logout, and Run with an image the engine does not have.
// A relay in front of the registry holds a pull mid-way, so "mid-pull" is a state, not a timing.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, testImage, uniqueName, waitFor } from '../helpers/engine';
import { dockerHost, privateDockerConfig, pushRandomImage, pushTaggedImage, startRegistry, type TestRegistry } from '../helpers/registry';
import { TcpRelay } from '../helpers/tcp-relay';
import { browserModeForFile } from './browser-mode';

const mode = browserModeForFile();
let config: Awaited<ReturnType<typeof privateDockerConfig>>;
let open: TestRegistry;
let secured: TestRegistry;
const relays: TcpRelay[] = [];
const pulled: string[] = [];
const containers: string[] = [];

/** The docker CLI with the same (private) config folder as main, which runs in this process. */
function dockerCli(args: string[], input?: string): void {
  const result = spawnSync('docker', args, { encoding: 'utf8', input, env: { ...process.env, DOCKER_HOST: dockerHost() }, timeout: 120_000 });
  if (result.status !== 0) throw new Error(`docker ${args.join(' ')}: ${result.stderr}`);
}

/** A relay in front of the open registry, for one test: it can hold that test's pull mid-way. */
async function relayed(): Promise<TcpRelay> {
  const relay = new TcpRelay(open.port);
  await relay.up();
  relays.push(relay);
  return relay;
}

beforeAll(async () => {
  // Main runs in this process: its logins go to a config folder of this run, never ~/.docker.
  config = await privateDockerConfig();
  open = await startRegistry();
  secured = await startRegistry({ auth: true });
  // Layers of their own, so a pull has everything to download.
  await pushRandomImage(dockerHost(), `${open.host}/e2e/big-a:1`, 40);
  await pushRandomImage(dockerHost(), `${open.host}/e2e/big-b:1`, 40);
  await pushTaggedImage(dockerHost(), testImage, `${open.host}/e2e/run:1`);
  dockerCli(['login', '-u', secured.username!, '--password-stdin', secured.host], secured.password);
  await pushTaggedImage(dockerHost(), testImage, `${secured.host}/e2e/private:1`);
  dockerCli(['logout', secured.host]);
}, 300_000);

afterAll(async () => {
  for (const relay of relays) {
    relay.release();
    await relay.cut();
  }
  for (const name of containers)
    await docker()
      .getContainer(name)
      .remove({ force: true })
      .catch(() => undefined);
  for (const reference of pulled)
    await docker()
      .getImage(reference)
      .remove({ force: true })
      .catch(() => undefined);
  await open?.stop();
  await secured?.stop();
  await config?.restore();
});

async function showImages(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Images', exact: true }).click();
  await page.getByRole('heading', { name: 'Images', exact: true }).waitFor();
}

/** Opens the pull dialog and pulls; with `suggested`, types the repository first and takes the registry's tag suggestion. */
async function startPull(page: Page, reference: string, { suggested = false } = {}) {
  await showImages(page);
  await page.getByRole('button', { name: 'Pull…', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Pull an image' });
  await expect.poll(() => dialog.getByLabel('Image reference').and(page.locator(':focus')).count()).toBe(1);
  if (suggested) {
    const repository = reference.slice(0, reference.lastIndexOf(':'));
    await dialog.getByLabel('Image reference').fill(repository);
    await dialog.getByText(`1 tag listed by the registry for ${repository}.`).waitFor({ timeout: 15_000 });
    expect(await dialog.locator('datalist#reg-tag-suggestions option').evaluateAll((options) => options.map((option) => option.getAttribute('value')))).toEqual(
      [reference],
    );
  }
  await dialog.getByLabel('Image reference').fill(reference);
  await expect.poll(() => dialog.getByTestId('cli-command').textContent()).toBe(`docker pull ${reference}`);
  await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
  return dialog;
}

const taskIn = (scope: Page | ReturnType<Page['getByRole']>, reference: string) => scope.locator(`[data-testid=registry-task][data-reference="${reference}"]`);

async function openTray(page: Page) {
  const button = page.locator('.reg-tray-button');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  return page.getByRole('complementary', { name: 'Tasks' });
}

describe('browser mode: registries', () => {
  it('pulls with per-layer progress, keeps going while the user leaves and reloads, and lists the image', async () => {
    const relay = await relayed();
    const reference = `${relay.host}/e2e/big-a:1`;
    pulled.push(reference);
    const page = await mode.openPage();
    const held = relay.holdAfterBytes(6 * 1024 * 1024);
    const dialog = await startPull(page, reference, { suggested: true });
    await held;

    const task = taskIn(dialog, reference);
    await task.locator('[data-testid=layer-row][data-layer-phase=downloading]').waitFor({ timeout: 30_000 });
    expect(await task.locator('[data-testid=layer-row]').count()).toBe(1);
    expect(await task.getByRole('progressbar', { name: /^Layer [0-9a-f]{12}: Downloading$/ }).getAttribute('aria-valuenow')).toMatch(/^\d+$/);
    const overall = task.getByRole('progressbar', { name: `Progress of ${reference}` });
    await expect.poll(async () => Number(await overall.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(Number(await overall.getAttribute('aria-valuenow'))).toBeLessThan(100);
    expect(await task.getAttribute('data-phase')).toBe('running');

    // Leave: close the dialog, go elsewhere, come back; then reload the page altogether.
    await dialog.getByRole('button', { name: 'Close (keep pulling)' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Containers', exact: true }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Events', exact: true }).click();
    await showImages(page);
    expect(await taskIn(await openTray(page), reference).getAttribute('data-phase')).toBe('running');
    await page.reload();
    await page.getByRole('navigation').waitFor();
    const tray = await openTray(page);
    expect(await taskIn(tray, reference).getAttribute('data-phase')).toBe('running');

    relay.release();
    await taskIn(tray, reference).and(page.locator('[data-phase=done]')).waitFor({ timeout: 60_000 });
    expect(await taskIn(tray, reference).getByTestId('task-result').textContent()).toMatch(/^Image [0-9a-f]{12}, \d+(\.\d)? MiB\.$/);
    await expect.poll(() => page.getByTestId('task-announcement').textContent()).toBe(`Pulled ${reference}`);
    // Escape closes the list and gives the focus back to its button.
    await page.keyboard.press('Escape');
    await tray.waitFor({ state: 'detached' });
    expect(await page.locator('.reg-tray-button').and(page.locator(':focus')).count()).toBe(1);
    await showImages(page);
    await page.locator(`tr[data-image-names~="${reference}"]`).waitFor();
    await docker().getImage(reference).inspect();
  });

  it('cancels a pull: the engine stops, the task says cancelled and nothing is listed', async () => {
    const relay = await relayed();
    const reference = `${relay.host}/e2e/big-b:1`;
    pulled.push(reference);
    const page = await mode.openPage();
    const held = relay.holdAfterBytes(6 * 1024 * 1024);
    const dialog = await startPull(page, reference);
    await held;
    const task = taskIn(dialog, reference);
    await task.locator('[data-testid=layer-row]').first().waitFor({ timeout: 30_000 });
    await task.getByRole('button', { name: `Cancel ${reference}` }).click();
    await task.and(page.locator('[data-phase=cancelled]')).waitFor({ timeout: 30_000 });
    relay.release();
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await showImages(page);
    await page.getByRole('table', { name: 'Local images' }).waitFor();
    expect(await page.locator(`tr[data-image-names~="${reference}"]`).count()).toBe(0);
    await expect(docker().getImage(reference).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('asks to log in when the registry refuses, says a wrong password plainly, lists the login, and logs out', async () => {
    const reference = `${secured.host}/e2e/private:1`;
    pulled.push(reference);
    const page = await mode.openPage();
    const dialog = await startPull(page, reference);
    const task = taskIn(dialog, reference);
    await task.and(page.locator('[data-phase=failed]')).waitFor({ timeout: 30_000 });
    expect(await task.getByRole('alert').textContent()).toContain('needs you to log in');
    await task.getByRole('button', { name: 'Log in', exact: true }).click();

    const login = page.getByRole('dialog', { name: 'Log in to a registry' });
    expect(await login.getByLabel('Registry').inputValue()).toBe(secured.host);
    await expect.poll(() => login.getByLabel('User name').and(page.locator(':focus')).count()).toBe(1);
    await login.getByLabel('User name').fill(secured.username!);
    const password = login.getByLabel('Password or access token');
    expect(await password.getAttribute('type')).toBe('password');
    await password.fill('wrong-password');
    await login.getByRole('button', { name: 'Log in', exact: true }).click();
    const refusal = login.getByRole('alert');
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.textContent()).toMatch(/password|unauthorized|refused/i);
    expect(await password.inputValue()).toBe('');
    expect(await login.getByTestId('cli-command').textContent()).toBe(`docker login -u ${secured.username!} ${secured.host}`);

    await password.fill(secured.password!);
    await login.getByRole('button', { name: 'Log in', exact: true }).click();
    await login.getByText(`Logged in to ${secured.host} as ${secured.username!}.`).waitFor({ timeout: 30_000 });
    expect(await page.content()).not.toContain(secured.password!);
    expect(readFileSync(path.join(config.dir, 'config.json'), 'utf8')).toContain(secured.host);
    await login.getByRole('button', { name: 'Close', exact: true }).last().click();

    // Logged in, the same pull now works.
    await dialog.getByRole('button', { name: 'Pull another' }).click();
    await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
    await taskIn(dialog, reference).and(page.locator('[data-phase=done]')).waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();

    await page.getByRole('navigation').getByRole('button', { name: 'Settings', exact: true }).click();
    const row = page.locator(`tr[data-registry="${secured.host}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(secured.username!);
    await row.getByRole('button', { name: `Log out of ${secured.host}` }).click();
    await page.getByText(`Logged out of ${secured.host}.`).waitFor();
    await row.waitFor({ state: 'detached' });
    expect(readFileSync(path.join(config.dir, 'config.json'), 'utf8')).not.toContain(secured.host);
  });

  it('runs an image the engine does not have: the pull shows inline, then the container runs', async () => {
    const relay = await relayed();
    const reference = `${relay.host}/e2e/run:1`;
    pulled.push(reference);
    const name = uniqueName('e2e-pullrun');
    containers.push(name);
    const page = await mode.openPage();
    await page.getByRole('button', { name: 'New container' }).first().click();
    await page.getByLabel('Image', { exact: true }).fill(reference);
    await page.getByText('Not on this engine: Run pulls it first').waitFor();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Command', { exact: true }).fill('sleep 300');
    const form = page.locator('.create-form');
    await form.getByLabel('Pull', { exact: true }).selectOption('always');
    await expect.poll(() => form.getByTestId('cli-command').textContent()).toContain('--pull always');
    await form.getByLabel('Pull', { exact: true }).selectOption('missing');
    await expect.poll(() => form.getByTestId('cli-command').textContent()).not.toContain('--pull');

    // Its layer is on the engine already: hold the registry's very first answer instead.
    const held = relay.holdAfterBytes(1);
    await page.getByRole('button', { name: 'Create and start', exact: true }).click();
    await held;
    const inline = form.getByRole('group', { name: 'Pulling the image' });
    await taskIn(inline, reference).and(page.locator('[data-phase=running]')).waitFor({ timeout: 30_000 });
    relay.release();
    const row = page.locator(`[role=row][data-container-name="${name}"]`);
    await row.waitFor({ timeout: 60_000 });
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('running');
    const state = await waitFor(async () => (await docker().getContainer(name).inspect()).State, { timeout: 15_000 });
    expect(state.Running).toBe(true);
    await docker().getImage(reference).inspect();
  });
});
