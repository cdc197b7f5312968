/**
 * Which tabs fit in one row of `available` px: all when they do; else the chosen tab and as many
 * of the others, in order, as fit beside it and the "More" button (the rest go in its menu).
 * `widths` include the gap after each tab.
 */
export function fitTabs(widths: readonly number[], moreWidth: number, available: number, active: number): boolean[] {
  const total = widths.reduce((sum, width) => sum + width, 0);
  if (total <= available) return widths.map(() => true);
  const shown = widths.map((_, index) => index === active);
  let used = moreWidth + (widths[active] ?? 0);
  for (let index = 0; index < widths.length; index++) {
    if (index === active) continue;
    const width = widths[index] ?? 0;
    if (used + width > available) break;
    shown[index] = true;
    used += width;
  }
  return shown;
}
