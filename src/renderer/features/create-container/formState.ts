/** The create form's own state: every field as the user typed it (strings), rows with stable ids. */

export const RESTART_POLICIES = ['no', 'always', 'unless-stopped', 'on-failure'] as const;
type RestartPolicyName = (typeof RESTART_POLICIES)[number];

export const PROTOCOLS = ['tcp', 'udp', 'sctp'] as const;
type Protocol = (typeof PROTOCOLS)[number];

export const MOUNT_TYPES = ['bind', 'volume'] as const;
type MountType = (typeof MOUNT_TYPES)[number];

export const MEMORY_UNITS = ['MiB', 'GiB'] as const;
export type MemoryUnit = (typeof MEMORY_UNITS)[number];

export const DEFAULT_HOST_IP = '127.0.0.1';

/** `--pull`: when to pull the image first (the CLI's default is missing). */
export const PULL_POLICIES = ['missing', 'always', 'never'] as const;
export type PullPolicy = (typeof PULL_POLICIES)[number];

export interface KeyValueRow {
  id: string;
  key: string;
  value: string;
}

export interface PortRow {
  id: string;
  hostIp: string;
  /** Empty: the engine picks a free port. */
  hostPort: string;
  containerPort: string;
  protocol: Protocol;
}

export interface MountRow {
  id: string;
  type: MountType;
  /** A host path for bind; a volume name (or empty for an anonymous volume) for volume. */
  source: string;
  target: string;
  readOnly: boolean;
}

export interface TmpfsRow {
  id: string;
  target: string;
  /** Mount options as the kernel takes them, e.g. rw,size=64m. */
  options: string;
}

export interface CreateFormState {
  image: string;
  pull: PullPolicy;
  name: string;
  /** One line, split into words as sh would. */
  command: string;
  /** Split as the command; the CLI takes its first word (`--entrypoint`), the rest go before the command. */
  entrypoint: string;
  workingDir: string;
  user: string;
  hostname: string;
  /** Empty: the engine's default (bridge). */
  network: string;
  autoRemove: boolean;
  init: boolean;
  readOnly: boolean;
  privileged: boolean;
  tmpfs: TmpfsRow[];
  shmSize: string;
  shmUnit: MemoryUnit;
  /** Capability names separated by commas or spaces, e.g. NET_ADMIN, SYS_TIME. */
  capAdd: string;
  capDrop: string;
  healthCmd: string;
  /** Go durations as the CLI takes them: 30s, 1m30s, 500ms. */
  healthInterval: string;
  healthTimeout: string;
  healthStartPeriod: string;
  healthRetries: string;
  env: KeyValueRow[];
  ports: PortRow[];
  mounts: MountRow[];
  tty: boolean;
  openStdin: boolean;
  restart: RestartPolicyName;
  maxRetries: string;
  memory: string;
  memoryUnit: MemoryUnit;
  /** A decimal number of CPUs, e.g. 1.5. */
  cpus: string;
  pidsLimit: string;
  /** json-file max-size, e.g. 10m. */
  logMaxSize: string;
  logMaxFile: string;
  labels: KeyValueRow[];
}

let nextRowId = 0;

/** An id unique for this page's life: rows keep their identity (and their errors) when others go. */
function newRowId(): string {
  nextRowId += 1;
  return `row${nextRowId}`;
}

export function newKeyValueRow(): KeyValueRow {
  return { id: newRowId(), key: '', value: '' };
}

export function newPortRow(): PortRow {
  return { id: newRowId(), hostIp: DEFAULT_HOST_IP, hostPort: '', containerPort: '', protocol: 'tcp' };
}

export function newMountRow(): MountRow {
  return { id: newRowId(), type: 'volume', source: '', target: '', readOnly: false };
}

export function newTmpfsRow(): TmpfsRow {
  return { id: newRowId(), target: '', options: '' };
}

export function initialFormState(image = ''): CreateFormState {
  return {
    image,
    pull: 'missing',
    name: '',
    command: '',
    entrypoint: '',
    workingDir: '',
    user: '',
    hostname: '',
    network: '',
    autoRemove: false,
    init: false,
    readOnly: false,
    privileged: false,
    tmpfs: [],
    shmSize: '',
    shmUnit: 'MiB',
    capAdd: '',
    capDrop: '',
    healthCmd: '',
    healthInterval: '',
    healthTimeout: '',
    healthStartPeriod: '',
    healthRetries: '',
    env: [],
    ports: [],
    mounts: [],
    tty: false,
    openStdin: false,
    restart: 'no',
    maxRetries: '',
    memory: '',
    memoryUnit: 'MiB',
    cpus: '',
    pidsLimit: '',
    logMaxSize: '',
    logMaxFile: '',
    labels: [],
  };
}

/** What each section of the form gets: the whole state and a way to change part of it. */
export interface SectionProps {
  state: CreateFormState;
  update(patch: Partial<CreateFormState>): void;
}
