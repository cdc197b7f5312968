import type Docker from 'dockerode';
import type { ParsedCreateContainerSpec } from '../../shared/contract';

type CreateOptions = Docker.ContainerCreateOptions;

/** Translates the form's spec into the engine's create body, as `docker create` would. */
export function toCreateOptions(spec: ParsedCreateContainerSpec): CreateOptions {
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
    ...(spec.command && spec.command.length > 0 ? { Cmd: spec.command } : {}),
    ...(spec.entrypoint && spec.entrypoint.length > 0 ? { Entrypoint: spec.entrypoint } : {}),
    ...(spec.workingDir ? { WorkingDir: spec.workingDir } : {}),
    ...(spec.user ? { User: spec.user } : {}),
    Env: spec.env.map(({ key, value }) => `${key}=${value}`),
    Labels: spec.labels,
    Tty: spec.tty,
    OpenStdin: spec.openStdin,
    StdinOnce: false,
    AttachStdin: spec.openStdin,
    AttachStdout: true,
    AttachStderr: true,
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
        Name: spec.restartPolicy.name === 'no' ? '' : spec.restartPolicy.name,
        ...(spec.restartPolicy.name === 'on-failure'
          ? { MaximumRetryCount: spec.restartPolicy.maximumRetryCount }
          : {}),
      },
      ...(spec.resources.memoryBytes !== undefined ? { Memory: spec.resources.memoryBytes } : {}),
      ...(spec.resources.nanoCpus !== undefined ? { NanoCpus: spec.resources.nanoCpus } : {}),
      ...(spec.resources.pidsLimit !== undefined ? { PidsLimit: spec.resources.pidsLimit } : {}),
      ...(hasLogOptions ? { LogConfig: { Type: 'json-file', Config: logOptions } } : {}),
    },
  };
}
