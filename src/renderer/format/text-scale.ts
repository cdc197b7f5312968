/**
 * How much larger than 16 px the root font is (the browser's or the system's text size: 2 at
 * 200 %). Fixed row heights of virtualized lists are multiplied by it, so larger text is not cut.
 */
export function textScale(): number {
  const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(rootPx) && rootPx > 16 ? rootPx / 16 : 1;
}
