/**
 * The docker CLI lines of container commands Berth shows (top, port, inspect, isolation, diff,
 * export, commit, the config an import is prefilled from, rename, update, wait), quoted for POSIX sh. The lines of
 * create, run and the lifecycle actions come from the channel table in docker-command.ts.
 */
import type { InputOf } from '../contract';
import { formatCpus, formatMemory } from '../containers/units';
import { changeFlagWords, imageTargetWords, type ImageTarget } from './images';
import { joinShellWords, positionalWords } from './shell-quote';

export function dockerTopCommand(container: string, psArgs: string): string {
  const args = psArgs.trim().split(/\s+/).filter(Boolean);
  return joinShellWords(['docker', 'top', container, ...args]);
}

export function dockerPortCommand(container: string): string {
  return joinShellWords(['docker', 'port', container]);
}

/** `docker port web 80/tcp`: the host addresses "Open" chooses from (IPv4 first; 0.0.0.0 opens as 127.0.0.1). */
export function dockerPortLookupCommand(container: string, containerPort: number, protocol = 'tcp'): string {
  return joinShellWords(['docker', 'port', container, `${containerPort}/${protocol}`]);
}

export function dockerInspectCommand(container: string): string {
  return joinShellWords(['docker', 'inspect', container]);
}

/** What the isolation view reads: the container's HostConfig (modes and limits). */
export function dockerIsolationCommand(container: string): string {
  return joinShellWords(['docker', 'inspect', '--format', '{{json .HostConfig}}', container]);
}

/** What "Import as image…" fills the change lines from: the container's own Config (CMD, ENV, …). */
export function containerConfigCommand(container: string): string {
  return joinShellWords(['docker', 'inspect', '--format', '{{json .Config}}', container]);
}

/** `docker diff`: what the Changes tab lists. */
export function dockerDiffCommand(container: string): string {
  return joinShellWords(['docker', 'diff', container]);
}

export const exportCommand = (container: string, filename: string): string =>
  joinShellWords(['docker', 'export', '-o', filename, ...positionalWords(container)]);

export function commitCommand(
  container: string,
  options: ImageTarget & { message?: string; author?: string; changes: readonly string[]; pause: boolean },
): string {
  return joinShellWords([
    'docker',
    'commit',
    ...(options.author ? ['-a', options.author] : []),
    ...(options.message ? ['-m', options.message] : []),
    ...changeFlagWords(options.changes),
    ...(options.pause ? [] : ['--pause=false']),
    ...positionalWords(container),
    ...imageTargetWords(options),
  ]);
}

/** `docker container prune --filter …`: the filters as typed (a relative `until` such as 24h stays relative). */
export function containerPruneCommand(filters: { label: readonly string[]; labelNot?: readonly string[] | undefined; until?: string | undefined }): string {
  const words = ['docker', 'container', 'prune'];
  for (const label of filters.label) words.push('--filter', `label=${label}`);
  for (const label of filters.labelNot ?? []) words.push('--filter', `label!=${label}`);
  if (filters.until) words.push('--filter', `until=${filters.until}`);
  return joinShellWords(words);
}

/** `docker rename OLD NEW`. */
export function renameCommand(container: string, newName: string): string {
  return joinShellWords(['docker', 'rename', ...positionalWords(container), newName]);
}

/** `docker wait CONTAINER`: prints the exit code once the container stops. */
export function waitCommand(container: string): string {
  return joinShellWords(['docker', 'wait', ...positionalWords(container)]);
}

type UpdateRequest = Omit<InputOf<'containers.update'>, 'id'>;

/** `docker update --memory 512m --memory-swap 1g … CONTAINER`: a flag for each field sent, nothing else. */
export function updateCommand(container: string, request: UpdateRequest): string {
  const args: string[] = [];
  if (request.memoryBytes !== undefined) args.push('--memory', formatMemory(request.memoryBytes));
  if (request.memorySwapBytes !== undefined) args.push('--memory-swap', request.memorySwapBytes === -1 ? '-1' : formatMemory(request.memorySwapBytes));
  if (request.nanoCpus !== undefined) args.push('--cpus', formatCpus(request.nanoCpus));
  if (request.cpuShares !== undefined) args.push('--cpu-shares', String(request.cpuShares));
  if (request.pidsLimit !== undefined) args.push('--pids-limit', String(request.pidsLimit));
  const restart = request.restartPolicy;
  if (restart) {
    const name = restart.name ?? 'no';
    const retries = restart.maximumRetryCount ?? 0;
    args.push('--restart', name === 'on-failure' && retries > 0 ? `on-failure:${retries}` : name);
  }
  return joinShellWords(['docker', 'update', ...args, ...positionalWords(container)]);
}
