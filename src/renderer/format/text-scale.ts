import { useEffect, useState } from 'react';

/**
 * How much larger than 16 px the root font is (the browser's or the system's text size: 2 at
 * 200 %). Fixed row heights of virtualized lists are multiplied by it, so larger text is not cut.
 */
export function textScale(): number {
  const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(rootPx) && rootPx > 16 ? rootPx / 16 : 1;
}

/**
 * textScale() kept current: a hidden 1rem-wide probe is observed, so a change of the text size
 * while the page is open (a browser's zoom of text, the system setting) lays things out again.
 */
export function useTextScale(): number {
  const [scale, setScale] = useState(textScale);
  useEffect(() => {
    const probe = document.createElement('span');
    probe.setAttribute('aria-hidden', 'true');
    probe.style.cssText = 'position:absolute;visibility:hidden;pointer-events:none;width:1rem;height:0;top:0;left:0';
    document.body.appendChild(probe);
    const observer = new ResizeObserver(() => setScale(textScale()));
    observer.observe(probe);
    return () => {
      observer.disconnect();
      probe.remove();
    };
  }, []);
  return scale;
}
