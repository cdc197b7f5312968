import type Docker from 'dockerode';
import type { ParsedCreateContainerSpec } from '../../../shared/contract';
import { BerthError } from '../../../shared/errors';
import {
  CONTAINER_STATES,
  type ContainerActionResult,
  type ContainerExit,
  type ContainerSizes,
  type ContainerState,
  type ContainerSummary,
  type CreatedContainer,
  type PortProtocol,
} from '../../../shared/types/containers';
import { engineCall, toBerthError } from '../core/errors';
import { toCreateOptions, type CreateMode } from './create-options';
import { ensureImage, type ImagePuller } from '../registries/ensure-image';

function toState(value: string): ContainerState {
  return (CONTAINER_STATES as readonly string[]).includes(value) ? (value as ContainerState) : 'dead';
}

/** The sizes `size=true` adds to a row (dockerode's type leaves them out). */
function sizesOf(row: Docker.ContainerInfo): ContainerSizes {
  const sized = row as Docker.ContainerInfo & { SizeRw?: number; SizeRootFs?: number };
  return { sizeRw: sized.SizeRw ?? 0, sizeRootFs: sized.SizeRootFs ?? 0 };
}

export async function listContainers(docker: Docker, all: boolean, size = false): Promise<ContainerSummary[]> {
  const rows = await engineCall(() => docker.listContainers({ all, size }), { action: 'list containers' });
  return rows.map((row) => ({
    id: row.Id,
    name: (row.Names?.[0] ?? row.Id.slice(0, 12)).replace(/^\//, ''),
    image: row.Image,
    imageId: row.ImageID,
    command: row.Command,
    created: row.Created,
    state: toState(row.State),
    status: row.Status,
    ports: (row.Ports ?? []).map((port) => ({
      containerPort: port.PrivatePort,
      protocol: port.Type as PortProtocol,
      ...(port.IP ? { hostIp: port.IP } : {}),
      ...(port.PublicPort ? { hostPort: port.PublicPort } : {}),
    })),
    labels: row.Labels ?? {},
    ...(size ? { sizes: sizesOf(row) } : {}),
  }));
}

/** POST /containers/create as dockerode does it, but keeping the engine's Warnings (dockerode drops them). */
function createWithWarnings(docker: Docker, options: Docker.ContainerCreateOptions): Promise<{ Id: string; Warnings?: string[] | null }> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: '/containers/create?',
        method: 'POST',
        options,
        statusCodes: { 200: true, 201: true, 400: 'bad parameter', 404: 'no such image', 409: 'conflict', 500: 'server error' },
      },
      (err, data) => (err ? reject(err) : resolve(data as { Id: string; Warnings?: string[] | null })),
    );
  });
}

/**
 * `docker create`: with `--pull missing` (the default) an image the engine lacks is pulled first,
 * with `always` it is pulled in any case, with `never` a missing image is an error.
 */
