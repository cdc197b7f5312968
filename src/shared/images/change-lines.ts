/**
 * The `--change` lines of `docker import` and `docker commit`: Dockerfile instructions applied to
 * the new image's config. The engine accepts some mistakes silently (a CMD with broken JSON becomes
 * a shell-form command), so every line is checked here, in the form and again in main.
 */

const CHANGE_INSTRUCTIONS = ['CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'WORKDIR', 'USER', 'VOLUME', 'LABEL', 'ONBUILD'] as const;
type ChangeInstruction = (typeof CHANGE_INSTRUCTIONS)[number];

/** Instructions an ONBUILD trigger may run later (a Dockerfile's, minus the ones ONBUILD forbids). */
const ONBUILD_TRIGGERS = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'HEALTHCHECK',
  'LABEL',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

export interface KeyValue {
  key: string;
  value: string;
}

/** The change form's state: what each instruction should set on the new image. Empty = leave unset. */
export interface ImageChanges {
  /** Exec form (`["/bin/echo","hello"]`) or shell form (`echo hello`). */
  cmd: string;
  entrypoint: string;
  env: KeyValue[];
  /** `80`, `80/tcp`, `53/udp`, `8000-8010/tcp`. */
  expose: string[];
  workdir: string;
  user: string;
  volumes: string[];
  labels: KeyValue[];
  /** Each a Dockerfile instruction, e.g. `RUN echo hi`. */
  onbuild: string[];
}

export const EMPTY_CHANGES: ImageChanges = Object.freeze({
  cmd: '',
  entrypoint: '',
  env: [],
  expose: [],
  workdir: '',
  user: '',
  volumes: [],
  labels: [],
  onbuild: [],
}) as ImageChanges;

const ENV_KEY = /^[^\s="'\\]+$/;
const PORT_SPEC = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/(tcp|udp|sctp))?$/i;

/** Dockerfile words: split on unquoted whitespace; quotes and backslashes are kept. Null when a quote is left open. */
function splitWords(text: string): string[] | null {
  const words: string[] = [];
  let word = '';
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && quote !== "'" && i + 1 < text.length) {
      word += ch + text[i + 1];
      i += 1;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = null;
      word += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      word += ch;
      continue;
    }
    if (/\s/.test(ch)) {
      if (word) words.push(word);
      word = '';
      continue;
    }
    word += ch;
  }
  if (quote) return null;
  if (word) words.push(word);
  return words;
}

function jsonStringArray(text: string): string[] | null {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
  } catch {
    return null;
  }
}

function commandProblem(name: string, args: string): string | undefined {
  if (args.startsWith('[')) {
    if (!jsonStringArray(args)) return `${name} in exec form must be a JSON array of strings, e.g. ["/bin/echo","hello"] (double quotes, no trailing comma).`;
    return undefined;
  }
  return args ? undefined : `${name} needs a command: exec form ["/bin/echo","hello"] or shell form echo hello.`;
}

function pairsProblem(name: string, args: string, allowLegacy: boolean): string | undefined {
  const words = splitWords(args);
  if (words === null) return `${name} has a quote that is not closed.`;
  if (words.length === 0) return `${name} needs at least one KEY=value.`;
  if (allowLegacy && !words[0]!.includes('=')) {
    // `ENV KEY value`: the old form, one variable whose value is the rest of the line.
    return ENV_KEY.test(words[0]!) && words.length > 1 ? undefined : `${name} is written KEY=value (or KEY value).`;
  }
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq <= 0) return `${name} is written KEY=value; "${word}" has no key or no =.`;
  }
  return undefined;
}

function exposeProblem(args: string): string | undefined {
  const specs = args.split(/\s+/).filter(Boolean);
  if (specs.length === 0) return 'EXPOSE needs a port, e.g. 80 or 53/udp.';
  for (const spec of specs) {
    const match = PORT_SPEC.exec(spec);
    const low = Number(match?.[1]);
    const high = match?.[2] === undefined ? low : Number(match[2]);
    if (!match || low < 1 || high > 65535 || high < low) return `EXPOSE: "${spec}" is not a port (1-65535), a range, or port/tcp|udp|sctp.`;
  }
  return undefined;
}

