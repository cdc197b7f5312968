// Placeholders must not read as values already filled in: an example says "e.g." (Korean "예:"),
// a default says "default:" ("기본값:"), anything else is a phrase that describes the field.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = path.resolve('src/renderer/i18n/locales');
type Catalog = { [key: string]: string | Catalog };

/** Every placeholder of a language: `file:key.path` -> text (keys named *placeholder, or under a `placeholder` object). */
function placeholders(language: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (catalog: Catalog, where: string, inPlaceholder: boolean): void => {
    for (const [key, value] of Object.entries(catalog)) {
      const full = `${where}.${key}`;
      const isPlaceholder = inPlaceholder || /placeholder$/i.test(key);
      if (typeof value === 'string') {
        if (isPlaceholder) found.set(full, value);
      } else walk(value, full, isPlaceholder);
    }
  };
  for (const file of readdirSync(path.join(LOCALES, language)).filter((name) => name.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(path.join(LOCALES, language, file), 'utf8')) as Catalog, file.replace(/\.json$/, ''), false);
  }
  return found;
}

/** A phrase: a capitalised sentence ("Filter by name"), or a few lowercase words ("the container's shell"). */
const DESCRIBES = /^([A-Z][a-z]+( \S|$)|[a-z]+('s)? [a-z]|random$|now$|empty: )/;

describe('placeholders', () => {
  const english = placeholders('en');
  const korean = placeholders('ko');

  it('in English: an example starts with "e.g.", a default with "default:", else it describes the field', () => {
    const readAsValues = [...english].filter(([, text]) => !/^(e\.g\. |default: )/.test(text) && !DESCRIBES.test(text));
    expect(readAsValues).toEqual([]);
    expect(english.size).toBeGreaterThan(20);
  });

  it('in Korean: the same examples and defaults are marked as such', () => {
    for (const [key, text] of english) {
      if (text.startsWith('e.g. ')) expect(korean.get(key), key).toMatch(/^예: /);
      if (text.startsWith('default: ')) expect(korean.get(key), key).toMatch(/^기본값: /);
    }
  });

  it('no internal test names in what users read', () => {
    for (const language of ['en', 'ko']) {
      for (const file of readdirSync(path.join(LOCALES, language))) {
        expect(readFileSync(path.join(LOCALES, language, file), 'utf8'), `${language}/${file}`).not.toMatch(/berth-test/);
      }
    }
  });
});
