/**
 * A spec (from a pasted `docker run` line) as the create form's state: the inverse of toSpec, so the
 * fields show what the line asked for and toSpec gives the same spec back.
 */
import type { CreateContainerSpec } from '../../../shared/contract';
import { joinShellWords } from '../../../shared/cli/shell-quote';
import { formatCpus, formatGoDuration } from '../../../shared/containers/units';
import { initialFormState, newKeyValueRow, newMountRow, newPortRow, newTmpfsRow, type CreateFormState, type MemoryUnit } from './formState';

/** Bytes as the form's number and unit: whole GiB when exact, else MiB (with decimals if need be). */
function sizeFields(bytes: number | undefined): { value: string; unit: MemoryUnit } {
  if (bytes === undefined) return { value: '', unit: 'MiB' };
  if (bytes % 1024 ** 3 === 0) return { value: String(bytes / 1024 ** 3), unit: 'GiB' };
  return { value: String(bytes / 1024 ** 2), unit: 'MiB' };
}

const duration = (ns: number | undefined): string => (ns === undefined ? '' : formatGoDuration(ns));

export function fromSpec(spec: CreateContainerSpec): CreateFormState {
  const state = initialFormState(spec.image);
  const memory = sizeFields(spec.resources?.memoryBytes);
  const shm = sizeFields(spec.shmSizeBytes);
  const health = spec.healthcheck ?? {};
  const restart = spec.restartPolicy?.name ?? 'no';
  return {
    ...state,
    pull: spec.pull ?? 'missing',
    name: spec.name ?? '',
    command: spec.command ? joinShellWords(spec.command) : '',
    entrypoint: spec.entrypoint ? joinShellWords(spec.entrypoint) : '',
    workingDir: spec.workingDir ?? '',
    user: spec.user ?? '',
    hostname: spec.hostname ?? '',
    network: spec.network ?? '',
    autoRemove: spec.autoRemove ?? false,
    init: spec.init ?? false,
    readOnly: spec.readOnly ?? false,
    privileged: spec.privileged ?? false,
    tmpfs: (spec.tmpfs ?? []).map((mount) => ({ ...newTmpfsRow(), target: mount.target, options: mount.options ?? '' })),
    shmSize: shm.value,
    shmUnit: shm.unit,
    capAdd: (spec.capAdd ?? []).join(', '),
    capDrop: (spec.capDrop ?? []).join(', '),
    healthCmd: health.command ?? '',
    healthInterval: duration(health.intervalNs),
    healthTimeout: duration(health.timeoutNs),
    healthStartPeriod: duration(health.startPeriodNs),
    healthRetries: health.retries === undefined ? '' : String(health.retries),
    env: (spec.env ?? []).map(({ key, value }) => ({ ...newKeyValueRow(), key, value })),
    ports: (spec.ports ?? []).map((port) => ({
      ...newPortRow(),
      hostIp: port.hostIp ?? '127.0.0.1',
      hostPort: port.hostPort ? String(port.hostPort) : '',
      containerPort: String(port.containerPort),
      protocol: port.protocol ?? 'tcp',
    })),
    mounts: (spec.mounts ?? []).map((mount) => ({
      ...newMountRow(),
      type: mount.type,
      source: mount.source ?? '',
      target: mount.target,
      readOnly: mount.readOnly ?? false,
    })),
    tty: spec.tty ?? false,
    openStdin: spec.openStdin ?? false,
    restart,
    maxRetries: restart === 'on-failure' && spec.restartPolicy?.maximumRetryCount ? String(spec.restartPolicy.maximumRetryCount) : '',
    memory: memory.value,
    memoryUnit: memory.unit,
    cpus: spec.resources?.nanoCpus === undefined ? '' : formatCpus(spec.resources.nanoCpus),
    pidsLimit: spec.resources?.pidsLimit === undefined ? '' : String(spec.resources.pidsLimit),
    logMaxSize: spec.logConfig?.maxSize ?? '',
    logMaxFile: spec.logConfig?.maxFile === undefined ? '' : String(spec.logConfig.maxFile),
    labels: Object.entries(spec.labels ?? {}).map(([key, value]) => ({ ...newKeyValueRow(), key, value })),
  };
}
