import type Docker from 'dockerode';
import { engineCall } from '../core/errors';

/** Which containers (any state) mount each volume, by volume name: container names, sorted. */
export async function volumeUsers(docker: Docker, filters: Record<string, string[]> = {}): Promise<Map<string, string[]>> {
  const containers = await engineCall(() => docker.listContainers({ all: true, filters }), { action: 'list the containers using volumes' });
  const users = new Map<string, string[]>();
  for (const container of containers) {
    const name = (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, '');
    for (const mount of container.Mounts ?? []) {
      if (mount.Type !== 'volume' || !mount.Name) continue;
      const list = users.get(mount.Name) ?? [];
      if (!list.includes(name)) list.push(name);
      users.set(mount.Name, list);
    }
  }
  for (const list of users.values()) list.sort((a, b) => a.localeCompare(b));
  return users;
}

interface DiskUsageVolume {
  Name: string;
  UsageData?: { Size?: number; RefCount?: number } | null;
}

/**
 * Each volume's size as `docker system df -v` reports it (-1: the driver does not say). `type=volume`
 * asks newer engines (API 1.42+) for the volumes only; older ones ignore it and compute everything.
 */
export async function volumeSizes(docker: Docker): Promise<Map<string, number>> {
  const usage = await engineCall(
    () =>
      new Promise<{ Volumes?: DiskUsageVolume[] | null }>((resolve, reject) => {
        docker.modem.dial(
          { path: '/system/df?', method: 'GET', options: { type: 'volume' }, statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' } },
          (err, data) => (err ? reject(err) : resolve(data as { Volumes?: DiskUsageVolume[] | null })),
        );
      }),
    { action: 'read the volumes’ disk usage' },
  );
  return new Map((usage.Volumes ?? []).map((volume) => [volume.Name, volume.UsageData?.Size ?? -1]));
}

/** Engines before API 1.42 (Docker 23) mark no volume as anonymous: theirs are the ones named by 64 hex digits. */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

export function isAnonymous(name: string, labels: Record<string, string>): boolean {
  return Object.hasOwn(labels, ANONYMOUS_LABEL) || /^[0-9a-f]{64}$/.test(name);
}

/** RFC 3339 from the engine to epoch seconds; 0 when missing or unreadable. */
export function createdSeconds(createdAt: string | undefined): number {
  const ms = createdAt ? Date.parse(createdAt) : NaN;
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}
