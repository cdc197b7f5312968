/**
 * The pure mapping from the create form's state to a `containers.create` / `containers.run` spec.
 * Empty rows are dropped; text that cannot become the number or words the spec needs is reported as
 * a local error on its field (the shared schema then checks everything else).
 */
import type { CreateContainerSpec } from '../../../shared/contract';
import { splitShellWords } from '../../../shared/cli/shell-quote';
import { DEFAULT_HOST_IP, type CreateFormState, type MemoryUnit } from './formState';
import { applyOptions } from './toSpecOptions';

/** Sections whose fields repeat per row; a row field's key is `<section>.<rowId>.<field>`. */
export type RowSection = 'env' | 'ports' | 'mounts' | 'labels' | 'tmpfs';

export function rowFieldKey(section: RowSection, rowId: string, field: string): string {
  return `${section}.${rowId}.${field}`;
}

/** A message to show on a field: a key in the `create` catalog's `issues`, or raw text when unknown. */
export interface FieldMessage {
  key?: string;
  values?: Record<string, string | number>;
  raw: string;
}

export interface FieldError {
  field: string;
  message: FieldMessage;
}

export interface SpecDraft {
  spec: CreateContainerSpec;
  /** Problems found while reading the form (not numbers, an unterminated quote, a duplicate key). */
  localErrors: FieldError[];
  /** Which form row each spec array entry came from, to put schema issues on the right row. */
  rows: { env: string[]; ports: string[]; mounts: string[]; tmpfs: string[]; labels: Map<string, string> };
}

const MEMORY_UNIT_BYTES: Record<MemoryUnit, number> = { MiB: 1024 ** 2, GiB: 1024 ** 3 };

type MountSpec = NonNullable<CreateContainerSpec['mounts']>[number];

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

type NumberRead = { ok: true; value: number | undefined } | { ok: false };

/** Empty text: no value. Anything but a (signed) whole number: an error. */
function readInteger(text: string): NumberRead {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  return INTEGER.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false };
}

function readDecimal(text: string): NumberRead {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  return DECIMAL.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false };
}

/** "1.5" GiB -> 1610612736 bytes (rounded to a whole byte). */
export function memoryToBytes(text: string, unit: MemoryUnit): NumberRead {
  const read = readDecimal(text);
  if (!read.ok || read.value === undefined) return read;
  return { ok: true, value: Math.round(read.value * MEMORY_UNIT_BYTES[unit]) };
}

/** "1.5" CPUs -> 1500000000 nanoCPUs. */
export function cpusToNano(text: string): NumberRead {
  const read = readDecimal(text);
  if (!read.ok || read.value === undefined) return read;
  return { ok: true, value: Math.round(read.value * 1e9) };
}

const UNTERMINATED = /^Unterminated (single|double) quote \(opened at character (\d+)\)/;

function commandMessage(error: string): FieldMessage {
  const match = UNTERMINATED.exec(error);
  if (!match) return { raw: error };
  const key = match[1] === 'single' ? 'unterminatedSingle' : 'unterminatedDouble';
  return { key, values: { position: Number(match[2]) }, raw: error };
}

const NOT_INTEGER: FieldMessage = { key: 'integer', raw: 'Enter a whole number.' };
const NOT_NUMBER: FieldMessage = { key: 'number', raw: 'Enter a number.' };
const REQUIRED: FieldMessage = { key: 'required', raw: 'Required.' };

