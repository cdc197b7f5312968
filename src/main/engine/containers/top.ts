import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import type { ContainerProcesses } from '../../../shared/types/top';
import { toBerthError } from '../core/errors';

/** `docker top CONTAINER [ps OPTIONS]`: the engine runs ps on its host for the container's processes. */
export async function topContainer(docker: Docker, id: string, psArgs: string): Promise<ContainerProcesses> {
  try {
    const result = (await docker.getContainer(id).top({ ps_args: psArgs })) as { Titles?: string[]; Processes?: string[][] };
    return { titles: result.Titles ?? [], processes: result.Processes ?? [], psArgs };
  } catch (err) {
    const mapped = toBerthError(err, { action: `list the processes of ${id}` });
    if (mapped.code === 'CONFLICT' && /is not running/i.test(mapped.message)) {
      throw new BerthError('CONFLICT', `Container ${id} is not running: start it to see its processes.`);
    }
    // ps itself refused the options (unknown option, no PID column): the user's input, not a failure.
    if (mapped.code === 'INTERNAL' && /\bps\b|PID field/i.test(mapped.message)) {
      const detail = mapped.message.replace(/^.*the engine said:\s*/, '');
      throw new BerthError('INVALID_INPUT', `ps ${psArgs} did not work: ${detail}. The options must keep the PID column.`);
    }
    throw mapped;
  }
}
