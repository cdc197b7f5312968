// Reduced motion and large text, in Chromium: with prefers-reduced-motion: reduce nothing moves
// (computed transition and animation durations are 0s), and at 200 % text (root font-size, as a
// browser's text size setting gives) in a 1024×640 window no tab or button is cut: tabs that do not
// fit go to the More menu, and the only text cut short is cut cells that show it whole as a tooltip.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { browserModeForFile } from './browser-mode';

const mode = browserModeForFile();

async function pageWith(options: { reducedMotion?: 'reduce' | 'no-preference'; viewport?: { width: number; height: number } }): Promise<Page> {
  const context = await mode.browser.newContext({
    locale: 'en-US',
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

/** Visible buttons and tabs whose content is wider or taller than their box, unless a tooltip (title) holds their text. */
function cutControls(): string[] {
  return [...document.querySelectorAll<HTMLElement>('button, [role=tab], [role=menuitem]')]
    .filter((element) => element.getClientRects().length > 0 && !element.closest('[aria-hidden=true]'))
    .filter((element) => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)
    .filter((element) => {
      const text = element.textContent?.trim() ?? '';
      const titled = element.closest<HTMLElement>('[title]');
      return !(titled && text && titled.title.includes(text));
    })
    .map(
      (element) =>
        `${element.getAttribute('role') ?? element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}" ${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight}`,
    );
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

  it('at 200 % text in a 1024×640 window no tab or button is cut, on every view and tab', async () => {
    const name = uniqueName('text200');
    await (await docker().createContainer({ Image: testImage, name, Cmd: ['sh', '-c', 'seq 1 50; exec sleep 300'], Labels: { ...TEST_LABELS } })).start();
    const page = await pageWith({ viewport: { width: 1024, height: 640 } });
    const bodyText = (): Promise<number> => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const normal = await bodyText();
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    // The text follows the root size (rem), as with the browser's text size at 200 %.
    expect(await bodyText()).toBe(normal * 2);
    const problems: string[] = [];
    const check = async (where: string): Promise<void> => {
      for (const cut of await page.evaluate(cutControls)) problems.push(`${where}: ${cut}`);
    };
    for (const view of ['Images', 'Volumes', 'Events', 'Engine', 'Settings', 'Containers']) {
      await page.getByRole('navigation').getByRole('button', { name: view, exact: true }).click();
      await page.getByRole('heading', { name: view, level: 1 }).waitFor();
      await check(view);
    }
    await page.getByLabel('Filter containers').fill(name);
    const row = page.locator(`[role=row][data-container-name="${name}"]`);
    await row.getByRole('button', { name, exact: true }).click();
    await page.getByRole('heading', { name, exact: true }).waitFor();
    const tabs = await page.getByRole('tablist', { name: 'Container views' }).getByRole('tab', { includeHidden: true }).allTextContents();
    expect(tabs.length).toBeGreaterThan(8);
    let inMenu = 0;
    for (const tab of tabs) {
      const shown = page.getByRole('tab', { name: tab, exact: true });
      if (await shown.isVisible()) await shown.click();
      else {
        inMenu++;
        await page.getByRole('button', { name: 'More', exact: true }).click();
        await page.getByRole('menuitem', { name: tab, exact: true }).click();
      }
      await page.getByRole('tab', { name: tab, exact: true, selected: true }).waitFor();
      await check(`tab ${tab}`);
    }
    // Large text leaves room for fewer tabs: the rest are in the More menu, not cut.
    expect(inMenu).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
