import type Docker from 'dockerode';
import type { ParsedCreateContainerSpec } from '../../../shared/contract';

type CreateOptions = Docker.ContainerCreateOptions;

/** Fresh each time: the body is the engine's to keep. */
const emptyHostLists = (): Docker.HostConfig => ({
  Dns: [],
  DnsOptions: [],
  DnsSearch: [],
  BlkioWeightDevice: [],
  BlkioDeviceReadBps: [],
  BlkioDeviceWriteBps: [],
  BlkioDeviceReadIOps: [],
  BlkioDeviceWriteIOps: [],
  Devices: [],
  Ulimits: [],
});

/**
 * `create`: as `docker create`, which sets the container up to be attached to (stdin kept for one
 * attach with -i). `run-detached`: as `docker run -d`, which attaches nothing.
 */
export type CreateMode = 'create' | 'run-detached';

/** Translates the form's spec into the engine's create body, as the docker CLI would send it. */
export function toCreateOptions(spec: ParsedCreateContainerSpec, mode: CreateMode = 'create'): CreateOptions {
  const attached = mode === 'create';
  // The CLI's --entrypoint takes one word and the rest goes before the command: the container is
  // made the same way, so the CLI line Berth shows makes exactly this container.
  const [entrypoint, ...entrypointRest] = spec.entrypoint ?? [];
  const command = [...entrypointRest, ...(spec.command ?? [])];
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const port of spec.ports) {
    const key = `${port.containerPort}/${port.protocol}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: port.hostIp, HostPort: port.hostPort ? String(port.hostPort) : '' });
  }

  const logOptions: Record<string, string> = {};
  if (spec.logConfig.maxSize) logOptions['max-size'] = spec.logConfig.maxSize.toLowerCase();
  if (spec.logConfig.maxFile !== undefined) logOptions['max-file'] = String(spec.logConfig.maxFile);
  const hasLogOptions = Object.keys(logOptions).length > 0;

  return {
    Image: spec.image,
    ...(spec.name ? { name: spec.name } : {}),
    ...(command.length > 0 ? { Cmd: command } : {}),
    ...(entrypoint !== undefined ? { Entrypoint: [entrypoint] } : {}),
    ...(spec.workingDir ? { WorkingDir: spec.workingDir } : {}),
    ...(spec.user ? { User: spec.user } : {}),
    Env: spec.env.map(({ key, value }) => `${key}=${value}`),
    Labels: spec.labels,
    Tty: spec.tty,
    OpenStdin: spec.openStdin,
    StdinOnce: attached && spec.openStdin,
    AttachStdin: attached && spec.openStdin,
    AttachStdout: attached,
    AttachStderr: attached,
    ExposedPorts: exposed,
    HostConfig: {
      PortBindings: bindings,
      Mounts: spec.mounts.map((mount) => ({
        Type: mount.type,
        Target: mount.target,
        ReadOnly: mount.readOnly,
        // An empty source makes an anonymous volume.
        Source: mount.source ?? '',
      })),
      RestartPolicy: {
        Name: spec.restartPolicy.name,
        MaximumRetryCount: spec.restartPolicy.name === 'on-failure' ? spec.restartPolicy.maximumRetryCount : 0,
      },
      // The CLI sends these lists empty rather than absent, and inspect shows the difference.
      ...emptyHostLists(),
      ...(spec.resources.memoryBytes !== undefined ? { Memory: spec.resources.memoryBytes } : {}),
      ...(spec.resources.nanoCpus !== undefined ? { NanoCpus: spec.resources.nanoCpus } : {}),
      ...(spec.resources.pidsLimit !== undefined ? { PidsLimit: spec.resources.pidsLimit } : {}),
      ...(hasLogOptions ? { LogConfig: { Type: 'json-file', Config: logOptions } } : {}),
    },
  };
}
