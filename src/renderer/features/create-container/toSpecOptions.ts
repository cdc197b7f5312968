/**
 * The create form's container options (entrypoint, user, working directory, host name, network,
 * --rm, --init, --read-only, --tmpfs, --shm-size, capabilities, --privileged, health check) into
 * the spec, beside toSpec's basics; text that cannot become a value is a local error on its field.
 */
import type { CreateContainerSpec } from '../../../shared/contract';
import { parseGoDuration } from '../../../shared/containers/units';
import type { CreateFormState } from './formState';

/** What the basics' reader shares with this one: how to report and read a field. */
export interface OptionReader {
  fail(field: string, message: { key?: string; values?: Record<string, string | number>; raw: string }): void;
  integer(text: string, field: string): number | undefined;
  bytes(text: string, unit: CreateFormState['shmUnit'], field: string): number | undefined;
  words(text: string, field: string): string[] | undefined;
}

const NOT_DURATION = { key: 'duration', raw: 'Enter a duration such as 30s, 1m30s or 500ms.' };

/** `NET_ADMIN, sys_time` -> ['NET_ADMIN', 'sys_time']. */
function capabilityList(text: string): string[] {
  return text.split(/[\s,]+/).filter((name) => name !== '');
}

export function applyOptions(state: CreateFormState, spec: CreateContainerSpec, read: OptionReader, tmpfsRows: string[]): void {
  const entrypoint = read.words(state.entrypoint, 'entrypoint');
  if (entrypoint && entrypoint.length > 0) spec.entrypoint = entrypoint;
  const text = (value: string): string | undefined => value.trim() || undefined;
  const workingDir = text(state.workingDir);
  if (workingDir) spec.workingDir = workingDir;
  const user = text(state.user);
  if (user) spec.user = user;
  const hostname = text(state.hostname);
  if (hostname) spec.hostname = hostname;
  const network = text(state.network);
  if (network) spec.network = network;
  if (state.autoRemove) spec.autoRemove = true;
  if (state.init) spec.init = true;
  if (state.readOnly) spec.readOnly = true;
  if (state.privileged) spec.privileged = true;

  const tmpfs = state.tmpfs.filter((row) => row.target.trim() !== '' || row.options.trim() !== '');
  if (tmpfs.length > 0) {
    spec.tmpfs = tmpfs.map((row) => ({ target: row.target.trim(), ...(row.options.trim() ? { options: row.options.trim() } : {}) }));
  }
  tmpfsRows.push(...tmpfs.map((row) => row.id));

  const shm = read.bytes(state.shmSize, state.shmUnit, 'shmSize');
  if (shm !== undefined) spec.shmSizeBytes = shm;
  const capAdd = capabilityList(state.capAdd);
  if (capAdd.length > 0) spec.capAdd = capAdd;
  const capDrop = capabilityList(state.capDrop);
  if (capDrop.length > 0) spec.capDrop = capDrop;

  const duration = (value: string, field: string): number | undefined => {
    if (value.trim() === '') return undefined;
    const ns = parseGoDuration(value);
    if (ns === undefined) read.fail(field, NOT_DURATION);
    return ns;
  };
  const health: NonNullable<CreateContainerSpec['healthcheck']> = {};
  if (state.healthCmd !== '') health.command = state.healthCmd;
  const interval = duration(state.healthInterval, 'healthInterval');
  if (interval !== undefined) health.intervalNs = interval;
  const timeout = duration(state.healthTimeout, 'healthTimeout');
  if (timeout !== undefined) health.timeoutNs = timeout;
  const startPeriod = duration(state.healthStartPeriod, 'healthStartPeriod');
  if (startPeriod !== undefined) health.startPeriodNs = startPeriod;
  const retries = read.integer(state.healthRetries, 'healthRetries');
  if (retries !== undefined) health.retries = retries;
  if (Object.keys(health).length > 0) spec.healthcheck = health;
}
