/**
 * `containers.parseRun`: a pasted `docker run` / `docker create` line as the create spec. Every flag
 * Berth has a field for fills it; every other flag (and a known flag whose value Berth cannot
 * take) is named in `unsupported` with its value, never dropped.
 */
import type { CreateContainerSpec, ParsedRunLine } from '../contract';
import type { UnsupportedFlag } from '../types/containers';
import { readRunArgv, type FlagUse } from './run-argv';
import { runFlag } from './run-flags';
import { parseGoBool, readMount, readPublish, readRestart, readVolume, type Read } from './run-values';
import { parseByteSize, parseCpus, parseGoDuration } from './units';

type Spec = CreateContainerSpec;
type Health = NonNullable<Spec['healthcheck']>;

/** Flags that change how the CLI itself behaves, not the container: nothing to fill, nothing lost. */
const CLIENT_ONLY = new Set(['detach', 'quiet']);

export type ParseRunResult = { ok: true; parsed: ParsedRunLine } | { ok: false; error: string };

interface Builder {
  spec: Spec;
  health: Health;
  logDriver?: string;
  logOptions: Array<{ use: FlagUse; key: string; value: string }>;
}

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (reason: string): Read<never> => ({ ok: false, reason });

function readInteger(text: string): Read<number> {
  return /^[+-]?\d+$/.test(text.trim()) && Number.isSafeInteger(Number(text)) ? ok(Number(text)) : bad('not a whole number');
}

function readBytes(text: string): Read<number> {
  const bytes = parseByteSize(text);
  return bytes === undefined ? bad('not a size (such as 64m or 1g)') : ok(bytes);
}

function readDuration(text: string): Read<number> {
  const ns = parseGoDuration(text);
  return ns === undefined ? bad('not a duration (such as 30s or 1m30s)') : ok(ns);
}

/** `KEY=value`, or `KEY` alone (taken from the shell's environment, which Berth does not have). */
function readEnv(text: string): Read<{ key: string; value: string }> {
  const eq = text.indexOf('=');
  if (eq === -1) return bad('takes its value from your shell environment');
  return ok({ key: text.slice(0, eq), value: text.slice(eq + 1) });
}

function push<K extends 'env' | 'ports' | 'mounts' | 'tmpfs' | 'capAdd' | 'capDrop'>(spec: Spec, key: K, item: NonNullable<Spec[K]>[number]): void {
  const list = (spec[key] ?? []) as Array<NonNullable<Spec[K]>[number]>;
  list.push(item);
  (spec as Record<K, unknown>)[key] = list;
}

/** Fills the spec from one value flag; a refusal names why. */
function applyValue(b: Builder, use: FlagUse, value: string): Read<true> | undefined {
  const spec = b.spec;
  const set = <T>(read: Read<T>, apply: (v: T) => void): Read<true> => {
    if (!read.ok) return read;
    apply(read.value);
    return ok(true);
  };
  switch (use.long) {
    case 'name':
      spec.name = value;
      return ok(true);
    case 'pull':
      if (value !== 'missing' && value !== 'always' && value !== 'never') return bad('not missing, always or never');
      spec.pull = value;
      return ok(true);
    case 'env':
      return set(readEnv(value), (v) => push(spec, 'env', v));
    case 'publish':
      return set(readPublish(value), (v) => push(spec, 'ports', v));
    case 'volume':
      return set(readVolume(value), (v) => push(spec, 'mounts', v));
    case 'mount':
      return set(readMount(value), (v) => push(spec, 'mounts', v));
    case 'restart':
      return set(readRestart(value), (v) => (spec.restartPolicy = v));
    case 'memory':
      return set(readBytes(value), (v) => (spec.resources = { ...spec.resources, memoryBytes: v }));
    case 'cpus': {
      const nano = parseCpus(value);
      return nano === undefined ? bad('not a number of CPUs') : set(ok(nano), (v) => (spec.resources = { ...spec.resources, nanoCpus: v }));
    }
    case 'pids-limit':
      return set(readInteger(value), (v) => {
        const resources = { ...spec.resources };
        // 0 and -1 are "no limit", the default.
        if (v > 0) resources.pidsLimit = v;
        else delete resources.pidsLimit;
        spec.resources = resources;
      });
    case 'label': {
      const eq = value.indexOf('=');
      spec.labels = { ...spec.labels, [eq === -1 ? value : value.slice(0, eq)]: eq === -1 ? '' : value.slice(eq + 1) };
      return ok(true);
    }
    case 'workdir':
      spec.workingDir = value;
      return ok(true);
    case 'user':
      spec.user = value;
      return ok(true);
    case 'entrypoint':
      spec.entrypoint = [value];
      return ok(true);
    case 'hostname':
      spec.hostname = value;
      return ok(true);
    case 'net':
    case 'network':
      if (value.includes('=')) return bad('per-network options are not supported');
      spec.network = value;
      return ok(true);
    case 'tmpfs': {
      const colon = value.indexOf(':');
      push(spec, 'tmpfs', colon === -1 ? { target: value } : { target: value.slice(0, colon), options: value.slice(colon + 1) });
      return ok(true);
    }
    case 'shm-size':
      return set(readBytes(value), (v) => (spec.shmSizeBytes = v));
    case 'cap-add':
    case 'cap-drop':
      for (const cap of value.split(',')) push(spec, use.long === 'cap-add' ? 'capAdd' : 'capDrop', cap);
      return ok(true);
    case 'health-cmd':
      b.health.command = value;
      return ok(true);
    case 'health-interval':
      return set(readDuration(value), (v) => (b.health.intervalNs = v));
    case 'health-timeout':
      return set(readDuration(value), (v) => (b.health.timeoutNs = v));
    case 'health-start-period':
      return set(readDuration(value), (v) => (b.health.startPeriodNs = v));
    case 'health-retries':
      return set(readInteger(value), (v) => (b.health.retries = v));
    case 'log-driver':
      b.logDriver = value;
      return ok(true);
    case 'log-opt': {
      const eq = value.indexOf('=');
      if (eq === -1) return bad('not key=value');
      b.logOptions.push({ use, key: value.slice(0, eq), value: value.slice(eq + 1) });
      return ok(true);
    }
    default:
      return undefined;
  }
}

