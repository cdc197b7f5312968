import type Docker from 'dockerode';
import type { ParsedInputOf } from '../../../shared/contract';
import { BerthError } from '../../../shared/errors';
import type { ContainerUpdateResult } from '../../../shared/types/containers';
import { toBerthError } from '../core/errors';

type UpdateRequest = Omit<ParsedInputOf<'containers.update'>, 'id'>;

/** The engine's update body: only the fields asked for, so everything else keeps its value. */
function updateBody(request: UpdateRequest): Record<string, unknown> {
  return {
    ...(request.memoryBytes !== undefined ? { Memory: request.memoryBytes } : {}),
    ...(request.memorySwapBytes !== undefined ? { MemorySwap: request.memorySwapBytes } : {}),
    ...(request.nanoCpus !== undefined ? { NanoCpus: request.nanoCpus } : {}),
    ...(request.cpuShares !== undefined ? { CpuShares: request.cpuShares } : {}),
    ...(request.pidsLimit !== undefined ? { PidsLimit: request.pidsLimit } : {}),
    ...(request.restartPolicy ? { RestartPolicy: { Name: request.restartPolicy.name, MaximumRetryCount: request.restartPolicy.maximumRetryCount } } : {}),
  };
}

/**
 * `docker update`. The engine checks the new values against the container (memory below what it
 * uses, swap below memory, a restart policy with --rm) and says why in words we pass on.
 */
export async function updateContainer(docker: Docker, id: string, request: UpdateRequest): Promise<ContainerUpdateResult> {
  try {
    const answer = (await docker.getContainer(id).update(updateBody(request))) as { Warnings?: string[] | null };
    return { id, warnings: answer.Warnings ?? [] };
  } catch (err) {
    throw updateRefusal(err, id) ?? toBerthError(err, { action: `update container ${id}` });
  }
}

const mebibytes = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;

/**
 * The runtime's refusals, which the engine passes on as a 500 ("Cannot update container …: runc did
 * not terminate successfully: …"): the values were wrong for this container, not the engine broken.
 */
function updateRefusal(err: unknown, id: string): BerthError | undefined {
  const { statusCode, json } = (err ?? {}) as { statusCode?: number; json?: { message?: string } };
  const message = json?.message ?? '';
  if (statusCode !== 500 || !message.startsWith('Cannot update container')) return undefined;
  const usage = /unable to set memory limit to (\d+) \(current usage: (\d+)/.exec(message);
  if (usage) {
    return new BerthError(
      'CONFLICT',
      `Container ${id} uses ${mebibytes(Number(usage[2]))}, more than the new memory limit of ${mebibytes(Number(usage[1]))}. Give it a higher limit, or let it free memory first.`,
    );
  }
  const reason = /exit status \d+: (.+)$/s.exec(message)?.[1]?.trim() ?? message;
  return new BerthError('INVALID_INPUT', `The engine could not apply that update to ${id}: ${reason.replace(/\s*: unknown$/, '')}.`);
}