function volumeProblem(args: string): string | undefined {
  if (args.startsWith('[')) {
    const paths = jsonStringArray(args);
    if (!paths || paths.length === 0 || paths.some((p) => p.trim() === '')) return 'VOLUME in JSON form must be a non-empty array of paths.';
    return undefined;
  }
  return args ? undefined : 'VOLUME needs a path, e.g. /data.';
}

/** Why one `--change` line would be refused or misread, or undefined when it is fine. */
export function changeLineProblem(line: string): string | undefined {
  if (/[\r\n\0]/.test(line)) return 'A change is one line.';
  const trimmed = line.trim();
  const match = /^(\S+)(?:\s+([\s\S]*))?$/.exec(trimmed);
  if (!match) return 'A change is an instruction and its arguments, e.g. CMD ["/bin/sh"].';
  const name = match[1]!.toUpperCase();
  const args = (match[2] ?? '').trim();
  switch (name as ChangeInstruction) {
    case 'CMD':
    case 'ENTRYPOINT':
      return commandProblem(name, args);
    case 'ENV':
      return pairsProblem('ENV', args, true);
    case 'LABEL':
      return pairsProblem('LABEL', args, false);
    case 'EXPOSE':
      return exposeProblem(args);
    case 'VOLUME':
      return volumeProblem(args);
    case 'WORKDIR':
      return args ? undefined : 'WORKDIR needs a path, e.g. /app.';
    case 'USER':
      return /^[^\s:]+(:[^\s:]+)?$/.test(args) ? undefined : 'USER is a user name or id, optionally :group, without spaces.';
    case 'ONBUILD': {
      const trigger = /^(\S+)\s+\S/.exec(args)?.[1]?.toUpperCase();
      if (!trigger) return 'ONBUILD needs an instruction with its arguments, e.g. ONBUILD RUN echo hi.';
      return ONBUILD_TRIGGERS.has(trigger) ? undefined : `ONBUILD cannot run ${trigger}.`;
    }
    default:
      return `${match[1]} is not a change docker accepts here; use ${CHANGE_INSTRUCTIONS.join(', ')}.`;
  }
}

/** A value in double quotes as the Dockerfile parser reads it back unchanged (no $ expansion). */
export function quoteDockerfileValue(value: string): string {
  return `"${value.replace(/[\\"$]/g, (ch) => `\\${ch}`)}"`;
}

/** The form's state as `--change` lines, in a stable order; empty fields give no line. */
export function changeLines(changes: ImageChanges): string[] {
  const lines: string[] = [];
  const cmd = changes.cmd.trim();
  const entrypoint = changes.entrypoint.trim();
  if (entrypoint) lines.push(`ENTRYPOINT ${entrypoint}`);
  if (cmd) lines.push(`CMD ${cmd}`);
  for (const { key, value } of changes.env) if (key.trim()) lines.push(`ENV ${key.trim()}=${quoteDockerfileValue(value)}`);
  const ports = changes.expose.map((p) => p.trim()).filter(Boolean);
  if (ports.length) lines.push(`EXPOSE ${ports.join(' ')}`);
  if (changes.workdir.trim()) lines.push(`WORKDIR ${changes.workdir.trim()}`);
  if (changes.user.trim()) lines.push(`USER ${changes.user.trim()}`);
  const volumes = changes.volumes.map((v) => v.trim()).filter(Boolean);
  if (volumes.length) lines.push(`VOLUME ${JSON.stringify(volumes)}`);
  for (const { key, value } of changes.labels) if (key.trim()) lines.push(`LABEL ${quoteDockerfileValue(key.trim())}=${quoteDockerfileValue(value)}`);
  for (const trigger of changes.onbuild) if (trigger.trim()) lines.push(`ONBUILD ${trigger.trim()}`);
  return lines;
}

/** True when the image would have neither CMD nor ENTRYPOINT: `docker run` would need a command. */
export function hasNoCommand(changes: ImageChanges): boolean {
  return changes.cmd.trim() === '' && changes.entrypoint.trim() === '';
}
