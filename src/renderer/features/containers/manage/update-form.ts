/**
 * The Resources form of `docker update`: the container's current limits as text, and the form read
 * back into the request the engine gets, with only the fields that changed. Pure: no React, no DOM.
 *
 * The engine's own rules shape it (checked on Docker 20.10 and the same in later releases): 0 means
 * "no change" for memory, CPUs and CPU shares, so a memory or CPU limit cannot be removed by an
 * update; -1 removes a PIDs limit and makes swap unlimited; memory alone is refused when it is above
 * the memory + swap the container has now (an unlimited one has 0), so that needs swap with it.
 */
import type { InputOf } from '../../../../shared/contract';
import type { InspectDocument, JsonValue } from '../../../../shared/types/inspect';
import { formatCpus, formatMemory, parseByteSize, parseCpus } from '../../../../shared/containers/units';

export const RESTART_NAMES = ['no', 'always', 'unless-stopped', 'on-failure'] as const;
type RestartName = (typeof RESTART_NAMES)[number];

type UpdateRequest = Omit<InputOf<'containers.update'>, 'id'>;

/** The container's limits as inspect's HostConfig has them. */
export interface CurrentLimits {
  memory: number;
  /** -1: unlimited swap; 0: not set. */
  memorySwap: number;
  nanoCpus: number;
  /** 0: the default weight (1024). */
  cpuShares: number;
  /** 0, -1 or null: no limit. */
  pidsLimit: number;
  restart: { name: RestartName; maximumRetryCount: number };
  /** `--rm`: the engine refuses a restart policy for it. */
  autoRemove: boolean;
}

export interface UpdateForm {
  memory: string;
  memorySwap: string;
  cpus: string;
  cpuShares: string;
  pidsLimit: string;
  restart: RestartName;
  maxRetries: string;
}

export type UpdateField = keyof UpdateForm;

/** What is wrong with a field (a key of `manage:update.problems`, with its values). */
export interface FieldProblem {
  key: string;
  values?: Record<string, string | number>;
  /** A value for the memory + swap field that would fix this, offered as a button. */
  fixSwap?: string;
}

export interface UpdateDraft {
  /** Only what changed; empty when nothing did. */
  request: UpdateRequest;
  problems: Partial<Record<UpdateField, FieldProblem>>;
  /** Allowed, but worth a second look (a limit above what the host has). */
  warnings: Partial<Record<UpdateField, FieldProblem>>;
}

/** What the engine's host has (engine.info), for the warnings; unknown while it loads. */
export interface HostCapacity {
  cpus?: number;
  memoryBytes?: number;
}

const MIN_MEMORY = 6 * 1024 * 1024;
const DEFAULT_SHARES = 1024;

