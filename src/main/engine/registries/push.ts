import type Docker from 'dockerode';
import { dockerCommandFor } from '../../../shared/cli/docker-command';
import { BerthError } from '../../../shared/errors';
import type { TaskResult, TaskSpec, TaskWork } from './task-hub';
import { credentialKey, findCredentials, registryAuthHeader } from './credentials';
import { referenceParts } from './image-reference';
import { followProgress } from './progress-stream';

/** `docker push REF` as a background task. */
export function pushTask(docker: Docker, reference: string): TaskSpec {
  const trimmed = reference.trim();
  return {
    kind: 'push',
    reference: trimmed,
    origin: 'user',
    commandLine: dockerCommandFor('images.push', { reference: trimmed }),
    run: (work) => pushImage(docker, trimmed, work),
  };
}

async function pushImage(docker: Docker, reference: string, work: TaskWork): Promise<TaskResult> {
  const parts = referenceParts(reference);
  if (parts.digest) throw new BerthError('INVALID_INPUT', 'Push a tag, not a digest: tag the image first (e.g. registry.example.com/app:1).');
  const tag = parts.tag ?? 'latest';
  // A missing local image is the user's mistake: say so before talking to the registry.
  try {
    await docker.getImage(`${parts.repository}:${tag}`).inspect();
  } catch {
    throw new BerthError('NOT_FOUND', `There is no image ${parts.repository}:${tag} on this engine to push. Tag an image with that name first.`);
  }
  const credentials = await findCredentials(parts.registry);
  await followProgress(
    docker,
    {
      path: `/images/${parts.repository}/push?`,
      options: { tag },
      registryAuth: registryAuthHeader(credentialKey(parts.registry), credentials),
    },
    work,
    { kind: 'push', reference, registry: parts.registry, loggedIn: credentials !== undefined },
  );
  return work.tracker.digest ? { digest: work.tracker.digest } : {};
}
