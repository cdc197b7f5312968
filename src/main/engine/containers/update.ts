import type Docker from 'dockerode';
import type { ParsedInputOf } from '../../../shared/contract';
import type { ContainerUpdateResult } from '../../../shared/types/containers';
import { engineCall } from '../core/errors';

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
  const answer = (await engineCall(() => docker.getContainer(id).update(updateBody(request)), { action: `update container ${id}` })) as {
    Warnings?: string[] | null;
  };
  return { id, warnings: answer.Warnings ?? [] };
}
