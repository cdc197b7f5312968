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

export type SplitShellWordsResult =
  | {
      ok: true;
      words: string[];
      /** splitCommandWords only: the line from the first operator on. */
      rest?: string;
      /** splitCommandWords only: per word, whether sh would expand part of it (`$HOME`, `$(pwd)`, backticks). */
      expands?: boolean[];
    }
  | { ok: false; error: string };

/** `$NAME`, `${…}`, `$(…)`, `$1`, `$?`: where sh substitutes (outside single quotes). */
const EXPANSION_AFTER_DOLLAR = /[A-Za-z_{(0-9@*#?$!-]/;

/** The end of a `$(…)` or `${…}` that starts at `open` (nesting counted), or -1. */
function closingOf(line: string, open: number): number {
  const [start, end] = line.charAt(open) === '(' ? ['(', ')'] : ['{', '}'];
  let depth = 0;
  for (let i = open; i < line.length; i += 1) {
    if (line.charAt(i) === start) depth += 1;
    else if (line.charAt(i) === end) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** sh control and redirection operators: where a pasted command's own words end. */
const OPERATOR_START = new Set(['|', '&', ';', '<', '>']);

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
  return splitWords(line, false);
}

/**
 * As splitShellWords, but the words end at the first unquoted operator (`|`, `&&`, `;`, `>`,
 * `2>&1`, …), as the command sh would run ends there: the rest of the line is returned apart.
 */
export function splitCommandWords(line: string): SplitShellWordsResult {
  return splitWords(line, true);
}

function splitWords(line: string, stopAtOperator: boolean): SplitShellWordsResult {
  const words: string[] = [];
  const expands: boolean[] = [];
  let current = '';
  let inWord = false;
  let expanding = false;
  let i = 0;
  const finish = (): void => {
    words.push(current);
    expands.push(expanding);
    current = '';
    inWord = false;
    expanding = false;
  };
  const done = (rest?: string): SplitShellWordsResult => (stopAtOperator ? { ok: true, words, expands, ...(rest ? { rest } : {}) } : { ok: true, words });

  while (i < line.length) {
    const char = line.charAt(i);

    if (stopAtOperator && OPERATOR_START.has(char)) {
      // `2>` redirects a file descriptor: the digits before it belong to the operator.
      const descriptor = inWord && /^\d+$/.test(current) && (char === '<' || char === '>') ? current : '';
      if (inWord && descriptor === '') finish();
      return done(`${descriptor}${line.slice(i)}`.trim());
    }

    if (isSeparator(char)) {
      if (inWord) finish();
      i += 1;
      continue;
    }

    if (stopAtOperator && (char === '`' || (char === '$' && EXPANSION_AFTER_DOLLAR.test(line.charAt(i + 1))))) {
      // Kept as written, as one word even with blanks inside (`$(id -u)`), and marked.
      const open = i + 1;
      const close = char === '`' ? line.indexOf('`', open) : '({'.includes(line.charAt(open)) ? closingOf(line, open) : i;
      const end = close === -1 ? line.length - 1 : close;
      current += line.slice(i, end + 1);
      inWord = true;
      expanding = true;
      i = end + 1;
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
        if (inner === '`' || (inner === '$' && EXPANSION_AFTER_DOLLAR.test(line.charAt(i + 1)))) expanding = true;
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

  if (inWord) finish();
  return done();
}
