// Browser mode in Chromium while its engine is down (a private dockerd, killed and started again):
// the containers list stays as last known and says so (dimmed, no live CPU/memory), every action is
// off with the reason "The engine is not reachable", the banner is one plain sentence, views that
// wait for the engine say why (the Engine view, images, events, a detail tab), and everything is
// live again when the engine is back, without a reload.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_LABELS, uniqueName, waitFor } from '../helpers/engine';
import { startFaultEngine, type FaultEngine } from '../helpers/fault-engine';
import { startBrowserMode, type BrowserMode } from './browser-mode';

const OUTAGE_TIMEOUT = 20_000;
const OFFLINE_REASON = 'The engine is not reachable';

let env: FaultEngine;
let mode: BrowserMode;
let page: Page;
const running = uniqueName('outage-web');
const exited = uniqueName('outage-done');

beforeAll(async () => {
  env = await startFaultEngine();
  mode = await startBrowserMode({ ...process.env, DOCKER_HOST: env.dockerHost });
  const web = await env.docker.createContainer({
    Image: env.image,
    name: running,
    Labels: { ...TEST_LABELS },
    Cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'],
    StopTimeout: 1,
  });
  await web.start();
  const done = await env.docker.createContainer({
    Image: env.image,
    name: exited,
    Labels: { ...TEST_LABELS },
    Cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'],
    StopTimeout: 1,
  });
  await done.start();
  await done.stop();
  page = await mode.openPage();
}, 120_000);

afterAll(async () => {
  await mode?.close();
  await env?.close();
});

const row = (name: string): Locator => page.locator(`[role=row][data-container-name="${name}"]`);
const table = (): Locator => page.getByRole('table', { name: 'Containers' });
const banner = (): Locator => page.getByRole('alert').filter({ hasText: 'The Docker engine at' });
const nav = (view: string): Promise<void> => page.getByRole('navigation').getByRole('button', { name: view, exact: true }).click();

/** Whether a control is disabled and gives the outage as its reason (tooltip and accessible description). */
async function offWithReason(control: Locator): Promise<boolean> {
  if (!(await control.isDisabled())) return false;
  const describedBy = await control.getAttribute('aria-describedby');
  const description = describedBy ? await page.locator(`[id="${describedBy}"]`).textContent() : null;
  return description === OFFLINE_REASON && (await control.getAttribute('title')) === OFFLINE_REASON;
}

async function allOffWithReason(controls: Locator): Promise<boolean> {
  const all = await controls.all();
  if (all.length === 0) return false;
  for (const control of all) if (!(await offWithReason(control))) return false;
  return true;
}