function numberAt(host: { [key: string]: JsonValue } | undefined, key: string): number {
  const value = host?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function currentLimits(inspect: InspectDocument): CurrentLimits {
  const raw = inspect.HostConfig;
  const host = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : undefined;
  const policy = host?.RestartPolicy;
  const policyObject = policy && typeof policy === 'object' && !Array.isArray(policy) ? policy : undefined;
  const name = typeof policyObject?.Name === 'string' ? policyObject.Name : '';
  return {
    memory: numberAt(host, 'Memory'),
    memorySwap: numberAt(host, 'MemorySwap'),
    nanoCpus: numberAt(host, 'NanoCpus'),
    cpuShares: numberAt(host, 'CpuShares'),
    pidsLimit: numberAt(host, 'PidsLimit'),
    restart: {
      name: (RESTART_NAMES as readonly string[]).includes(name) ? (name as RestartName) : 'no',
      maximumRetryCount: numberAt(policyObject, 'MaximumRetryCount'),
    },
    autoRemove: host?.AutoRemove === true,
  };
}

/** The form as the container is now: a limit as the CLI writes it; no limit as an empty field (the hint says "unlimited"). */
export function initialForm(current: CurrentLimits): UpdateForm {
  return {
    memory: current.memory > 0 ? formatMemory(current.memory) : '',
    memorySwap: current.memorySwap > 0 ? formatMemory(current.memorySwap) : '',
    cpus: current.nanoCpus > 0 ? formatCpus(current.nanoCpus) : '',
    cpuShares: current.cpuShares > 0 ? String(current.cpuShares) : '',
    pidsLimit: current.pidsLimit > 0 ? String(current.pidsLimit) : '',
    restart: current.restart.name,
    maxRetries: current.restart.maximumRetryCount > 0 ? String(current.restart.maximumRetryCount) : '',
  };
}

const INTEGER = /^-?\d+$/;

/** Reads the form against the container's current limits: the request of what changed, and what is wrong. */
export function readUpdateForm(form: UpdateForm, current: CurrentLimits, capacity: HostCapacity = {}): UpdateDraft {
  const initial = initialForm(current);
  const request: UpdateRequest = {};
  const problems: UpdateDraft['problems'] = {};
  const warnings: UpdateDraft['warnings'] = {};
  const edited = (field: UpdateField): string | undefined => {
    const text = form[field].trim();
    return text === initial[field].trim() ? undefined : text;
  };

  const memoryText = edited('memory');
  if (memoryText !== undefined) {
    const bytes = parseByteSize(memoryText);
    if (memoryText === '') problems.memory = { key: 'memoryRemove' };
    else if (bytes === undefined) problems.memory = { key: 'size' };
    else if (bytes < MIN_MEMORY) problems.memory = { key: /^\d+$/.test(memoryText) ? 'memoryBareNumber' : 'memoryMin' };
    else if (bytes !== current.memory) {
      request.memoryBytes = bytes;
      if (capacity.memoryBytes && bytes > capacity.memoryBytes) warnings.memory = { key: 'memoryHuge', values: { host: formatMemory(capacity.memoryBytes) } };
    }
  }

  const swapText = edited('memorySwap');
  if (swapText !== undefined) {
    const bytes = swapText === '' || swapText === '-1' ? -1 : parseByteSize(swapText);
    if (bytes === undefined) problems.memorySwap = { key: 'swapSize' };
    // Sent with a new memory even when it is the current value: the engine needs the two together.
    else if (bytes !== current.memorySwap || request.memoryBytes !== undefined) request.memorySwapBytes = bytes;
  }
  const memory = request.memoryBytes ?? current.memory;
  if (request.memorySwapBytes !== undefined && request.memorySwapBytes !== -1) {
    if (memory <= 0) problems.memorySwap = { key: 'swapNeedsMemory' };
    else if (request.memorySwapBytes < memory)
      problems.memorySwap = { key: 'swapBelow', values: { memory: formatMemory(memory) }, fixSwap: formatMemory(memory * 2) };
  } else if (request.memoryBytes !== undefined && request.memorySwapBytes === undefined && !problems.memorySwap && request.memoryBytes > current.memorySwap) {
    // The engine keeps the old memory + swap when none is sent, and refuses a memory above it.
    problems.memorySwap = {
      key: current.memorySwap > 0 ? 'swapNeededAbove' : current.memorySwap === -1 ? 'swapNeededUnlimited' : 'swapNeededUnset',
      values: { swap: current.memorySwap > 0 ? formatMemory(current.memorySwap) : '', memory: formatMemory(request.memoryBytes) },
      fixSwap: current.memorySwap === -1 ? '-1' : formatMemory(request.memoryBytes * 2),
    };
  }

  const cpusText = edited('cpus');
  if (cpusText !== undefined) {
    const nano = cpusText === '' ? 0 : parseCpus(cpusText);
    if (nano === undefined) problems.cpus = { key: 'number' };
    else if (nano === 0) problems.cpus = { key: current.nanoCpus > 0 ? 'cpusRemove' : 'cpusZero' };
    else if (nano < 10_000_000) problems.cpus = { key: 'cpusMin' };
    else if (capacity.cpus && nano > capacity.cpus * 1e9) problems.cpus = { key: 'cpusMax', values: { cpus: capacity.cpus } };
    else if (nano !== current.nanoCpus) request.nanoCpus = nano;
  }

  const sharesText = edited('cpuShares');
  if (sharesText !== undefined) {
    // Empty: back to the default weight (0 would leave it as it is).
    const shares = sharesText === '' ? DEFAULT_SHARES : INTEGER.test(sharesText) ? Number(sharesText) : undefined;
    if (shares === undefined) problems.cpuShares = { key: 'integer' };
    else if (shares < 2 || shares > 262_144) problems.cpuShares = { key: 'sharesRange' };
    else if (shares !== (current.cpuShares || DEFAULT_SHARES)) request.cpuShares = shares;
  }

  const pidsText = edited('pidsLimit');
  if (pidsText !== undefined) {
    const pids = pidsText === '' ? -1 : INTEGER.test(pidsText) ? Number(pidsText) : undefined;
    if (pids === undefined) problems.pidsLimit = { key: 'integer' };
    else if (pids === 0 || pids < -1) problems.pidsLimit = { key: 'pidsRange' };
    else if (pids !== (current.pidsLimit > 0 ? current.pidsLimit : -1)) request.pidsLimit = pids;
  }

  const retriesText = form.restart === 'on-failure' ? form.maxRetries.trim() : '';
  const retries = retriesText === '' ? 0 : INTEGER.test(retriesText) ? Number(retriesText) : undefined;
  if (retries === undefined || retries < 0 || retries > 1000) problems.maxRetries = { key: 'retriesRange' };
  else if (form.restart !== current.restart.name || (form.restart === 'on-failure' && retries !== current.restart.maximumRetryCount)) {
    if (current.autoRemove && form.restart !== 'no') problems.restart = { key: 'restartAutoRemove' };
    else request.restartPolicy = { name: form.restart, maximumRetryCount: retries };
  }

  return { request, problems, warnings };
}

/** Whether the draft may be sent: something changed and nothing is wrong. */
export function canSend(draft: UpdateDraft): boolean {
  return Object.keys(draft.request).length > 0 && Object.keys(draft.problems).length === 0;
}
