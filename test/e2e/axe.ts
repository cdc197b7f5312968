// axe-core in a browser-mode page: injected through the DevTools protocol (page.evaluate is not
// subject to the app's CSP, a <script> tag would be), run over the whole document, and what it
// finds written so a failure can be debugged from the test output alone.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> };
  }
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

/**
 * Rules switched off, each with the reason. Everything else in AXE_TAGS runs. (Empty: nothing
 * is switched off. Add a rule here only with a sentence saying why it cannot apply to Berth.)
 */
const AXE_DISABLED_RULES: Readonly<Record<string, string>> = {};

export interface AxeFinding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}

/** Runs axe over the page as it is now and returns its violations, named by `screen`. */
export async function scanPage(page: Page, screen: string): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(AXE_SOURCE);
  const options: RunOptions = {
    runOnly: { type: 'tag', values: [...AXE_TAGS] },
    rules: Object.fromEntries(Object.keys(AXE_DISABLED_RULES).map((rule) => [rule, { enabled: false }])),
    resultTypes: ['violations'],
  };
  const violations = await page.evaluate(async (runOptions) => {
    if (!window.axe) throw new Error('axe-core did not load');
    const results = await window.axe.run(document, runOptions);
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target.map(String).join(' > '), summary: node.failureSummary ?? '' })),
    }));
  }, options);
  return violations.map((violation) => ({ screen, ...violation }));
}

/** One block per violation: screen, rule, impact, help, then each node's selector and why it fails. */
export function describeFindings(findings: readonly AxeFinding[]): string {
  const nodeCount = findings.reduce((sum, finding) => sum + finding.nodes.length, 0);
  const screens = new Set(findings.map((finding) => finding.screen)).size;
  const blocks = findings.map((finding) => {
    const nodes = finding.nodes.map((node) => `    ${node.target}\n      ${node.summary.replace(/\n/g, '\n      ')}`);
    return `[${finding.screen}] ${finding.rule} (${finding.impact}): ${finding.help}\n${nodes.join('\n')}`;
  });
  return `${findings.length} violations, ${nodeCount} nodes, on ${screens} screens\n\n${blocks.join('\n\n')}`;
}
