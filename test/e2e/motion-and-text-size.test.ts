// Reduced motion and large text, in Chromium: with prefers-reduced-motion: reduce nothing moves
// (computed transition and animation durations are 0s), and at 200 % text (root font-size, as a
// browser's text size setting gives) in a 1024×640 window no text is cut, on every view, detail tab
// and dialog, in English and Korean: tabs that do not fit go to the More menu, the containers list
// moves the columns it has no room for to a second line of each row and wraps the text of its cells,
// and checkboxes and icons grow with the text.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { browserModeForFile } from './browser-mode';
import { say as catalogSay } from './catalog';

const mode = browserModeForFile();

async function pageWith(options: {
  reducedMotion?: 'reduce' | 'no-preference';
  viewport?: { width: number; height: number };
  locale?: string;
  colorScheme?: 'light' | 'dark';
}): Promise<Page> {
  const context = await mode.browser.newContext({
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1400, height: 860 },
    reducedMotion: options.reducedMotion ?? 'no-preference',
  });
  const page = await context.newPage();
  await page.goto(mode.web.url);
  await page.getByRole('navigation').waitFor();
  return page;
}

async function switchDurations(page: Page): Promise<{ transition: string; thumb: string }> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const toggle = page.getByRole('switch').first();
  await toggle.waitFor();
  return toggle.evaluate((element) => ({
    transition: getComputedStyle(element).transitionDuration,
    thumb: getComputedStyle(element, '::after').transitionDuration,
  }));
}

/**
 * Visible controls, headers and cells whose text is cut: wider or taller than their own box (an
 * ellipsis), or reaching past an ancestor that clips (overflow hidden). A scrolling ancestor ends
 * the search: what it holds can be scrolled to. No exception for a tooltip: a mouse-only title is
 * no way to read a cut text by keyboard.
 */
function cutControls(): string[] {
  const clips = (value: string): boolean => value === 'hidden' || value === 'clip';
  const scrolls = (value: string): boolean => value === 'auto' || value === 'scroll';
  const describe = (element: HTMLElement, how: string): string =>
    `${element.getAttribute('role') ?? element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}" ${how}`;
  const selector = 'button, [role=tab], [role=menuitem], [role=option], [role=columnheader], [role=gridcell], [role=cell], label, h1, h2, h3';
  const problems: string[] = [];
  // Any element that cuts its own text (an ellipsis), whatever its role.
  for (const element of document.querySelectorAll<HTMLElement>('body *')) {
    if (element.matches(selector) || element.getClientRects().length === 0 || element.closest('[aria-hidden=true], .xterm')) continue;
    const style = getComputedStyle(element);
    if (!(clips(style.overflowX) || clips(style.overflowY)) || (element.clientWidth <= 1 && element.clientHeight <= 1)) continue;
    const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
    if (!ownText) continue;
    if (
      (clips(style.overflowX) && element.scrollWidth > element.clientWidth + 1) ||
      (clips(style.overflowY) && element.scrollHeight > element.clientHeight + 1)
    ) {
      problems.push(describe(element, `${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight}`));
    }
  }
  for (const element of document.querySelectorAll<HTMLElement>(selector)) {
    if (element.getClientRects().length === 0 || element.closest('[aria-hidden=true], .xterm')) continue;
    if (!(element.textContent ?? '').trim()) continue;
    // Visually hidden on purpose (a label for screen readers only): a 1×1 clipped box.
    if (element.clientWidth <= 1 && element.clientHeight <= 1) continue;
    const style = getComputedStyle(element);
    if (
      (clips(style.overflowX) && element.scrollWidth > element.clientWidth + 1) ||
      (clips(style.overflowY) && element.scrollHeight > element.clientHeight + 1)
    ) {
      problems.push(describe(element, `${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight}`));
      continue;
    }
    const box = element.getBoundingClientRect();
    for (let ancestor = element.parentElement; ancestor && ancestor !== document.body; ancestor = ancestor.parentElement) {
      const outer = getComputedStyle(ancestor);
      if (scrolls(outer.overflowX) || scrolls(outer.overflowY)) break;
      const frame = ancestor.getBoundingClientRect();
      const cutX = clips(outer.overflowX) && (box.right > frame.right + 1 || box.left < frame.left - 1);
      const cutY = clips(outer.overflowY) && (box.bottom > frame.bottom + 1 || box.top < frame.top - 1);
      if (cutX || cutY) {
        problems.push(describe(element, `cut by ${ancestor.tagName.toLowerCase()}.${ancestor.className}`));
        break;
      }
    }
  }
  // Rows of the virtualized lists are placed one under the other: content taller than its row would
  // run over the next one, so a row must be as tall as what it holds.
  for (const row of document.querySelectorAll<HTMLElement>('[role=row], [role=treeitem]')) {
    if (row.getClientRects().length === 0 || row.closest('[aria-hidden=true]')) continue;
    if (row.scrollHeight > row.clientHeight + 1) problems.push(describe(row, `content ${row.scrollHeight} px tall in a ${row.clientHeight} px row`));
  }
  return problems;
}

