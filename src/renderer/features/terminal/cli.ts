import { dockerArgvFor } from '../../../shared/cli/docker-command';
import { joinShellWords } from '../../../shared/cli/shell-quote';
import type { CreateContainerSpec } from '../../../shared/contract';
import { DEFAULT_DETACH_KEYS } from '../../../shared/terminal/detach-keys';
import type { SessionSpec } from './session-spec';

/** The docker CLI command a session is equivalent to. */
export function sessionCliCommand(spec: SessionSpec, shell?: string): string {
  if (spec.kind === 'attach') {
    const words = ['docker', 'attach'];
    if (spec.detachKeys && spec.detachKeys !== DEFAULT_DETACH_KEYS) words.push(`--detach-keys=${spec.detachKeys}`);
    if (spec.start) return joinShellWords(['docker', 'start', '-ai', spec.containerName]);
    return joinShellWords([...words, spec.containerName]);
  }
  const words = ['docker', 'exec'];
  if (spec.kind === 'shell') words.push('-it');
  if (spec.user) words.push('-u', spec.user);
  if (spec.workingDir) words.push('-w', spec.workingDir);
  for (const { key, value } of spec.env ?? []) words.push('-e', `${key}=${value}`);
  const command = spec.command ?? (shell ? [shell] : ['sh']);
  return joinShellWords([...words, spec.containerName, ...command]);
}

/** `docker run -it …` for the create form's interactive button: the create flags plus -t -i. */
export function interactiveRunCommand(spec: CreateContainerSpec): string {
  const [docker, , ...args] = dockerArgvFor('containers.create', { ...spec, tty: true, openStdin: true });
  return joinShellWords([docker ?? 'docker', 'run', ...args]);
}
