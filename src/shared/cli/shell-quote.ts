/**
 * POSIX sh quoting and word splitting, for showing copyable docker CLI commands and for reading the
 * create form's command field. Pure string code: no Node, no DOM.
 */

/**
 * Words that never need quoting in sh: [A-Za-z0-9_./:=@%+,-] only, and not starting with `=`
 * (zsh expands a leading `=ls` to the path of `ls`).
 */
const SAFE_WORD = /^[A-Za-z0-9_./:@%+,-][A-Za-z0-9_./:=@%+,-]*$/;

/**
 * Quotes one word so that sh (and zsh) reads it back as exactly that word: bare when SAFE_WORD
 * allows it, else in single quotes (a `'` inside becomes `'\''`).
 */
export function quoteShellWord(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Quotes each word and joins them with single spaces. */
export function joinShellWords(words: readonly string[]): string {
  return words.map(quoteShellWord).join(' ');
}

/** `--` before a positional word that would read as a flag (a container or file named `-x`). */
export function positionalWords(word: string): string[] {
  return word.startsWith('-') ? ['--', word] : [word];
}

export type SplitShellWordsResult = { ok: true; words: string[] } | { ok: false; error: string };

/** Word separators: blank and newline (not \r, \v or \f, which sh does not split on either). */
function isSeparator(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n';
}

/** What a backslash escapes inside double quotes (backslash-newline, removed, is handled apart). */
const DOUBLE_QUOTE_ESCAPABLE = new Set(['"', '\\', '$', '`']);

/**
 * Splits a command line into words the way sh does before expansion: words are separated by
 * spaces, tabs and newlines; `'…'` is literal; inside `"…"` a backslash escapes only `"`, `\`,
 * `$` and backtick (and removes a following newline); outside quotes a backslash escapes any
 * character (backslash-newline is removed). Quoted parts join the adjacent characters into one
 * word, and `''` or `""` alone is an empty word.
 *
 * Nothing is expanded: `$HOME`, backticks, `~` and globs stay literal characters, and so do
 * operators (`;`, `|`, `&`, `<`, `>`, parentheses) and `#`. A lone backslash at the very end is
 * kept, as sh keeps it. Unlike sh, where an unquoted newline ends the command, a newline here
 * separates words like a space (the field may span lines). An unterminated quote is an error.
 */
export function splitShellWords(line: string): SplitShellWordsResult {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let i = 0;

  while (i < line.length) {
    const char = line.charAt(i);

    if (isSeparator(char)) {
      if (inWord) {
        words.push(current);
        current = '';
        inWord = false;
      }
      i += 1;
      continue;
    }

    if (char === '\\') {
      if (i + 1 >= line.length) {
        // sh keeps a trailing lone backslash as a literal character.
        current += '\\';
        inWord = true;
        i += 1;
        continue;
      }
      const next = line.charAt(i + 1);
      if (next !== '\n') {
        current += next;
        inWord = true;
      }
      // backslash-newline is a line continuation: both characters disappear.
      i += 2;
      continue;
    }

    if (char === "'") {
      const close = line.indexOf("'", i + 1);
      if (close === -1) {
        return { ok: false, error: `Unterminated single quote (opened at character ${i + 1}).` };
      }
      current += line.slice(i + 1, close);
      inWord = true;
      i = close + 1;
      continue;
    }

    if (char === '"') {
      const opened = i;
      i += 1;
      let closed = false;
      while (i < line.length) {
        const inner = line.charAt(i);
        if (inner === '"') {
          closed = true;
          i += 1;
          break;
        }
        if (inner === '\\' && i + 1 < line.length) {
          const next = line.charAt(i + 1);
          if (DOUBLE_QUOTE_ESCAPABLE.has(next)) {
            current += next;
            i += 2;
            continue;
          }
          if (next === '\n') {
            i += 2;
            continue;
          }
        }
        current += inner;
        i += 1;
      }
      if (!closed) {
        return { ok: false, error: `Unterminated double quote (opened at character ${opened + 1}).` };
      }
      inWord = true;
      continue;
    }

    current += char;
    inWord = true;
    i += 1;
  }

  if (inWord) words.push(current);
  return { ok: true, words };
}