describe('browser mode: reduced motion and 200 % text', () => {
  it('prefers-reduced-motion: reduce stops transitions (and the same switch moves without it)', async () => {
    const moving = await pageWith({ reducedMotion: 'no-preference' });
    expect(await switchDurations(moving)).toEqual({ transition: '0.15s', thumb: '0.15s, 0.15s' });
    await moving.context().close();

    const still = await pageWith({ reducedMotion: 'reduce' });
    const durations = await switchDurations(still);
    expect(durations.transition).toBe('0s');
    expect(durations.thumb.split(', ').every((duration) => duration === '0s')).toBe(true);
    await still.context().close();
  });

  it.each([
    ['en-US', 'light'],
    ['ko-KR', 'dark'],
  ] as const)('at twice the text size in a 1024×640 window no text is cut, on every view, tab and dialog (%s, %s)', async (locale, colorScheme) => {
    const name = uniqueName('text200');
    await (
      await docker().createContainer({
        Image: testImage,
        name,
        Cmd: ['sh', '-c', 'seq 1 50; exec sleep 300'],
        Labels: { ...TEST_LABELS },
        ExposedPorts: { '80/tcp': {} },
        HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
      })
    ).start();
    const page = await pageWith({ viewport: { width: 1024, height: 640 }, locale, colorScheme });
    const say = (key: string): string => catalogSay(locale === 'ko-KR' ? 'ko' : 'en', key);
    const row = page.locator(`[role=row][data-container-name="${name}"]`);
    await row.waitFor({ timeout: 15_000 });
    const sizes = (): Promise<{ body: number; checkbox: number; icon: number }> =>
      page.evaluate(() => ({
        body: parseFloat(getComputedStyle(document.body).fontSize),
        checkbox: document.querySelector('.container-table input[type=checkbox]')?.getBoundingClientRect().height ?? 0,
        icon: document.querySelector('.container-table .action-icon')?.getBoundingClientRect().height ?? 0,
      }));
    // At 1024 px the row actions are icons already; at 200 % they and the checkboxes are twice as large.
    await page.locator('.container-table .action-icon').first().waitFor();
    const normal = await sizes();
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    // The text follows the root size (rem), as with the browser's text size at 200 %.
    await expect.poll(sizes).toEqual({ body: normal.body * 2, checkbox: normal.checkbox * 2, icon: normal.icon * 2 });
    const problems: string[] = [];
    const check = async (where: string): Promise<void> => {
      for (const cut of await page.evaluate(cutControls)) problems.push(`${where}: ${cut}`);
    };
    // The list has no room for every column: some are on each row's second line, under their names.
    await expect.poll(() => row.locator('.row-more [role=gridcell]').count()).toBeGreaterThan(0);
    await check('containers list');
    const nav = page.getByRole('navigation');
    for (const view of ['images', 'volumes', 'events', 'engine', 'settings', 'containers']) {
      await nav.getByRole('button', { name: say(`common:nav.${view}`), exact: true }).click();
      await page.getByRole('heading', { name: say(`${view}:title`), level: 1 }).waitFor();
      if (view === 'events') {
        // An event with long attributes (a label) in the live view: its row grows, nothing is cut.
        const labelled = uniqueName('text200-event');
        await docker().createContainer({ Image: testImage, name: labelled, Labels: { ...TEST_LABELS, 'org.example.description': 'x'.repeat(120) } });
        await page.locator(`[role=row][data-actor="${labelled}"]`).first().waitFor({ timeout: 15_000 });
      }
      await check(view);
    }
    // Dialogs: the create form, a confirmation, the palette and the shortcuts list.
    await page
      .getByRole('button', { name: say('containers:create'), exact: true })
      .first()
      .click();
    await page.locator('.create-form').waitFor();
    await check('create form');
    await page.keyboard.press('Escape');
    await page.locator('.create-form').waitFor({ state: 'detached' });
    await page.getByLabel(say('containers:filter.label')).fill(name);
    await row.getByRole('button', { name: say('containers:actions.kill'), exact: true }).click();
    await page.getByRole('dialog').waitFor();
    await check('kill confirmation');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.keyboard.press('Control+K');
    await page.getByRole('dialog').waitFor();
    await check('command palette');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await row.getByRole('button', { name, exact: true }).click();
    await page.getByRole('heading', { name, exact: true }).waitFor();
    const tablist = page.getByRole('tablist', { name: say('detail:tabsLabel') });
    await tablist.waitFor();
    // Each tab is checked once what it shows has loaded (rows of a list, a chart's readings).
    const ready: Readonly<Record<string, string>> = {
      logs: '[data-testid=log-viewport] .log-row[data-seq]',
      stats: '[data-testid=stats-sample-count]',
      processes: 'table tbody tr',
      inspect: '.json-row',
      events: '[role=row][data-action]',
      files: '[data-testid=file-rows] [data-path="/tmp"]',
    };
    const tabs = Object.keys(JSON.parse(readFileSync('src/renderer/i18n/locales/en/detail.json', 'utf8')).tabs as object);
    expect(tabs.length).toBeGreaterThan(8);
    let inMenu = 0;
    for (const id of tabs) {
      const tab = say(`detail:tabs.${id}`);
      const shown = page.getByRole('tab', { name: tab, exact: true });
      if (await shown.isVisible()) await shown.click();
      else {
        inMenu++;
        await page.getByRole('button', { name: say('detail:tabsMore'), exact: true }).click();
        await page.getByRole('menuitem', { name: tab, exact: true }).click();
      }
      await page.getByRole('tab', { name: tab, exact: true, selected: true }).waitFor();
      const selector = ready[id];
      if (selector) await page.locator(`.tab-panel[role=tabpanel]:not([hidden]) ${selector}`).first().waitFor({ timeout: 15_000 });
      await check(`tab ${tab}`);
    }
    // Large text leaves room for fewer tabs: the rest are in the More menu, not cut.
    expect(inMenu).toBeGreaterThan(0);
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    await check('shortcuts');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