export async function createContainer(
  docker: Docker,
  spec: ParsedCreateContainerSpec,
  puller?: ImagePuller,
  mode: CreateMode = 'create',
): Promise<CreatedContainer> {
  const pulled = puller ? await ensureImage(docker, spec.image, spec.pull, puller) : undefined;
  try {
    const created = await createWithWarnings(docker, toCreateOptions(spec, mode));
    const inspected = await docker.getContainer(created.Id).inspect();
    const warnings = (created.Warnings ?? []).filter((w) => typeof w === 'string' && w.trim() !== '');
    return { id: created.Id, name: inspected.Name.replace(/^\//, ''), warnings, ...(pulled ? { pulled } : {}) };
  } catch (err) {
    const mapped = toBerthError(err, { action: 'create the container' });
    if (mapped.code === 'NOT_FOUND' && /no such image/i.test(mapped.message)) {
      throw new BerthError('NOT_FOUND', `Image ${spec.image} is not on this engine. Pull or import it first${spec.pull === 'never' ? ' (--pull never)' : ''}.`);
    }
    if (mapped.code === 'CONFLICT' && spec.name && /already in use/i.test(mapped.message)) {
      throw new BerthError('CONFLICT', `The name ${spec.name} is already in use by another container.`);
    }
    throw mapped;
  }
}

/** `docker run -d`: create, then start. Like the CLI, a container whose start fails is kept. */
export async function runContainer(docker: Docker, spec: ParsedCreateContainerSpec, puller?: ImagePuller): Promise<CreatedContainer> {
  const created = await createContainer(docker, spec, puller, 'run-detached');
  try {
    await docker.getContainer(created.id).start();
  } catch (err) {
    const mapped = toBerthError(err, { action: `start container ${created.name}` });
    throw new BerthError(mapped.code, `${mapped.message} (the container ${created.name} was created and is kept)`);
  }
  return created;
}

export async function startContainer(docker: Docker, id: string): Promise<ContainerActionResult> {
  await engineCall(() => docker.getContainer(id).start(), {
    action: `start container ${id}`,
    notModified: `Container ${id} is already running.`,
  });
  return { id };
}

export async function stopContainer(docker: Docker, id: string, timeout?: number): Promise<ContainerActionResult> {
  await engineCall(() => docker.getContainer(id).stop(timeout === undefined ? {} : { t: timeout }), {
    action: `stop container ${id}`,
    notModified: `Container ${id} is not running.`,
  });
  return { id };
}

export async function restartContainer(docker: Docker, id: string, timeout?: number): Promise<ContainerActionResult> {
  await engineCall(() => docker.getContainer(id).restart(timeout === undefined ? {} : { t: timeout }), {
    action: `restart container ${id}`,
  });
  return { id };
}

export async function killContainer(docker: Docker, id: string, signal: string): Promise<ContainerActionResult> {
  await engineCall(() => docker.getContainer(id).kill({ signal }), { action: `kill container ${id}` });
  return { id };
}

export async function pauseContainer(docker: Docker, id: string): Promise<ContainerActionResult> {
  await engineCall(() => docker.getContainer(id).pause(), { action: `pause container ${id}` });
  return { id };
}

export async function unpauseContainer(docker: Docker, id: string): Promise<ContainerActionResult> {
  await engineCall(() => docker.getContainer(id).unpause(), { action: `unpause container ${id}` });
  return { id };
}

/** `docker rename`: the engine refuses a name in use (CONFLICT) and checks its own rules too. */
export async function renameContainer(docker: Docker, id: string, name: string): Promise<ContainerActionResult> {
  await engineCall(() => docker.getContainer(id).rename({ name }), { action: `rename container ${id} to ${name}` });
  return { id };
}

/** `docker wait`: resolves when the container has stopped (at once when it is not running). */
export async function waitForExit(docker: Docker, id: string): Promise<ContainerExit> {
  const answer = (await engineCall(() => docker.getContainer(id).wait(), { action: `wait for container ${id}` })) as {
    StatusCode: number;
    Error?: { Message?: string } | null;
  };
  if (answer.Error?.Message) throw new BerthError('INTERNAL', `The engine could not wait for ${id}: ${answer.Error.Message}`);
  return { exitCode: answer.StatusCode };
}

export async function removeContainer(docker: Docker, id: string, options: { force: boolean; volumes: boolean }): Promise<ContainerActionResult> {
  try {
    await docker.getContainer(id).remove({ force: options.force, v: options.volumes });
  } catch (err) {
    const mapped = toBerthError(err, { action: `remove container ${id}` });
    const state = mapped.code === 'CONFLICT' ? /cannot remove a (running|paused) container/i.exec(mapped.message)?.[1] : undefined;
    if (!state) throw mapped;
    // The engine's words name a 64-digit id and no way forward: say what is wrong and what to do.
    const name = await docker
      .getContainer(id)
      .inspect()
      .then(
        (info) => info.Name.replace(/^\//, ''),
        () => id,
      );
    throw new BerthError('CONFLICT', `Container ${name} is ${state.toLowerCase()}: stop it first, or remove it with Force (docker rm -f).`);
  }
  return { id };
}
