import { dockerArgvFor } from '../../../shared/cli/docker-command';
import { joinShellWords } from '../../../shared/cli/shell-quote';
import type { CreateContainerSpec } from '../../../shared/contract';
import { DEFAULT_DETACH_KEYS } from '../../../shared/terminal/detach-keys';
import type { SessionSpec } from './session-spec';

/**
 * The docker CLI command a session is equivalent to. Attach asks the engine for earlier output
 * only when the user chose it (`logs`): `docker attach` and `docker start -ai` replay nothing, so
 * that choice is `docker logs` first.
 */
export function sessionCliCommand(spec: SessionSpec, shell?: string): string {
  if (spec.kind === 'attach') {
    const detachKeys = spec.detachKeys && spec.detachKeys !== DEFAULT_DETACH_KEYS ? [`--detach-keys=${spec.detachKeys}`] : [];
    const attach = spec.start ? ['docker', 'start', '-ai', ...detachKeys, spec.containerName] : ['docker', 'attach', ...detachKeys, spec.containerName];
    const line = joinShellWords(attach);
    return spec.logs ? `${joinShellWords(['docker', 'logs', spec.containerName])}; ${line}` : line;
  }
  const words = ['docker', 'exec'];
  if (spec.kind === 'shell') words.push('-it');
  if (spec.user) words.push('-u', spec.user);
  if (spec.workingDir) words.push('-w', spec.workingDir);
  for (const { key, value } of spec.env ?? []) words.push('-e', `${key}=${value}`);
  const command = spec.command ?? (shell ? [shell] : ['sh']);
  return joinShellWords([...words, spec.containerName, ...command]);
}

/** What "Create and start interactively" asks the engine to create: the form's container with a TTY and open stdin. */
export function interactiveCreateSpec(spec: CreateContainerSpec): CreateContainerSpec {
  return { ...spec, tty: true, openStdin: true };
}

/**
 * `docker run -it …` for the create form's interactive button. Berth creates the container as
 * `docker create -it` would, attaches, then starts it: the requests `docker run -it` makes.
 */
export function interactiveRunCommand(spec: CreateContainerSpec): string {
  const [docker, , ...args] = dockerArgvFor('containers.create', { ...spec, tty: false, openStdin: false });
  return joinShellWords([docker ?? 'docker', 'run', '-it', ...args]);
}
