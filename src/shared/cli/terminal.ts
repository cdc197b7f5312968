/**
 * The docker CLI lines of attaching to a container's main process, and of the create form's
 * "Create and start interactively", quoted for POSIX sh.
 */
import type { CreateContainerSpec } from '../contract';
import { DEFAULT_DETACH_KEYS } from '../terminal/detach-keys';
import { dockerArgvFor } from './docker-command';
import type { SessionSpec } from '../terminal/session-spec';
import { joinShellWords } from './shell-quote';

export interface AttachCommandOptions {
  container: string;
  /** The container is started once attached (`docker start -ai`). */
  start?: boolean;
  /** Earlier output is replayed first; `docker attach` and `docker start -ai` never do that: `docker logs` does. */
  logs?: boolean;
  detachKeys?: string;
}

/** `docker attach web`, `docker start -ai --detach-keys=ctrl-a,x web`, `docker logs web; docker attach web`. */
export function dockerAttachCommand({ container, start, logs, detachKeys }: AttachCommandOptions): string {
  const keys = detachKeys && detachKeys !== DEFAULT_DETACH_KEYS ? [`--detach-keys=${detachKeys}`] : [];
  const line = joinShellWords(start ? ['docker', 'start', '-ai', ...keys, container] : ['docker', 'attach', ...keys, container]);
  return logs ? `${joinShellWords(['docker', 'logs', container])}; ${line}` : line;
}

/** What "Create and start interactively" asks the engine to create: the form's container with a TTY and open stdin. */
export function interactiveCreateSpec(spec: CreateContainerSpec): CreateContainerSpec {
  return { ...spec, tty: true, openStdin: true };
}

/**
 * `docker run -it …` for "Create and start interactively". Berth creates the container as
 * `docker create -it` would, attaches, then starts it: the requests `docker run -it` makes.
 */
export function interactiveRunCommand(spec: CreateContainerSpec): string {
  const [docker, , ...args] = dockerArgvFor('containers.create', { ...spec, tty: false, openStdin: false });
  return joinShellWords([docker ?? 'docker', 'run', '-it', ...args]);
}

/** The docker CLI command a session is equivalent to. */
export function sessionCliCommand(spec: SessionSpec, shell?: string): string {
  if (spec.kind === 'attach') {
    return dockerAttachCommand({ container: spec.containerName, start: spec.start, logs: spec.logs, detachKeys: spec.detachKeys });
  }
  const words = ['docker', 'exec'];
  if (spec.kind === 'shell') words.push('-it');
  if (spec.user) words.push('-u', spec.user);
  if (spec.workingDir) words.push('-w', spec.workingDir);
  for (const { key, value } of spec.env ?? []) words.push('-e', `${key}=${value}`);
  const command = spec.command ?? (shell ? [shell] : ['sh']);
  return joinShellWords([...words, spec.containerName, ...command]);
}