describe('browser mode: the engine goes away and comes back', () => {
  it('shows the list as last known, marked, with every action off and the reason given, under a one-sentence banner', async () => {
    await expect.poll(() => row(running).getAttribute('data-state'), { timeout: 15_000 }).toBe('running');
    await expect.poll(() => row(exited).getAttribute('data-state'), { timeout: 15_000 }).toBe('exited');
    // Live before: the CPU cell shows a figure.
    await expect.poll(() => row(running).locator('[data-stats=cpu]').innerText(), { timeout: 15_000 }).toMatch(/%/);

    await env.stop('SIGKILL', 'e2e outage');
    const stoppedAt = Date.now();
    await banner().waitFor({ timeout: OUTAGE_TIMEOUT });
    console.log(`[engine-outage] the banner showed ${Date.now() - stoppedAt} ms after dockerd exited`);
    // One plain sentence says what and why (no "(… (…).)" nesting), then what Berth does about it.
    const text = await banner().innerText();
    expect(text).toMatch(/^The Docker engine at \S+ is not reachable: [^().]+\. Berth reconnects by itself/);
    expect(text).not.toMatch(/\([^()]*\(|not answering/);

    // The rows stay, as last known, and say so.
    await waitFor(async () => (await table().getAttribute('data-stale')) === 'true', {
      timeout: OUTAGE_TIMEOUT,
      message: 'the list is not marked as last known',
    });
    expect(await page.getByTestId('stale-note').innerText()).toMatch(/last known at \d/);
    expect(await row(running).getAttribute('data-state')).toBe('running');
    const cpu = row(running).locator('[data-stats=cpu]');
    expect(await cpu.innerText()).toBe('—');
    expect(await cpu.getAttribute('title')).toMatch(/^Not live/);
    // Nothing repeats the banner as a raw error in the view.
    expect(await page.locator('.containers-view [role=alert]').count()).toBe(0);

    // Every action is off, with the reason: row buttons, the selection bar, New container.
    expect(await allOffWithReason(row(running).locator('.actions-cell button'))).toBe(true);
    expect(await allOffWithReason(row(exited).locator('.actions-cell button'))).toBe(true);
    expect(await offWithReason(page.getByRole('button', { name: 'New container' }))).toBe(true);
    await row(running).getByRole('checkbox').check();
    const selectionBar = page.getByRole('toolbar', { name: 'Actions on the selected containers' });
    expect(await allOffWithReason(selectionBar.getByRole('button', { name: /^(Start|Stop|Restart|Kill|Pause|Unpause|Remove)$/ }))).toBe(true);
    await row(running).getByRole('checkbox').uncheck();
  });

  it('says why each waiting view waits instead of loading for ever', async () => {
    // The detail view: last known state, actions off, and a tab that reads once says why it has nothing.
    await row(running).getByRole('button', { name: running, exact: true }).click();
    await page.getByRole('heading', { name: running, exact: true }).waitFor();
    expect(await page.getByTestId('stale-note').innerText()).toMatch(/last known at \d/);
    expect(await allOffWithReason(page.locator('.detail-actions button'))).toBe(true);
    await page.getByRole('tab', { name: 'Inspect', exact: true }).click();
    const inspectPanel = page.locator('[role=tabpanel]:not([hidden])');
    await waitFor(async () => /not reachable/.test(await inspectPanel.innerText()), {
      timeout: OUTAGE_TIMEOUT,
      message: 'the Inspect tab does not say why it is empty',
    });
    await page.getByRole('tab', { name: 'Image', exact: true }).click();
    expect(await offWithReason(page.getByRole('button', { name: 'Export to a tar file', exact: true }))).toBe(true);
    expect(await offWithReason(page.getByRole('button', { name: 'Commit…' }))).toBe(true);
    await page.getByRole('tab', { name: 'Inspect', exact: true }).click();

    // Views first opened during the outage.
    await nav('Engine');
    await waitFor(async () => /Waiting for the engine, which is not reachable/.test(await page.locator('.view').innerText()), {
      timeout: OUTAGE_TIMEOUT,
      message: 'the Engine view does not say it waits for the engine',
    });
    expect(await page.locator('.view').innerText()).not.toMatch(/Reading engine information/);
    await nav('Images');
    await page.getByTestId('engine-wait').waitFor({ timeout: OUTAGE_TIMEOUT });
    expect(await offWithReason(page.getByRole('button', { name: 'Pull…' }))).toBe(true);
    await nav('Volumes');
    await page.getByTestId('engine-wait').waitFor({ timeout: OUTAGE_TIMEOUT });
    expect(await offWithReason(page.getByRole('button', { name: 'Create volume…' }))).toBe(true);
    await nav('Events');
    await waitFor(async () => /waiting for the engine/.test(await page.locator('.events-count').innerText()), {
      timeout: OUTAGE_TIMEOUT,
      message: 'the Events view still says live',
    });

    // Back to the list (a new mount of the view): still the last known rows, still marked.
    await nav('Containers');
    await row(running).waitFor({ timeout: OUTAGE_TIMEOUT });
    expect(await table().getAttribute('data-stale')).toBe('true');
  });

  it('is live again when the engine is back, without a reload', async () => {
    // A detail tab that failed during the outage is left open: it reads again by itself.
    await row(running).getByRole('button', { name: running, exact: true }).click();
    await page.getByRole('tab', { name: 'Inspect', exact: true }).click();
    const inspectPanel = page.locator('[role=tabpanel]:not([hidden])');
    await waitFor(async () => /not reachable/.test(await inspectPanel.innerText()), { timeout: OUTAGE_TIMEOUT, message: 'the Inspect tab did not fail' });

    const answeredAt = await env.start();
    await banner().waitFor({ state: 'detached', timeout: OUTAGE_TIMEOUT });
    await inspectPanel.getByRole('tree').waitFor({ timeout: OUTAGE_TIMEOUT });
    console.log(`[engine-outage] the open Inspect tab was live again ${Date.now() - answeredAt} ms after dockerd answered`);
    expect(await page.getByTestId('stale-note').count()).toBe(0);
    expect(await page.locator('.detail-actions button').first().isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'All containers', exact: false }).click();

    // The list is the engine's again (the crash stopped the container) and its actions work.
    await waitFor(async () => (await table().getAttribute('data-stale')) === null, { timeout: OUTAGE_TIMEOUT, message: 'the list is still marked stale' });
    expect(await page.getByTestId('stale-note').count()).toBe(0);
    const start = row(exited).getByRole('button', { name: 'Start', exact: true });
    await waitFor(() => start.isEnabled(), { timeout: OUTAGE_TIMEOUT, message: 'Start is still off' });
    await start.click();
    await expect.poll(() => row(exited).getAttribute('data-state'), { timeout: OUTAGE_TIMEOUT }).toBe('running');
    await expect.poll(() => row(exited).locator('[data-stats=cpu]').innerText(), { timeout: OUTAGE_TIMEOUT }).toMatch(/%/);

    // The Engine view opened during the outage shows the engine's information now.
    await nav('Engine');
    await page.locator('dl.facts:not([data-stale])').waitFor({ timeout: OUTAGE_TIMEOUT });
  });
});
