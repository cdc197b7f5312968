import type Docker from 'dockerode';
import { dockerCommandFor } from '../../../shared/cli/docker-command';
import type { ImageHistoryEntry, TagResult } from '../../../shared/types/registries';
import { engineCall } from '../core/errors';

/** `docker tag SOURCE REPOSITORY[:TAG]` (the CLI's default tag is latest). */
export async function tagImage(docker: Docker, input: { source: string; repository: string; tag?: string }): Promise<TagResult> {
  const tag = input.tag ?? 'latest';
  await engineCall(() => docker.getImage(input.source).tag({ repo: input.repository, tag }), { action: `tag image ${input.source}` });
  return { reference: `${input.repository}:${tag}`, commandLine: dockerCommandFor('images.tag', input) };
}

interface HistoryRow {
  Id: string;
  Created: number;
  CreatedBy?: string;
  Tags?: string[] | null;
  Size: number;
  Comment?: string;
}

/** `docker image history`: newest layer first, as the CLI lists it. */
export async function imageHistory(docker: Docker, id: string): Promise<ImageHistoryEntry[]> {
  const rows = (await engineCall(() => docker.getImage(id).history(), { action: `read the history of image ${id}` })) as HistoryRow[];
  return rows.map((row) => ({
    id: row.Id,
    created: row.Created,
    createdBy: row.CreatedBy ?? '',
    sizeBytes: row.Size,
    tags: row.Tags ?? [],
    comment: row.Comment ?? '',
  }));
}
