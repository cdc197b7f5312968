/**
 * Reads a `docker run` / `docker create` command line into flag occurrences, the image and the
 * command, the way the docker CLI (pflag, with flags only before the image) reads its argv:
 * `--flag=value` and `--flag value`, `-p8080:80`, `-p=80`, combined one-letter flags (`-dit`,
 * `-itp 80:80`), `--rm=false`, `--` ending the flags. Words come from POSIX sh splitting.
 */
import { runFlag, longNameOf } from './run-flags';
import { splitCommandWords } from '../cli/shell-quote';

export interface FlagUse {
  /** The long name (`publish` for `-p`), or the name as written when the CLI does not know it. */
  long: string;
  /** As written: `-p`, `--publish`, `--net`. */
  written: string;
  /** A value flag's value, or a boolean's explicit `=value`. */
  value?: string;
  /** The CLI has no such flag. */
  unknown?: boolean;
  /** The value holds something sh would substitute (`$PWD`, `$(id -u)`), which only the user's shell can fill in. */
  expands?: boolean;
}

interface RunArgv {
  subcommand: 'run' | 'create';
  /** Words before `run` that are not `docker` itself (global options such as `--context x`). */
  globalWords: string[];
  flags: FlagUse[];
  image?: string;
  args: string[];
  /** What follows an operator (`> file`, `&& docker logs x`): not part of the docker command. */
  shellRest?: string;
}

export type RunArgvResult = { ok: true; argv: RunArgv } | { ok: false; error: string };

/** Leading words a copied line often carries: a prompt and sudo. */
const PREFIX_WORDS = new Set(['$', '#', 'sudo']);

function findSubcommand(words: string[]): { index: number; subcommand: 'run' | 'create'; globalWords: string[] } | undefined {
  let start = 0;
  while (start < words.length && PREFIX_WORDS.has(words[start]!)) start += 1;
  if (!/(^|\/)docker$/.test(words[start] ?? '')) return undefined;
  const globalWords: string[] = [];
  for (let i = start + 1; i < words.length; i += 1) {
    const word = words[i]!;
    if (word === 'run' || word === 'create') return { index: i + 1, subcommand: word, globalWords };
    if (word === 'container' && (words[i + 1] === 'run' || words[i + 1] === 'create')) {
      return { index: i + 2, subcommand: words[i + 1] as 'run' | 'create', globalWords };
    }
    globalWords.push(word);
  }
  return undefined;
}

/** `-dit`, `-p8080:80`, `-p=80`, `-itp 80:80`: each letter a flag until one takes the rest (or the next word) as its value. */
function readShortGroup(group: string, groupExpands: boolean, next: () => { word: string; expands: boolean } | undefined, flags: FlagUse[]): void {
  for (let i = 0; i < group.length; i += 1) {
    const letter = group.charAt(i);
    const long = longNameOf(letter);
    const flag = long ? runFlag(long) : undefined;
    if (!long || !flag) {
      flags.push({ long: letter, written: `-${letter}`, unknown: true });
      continue;
    }
    const rest = group.slice(i + 1);
    if (flag.kind === 'bool') {
      if (rest.startsWith('=')) {
        flags.push({ long, written: `-${letter}`, value: rest.slice(1) });
        return;
      }
      flags.push({ long, written: `-${letter}` });
      continue;
    }
    const taken = rest === '' ? next() : { word: rest.startsWith('=') ? rest.slice(1) : rest, expands: groupExpands };
    flags.push({ long, written: `-${letter}`, ...(taken ? { value: taken.word } : {}), ...(taken?.expands ? { expands: true } : {}) });
    return;
  }
}

export function readRunArgv(commandLine: string): RunArgvResult {
  const split = splitCommandWords(commandLine.replace(/\r\n?/g, '\n'));
  if (!split.ok) return { ok: false, error: split.error };
  const found = findSubcommand(split.words);
  if (!found) return { ok: false, error: 'Not a docker run or docker create command (it should start with "docker run").' };
  const words = split.words.slice(found.index);
  const expands = (split.expands ?? []).slice(found.index);
  const flags: FlagUse[] = [];
  let i = 0;
  const next = (): { word: string; expands: boolean } | undefined => {
    if (i >= words.length) return undefined;
    const taken = { word: words[i]!, expands: expands[i] ?? false };
    i += 1;
    return taken;
  };
  while (i < words.length) {
    const word = words[i]!;
    if (word === '--') {
      i += 1;
      break;
    }
    if (!word.startsWith('-') || word === '-') break;
    const wordExpands = expands[i] ?? false;
    i += 1;
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = eq === -1 ? word.slice(2) : word.slice(2, eq);
      const inline = eq === -1 ? undefined : { word: word.slice(eq + 1), expands: wordExpands };
      const flag = runFlag(name);
      const taken = inline ?? (flag?.kind === 'value' ? next() : undefined);
      flags.push({
        long: name,
        written: `--${name}`,
        ...(flag ? {} : { unknown: true }),
        ...(taken ? { value: taken.word } : {}),
        ...(taken?.expands ? { expands: true } : {}),
      });
      continue;
    }
    readShortGroup(word.slice(1), wordExpands, next, flags);
  }
  const [image, ...args] = words.slice(i);
  return {
    ok: true,
    argv: {
      subcommand: found.subcommand,
      globalWords: found.globalWords,
      flags,
      ...(image !== undefined ? { image } : {}),
      args,
      ...(split.rest ? { shellRest: split.rest } : {}),
    },
  };
}
