/**
 * The `docker run` / `docker create` flags for the create spec's container options (--rm,
 * --hostname, --network, --init, --read-only, --tmpfs, --shm-size, capabilities, --privileged,
 * health checks), in the forms the CLI takes.
 */
import type { CreateContainerSpec } from '../contract';
import { canonicalCapability } from '../contract/schemas';
import { formatGoDuration, formatMemory } from './units';

/** `--tmpfs` value: `/run` or `/run:rw,size=64m`. */
function tmpfsValue(mount: { target: string; options?: string | undefined }): string {
  return mount.options ? `${mount.target}:${mount.options}` : mount.target;
}

/** As the spec's schema leaves them: canonical names, sorted, no repeats. */
function canonicalCapabilities(list: readonly string[] | undefined): string[] {
  return [...new Set((list ?? []).map(canonicalCapability))].sort();
}

/** The flags for what runs the container (`--rm`, `--init`, …), to go before the image. */
export function containerOptionFlags(spec: CreateContainerSpec): string[] {
  const args: string[] = [];
  if (spec.autoRemove) args.push('--rm');
  if (spec.hostname?.trim()) args.push('--hostname', spec.hostname.trim());
  if (spec.network?.trim()) args.push('--network', spec.network.trim());
  if (spec.init) args.push('--init');
  if (spec.readOnly) args.push('--read-only');
  for (const mount of spec.tmpfs ?? []) args.push('--tmpfs', tmpfsValue(mount));
  if (spec.shmSizeBytes !== undefined) args.push('--shm-size', formatMemory(spec.shmSizeBytes));
  if (spec.privileged) args.push('--privileged');
  for (const cap of canonicalCapabilities(spec.capAdd)) args.push('--cap-add', cap);
  for (const cap of canonicalCapabilities(spec.capDrop)) args.push('--cap-drop', cap);
  const health = spec.healthcheck;
  if (health) {
    if (health.command !== undefined) args.push('--health-cmd', health.command);
    if (health.intervalNs !== undefined) args.push('--health-interval', formatGoDuration(health.intervalNs));
    if (health.timeoutNs !== undefined) args.push('--health-timeout', formatGoDuration(health.timeoutNs));
    if (health.startPeriodNs !== undefined) args.push('--health-start-period', formatGoDuration(health.startPeriodNs));
    if (health.retries !== undefined) args.push('--health-retries', String(health.retries));
  }
  return args;
}