/** Fills the spec from one boolean flag; `undefined` when Berth has no field for it. */
function applyBool(spec: Spec, long: string, on: boolean): boolean {
  const fields: Record<string, 'tty' | 'openStdin' | 'autoRemove' | 'init' | 'readOnly' | 'privileged'> = {
    tty: 'tty',
    interactive: 'openStdin',
    rm: 'autoRemove',
    init: 'init',
    'read-only': 'readOnly',
    privileged: 'privileged',
  };
  const field = fields[long];
  if (!field) return false;
  if (on) spec[field] = true;
  else delete spec[field];
  return true;
}

/** json-file's max-size and max-file are the spec's log settings; any other driver or option is not. */
function applyLogging(b: Builder, unsupported: UnsupportedFlag[]): void {
  const driver = b.logDriver;
  if (driver !== undefined && driver !== 'json-file') {
    unsupported.push({ flag: '--log-driver', value: driver, reason: 'only json-file is supported' });
    for (const { use, key, value } of b.logOptions) unsupported.push({ flag: use.written, value: `${key}=${value}` });
    return;
  }
  const logConfig: NonNullable<Spec['logConfig']> = {};
  for (const { use, key, value } of b.logOptions) {
    if (key === 'max-size') logConfig.maxSize = value;
    else if (key === 'max-file' && /^\d+$/.test(value)) logConfig.maxFile = Number(value);
    else unsupported.push({ flag: use.written, value: `${key}=${value}`, reason: 'only max-size and max-file are supported' });
  }
  if (Object.keys(logConfig).length > 0) b.spec.logConfig = logConfig;
}

export function parseRunLine(commandLine: string): ParseRunResult {
  const read = readRunArgv(commandLine);
  if (!read.ok) return read;
  const { argv } = read;
  const b: Builder = { spec: { image: argv.image ?? '' }, health: {}, logOptions: [] };
  const unsupported: UnsupportedFlag[] = argv.globalWords.map((word) => ({ flag: word, reason: 'a docker option before the command' }));
  for (const use of argv.flags) {
    const report = (reason?: string): void => {
      unsupported.push({ flag: use.written, ...(use.value !== undefined ? { value: use.value } : {}), ...(reason ? { reason } : {}) });
    };
    const flag = use.unknown ? undefined : runFlag(use.long);
    if (!flag) {
      report(`not a docker ${argv.subcommand} flag`);
      continue;
    }
    if (flag.runOnly && argv.subcommand === 'create') {
      report('docker create has no such flag');
      continue;
    }
    if (flag.kind === 'bool') {
      const on = use.value === undefined ? true : parseGoBool(use.value);
      if (on === undefined) report('not true or false');
      else if (!CLIENT_ONLY.has(use.long) && !applyBool(b.spec, use.long, on)) report();
      continue;
    }
    if (use.value === undefined) {
      report('needs a value');
      continue;
    }
    if (use.expands) {
      report('holds a shell expansion ($…) that only your shell can fill in');
      continue;
    }
    const applied = applyValue(b, use, use.value);
    if (!applied) report();
    else if (!applied.ok) report(applied.reason);
  }
  applyLogging(b, unsupported);
  if (Object.keys(b.health).length > 0) b.spec.healthcheck = b.health;
  if (argv.args.length > 0) b.spec.command = argv.args;
  return { ok: true, parsed: { spec: b.spec, unsupported, subcommand: argv.subcommand, ...(argv.shellRest ? { shellRest: argv.shellRest } : {}) } };
}
