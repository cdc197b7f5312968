import type Docker from 'dockerode';
import type { ImageSummary } from '../../shared/types/images';
import { engineCall } from './errors';

export async function listImages(docker: Docker, all: boolean): Promise<ImageSummary[]> {
  const images = await engineCall(() => docker.listImages({ all }), { action: 'list images' });
  return images.map((image) => ({
    id: image.Id,
    repoTags: (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>'),
    created: image.Created,
    sizeBytes: image.Size,
    containers: image.Containers ?? -1,
    labels: image.Labels ?? {},
  }));
}
