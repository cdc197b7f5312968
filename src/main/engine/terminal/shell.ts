import type Docker from 'dockerode';
import { toBerthError } from '../core/errors';

/** Where a shell is looked for, best first: bash, else sh (as `docker exec -it … bash || sh`). */
const SHELL_CANDIDATES = ['/bin/bash', '/usr/bin/bash', '/bin/sh', '/usr/bin/sh'] as const;

async function pathExists(docker: Docker, id: string, path: string): Promise<boolean> {
  try {
    // HEAD /containers/{id}/archive: a stat of the path, nothing is executed in the container.
    await docker.getContainer(id).infoArchive({ path });
    return true;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return false;
    throw toBerthError(err, { action: 'look for a shell' });
  }
}

/** The container's shell, or null when it has none (a distroless or scratch image). */
export async function detectShell(docker: Docker, id: string): Promise<string | null> {
  const found = await Promise.all(SHELL_CANDIDATES.map((path) => pathExists(docker, id, path)));
  return SHELL_CANDIDATES[found.indexOf(true)] ?? null;
}
