// The containers list as a WAI-ARIA grid, in Chromium against the real engine: one Tab stop for the
// whole list (roving tabindex), arrow keys between rows and a row's controls, Home/End, PageDown,
// Enter opens, Space selects, and the focus survives scrolling its row out of the virtual window.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { browserModeForFile } from './browser-mode';

const mode = browserModeForFile();

/** aria-rowindex of the row holding the focus ('' when the focus is elsewhere), and what in it is focused. */
const focusedRow = (page: Page): Promise<{ rowIndex: string; on: string }> =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const row = active?.closest('[role=row]');
    const on = !active || !row ? '' : active === row ? 'row' : (active.getAttribute('aria-label') ?? active.textContent ?? '').trim();
    return { rowIndex: row?.getAttribute('aria-rowindex') ?? '', on };
  });

const tabStops = (grid: Locator): Promise<number> => grid.evaluate((element) => element.querySelectorAll('[tabindex="0"]').length);

describe('containers grid keys (browser mode)', () => {
  it('one Tab stop; arrows, Home/End, PageDown, Enter and Space; focus kept while scrolled away', async () => {
    const prefix = uniqueName('grid');
    const total = 40;
    for (let index = 0; index < total; index++) {
      await docker().createContainer({ Image: testImage, name: `${prefix}-${String(index).padStart(2, '0')}`, Cmd: ['true'], Labels: { ...TEST_LABELS } });
    }
    const page = await mode.openPage();
    const filter = page.getByLabel('Filter containers');
    await filter.fill(prefix);
    const grid = page.getByRole('grid', { name: 'Containers' });
    await expect.poll(() => grid.getAttribute('aria-rowcount'), { timeout: 20_000 }).toBe(String(total + 1));
    // Only a window of rows is rendered.
    expect(await grid.locator('[data-grid-row=body]').count()).toBeLessThan(total);
    expect(await tabStops(grid)).toBe(1);

    // One Tab from the filter lands on the first row; the next Tab leaves the list.
    await filter.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    for (let step = 0; step < 10 && !(await grid.evaluate((element) => element.contains(document.activeElement))); step++) await page.keyboard.press('Tab');
    expect(await focusedRow(page)).toEqual({ rowIndex: '2', on: 'row' });
    await page.keyboard.press('Tab');
    expect(await grid.evaluate((element) => element.contains(document.activeElement))).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedRow(page)).toEqual({ rowIndex: '2', on: 'row' });

    // Down and Up between rows; Up from the first row reaches the header's controls.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusedRow(page)).toEqual({ rowIndex: '4', on: 'row' });
    await page.keyboard.press('ArrowUp');
    expect(await focusedRow(page)).toEqual({ rowIndex: '3', on: 'row' });
    // Right and Left through the row's controls: its checkbox, its name, its actions.
    const third = (await grid.locator('[aria-rowindex="3"]').getAttribute('data-container-name')) ?? '';
    await page.keyboard.press('ArrowRight');
    expect((await focusedRow(page)).on).toBe(`Select ${third}`);
    await page.keyboard.press('ArrowRight');
    expect(await focusedRow(page)).toEqual({ rowIndex: '3', on: third });
    await page.keyboard.press('End');
    expect(await focusedRow(page)).toEqual({ rowIndex: '3', on: 'Export' });
    await page.keyboard.press('Home');
    expect((await focusedRow(page)).on).toBe(`Select ${third}`);
    await page.keyboard.press('ArrowLeft');
    expect(await focusedRow(page)).toEqual({ rowIndex: '3', on: 'row' });
    expect(await tabStops(grid)).toBe(1);

    // End: the last row, rendered and scrolled to; Home: back to the first.
    await page.keyboard.press('End');
    expect(await focusedRow(page)).toEqual({ rowIndex: String(total + 1), on: 'row' });
    await page.keyboard.press('Home');
    expect(await focusedRow(page)).toEqual({ rowIndex: '2', on: 'row' });
    await page.keyboard.press('PageDown');
    const paged = Number((await focusedRow(page)).rowIndex);
    expect(paged).toBeGreaterThan(3);
    await page.keyboard.press('Control+Home');
    expect(await focusedRow(page)).toEqual({ rowIndex: '2', on: 'row' });

    // Scrolled to the bottom with the wheel: the focused first row stays in the DOM and focused.
    const body = page.getByTestId('container-rows');
    await body.hover();
    await page.mouse.wheel(0, 10_000);
    await expect.poll(() => body.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    await expect.poll(() => grid.locator('[data-grid-row=body][aria-rowindex="10"]').count()).toBe(0);
    expect(await focusedRow(page)).toEqual({ rowIndex: '2', on: 'row' });
    await page.keyboard.press('ArrowDown');
    expect(await focusedRow(page)).toEqual({ rowIndex: '3', on: 'row' });
    // …and is scrolled back into view.
    const inView = (): Promise<boolean> =>
      body.evaluate((element) => {
        const row = document.activeElement?.getBoundingClientRect();
        const frame = element.getBoundingClientRect();
        return row !== undefined && row.top >= frame.top - 1 && row.bottom <= frame.bottom + 1;
      });
    await expect.poll(inView).toBe(true);

    // Space selects the focused row (and again unselects it); Enter opens it.
    const second = grid.locator('[aria-rowindex="3"]');
    await page.keyboard.press('Space');
    expect(await second.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Space');
    expect(await second.getAttribute('aria-selected')).toBe('false');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect((await focusedRow(page)).rowIndex).toBe('1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: third, exact: true }).waitFor();
    await page.context().close();
  });
});
