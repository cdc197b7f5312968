import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import type { InspectDocument } from '../../../shared/types/inspect';
import { toBerthError } from '../core/errors';

/** `docker image inspect IMAGE`. */
export async function inspectImage(docker: Docker, ref: string): Promise<InspectDocument> {
  try {
    return (await docker.getImage(ref).inspect()) as unknown as InspectDocument;
  } catch (err) {
    const mapped = toBerthError(err, { action: `inspect image ${ref}` });
    if (mapped.code === 'NOT_FOUND') throw new BerthError('NOT_FOUND', `Image ${ref} is not on this engine.`);
    throw mapped;
  }
}
