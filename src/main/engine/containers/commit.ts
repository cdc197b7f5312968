import type Docker from 'dockerode';
import type { CommitResult } from '../../../shared/types/images';
import { toBerthError } from '../core/errors';

export interface CommitOptions {
  repository?: string;
  tag?: string;
  message?: string;
  author?: string;
  changes: string[];
  pause: boolean;
}

/** `docker commit`: a new image from the container's filesystem and config, with the changes applied. */
export async function commitContainer(docker: Docker, id: string, options: CommitOptions): Promise<CommitResult> {
  const query: Record<string, unknown> = { container: id, changes: options.changes, pause: options.pause };
  if (options.repository) {
    query.repo = options.repository;
    query.tag = options.tag ?? 'latest';
  }
  if (options.message) query.comment = options.message;
  if (options.author) query.author = options.author;
  try {
    // dial directly: dockerode's commit() also sends its options as the body (the config to merge).
    const created = await new Promise<{ Id: string }>((resolve, reject) => {
      docker.modem.dial(
        {
          path: '/commit?',
          method: 'POST',
          options: { _query: query },
          statusCodes: { 200: true, 201: true, 400: 'bad parameter', 404: 'no such container', 409: 'conflict', 500: 'server error' },
        },
        (err, data) => (err ? reject(err) : resolve(data as { Id: string })),
      );
    });
    return { imageId: created.Id, ...(options.repository ? { reference: `${options.repository}:${options.tag ?? 'latest'}` } : {}) };
  } catch (err) {
    throw toBerthError(err, { action: `commit container ${id}` });
  }
}
