/**
 * The docker CLI command equivalent to a contract command, shown (copyable) next to every action.
 * Each builder produces argv words; `dockerCommandFor` quotes every word for POSIX sh, so values
 * with spaces, quotes, `$` or newlines come back as the same words when the command is pasted.
 */
import type { Channel, CreateContainerSpec, InputOf } from '../contract';
import { joinShellWords } from './shell-quote';
import { canonicalCapability } from '../contract/schemas';
import { formatCpus, formatGoDuration, formatMemory } from '../containers/units';

/** The channels that have a docker CLI equivalent. */
export const CLI_CHANNELS = [
  'engine.info',
  'engine.ping',
  'images.list',
  'containers.list',
  'containers.create',
  'containers.run',
  'containers.start',
  'containers.stop',
  'containers.restart',
  'containers.kill',
  'containers.pause',
  'containers.unpause',
  'containers.remove',
  'images.pull',
  'images.push',
  'images.tag',
  'images.history',
  'registries.login',
  'registries.logout',
] as const satisfies readonly Channel[];

export type CliChannel = (typeof CLI_CHANNELS)[number];

export function hasCliCommand(channel: Channel): channel is CliChannel {
  return (CLI_CHANNELS as readonly Channel[]).includes(channel);
}

/** A container reference as the contract normalises it: trimmed, without a leading `/`. */
function ref(id: string): string {
  return id.trim().replace(/^\//, '');
}

/** Positional arguments; `--` first when one would otherwise be read as a flag. */
function positional(...args: string[]): string[] {
  return args[0]?.startsWith('-') ? ['--', ...args] : args;
}

type PortSpec = NonNullable<CreateContainerSpec['ports']>[number];
type MountSpec = NonNullable<CreateContainerSpec['mounts']>[number];

/** `-p` value: `127.0.0.1:8080:80`, `127.0.0.1::80/udp`, `[::1]:8080:80`. */
function publishFlagValue(port: PortSpec): string {
  const ip = port.hostIp ?? '127.0.0.1';
  const host = ip.includes(':') ? `[${ip}]` : ip;
  const hostPort = port.hostPort ? String(port.hostPort) : '';
  const protocol = port.protocol && port.protocol !== 'tcp' ? `/${port.protocol}` : '';
  const published = host === '' ? (hostPort ? `${hostPort}:` : '') : `${host}:${hostPort}:`;
  return `${published}${port.containerPort}${protocol}`;
}

/** One field of a `--mount` value, which the CLI reads as CSV. */
function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** `--mount` value: `type=bind,source=/a,target=/b,readonly`; an anonymous volume has no source. */
function formatMount(mount: MountSpec): string {
  const fields = [`type=${mount.type}`];
  if (mount.source !== undefined) fields.push(`source=${mount.source}`);
  fields.push(`target=${mount.target}`);
  if (mount.readOnly) fields.push('readonly');
  return fields.map(csvField).join(',');
}

/** `--tmpfs` value: `/run` or `/run:rw,size=64m`. */
function tmpfsValue(mount: { target: string; options?: string | undefined }): string {
  return mount.options ? `${mount.target}:${mount.options}` : mount.target;
}

/** As the spec's schema leaves them: canonical names, sorted, no repeats. */
function canonicalCapabilities(list: readonly string[] | undefined): string[] {
  return [...new Set((list ?? []).map(canonicalCapability))].sort();
}

/** The flags for what runs the container (`--rm`, `--init`, …), to go before the image. */
function containerOptionFlags(spec: CreateContainerSpec): string[] {
  const args: string[] = [];
  if (spec.autoRemove) args.push('--rm');
  if (spec.hostname?.trim()) args.push('--hostname', spec.hostname.trim());
  if (spec.network?.trim()) args.push('--network', spec.network.trim());
  if (spec.init) args.push('--init');
  if (spec.readOnly) args.push('--read-only');
  for (const mount of spec.tmpfs ?? []) args.push('--tmpfs', tmpfsValue(mount));
  if (spec.shmSizeBytes !== undefined) args.push('--shm-size', formatMemory(spec.shmSizeBytes));
  if (spec.privileged) args.push('--privileged');
  for (const cap of canonicalCapabilities(spec.capAdd)) args.push('--cap-add', cap);
  for (const cap of canonicalCapabilities(spec.capDrop)) args.push('--cap-drop', cap);
  const health = spec.healthcheck;
  if (health) {
    if (health.command !== undefined) args.push('--health-cmd', health.command);
    if (health.intervalNs !== undefined) args.push('--health-interval', formatGoDuration(health.intervalNs));
    if (health.timeoutNs !== undefined) args.push('--health-timeout', formatGoDuration(health.timeoutNs));
    if (health.startPeriodNs !== undefined) args.push('--health-start-period', formatGoDuration(health.startPeriodNs));
    if (health.retries !== undefined) args.push('--health-retries', String(health.retries));
  }
  return args;
}

/** The flags, image and command of `docker create` / `docker run`, in the CLI's forms. */
function createArgs(spec: CreateContainerSpec): string[] {
  const args: string[] = [];
  const name = spec.name?.trim();
  if (name) args.push('--name', name);
  // `missing` is the CLI's default, so only the other two are written.
  if (spec.pull === 'always' || spec.pull === 'never') args.push('--pull', spec.pull);
  args.push(...containerOptionFlags(spec));
  for (const { key, value } of spec.env ?? []) args.push('-e', `${key}=${value}`);
  for (const port of spec.ports ?? []) args.push('-p', publishFlagValue(port));
  for (const mount of spec.mounts ?? []) args.push('--mount', formatMount(mount));
  if (spec.tty) args.push('-t');
  if (spec.openStdin) args.push('-i');

  const restart = spec.restartPolicy?.name ?? 'no';
  if (restart === 'on-failure') {
    const retries = spec.restartPolicy?.maximumRetryCount ?? 0;
    args.push('--restart', retries > 0 ? `on-failure:${retries}` : 'on-failure');
  } else if (restart !== 'no') {
    args.push('--restart', restart);
  }

  const resources = spec.resources ?? {};
  if (resources.memoryBytes !== undefined) args.push('--memory', formatMemory(resources.memoryBytes));
  if (resources.nanoCpus !== undefined) args.push('--cpus', formatCpus(resources.nanoCpus));
  if (resources.pidsLimit !== undefined) args.push('--pids-limit', String(resources.pidsLimit));

  const maxSize = spec.logConfig?.maxSize?.trim().toLowerCase();
  const maxFile = spec.logConfig?.maxFile;
  if (maxSize || maxFile !== undefined) {
    args.push('--log-driver', 'json-file');
    if (maxSize) args.push('--log-opt', `max-size=${maxSize}`);
    if (maxFile !== undefined) args.push('--log-opt', `max-file=${maxFile}`);
  }

  for (const [key, value] of Object.entries(spec.labels ?? {})) args.push('--label', `${key}=${value}`);
  if (spec.workingDir) args.push('-w', spec.workingDir);
  if (spec.user) args.push('-u', spec.user);

  // The CLI takes one word for --entrypoint: the rest of a longer entrypoint goes before the command.
  const [entrypoint, ...entrypointRest] = spec.entrypoint ?? [];
  if (entrypoint !== undefined) args.push('--entrypoint', entrypoint);

  args.push(...positional(spec.image.trim()), ...entrypointRest, ...(spec.command ?? []));
  return args;
}

type ArgvBuilders = { readonly [C in CliChannel]: (input: InputOf<C>) => string[] };

const builders: ArgvBuilders = {
  'engine.info': () => ['info'],
  'engine.ping': () => ['version'],
  'images.list': (input) => (input.all ? ['images', '-a'] : ['images']),
  'containers.list': (input) => (input.all ? ['ps', '-a'] : ['ps']),
  'containers.create': (spec) => ['create', ...createArgs(spec)],
  'containers.run': (spec) => ['run', '-d', ...createArgs(spec)],
  'containers.start': (input) => ['start', ...positional(ref(input.id))],
  'containers.stop': (input) => ['stop', ...(input.timeout !== undefined ? ['-t', String(input.timeout)] : []), ...positional(ref(input.id))],
  'containers.restart': (input) => ['restart', ...(input.timeout !== undefined ? ['-t', String(input.timeout)] : []), ...positional(ref(input.id))],
  'containers.kill': (input) => {
    const signal = input.signal?.trim();
    const isDefault = signal === undefined || signal === 'SIGKILL' || signal === 'KILL' || signal === '9';
    return ['kill', ...(isDefault ? [] : ['-s', signal]), ...positional(ref(input.id))];
  },
  'containers.pause': (input) => ['pause', ...positional(ref(input.id))],
  'containers.unpause': (input) => ['unpause', ...positional(ref(input.id))],
  'containers.remove': (input) => ['rm', ...(input.force ? ['-f'] : []), ...(input.volumes ? ['-v'] : []), ...positional(ref(input.id))],
  'images.pull': (input) => ['pull', ...(input.platform ? ['--platform', input.platform.trim()] : []), ...positional(input.reference.trim())],
  'images.push': (input) => ['push', ...positional(input.reference.trim())],
  'images.tag': (input) => ['tag', ...positional(input.source.trim(), `${input.repository.trim()}${input.tag ? `:${input.tag.trim()}` : ''}`)],
  'images.history': (input) => ['image', 'history', ...positional(input.id.trim())],
  // The password goes on stdin (`--password-stdin`), never into the line.
  'registries.login': (input) => ['login', '-u', input.username.trim(), ...loginServer(input.server)],
  'registries.logout': (input) => ['logout', ...loginServer(input.server)],
};

/** Docker Hub is the CLI's default server: it is not written. */
function loginServer(server: string): string[] {
  const host =
    server
      .trim()
      .replace(/^[a-z]+:\/\//i, '')
      .split('/')[0]
      ?.toLowerCase() ?? '';
  return ['docker.io', 'index.docker.io', 'registry-1.docker.io', ''].includes(host) ? [] : positional(server.trim());
}

/** The argv of the docker CLI command for a contract command, starting with `docker`. */
export function dockerArgvFor<C extends CliChannel>(channel: C, input: InputOf<C>): string[] {
  const build: (input: InputOf<C>) => string[] = builders[channel];
  return ['docker', ...build(input)];
}

/** The docker CLI command for a contract command, quoted for POSIX sh, e.g. `docker stop -t 10 web`. */
export function dockerCommandFor<C extends CliChannel>(channel: C, input: InputOf<C>): string {
  return joinShellWords(dockerArgvFor(channel, input));
}
