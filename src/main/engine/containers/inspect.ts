import type Docker from 'dockerode';
import type { InspectDocument } from '../../../shared/types/inspect';
import { engineCall } from '../core/errors';

/** `docker inspect CONTAINER`: the engine's document, unchanged. */
export async function inspectContainer(docker: Docker, id: string): Promise<InspectDocument> {
  return (await engineCall(() => docker.getContainer(id).inspect(), { action: `inspect container ${id}` })) as unknown as InspectDocument;
}
