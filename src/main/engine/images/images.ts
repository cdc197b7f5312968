import type Docker from 'dockerode';
import type { ImagePruneResult, ImageRemoveResult, ImageSummary } from '../../../shared/types/images';
import { engineCall } from '../core/errors';

/** `docker image ls`, with how many containers use each image (the engine leaves that at -1). */
export async function listImages(docker: Docker, all: boolean): Promise<ImageSummary[]> {
  const [images, containers] = await engineCall(() => Promise.all([docker.listImages({ all }), docker.listContainers({ all: true })]), {
    action: 'list images',
  });
  const uses = new Map<string, number>();
  for (const container of containers) uses.set(container.ImageID, (uses.get(container.ImageID) ?? 0) + 1);
  return images.map((image) => {
    const repoTags = (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>');
    return {
      id: image.Id,
      repoTags,
      repoDigests: (image.RepoDigests ?? []).filter((digest) => !digest.startsWith('<none>')),
      created: image.Created,
      sizeBytes: image.Size,
      containers: uses.get(image.Id) ?? 0,
      labels: image.Labels ?? {},
      dangling: repoTags.length === 0,
    };
  });
}

interface DeleteItem {
  Untagged?: string;
  Deleted?: string;
}

function removeResult(items: DeleteItem[] | null | undefined): ImageRemoveResult {
  const list = items ?? [];
  return {
    untagged: list.flatMap((item) => (item.Untagged ? [item.Untagged] : [])),
    deleted: list.flatMap((item) => (item.Deleted ? [item.Deleted] : [])),
  };
}

/** `docker image rm [--force] REF`. */
export async function removeImage(docker: Docker, ref: string, force: boolean): Promise<ImageRemoveResult> {
  const items = await engineCall(() => docker.getImage(ref).remove({ force }) as Promise<DeleteItem[]>, { action: `remove image ${ref}` });
  return removeResult(items);
}

/** `docker image rm REPO:TAG`: drops that name; the engine deletes the image too when it was the last name and nothing uses it. */
export async function untagImage(docker: Docker, repoTag: string): Promise<ImageRemoveResult> {
  const items = await engineCall(() => docker.getImage(repoTag).remove({ force: false }) as Promise<DeleteItem[]>, {
    action: `untag ${repoTag}`,
  });
  return removeResult(items);
}

/** `docker image prune [-a]` (dangling only unless `all`), optionally `--filter label=…`. */
export async function pruneImages(docker: Docker, labels: string[], all = false): Promise<ImagePruneResult> {
  const filters: Record<string, string[]> = { dangling: [all ? 'false' : 'true'] };
  if (labels.length) filters.label = labels;
  const pruned = await engineCall(() => docker.pruneImages({ filters }), { action: 'prune images' });
  return {
    deleted: removeResult(pruned.ImagesDeleted as DeleteItem[] | undefined).deleted,
    spaceReclaimedBytes: pruned.SpaceReclaimed ?? 0,
  };
}
