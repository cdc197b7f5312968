import type Docker from 'dockerode';
import { dockerCommandFor } from '../../../shared/cli/docker-command';
import { BerthError } from '../../../shared/errors';
import type { TaskResult, TaskSpec, TaskWork } from './task-hub';
import { credentialKey, findCredentials, registryAuthHeader } from './credentials';
import { referenceParts, withDefaultTag } from './image-reference';
import { followProgress } from './progress-stream';

export interface PullInput {
  reference: string;
  platform?: string;
}

/** `docker pull REF` as a background task: the engine's pull with the stored login for its registry. */
export function pullTask(docker: Docker, input: PullInput, origin: 'user' | 'run'): TaskSpec {
  const reference = input.reference.trim();
  return {
    kind: 'pull',
    reference,
    ...(input.platform ? { platform: input.platform } : {}),
    origin,
    commandLine: dockerCommandFor('images.pull', input),
    run: (work) => pullImage(docker, { reference, ...(input.platform ? { platform: input.platform } : {}) }, work),
  };
}

async function pullImage(docker: Docker, input: PullInput, work: TaskWork): Promise<TaskResult> {
  const parts = referenceParts(input.reference);
  const credentials = await findCredentials(parts.registry);
  // Without a tag the engine would pull every tag; the CLI means :latest.
  const tagOrDigest = parts.digest ?? parts.tag ?? 'latest';
  await followProgress(
    docker,
    {
      path: '/images/create?',
      options: { fromImage: parts.repository, tag: tagOrDigest, ...(input.platform ? { platform: input.platform } : {}) },
      registryAuth: registryAuthHeader(credentialKey(parts.registry), credentials),
    },
    work,
    { kind: 'pull', reference: input.reference, registry: parts.registry, loggedIn: credentials !== undefined },
  );
  const pulled = parts.digest ? `${parts.repository}@${parts.digest}` : withDefaultTag(input.reference);
  try {
    const image = await docker.getImage(pulled).inspect();
    return { imageId: image.Id, sizeBytes: image.Size, ...(work.tracker.digest ? { digest: work.tracker.digest } : {}) };
  } catch {
    throw new BerthError('INTERNAL', `The engine ended the pull of ${input.reference} without storing the image.`);
  }
}
