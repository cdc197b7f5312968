import { dockerAttachCommand } from '../../../shared/cli/attach-commands';
import { joinShellWords } from '../../../shared/cli/shell-quote';
import type { SessionSpec } from './session-spec';

export { interactiveCreateSpec, interactiveRunCommand } from '../../../shared/cli/attach-commands';

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
