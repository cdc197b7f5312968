import type Docker from 'dockerode';
import { EMPTY_CHANGES, type ImageChanges } from '../../../shared/images/change-lines';
import { engineCall } from '../core/errors';

function splitPair(entry: string): { key: string; value: string } {
  const eq = entry.indexOf('=');
  return eq < 0 ? { key: entry, value: '' } : { key: entry.slice(0, eq), value: entry.slice(eq + 1) };
}

/** Exec form, exactly as the engine stores it (a JSON array of words). */
const execForm = (words: string[] | null | undefined): string => (words?.length ? JSON.stringify(words) : '');

/** The parts of a container's Config the change form takes (as the engine or `docker inspect` gives them). */
export interface ContainerConfigFields {
  Cmd?: string[] | null;
  Entrypoint?: string | string[] | null;
  Env?: string[] | null;
  ExposedPorts?: Record<string, unknown> | null;
  WorkingDir?: string;
  User?: string;
  Volumes?: Record<string, unknown> | null;
  Labels?: Record<string, string> | null;
  OnBuild?: string[] | null;
}

/** A Config as the change form's fields. */
export function changesFromConfig(config: ContainerConfigFields): ImageChanges {
  return {
    ...EMPTY_CHANGES,
    cmd: execForm(config.Cmd),
    entrypoint: execForm(typeof config.Entrypoint === 'string' ? [config.Entrypoint] : config.Entrypoint),
    env: (config.Env ?? []).map(splitPair),
    expose: Object.keys(config.ExposedPorts ?? {}),
    workdir: config.WorkingDir ?? '',
    user: config.User ?? '',
    volumes: Object.keys(config.Volumes ?? {}),
    labels: Object.entries(config.Labels ?? {}).map(([key, value]) => ({ key, value })),
    onbuild: config.OnBuild ?? [],
  };
}

/**
 * A container's image-level config as the change form: what `docker export` drops (the tar holds
 * only files), so "Import as image…" can give the filesystem its CMD, ENV, … back
 * (`docker inspect --format '{{json .Config}}' CONTAINER`).
 */
export async function containerImageConfig(docker: Docker, id: string): Promise<ImageChanges> {
  const info = await engineCall(() => docker.getContainer(id).inspect(), { action: `read the config of container ${id}` });
  return changesFromConfig(info.Config as ContainerConfigFields);
}
