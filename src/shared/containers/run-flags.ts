/**
 * Every flag `docker run` and `docker create` take, as docker/cli declares them
 * (cli/command/container/opts.go addFlags, run.go and create.go; hidden aliases and flags of
 * older CLIs included): whether it takes a value, its one-letter form, and whether only `run`
 * has it. The parser needs this to know which word is a flag's value and which is the image.
 */

type FlagKind = 'bool' | 'value';

export interface RunFlag {
  readonly kind: FlagKind;
  readonly short?: string;
  /** `run` only (`--detach`, `--sig-proxy`, `--detach-keys`). */
  readonly runOnly?: boolean;
}

const bool = (short?: string): RunFlag => (short ? { kind: 'bool', short } : { kind: 'bool' });
const value = (short?: string): RunFlag => (short ? { kind: 'value', short } : { kind: 'value' });

export const RUN_FLAGS: Readonly<Record<string, RunFlag>> = {
  // run.go / create.go
  detach: { kind: 'bool', short: 'd', runOnly: true },
  'sig-proxy': { kind: 'bool', runOnly: true },
  'detach-keys': { kind: 'value', runOnly: true },
  name: value(),
  pull: value(),
  quiet: bool('q'),
  'use-api-socket': bool(),
  help: bool(),
  platform: value(),
  'disable-content-trust': bool(),
  // opts.go: general purpose
  attach: value('a'),
  'device-cgroup-rule': value(),
  device: value(),
  gpus: value(),
  env: value('e'),
  'env-file': value(),
  entrypoint: value(),
  'group-add': value(),
  hostname: value('h'),
  domainname: value(),
  interactive: bool('i'),
  label: value('l'),
  'label-file': value(),
  'read-only': bool(),
  restart: value(),
  'stop-signal': value(),
  'stop-timeout': value(),
  sysctl: value(),
  tty: bool('t'),
  ulimit: value(),
  user: value('u'),
  workdir: value('w'),
  rm: bool(),
  // security
  'cap-add': value(),
  'cap-drop': value(),
  privileged: bool(),
  'security-opt': value(),
  userns: value(),
  cgroupns: value(),
  // network and ports
  'add-host': value(),
  dns: value(),
  'dns-opt': value(),
  'dns-option': value(),
  'dns-search': value(),
  expose: value(),
  ip: value(),
  ip6: value(),
  link: value(),
  'link-local-ip': value(),
  'mac-address': value(),
  publish: value('p'),
  'publish-all': bool('P'),
  net: value(),
  network: value(),
  'net-alias': value(),
  'network-alias': value(),
  // logging and storage
  'log-driver': value(),
  'volume-driver': value(),
  'log-opt': value(),
  'storage-opt': value(),
  tmpfs: value(),
  'volumes-from': value(),
  volume: value('v'),
  mount: value(),
  // health checks
  'health-cmd': value(),
  'health-interval': value(),
  'health-retries': value(),
  'health-timeout': value(),
  'health-start-period': value(),
  'health-start-interval': value(),
  'no-healthcheck': bool(),
  // resources
  'blkio-weight': value(),
  'blkio-weight-device': value(),
  cidfile: value(),
  'cpuset-cpus': value(),
  'cpuset-mems': value(),
  'cpu-count': value(),
  'cpu-percent': value(),
  'cpu-period': value(),
  'cpu-quota': value(),
  'cpu-rt-period': value(),
  'cpu-rt-runtime': value(),
  'cpu-shares': value('c'),
  cpus: value(),
  'device-read-bps': value(),
  'device-read-iops': value(),
  'device-write-bps': value(),
  'device-write-iops': value(),
  'io-maxbandwidth': value(),
  'io-maxiops': value(),
  memory: value('m'),
  'memory-reservation': value(),
  'memory-swap': value(),
  'memory-swappiness': value(),
  'oom-kill-disable': bool(),
  'oom-score-adj': value(),
  'pids-limit': value(),
  // low-level execution
  'cgroup-parent': value(),
  ipc: value(),
  isolation: value(),
  pid: value(),
  'shm-size': value(),
  uts: value(),
  runtime: value(),
  init: bool(),
  annotation: value(),
  'kernel-memory': value(),
};

const BY_SHORT: ReadonlyMap<string, string> = new Map(Object.entries(RUN_FLAGS).flatMap(([long, flag]) => (flag.short ? [[flag.short, long] as const] : [])));

/** The long name of a one-letter flag (`p` -> `publish`). */
export function longNameOf(short: string): string | undefined {
  return BY_SHORT.get(short);
}

export function runFlag(long: string): RunFlag | undefined {
  return Object.hasOwn(RUN_FLAGS, long) ? RUN_FLAGS[long] : undefined;
}
