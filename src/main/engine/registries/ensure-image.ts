import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import { referenceProblem } from '../../../shared/images/reference';
import type { CreatedContainer } from '../../../shared/types/containers';
import type { RegistryTaskHub } from './task-hub';
import { pullTask } from './pull';

/** Pulls one image as a task (origin 'run', visible on images.tasks) and waits for it to end. */
export type ImagePuller = (reference: string) => Promise<NonNullable<CreatedContainer['pulled']>>;

export function imagePuller(docker: Docker, hub: RegistryTaskHub): ImagePuller {
  return async (reference) => {
    const taskId = hub.start(pullTask(docker, { reference }, 'run'));
    const task = await hub.settled(taskId);
    if (task.phase !== 'done') {
      const error = task.error ?? { code: 'INTERNAL' as const, message: `The pull of ${reference} did not finish.` };
      throw new BerthError(error.code, error.message);
    }
    return { taskId, ...(task.result?.imageId ? { imageId: task.result.imageId } : {}) };
  };
}

async function isOnEngine(docker: Docker, image: string): Promise<boolean> {
  try {
    await docker.getImage(image).inspect();
    return true;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return false;
    throw err;
  }
}

/** What `--pull missing|always|never` does before create; the pull's task when there was one. */
export async function ensureImage(
  docker: Docker,
  image: string,
  policy: 'missing' | 'always' | 'never',
  pull: ImagePuller,
): Promise<CreatedContainer['pulled']> {
  if (policy === 'never') return undefined;
  // An image id or a name the registry grammar refuses cannot be pulled: create says it is missing.
  const pullable = referenceProblem(image) === undefined && !/^(sha256:)?[0-9a-f]{12,64}$/.test(image);
  if (!pullable) return undefined;
  if (policy === 'missing' && (await isOnEngine(docker, image))) return undefined;
  return pull(image);
}
