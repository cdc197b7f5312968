/**
 * The `docker run` argv that makes a container again from its inspect document, like `runlike`:
 * what the container has beyond its image's defaults (env, labels, entrypoint and command only
 * where they differ from the image; the engine's own and compose's labels left out).
 */
import type Docker from 'dockerode';
import { formatGoDuration, formatMemory, formatCpus } from '../../../shared/containers/units';

export interface RecreateInput {
  container: Docker.ContainerInspectInfo;
  /** The container's image, when the engine still has it. */
  image?: Docker.ImageInspectInfo | undefined;
  /** The engine's default log driver (`docker info`), not written when the container uses it. */
  defaultLogDriver: string;
}

/** The engine's default /dev/shm size: not written. */
const DEFAULT_SHM_BYTES = 64 * 1024 * 1024;

const sameList = (a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/** Labels compose and the engine put on containers themselves. */
const OWN_LABEL = /^com\.docker\.compose\.|^com\.docker\.desktop\./;

type HealthConfig = { Test?: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; Retries?: number };

function publishValue(hostIp: string, hostPort: string, key: string): string {
  const [port = '', protocol = 'tcp'] = key.split('/');
  const suffix = protocol === 'tcp' ? '' : `/${protocol}`;
  const ip = hostIp.includes(':') ? `[${hostIp}]` : hostIp;
  const published = ip === '' ? (hostPort ? `${hostPort}:` : '') : `${ip}:${hostPort}:`;
  return `${published}${port}${suffix}`;
}

function csvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

type MountConfig = NonNullable<Docker.HostConfig['Mounts']>[number] & {
  BindOptions?: { Propagation?: string };
  VolumeOptions?: { NoCopy?: boolean };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
};

function mountValue(mount: MountConfig): string {
  const fields = [`type=${mount.Type}`];
  if (mount.Source) fields.push(`source=${mount.Source}`);
  fields.push(`target=${mount.Target}`);
  if (mount.ReadOnly) fields.push('readonly');
  if (mount.BindOptions?.Propagation) fields.push(`bind-propagation=${mount.BindOptions.Propagation}`);
  if (mount.VolumeOptions?.NoCopy) fields.push('volume-nocopy');
  if (mount.TmpfsOptions?.SizeBytes) fields.push(`tmpfs-size=${mount.TmpfsOptions.SizeBytes}`);
  if (mount.TmpfsOptions?.Mode) fields.push(`tmpfs-mode=${mount.TmpfsOptions.Mode.toString(8)}`);
  return fields.map(csvField).join(',');
}

function healthArgs(health: HealthConfig | undefined, imageHealth: HealthConfig | undefined): string[] {
  if (!health || JSON.stringify(health) === JSON.stringify(imageHealth ?? {})) return [];
  const test = health.Test ?? [];
  if (test[0] === 'NONE') return ['--no-healthcheck'];
  const args: string[] = [];
  if (!sameList(test, imageHealth?.Test)) {
    if (test[0] === 'CMD-SHELL' && test[1] !== undefined) args.push('--health-cmd', test[1]);
    else if (test[0] === 'CMD') args.push('--health-cmd', test.slice(1).join(' '));
  }
  const durations: Array<[string, number | undefined, number | undefined]> = [
    ['--health-interval', health.Interval, imageHealth?.Interval],
    ['--health-timeout', health.Timeout, imageHealth?.Timeout],
    ['--health-start-period', health.StartPeriod, imageHealth?.StartPeriod],
  ];
  for (const [flag, value, inherited] of durations) if (value && value !== inherited) args.push(flag, formatGoDuration(value));
  if (health.Retries && health.Retries !== imageHealth?.Retries) args.push('--health-retries', String(health.Retries));
  return args;
}

/** Entrypoint and command words: `--entrypoint` (one word; the rest before the command) where they differ from the image's. */
function commandArgs(config: Docker.ContainerInspectInfo['Config'], image: Docker.ImageInspectInfo['Config'] | undefined): { flags: string[]; args: string[] } {
  const words = (value: string | string[] | null | undefined): string[] => (typeof value === 'string' ? [value] : (value ?? []));
  const entrypoint = words(config.Entrypoint);
  const cmd = config.Cmd ?? [];
  const imageEntrypoint = words(image?.Entrypoint);
  if (sameList(entrypoint, imageEntrypoint)) return { flags: [], args: sameList(cmd, image?.Cmd) ? [] : cmd };
  const [first = '', ...rest] = entrypoint;
  return { flags: ['--entrypoint', first], args: [...rest, ...cmd] };
}

function resourceArgs(host: Docker.HostConfig): string[] {
  const args: string[] = [];
  if (host.Memory) args.push('--memory', formatMemory(host.Memory));
  // The engine sets swap to twice the memory when only memory is given.
  if (host.MemorySwap && host.MemorySwap !== (host.Memory ?? 0) * 2) args.push('--memory-swap', host.MemorySwap === -1 ? '-1' : formatMemory(host.MemorySwap));
  if (host.MemoryReservation) args.push('--memory-reservation', formatMemory(host.MemoryReservation));
  if (host.NanoCpus) args.push('--cpus', formatCpus(host.NanoCpus));
  if (host.CpuShares) args.push('--cpu-shares', String(host.CpuShares));
  if (host.CpusetCpus) args.push('--cpuset-cpus', host.CpusetCpus);
  if (host.PidsLimit && host.PidsLimit > 0) args.push('--pids-limit', String(host.PidsLimit));
  if (host.ShmSize && host.ShmSize !== DEFAULT_SHM_BYTES) args.push('--shm-size', formatMemory(host.ShmSize));
  return args;
}

function networkArgs(container: Docker.ContainerInspectInfo): string[] {
  const host = container.HostConfig;
  const mode = host.NetworkMode ?? '';
  const args: string[] = [];
  if (mode && mode !== 'default' && mode !== 'bridge') args.push('--network', mode);
  // The engine names a container after its short id (or the host's name on the host network).
  const ownsHostname = mode !== 'host' && !mode.startsWith('container:');
  if (ownsHostname && container.Config.Hostname && container.Config.Hostname !== container.Id.slice(0, 12)) args.push('--hostname', container.Config.Hostname);
  if (container.Config.Domainname) args.push('--domainname', container.Config.Domainname);
  for (const entry of host.ExtraHosts ?? []) args.push('--add-host', entry);
  for (const server of host.Dns ?? []) args.push('--dns', server);
  for (const domain of host.DnsSearch ?? []) args.push('--dns-search', domain);
  for (const option of host.DnsOptions ?? []) args.push('--dns-option', option);
  for (const [key, bindings] of Object.entries(host.PortBindings ?? {})) {
    for (const binding of (bindings as Array<{ HostIp?: string; HostPort?: string }> | null) ?? []) {
      args.push('-p', publishValue(binding.HostIp ?? '', binding.HostPort ?? '', key));
    }
  }
  if (host.PublishAllPorts) args.push('-P');
  return args;
}

/** `--expose` for ports the container exposes beyond its image and its published ports. */
function exposeArgs(container: Docker.ContainerInspectInfo, image: Docker.ImageInspectInfo['Config'] | undefined): string[] {
  const published = container.HostConfig.PortBindings ?? {};
  const inherited = (image as { ExposedPorts?: Record<string, object> } | undefined)?.ExposedPorts ?? {};
  return Object.keys(container.Config.ExposedPorts ?? {})
    .filter((key) => !Object.hasOwn(published, key) && !Object.hasOwn(inherited, key))
    .flatMap((key) => ['--expose', key.endsWith('/tcp') ? key.slice(0, -4) : key]);
}

function securityArgs(host: Docker.HostConfig & { Init?: boolean | null }): string[] {
  const args: string[] = [];
  if (host.Init) args.push('--init');
  if (host.ReadonlyRootfs) args.push('--read-only');
  if (host.Privileged) args.push('--privileged');
  for (const cap of host.CapAdd ?? []) args.push('--cap-add', cap);
  for (const cap of host.CapDrop ?? []) args.push('--cap-drop', cap);
  for (const option of host.SecurityOpt ?? []) args.push('--security-opt', option);
  for (const device of host.Devices ?? []) {
    args.push('--device', [device.PathOnHost, device.PathInContainer, device.CgroupPermissions].filter(Boolean).join(':'));
  }
  return args;
}

export function recreateArgv({ container, image, defaultLogDriver }: RecreateInput): string[] {
  const config = container.Config;
  const host = container.HostConfig;
  const imageConfig = image?.Config;
  const args = ['docker', 'run', '-d', '--name', container.Name.replace(/^\//, '')];
  if (host.AutoRemove) args.push('--rm');
  const restart = host.RestartPolicy?.Name ?? '';
  if (restart === 'on-failure' && host.RestartPolicy?.MaximumRetryCount) args.push('--restart', `on-failure:${host.RestartPolicy.MaximumRetryCount}`);
  else if (restart && restart !== 'no') args.push('--restart', restart);
  if (config.Tty) args.push('-t');
  if (config.OpenStdin) args.push('-i');

  const imageEnv = new Set(imageConfig?.Env ?? []);
  for (const entry of config.Env ?? []) if (!imageEnv.has(entry)) args.push('-e', entry);
  const imageLabels = imageConfig?.Labels ?? {};
  for (const [key, value] of Object.entries(config.Labels ?? {})) {
    if (!OWN_LABEL.test(key) && imageLabels[key] !== value) args.push('--label', `${key}=${value}`);
  }
  if (config.User && config.User !== (imageConfig?.User ?? '')) args.push('-u', config.User);
  if (config.WorkingDir && config.WorkingDir !== (imageConfig?.WorkingDir ?? '')) args.push('-w', config.WorkingDir);
  const stopSignal = (config as { StopSignal?: string }).StopSignal;
  if (stopSignal && stopSignal !== (imageConfig as { StopSignal?: string } | undefined)?.StopSignal) args.push('--stop-signal', stopSignal);

  args.push(...networkArgs(container), ...exposeArgs(container, imageConfig));
  for (const bind of host.Binds ?? []) args.push('-v', bind);
  for (const mount of (host.Mounts ?? []) as MountConfig[]) args.push('--mount', mountValue(mount));
  for (const [target, options] of Object.entries((host as { Tmpfs?: Record<string, string> }).Tmpfs ?? {}))
    args.push('--tmpfs', options ? `${target}:${options}` : target);
  for (const from of host.VolumesFrom ?? []) args.push('--volumes-from', from);
  args.push(...resourceArgs(host), ...securityArgs(host));

  const log = host.LogConfig;
  if (log?.Type && log.Type !== defaultLogDriver) args.push('--log-driver', log.Type);
  for (const [key, value] of Object.entries(log?.Config ?? {})) args.push('--log-opt', `${key}=${value}`);
  args.push(...healthArgs((config as { Healthcheck?: HealthConfig }).Healthcheck, (imageConfig as { Healthcheck?: HealthConfig } | undefined)?.Healthcheck));

  const { flags, args: commandWords } = commandArgs(config, imageConfig);
  args.push(...flags);
  // An image whose reference starts with `-` would read as a flag.
  args.push(...(config.Image.startsWith('-') ? ['--', config.Image] : [config.Image]), ...commandWords);
  return args;
}
