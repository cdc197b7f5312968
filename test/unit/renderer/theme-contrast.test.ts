// The theme tokens' contrast, computed from the stylesheets as written (WCAG 2.2 relative
// luminance), so a token change that makes text unreadable fails here without a browser.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const STYLESHEETS = ['app.css', 'logs.css', 'stats.css'];

/** `--name: #rrggbb` of each `:root[data-theme='…']` block, over the stylesheets that define tokens. */
function tokens(theme: Theme): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of STYLESHEETS) {
    const css = readFileSync(path.resolve('src/renderer/styles', file), 'utf8');
    for (const block of css.matchAll(/:root\[data-theme='(\w+)'\]\s*\{([^}]*)\}/g)) {
      if (block[1] !== theme) continue;
      for (const [, name, value] of (block[2] ?? '').matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\b/g)) found.set(name!, value!.toLowerCase());
    }
  }
  return found;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

interface Pair {
  fg: string;
  bg: string;
  /** 4.5 for text (WCAG 1.4.3), 3 for what identifies a control or a graph (1.4.11). */
  min: number;
}

const cross = (fgs: string[], bgs: string[], min: number): Pair[] => fgs.flatMap((fg) => bgs.map((bg) => ({ fg, bg, min })));

/** Every surface a text or control sits on. */
const SURFACES = ['bg', 'surface', 'surface-2', 'selected', 'accent-soft', 'danger-soft'];
const STATS = ['cpu', 'memory', 'rx', 'tx', 'read', 'write', 'pids', ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `series-${n}`)].map((name) => `stats-${name}`);

const PAIRS: Pair[] = [
  // Body text, muted text, links and tabs (accent), state pills and notes (ok, warn, danger): on every surface.
  ...cross(['text', 'muted', 'accent', 'danger', 'ok', 'warn'], SURFACES, 4.5),
  // Filled buttons, the switch's knob, and the search mark in the JSON tree.
  { fg: 'accent-text', bg: 'accent', min: 4.5 },
  { fg: 'danger-text', bg: 'danger', min: 4.5 },
  { fg: 'bg', bg: 'warn', min: 4.5 },
  // The log view: lines, their gutter, stderr lines, search matches.
  ...cross(['text', 'muted'], ['log-bg', 'log-stderr-bg'], 4.5),
  ...cross(['text'], ['log-match-bg', 'log-current-bg'], 4.5),
  // A text field's border, the focus ring and the chosen tab's underline; chart lines on their card.
  ...cross(['control-border'], ['bg', 'surface'], 3),
  ...cross(['accent'], SURFACES, 3),
  ...cross(STATS, ['surface'], 3),
];

describe('theme contrast', () => {
  it('computes WCAG contrast ratios (checked against known values)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    // The green pill before #17: 3.86:1, as axe-core measured it.
    expect(contrast('#1f8a4c', '#eef1f5')).toBeCloseTo(3.86, 2);
  });

  for (const theme of THEMES) {
    it(`${theme}: every text pair reaches 4.5:1 and every control or graph boundary 3:1`, () => {
      const values = tokens(theme);
      const failures = PAIRS.flatMap(({ fg, bg, min }) => {
        const [fgValue, bgValue] = [values.get(fg), values.get(bg)];
        if (!fgValue || !bgValue) return [`--${fg} or --${bg} is not a #rrggbb token of the ${theme} theme`];
        const ratio = contrast(fgValue, bgValue);
        return ratio >= min ? [] : [`--${fg} ${fgValue} on --${bg} ${bgValue}: ${ratio.toFixed(2)}:1, needs ${min}:1`];
      });
      expect(failures).toEqual([]);
    });
  }
});
