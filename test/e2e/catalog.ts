// The UI's own text in e2e tests, from the catalogs the renderer uses: `say('ko', 'common:nav.images')`.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type Language = 'en' | 'ko';

const catalogs = new Map<string, unknown>();

export function say(language: Language, key: string, values: Record<string, string | number> = {}): string {
  const [namespace, dotted] = key.split(':') as [string, string];
  const file = path.resolve('src/renderer/i18n/locales', language, `${namespace}.json`);
  if (!catalogs.has(file)) catalogs.set(file, JSON.parse(readFileSync(file, 'utf8')));
  let node = catalogs.get(file);
  for (const part of dotted.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  // Plurals as i18next keeps them: `key_one`, `key_other` (Korean has only `_other`).
  if (node === undefined && typeof values.count === 'number') {
    return say(language, `${key}_${new Intl.PluralRules(language).select(values.count)}`, values);
  }
  if (typeof node !== 'string') throw new Error(`no string ${key} in ${language}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}
