/** `key=value` per line, as the create dialogs' driver options and labels take them (empty lines skipped); the line number of the first that is not. */
export type KeyValueLines = { ok: true; values: Record<string, string> } | { ok: false; line: number };

export function parseKeyValueLines(text: string): KeyValueLines {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const equals = line.indexOf('=');
    const key = (equals < 0 ? line : line.slice(0, equals)).trim();
    if (!key || /[\s=]/.test(key)) return { ok: false, line: index + 1 };
    values[key] = equals < 0 ? '' : line.slice(equals + 1);
  }
  return { ok: true, values };
}