export function toSpec(state: CreateFormState): SpecDraft {
  const localErrors: FieldError[] = [];
  const fail = (field: string, message: FieldMessage): void => {
    localErrors.push({ field, message });
  };
  const integer = (text: string, field: string): number | undefined => {
    const read = readInteger(text);
    if (read.ok) return read.value;
    fail(field, NOT_INTEGER);
    return undefined;
  };
  const rows: SpecDraft['rows'] = { env: [], ports: [], mounts: [], tmpfs: [], labels: new Map() };
  const spec: CreateContainerSpec = { image: state.image.trim() };

  const name = state.name.trim();
  if (name) spec.name = name;

  const words = (text: string, field: string): string[] | undefined => {
    const split = splitShellWords(text);
    if (split.ok) return split.words;
    fail(field, commandMessage(split.error));
    return undefined;
  };
  const command = words(state.command, 'command');
  if (command && command.length > 0) spec.command = command;
  applyOptions(
    state,
    spec,
    {
      fail,
      integer,
      words,
      bytes: (text, unit, field) => {
        const read = memoryToBytes(text, unit);
        if (!read.ok) fail(field, NOT_NUMBER);
        return read.ok ? read.value : undefined;
      },
    },
    rows.tmpfs,
  );

  const env = state.env.filter((row) => row.key.trim() !== '' || row.value !== '');
  if (env.length > 0) spec.env = env.map((row) => ({ key: row.key.trim(), value: row.value }));
  rows.env = env.map((row) => row.id);

  const ports = state.ports.filter(
    (row) => row.hostPort.trim() !== '' || row.containerPort.trim() !== '' || ![DEFAULT_HOST_IP, ''].includes(row.hostIp.trim()),
  );
  if (ports.length > 0) {
    spec.ports = ports.map((row) => {
      const containerField = rowFieldKey('ports', row.id, 'containerPort');
      let containerPort = integer(row.containerPort, containerField);
      if (containerPort === undefined && row.containerPort.trim() === '') fail(containerField, REQUIRED);
      containerPort ??= Number.NaN;
      const hostPort = integer(row.hostPort, rowFieldKey('ports', row.id, 'hostPort'));
      const hostIp = row.hostIp.trim();
      return {
        containerPort,
        protocol: row.protocol,
        ...(hostIp ? { hostIp } : {}),
        ...(hostPort !== undefined ? { hostPort } : {}),
      };
    });
  }
  rows.ports = ports.map((row) => row.id);

  const mounts = state.mounts.filter((row) => row.source.trim() !== '' || row.target.trim() !== '');
  if (mounts.length > 0) {
    spec.mounts = mounts.map((row): MountSpec => {
      const source = row.source.trim();
      const target = row.target.trim();
      if (row.type === 'bind') return { type: 'bind', source, target, readOnly: row.readOnly };
      return { type: 'volume', ...(source ? { source } : {}), target, readOnly: row.readOnly };
    });
  }
  rows.mounts = mounts.map((row) => row.id);

  if (state.pull !== 'missing') spec.pull = state.pull;
  if (state.tty) spec.tty = true;
  if (state.openStdin) spec.openStdin = true;

  if (state.restart === 'on-failure') {
    const retries = integer(state.maxRetries, 'maxRetries');
    spec.restartPolicy = { name: 'on-failure', maximumRetryCount: retries ?? 0 };
  } else if (state.restart !== 'no') {
    spec.restartPolicy = { name: state.restart, maximumRetryCount: 0 };
  }

  const resources: NonNullable<CreateContainerSpec['resources']> = {};
  const memory = memoryToBytes(state.memory, state.memoryUnit);
  if (!memory.ok) fail('memory', NOT_NUMBER);
  else if (memory.value !== undefined) resources.memoryBytes = memory.value;
  const cpus = cpusToNano(state.cpus);
  if (!cpus.ok) fail('cpus', NOT_NUMBER);
  else if (cpus.value !== undefined) resources.nanoCpus = cpus.value;
  const pids = integer(state.pidsLimit, 'pidsLimit');
  if (pids !== undefined) resources.pidsLimit = pids;
  if (Object.keys(resources).length > 0) spec.resources = resources;

  const maxSize = state.logMaxSize.trim();
  const maxFile = integer(state.logMaxFile, 'logMaxFile');
  if (maxSize || maxFile !== undefined) {
    spec.logConfig = { ...(maxSize ? { maxSize } : {}), ...(maxFile !== undefined ? { maxFile } : {}) };
  }

  const labels: Record<string, string> = {};
  for (const row of state.labels) {
    const key = row.key.trim();
    if (key === '' && row.value === '') continue;
    if (rows.labels.has(key)) {
      fail(rowFieldKey('labels', row.id, 'key'), { key: 'duplicateKey', raw: 'This key is already used.' });
      continue;
    }
    rows.labels.set(key, row.id);
    labels[key] = row.value;
  }
  if (rows.labels.size > 0) spec.labels = labels;

  return { spec, localErrors, rows };
}

/** The spec as the CLI line shows it: port rows still missing their container port are left out. */
export function specForCli(spec: CreateContainerSpec): CreateContainerSpec {
  if (!spec.ports?.some((port) => !Number.isFinite(port.containerPort))) return spec;
  return { ...spec, ports: spec.ports.filter((port) => Number.isFinite(port.containerPort)) };
}
