import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MIN_WINDOW_SIZE } from '../../src/main/electron/window-size';
import detailEn from '../../src/renderer/i18n/locales/en/detail.json';
import { docker, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { openContainer, browserModeForFile } from './browser-mode';

// Page-side code below runs in Chromium; the test project has no DOM types, so these say what it uses.
interface PageNode {
  nodeType: number;
  textContent: string | null;
}
interface PageElement extends PageNode {
  scrollWidth: number;
  clientWidth: number;
  scrollLeft: number;
  childNodes: Iterable<PageNode>;
  closest(selector: string): PageElement | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}
declare const document: { scrollingElement: PageElement | null; activeElement: unknown; querySelector(selector: string): PageElement | null };
declare function getComputedStyle(element: PageElement): { display: string };
declare const Node: { TEXT_NODE: number };

const mode = browserModeForFile();

async function runningContainer(name: string): Promise<void> {
  const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '300'], Labels: { ...TEST_LABELS } });
  await container.start();
}

/** Clicks the middle of what the user sees, after checking it is inside the window: no scrolling first. */
async function clickInView(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox();
  const view = page.viewportSize();
  if (!box || !view) throw new Error('nothing to click');
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(view.width);
  expect(box.y + box.height).toBeLessThanOrEqual(view.height);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

const sideways = (page: Page): Promise<number[]> =>
  page.evaluate(() => [document.scrollingElement?.scrollLeft ?? 0, document.querySelector('.detail-view')?.scrollLeft ?? -1]);

describe('browser mode: the detail tabs at the minimum window size', () => {
  it('every tab can be clicked and opened, and going to the last by keyboard does not move the pane', async () => {
    const name = uniqueName('narrow');
    await runningContainer(name);
    const page = await mode.openPage();
    await page.setViewportSize(MIN_WINDOW_SIZE);
    await openContainer(page, name);

    for (const label of Object.values(detailEn.tabs)) {
      const tab = page.getByRole('tab', { name: label, exact: true });
      if (await tab.isVisible()) await clickInView(page, tab);
      else {
        await clickInView(page, page.getByRole('button', { name: 'More', exact: true }));
        await clickInView(page, page.getByRole('menu').getByRole('menuitem', { name: label, exact: true }));
      }
      await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
      const panel = page.locator(`#${await tab.getAttribute('aria-controls')}`);
      expect(await panel.isVisible()).toBe(true);
      expect(await tab.isVisible()).toBe(true);
      expect(await sideways(page)).toEqual([0, 0]);
    }

    await clickInView(page, page.getByRole('tab', { name: 'Overview', exact: true }));
    const tablist = page.getByRole('tablist');
    const before = await tablist.boundingBox();
    await page.keyboard.press('End');
    const last = page.getByRole('tab', { name: 'Changes', exact: true });
    await expect.poll(() => last.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await last.getAttribute('aria-selected')).toBe('true');
    expect(await sideways(page)).toEqual([0, 0]);
    expect((await tablist.boundingBox())?.x).toBe(before?.x);
    await clickInView(page, last);

    // The menu by keyboard: ↓ opens it on its first item, Escape goes back to the button, Enter chooses.
    const more = page.getByRole('button', { name: 'More', exact: true });
    await more.focus();
    await page.keyboard.press('ArrowDown');
    const first = page.getByRole('menuitem').first();
    await expect.poll(() => first.evaluate((element) => element === document.activeElement)).toBe(true);
    const chosen = (await first.textContent()) ?? '';
    await page.keyboard.press('Escape');
    await expect.poll(() => more.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await page.getByRole('menu').count()).toBe(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const chosenTab = page.getByRole('tab', { name: chosen, exact: true });
    await expect.poll(() => chosenTab.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => chosenTab.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await sideways(page)).toEqual([0, 0]);
    await page.context().close();
  });
});

/**
 * Elements in `cell` (and itself) whose content does not fit, each with its own text (a box
 * without text of its own is cut by what it holds, checked on its own) and the title the user can
 * hover for it.
 */
function cutText(cell: Locator): Promise<Array<{ text: string; own: boolean; title: string | null }>> {
  return cell.evaluate((cellElement) => {
    const root = cellElement as unknown as PageElement;
    return [root, ...root.querySelectorAll('*')]
      .filter((element) => getComputedStyle(element).display !== 'inline' && element.scrollWidth > element.clientWidth)
      .map((element) => {
        const own = [...element.childNodes]
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent ?? '')
          .join('')
          .trim();
        return { text: own || (element.textContent ?? '').trim(), own: own !== '', title: element.closest('[title]')?.getAttribute('title') ?? null };
      });
  });
}

describe('browser mode: the containers list sizes its columns to what they hold', () => {
  it('shows image, status with exit code, two ports and age uncut at 1400 px, and the full text as a title where cut at 1024 px', async () => {
    const base = uniqueName('cols');
    const image = { repo: 'berth-test/busybox-longer', tag: '1.36-e2e' };
    await docker().getImage(testImage).tag(image);
    const imageName = `${image.repo}:${image.tag}`;
    try {
      const exited = await docker().createContainer({ Image: imageName, name: `${base}-exited`, Cmd: ['sh', '-c', 'exit 3'], Labels: { ...TEST_LABELS } });
      await exited.start();
      await exited.wait();
      // The engine says "Exited (3) Less than a second ago" for the first second, and the list keeps
      // what it read until the next event: take the line it settles on ("… 1 second ago").
      await waitFor(async () => !(await docker().listContainers({ all: true, filters: { name: [`${base}-exited`] } }))[0]?.Status.includes('Less than'), {
        timeout: 10_000,
        interval: 200,
        message: 'the exited status still says "Less than a second"',
      });
      const withPorts = await docker().createContainer({
        Image: imageName,
        name: `${base}-ports`,
        Cmd: ['sleep', '300'],
        Labels: { ...TEST_LABELS },
        ExposedPorts: { '80/tcp': {}, '443/tcp': {} },
        HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }], '443/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
      });
      await withPorts.start();

      const page = await mode.openPage();
      await page.getByLabel('Filter containers').fill(base);
      const exitedRow = page.locator(`[role=row][data-container-name="${base}-exited"]`);
      const portsRow = page.locator(`[role=row][data-container-name="${base}-ports"]`);
      await expect.poll(() => exitedRow.getAttribute('data-state'), { timeout: 15_000 }).toBe('exited');
      await expect.poll(() => portsRow.getAttribute('data-state'), { timeout: 15_000 }).toBe('running');
      await expect.poll(() => portsRow.locator('.ports-cell').textContent()).toMatch(/→80\/tcp.*→443\/tcp|→443\/tcp.*→80\/tcp/s);
      expect(await exitedRow.locator('.status-text').textContent()).toMatch(/^Exited \(3\)/);

      const cells = ['.image-cell', '.state-cell', '.ports-cell', '.created-cell'];
      for (const row of [exitedRow, portsRow]) {
        expect(await row.locator('.image-cell').textContent()).toBe(imageName);
        for (const cell of cells) expect(await cutText(row.locator(cell)), cell).toEqual([]);
      }

      await page.setViewportSize({ width: 1024, height: 640 });
      await expect.poll(() => portsRow.evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(1024);
      for (const row of [exitedRow, portsRow]) {
        for (const cell of ['.name-cell', ...cells]) {
          for (const cut of (await cutText(row.locator(cell))).filter((candidate) => candidate.own)) {
            expect(cut.title, `${cell}: "${cut.text}" is cut`).not.toBeNull();
            expect(cut.title).toContain(cut.text);
          }
        }
      }
      await page.context().close();
    } finally {
      await docker()
        .getImage(imageName)
        .remove({ noprune: true })
        .catch(() => undefined);
    }
  });
});
