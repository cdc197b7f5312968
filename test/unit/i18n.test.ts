import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, languageForLocale } from '../../src/shared/languages';

const LOCALES = path.resolve('src/renderer/i18n/locales');
const RENDERER = path.resolve('src/renderer');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Catalog = { [key: string]: string | Catalog };

function readCatalogs(language: string): Record<string, Catalog> {
  const dir = path.join(LOCALES, language);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Catalog]),
  );
}

/** Leaf keys, with plural suffixes folded (Korean has only `_other` where English has `_one` too). */
function leafKeys(catalog: Catalog, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.add(full.replace(PLURAL_SUFFIX, ''));
    else for (const nested of leafKeys(value, full)) keys.add(nested);
  }
  return keys;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

const catalogsByLanguage = Object.fromEntries(LANGUAGES.map((language) => [language, readCatalogs(language)]));
const en = catalogsByLanguage.en!;

describe('translation catalogs', () => {
  it('exist for exactly the languages of shared/languages.ts, in the renderer and in main', () => {
    expect(readdirSync(LOCALES).sort()).toEqual([...LANGUAGES].sort());
    const mainLocales = readdirSync(path.resolve('src/main/electron/locales')).map((file) => file.replace(/\.ts$/, ''));
    expect(mainLocales.sort()).toEqual([...LANGUAGES].sort());
  });

  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    const other = catalogsByLanguage[language]!;
    it(`${language}: has the same namespaces as English`, () => {
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    });

    for (const namespace of Object.keys(en)) {
      it(`${language}: ${namespace}: every key exists in both languages`, () => {
        const enKeys = leafKeys(en[namespace] ?? {});
        const otherKeys = leafKeys(other[namespace] ?? {});
        expect(
          [...enKeys].filter((key) => !otherKeys.has(key)),
          `missing in ${language}`,
        ).toEqual([]);
        expect(
          [...otherKeys].filter((key) => !enKeys.has(key)),
          'missing in en',
        ).toEqual([]);
      });
    }
  }

  it('pick the language a locale tag names, English otherwise', () => {
    expect(languageForLocale('ko-KR')).toBe('ko');
    expect(languageForLocale('ko')).toBe('ko');
    expect(languageForLocale('en_GB')).toBe('en');
    expect(languageForLocale('de-DE')).toBe('en');
    // A language whose code starts like a supported one is not it.
    expect(languageForLocale('kok-IN')).toBe('en');
  });

  it('have no empty strings', () => {
    const empty: string[] = [];
    const walk = (catalog: Catalog, where: string): void => {
      for (const [key, value] of Object.entries(catalog)) {
        if (typeof value === 'string') {
          if (!value.trim()) empty.push(`${where}.${key}`);
        } else walk(value, `${where}.${key}`);
      }
    };
    for (const [language, catalogs] of Object.entries(catalogsByLanguage))
      for (const [ns, catalog] of Object.entries(catalogs)) walk(catalog, `${language}:${ns}`);
    expect(empty).toEqual([]);
  });
});

/** Attributes whose text a person reads or hears. */
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'label']);
const HAS_LETTERS = /\p{L}/u;

interface Finding {
  file: string;
  line: number;
  text: string;
}

function scan(file: string): { hardCoded: Finding[]; keys: Array<Finding & { namespace: string; isPrefix: boolean }> } {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const hardCoded: Finding[] = [];
  const keys: Array<Finding & { namespace: string; isPrefix: boolean }> = [];
  const relative = path.relative(process.cwd(), file);
  const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const translators = new Map<string, string>();

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && HAS_LETTERS.test(node.text)) {
      hardCoded.push({ file: relative, line: lineOf(node), text: node.text.trim() });
    }
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
          ? init.expression.text
          : undefined;
      if (literal !== undefined && HAS_LETTERS.test(literal)) hardCoded.push({ file: relative, line: lineOf(node), text: literal });
    }
    // `const { t } = useTranslation('ns')` and `const { t: tc } = useTranslation('other')`.
    if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer && ts.isCallExpression(node.initializer)) {
      const call = node.initializer;
      const [first] = call.arguments;
      if (ts.isIdentifier(call.expression) && call.expression.text === 'useTranslation') {
        const ns = first && ts.isStringLiteral(first) ? first.text : 'common';
        for (const element of node.name.elements) {
          const property = element.propertyName?.getText() ?? element.name.getText();
          if (property === 't') translators.set(element.name.getText(), ns);
        }
      }
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && (translators.has(node.expression.text) || node.expression.text === 't')) {
      const [first] = node.arguments;
      const namespace = translators.get(node.expression.text) ?? 'common';
      if (first && ts.isStringLiteral(first)) keys.push({ file: relative, line: lineOf(node), text: first.text, namespace, isPrefix: false });
      else if (first && ts.isTemplateExpression(first) && first.head.text)
        keys.push({ file: relative, line: lineOf(node), text: first.head.text.replace(/\.$/, ''), namespace, isPrefix: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { hardCoded, keys };
}

function lookup(catalog: Catalog | undefined, dotted: string): string | Catalog | undefined {
  let current: string | Catalog | undefined = catalog;
  for (const part of dotted.split('.')) {
    if (current === undefined || typeof current === 'string') return undefined;
    current = current[part] ?? current[`${part}_other`];
  }
  return current;
}

describe('renderer text', () => {
  const scans = sourceFiles(RENDERER).map(scan);

  it('renders no hard-coded user-visible strings (everything goes through i18next)', () => {
    expect(scans.flatMap((s) => s.hardCoded).map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('uses only keys that exist in the English catalog', () => {
    const missing = scans
      .flatMap((s) => s.keys)
      .filter((key) => {
        const [ns, rest] = key.text.includes(':') ? key.text.split(':', 2) : [key.namespace, key.text];
        const found = lookup(en[ns ?? 'common'], rest ?? '');
        return key.isPrefix ? typeof found !== 'object' : found === undefined;
      })
      .map((key) => `${key.file}:${key.line} ${key.namespace}:${key.text}`);
    expect(missing).toEqual([]);
  });

  it('the scanner finds hard-coded text when there is some', () => {
    const probe = path.join(tmpdir(), `berth-i18n-probe-${process.pid}.tsx`);
    writeFileSync(probe, 'export const X = () => <button title="Stop it" aria-label={t(\'ok\')}>Stop</button>;');
    try {
      expect(scan(probe).hardCoded.map((f) => f.text)).toEqual(['Stop it', 'Stop']);
    } finally {
      rmSync(probe, { force: true });
    }
  });
});
