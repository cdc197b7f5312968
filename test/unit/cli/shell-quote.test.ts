import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { joinShellWords, quoteShellWord, splitShellWords } from '../../../src/shared/cli/shell-quote';

/** The words real /bin/sh makes of `line` (no expansion may happen in it). */
function shWords(line: string): string[] {
  const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

function words(line: string): string[] {
  const result = splitShellWords(line);
  if (!result.ok) throw new Error(`unexpected error: ${result.error}`);
  return result.words;
}

const TRICKY = [
  '',
  ' ',
  "'",
  "''",
  '"',
  '\\',
  '$HOME',
  '${HOME}',
  '`id`',
  '$(id)',
  'a\nb',
  '\n',
  '\t',
  'héllo wörld ✓ 日本',
  '-rf',
  '--name=x',
  '~',
  '*',
  '?',
  '[a]',
  '#comment',
  'a;b|c&d<e>f(g)',
  'it\'s "quoted"',
  '!',
  '\\n',
  'x\\',
  '\r',
];

describe('quoteShellWord', () => {
  it('leaves safe words bare', () => {
    expect(quoteShellWord('abc')).toBe('abc');
    expect(quoteShellWord('/usr/bin/env')).toBe('/usr/bin/env');
    expect(quoteShellWord('KEY=value')).toBe('KEY=value');
    expect(quoteShellWord('user@host:1,2+3%')).toBe('user@host:1,2+3%');
    expect(quoteShellWord('-rf')).toBe('-rf');
    expect(quoteShellWord('--name')).toBe('--name');
    expect(quoteShellWord('127.0.0.1:8080:80')).toBe('127.0.0.1:8080:80');
  });

  it('quotes the empty string', () => {
    expect(quoteShellWord('')).toBe("''");
  });

  it('escapes single quotes', () => {
    expect(quoteShellWord("'")).toBe(`''\\'''`);
    expect(quoteShellWord("it's")).toBe(`'it'\\''s'`);
  });

  it('single-quotes everything else', () => {
    expect(quoteShellWord('"')).toBe(`'"'`);
    expect(quoteShellWord('$HOME')).toBe(`'$HOME'`);
    expect(quoteShellWord('`id`')).toBe("'`id`'");
    expect(quoteShellWord('a\nb')).toBe("'a\nb'");
    expect(quoteShellWord('héllo')).toBe("'héllo'");
    expect(quoteShellWord('a b')).toBe("'a b'");
    expect(quoteShellWord('~')).toBe("'~'");
    expect(quoteShellWord('*.txt')).toBe("'*.txt'");
    expect(quoteShellWord('\\')).toBe("'\\'");
    expect(quoteShellWord('[::1]:80:80')).toBe("'[::1]:80:80'");
  });

  it('quotes a word that starts with = (zsh expands =ls to the path of ls)', () => {
    expect(quoteShellWord('=ls')).toBe("'=ls'");
    expect(quoteShellWord('=')).toBe("'='");
    expect(quoteShellWord('==x')).toBe("'==x'");
    expect(quoteShellWord('KEY=value')).toBe('KEY=value');
    expect(quoteShellWord('--opt=x')).toBe('--opt=x');
    expect(joinShellWords(['echo', '=ls'])).toBe("echo '=ls'");
  });

  it('joins quoted words with spaces', () => {
    expect(joinShellWords(['echo', 'a b', '', "'"])).toBe(`echo 'a b' '' ''\\'''`);
    expect(joinShellWords([])).toBe('');
  });
});

describe('splitShellWords', () => {
  it('splits on spaces, tabs and newlines', () => {
    expect(words('echo  hello\tworld\n x')).toEqual(['echo', 'hello', 'world', 'x']);
    expect(words('  lead and trail  ')).toEqual(['lead', 'and', 'trail']);
  });

  it('returns no words for empty or blank input', () => {
    expect(words('')).toEqual([]);
    expect(words(' \t\n ')).toEqual([]);
  });

  it('keeps single-quoted text literal', () => {
    expect(words(`'a b' 'c\\d' '$x "y"'`)).toEqual(['a b', 'c\\d', '$x "y"']);
  });

  it('handles backslash escapes in double quotes', () => {
    expect(words('"a \\"b\\" \\\\ \\$x \\`y\\`"')).toEqual(['a "b" \\ $x `y`']);
    expect(words('"a\\qb\\n"')).toEqual(['a\\qb\\n']);
    expect(words('"line\\\nnext"')).toEqual(['linenext']);
  });

  it('handles backslash escapes outside quotes', () => {
    expect(words('a\\ b c\\\\d \\"e\\\' \\q')).toEqual(['a b', 'c\\d', `"e'`, 'q']);
    expect(words('one\\\ntwo')).toEqual(['onetwo']);
    expect(words('trailing\\')).toEqual(['trailing\\']);
  });

  it('joins adjacent quoted parts into one word', () => {
    expect(words(`a'b'"c"d`)).toEqual(['abcd']);
    expect(words(`'it'\\''s'`)).toEqual(["it's"]);
  });

  it('keeps empty quoted words', () => {
    expect(words(`'' "" x ''`)).toEqual(['', '', 'x', '']);
  });

  it('expands nothing and treats operators literally', () => {
    expect(words('$HOME `id` ~ *.txt a;b #c')).toEqual(['$HOME', '`id`', '~', '*.txt', 'a;b', '#c']);
  });

  it('keeps unicode intact', () => {
    expect(words('héllo "wörld ✓" 日本')).toEqual(['héllo', 'wörld ✓', '日本']);
  });

  it('refuses unterminated quotes', () => {
    expect(splitShellWords(`echo 'abc`)).toEqual({ ok: false, error: 'Unterminated single quote (opened at character 6).' });
    expect(splitShellWords(`"abc`)).toEqual({ ok: false, error: 'Unterminated double quote (opened at character 1).' });
    expect(splitShellWords(`"a\\"`)).toEqual({ ok: false, error: 'Unterminated double quote (opened at character 1).' });
    expect(splitShellWords(`"it's`).ok).toBe(false);
  });
});

describe('round trip', () => {
  it('splitShellWords reads quoted words back unchanged', () => {
    expect(words(joinShellWords(TRICKY))).toEqual(TRICKY);
    for (const word of TRICKY) expect(words(quoteShellWord(word))).toEqual([word]);
  });

  it('holds for generated words', () => {
    const alphabet = ['a', 'Z', '0', ' ', "'", '"', '\\', '$', '`', '\n', '\t', '-', '=', '#', '*', 'é', '✓', '!', ';', '~'];
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 300; round += 1) {
      const generated = Array.from({ length: 1 + next(5) }, () => Array.from({ length: next(8) }, () => alphabet[next(alphabet.length)] ?? '').join(''));
      expect(words(joinShellWords(generated))).toEqual(generated);
    }
  });

  it('real sh reads quoted words back unchanged', () => {
    expect(shWords(joinShellWords(TRICKY))).toEqual(TRICKY);
  });

  // Not compared: an unquoted newline, which ends the command in sh and separates words here.
  it('agrees with real sh on hand-written lines', () => {
    const lines = [
      `a 'b c' "d \\" e" f\\ g`,
      `"a\\\\b" 'x'\\''y' ""`,
      `"\\$x" \\$y "\\\`z\\\`"`,
      `"a\\qb" a\\qb`,
      `one\\\ntwo "three\\\nfour"`,
      `tab\tsep`,
      `héllo "wörld ✓"`,
      `end\\`,
    ];
    for (const line of lines) expect(words(line)).toEqual(shWords(line));
  });
});
