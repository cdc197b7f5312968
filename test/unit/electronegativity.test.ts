/**
 * Electronegativity (Doyensec's Electron security linter) over src/, inside `npm test`.
 *
 * Why src/ and not the built out/: the source is where a finding gets fixed and where an
 * `eng-disable` comment is reviewed; the bundle drops comments (so no disable could survive),
 * tree-shakes code that is not used yet, and reports bundle line numbers. Scanning the TypeScript
 * itself works: the tool parses .ts/.tsx. Its version-dependent checks need the Electron version,
 * which src/ has no package.json to tell, so it is passed with -e.
 *
 * The CLI exits 0 whatever it finds, so the findings come from its SARIF output; parse errors are
 * only printed in its console mode, so that runs too (a file it cannot parse is a file not checked).
 * A finding passes only if an inline `eng-disable <CHECK_ID> <reason>` on the reported line
 * explains it: the tool drops those, and this test requires every such comment to give a reason.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = path.resolve('node_modules/@doyensec/electronegativity/dist/index.js');
const OFFLINE = path.resolve('test/helpers/electronegativity-offline.cjs');
const SOURCE = path.resolve('src');
const SCANNED = /\.(ts|tsx|js|jsx|html|htm)$/;

interface Finding {
  rule: string;
  file: string;
  line: number;
  message: string;
}

interface Scan {
  findings: Finding[];
  parseErrors: string[];
}

interface SarifLog {
  runs: Array<{
    results: Array<{
      ruleId: string;
      message: { text: string };
      locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }>;
    }>;
  }>;
}

async function electronVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.resolve('node_modules/electron/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', LANG: 'en-US' };

async function scan(input: string, scratch: string): Promise<Scan> {
  const sarif = path.join(scratch, `${path.basename(input)}-${Date.now()}.sarif`);
  const args = ['--require', OFFLINE, CLI, '-i', input, '-x', 'AvailableSecurityFixesGlobalCheck', '-e', await electronVersion(), '-r'];
  const options = { env, maxBuffer: 16 * 1024 * 1024, timeout: 120_000 };
  const [, consoleRun] = await Promise.all([run(process.execPath, [...args, '-o', sarif], options), run(process.execPath, args, options)]);
  const log = JSON.parse(await readFile(sarif, 'utf8')) as SarifLog;
  const findings = log.runs.flatMap((sarifRun) =>
    sarifRun.results.map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      return {
        rule: result.ruleId,
        file: location?.artifactLocation?.uri ?? '?',
        line: location?.region?.startLine ?? 0,
        message: result.message.text,
      };
    }),
  );
  const parseErrors = `${consoleRun.stdout}\n${consoleRun.stderr}`
    .split('\n')
    .filter((line) => /^\s*Error parsing /.test(line))
    .map((line) => line.trim());
  return { findings, parseErrors };
}

/** The tool's own pattern for an inline disable (dist/util/exceptions.js), JS and HTML forms. */
const DISABLE = /(?:\/\*|\/\/|<!--)[ \t]*eng-disable[ \t]+(.*)$/;
const CHECK_ID = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_CHECK$|^[A-Z][A-Za-z0-9]*Check$/;

export interface DisableComment {
  file: string;
  line: number;
  checks: string[];
  reason: string;
}

/** Every `eng-disable` comment: the check ids it names and the reason that follows them. */
export function disableComments(file: string, text: string): DisableComment[] {
  return text.split('\n').flatMap((lineText, index) => {
    const match = DISABLE.exec(lineText);
    if (!match?.[1]) return [];
    const words = match[1]
      .replace(/\*\/.*$|-->.*$/, '')
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean);
    const checks: string[] = [];
    while (words.length > 0 && CHECK_ID.test(words[0] ?? '')) checks.push(words.shift() ?? '');
    const reason = words
      .join(' ')
      .replace(/^(--|—|:)\s*/, '')
      .trim();
    return [{ file, line: index + 1, checks, reason }];
  });
}

/** A reason is at least four words of explanation, not just a check name. */
function hasReason(comment: DisableComment): boolean {
  return comment.checks.length > 0 && comment.reason.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length >= 4;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && SCANNED.test(entry.name) && !entry.parentPath.includes('node_modules'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `  ${f.rule} at src/${f.file}:${f.line}: ${f.message}`).join('\n');
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'berth-electronegativity-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('Electronegativity on src/', () => {
  it('finds nothing that an eng-disable comment with a reason does not explain', async () => {
    const { findings, parseErrors } = await scan(SOURCE, scratch);
    expect(parseErrors, 'files Electronegativity could not parse (so did not check)').toEqual([]);
    expect(
      findings,
      `Electronegativity findings (fix them, or add "// eng-disable <CHECK_ID> -- <why it is safe>" on the reported line):\n${describeFindings(findings)}`,
    ).toEqual([]);
  }, 180_000);

  it('every eng-disable comment names a check and says why', async () => {
    const comments = (
      await Promise.all((await sourceFiles(SOURCE)).map(async (file) => disableComments(path.relative(SOURCE, file), await readFile(file, 'utf8'))))
    ).flat();
    const unexplained = comments.filter((comment) => !hasReason(comment)).map((c) => `src/${c.file}:${c.line} ${c.checks.join(',') || '(no check id)'}`);
    expect(unexplained).toEqual([]);
  });
});

describe('the Electronegativity check is not vacuous', () => {
  it('reports insecure code, and an inline eng-disable removes only the finding it names', async () => {
    const fixture = await mkdtemp(path.join(scratch, 'fixture-'));
    const insecure = [
      "import { BrowserWindow, shell } from 'electron';",
      'export function open(url: string): void {',
      '  const window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } });',
      '  void window.loadURL(url);',
      '  void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK',
      '}',
    ].join('\n');
    await writeFile(path.join(fixture, 'main.ts'), insecure);
    const { findings, parseErrors } = await scan(fixture, scratch);
    const rules = new Set(findings.map((finding) => finding.rule));
    expect(parseErrors).toEqual([]);
    expect(rules).toContain('NODE_INTEGRATION_JS_CHECK');
    expect(rules).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(rules).toContain('WEB_SECURITY_JS_CHECK');
    expect(rules).not.toContain('OPEN_EXTERNAL_JS_CHECK');
    // …and that disable gives no reason, which the second test above refuses.
    const [comment] = disableComments('main.ts', insecure);
    expect(comment).toMatchObject({ checks: ['OPEN_EXTERNAL_JS_CHECK'], reason: '' });
    expect(comment && hasReason(comment)).toBe(false);
  }, 180_000);

  it('reads check ids and reasons from JS and HTML disables', () => {
    const comments = disableComments(
      'x',
      [
        'a(); // eng-disable PRELOAD_JS_CHECK -- reviewed: exposes only two functions',
        '<!-- eng-disable CSP_GLOBAL_CHECK the origin serves only the bundle --><meta>',
        'b(); /* eng-disable AUXCLICK_JS_CHECK, PRELOAD_JS_CHECK */',
      ].join('\n'),
    );
    expect(comments.map((c) => [c.checks, c.reason])).toEqual([
      [['PRELOAD_JS_CHECK'], 'reviewed: exposes only two functions'],
      [['CSP_GLOBAL_CHECK'], 'the origin serves only the bundle'],
      [['AUXCLICK_JS_CHECK', 'PRELOAD_JS_CHECK'], ''],
    ]);
    expect(comments.map(hasReason)).toEqual([true, true, false]);
  });
});
