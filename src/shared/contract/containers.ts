import { z } from 'zod';
import type { ImageChanges } from '../images/change-lines';
import type {
  ContainerActionResult,
  ContainerExit,
  ContainerPrunePreview,
  ContainerPruneResult,
  ContainerSummary,
  ContainerUpdateResult,
  CreatedContainer,
  RunCommandLine,
  UnsupportedFlag,
} from '../types/containers';
import type { ContainerChange } from '../types/files';
import type { CommitResult } from '../types/images';
import type { InspectDocument } from '../types/inspect';
import type { ContainerIsolation } from '../types/isolation';
import type { ContainerPorts, OpenedPort } from '../types/ports';
import type { ContainerProcesses } from '../types/top';
import type { DownloadStart } from '../types/transfers';
import { command, returns } from './define';
import {
  absoluteContainerPath,
  canonicalCapability,
  imageChanges,
  imageMessage,
  imageTarget,
  tagNeedsRepository,
  tagNeedsRepositoryMessage,
  containerName,
  commandWord,
  containerRef,
  envVar,
  imageRef,
  ipAddress,
  labelFilter,
  labelMap,
  noNul,
  pruneFilterSchema,
  pruneUntil,
  signalName,
  timeoutSeconds,
} from './schemas';

const byId = z.object({ id: containerRef });

/**
 * Options for the `ps` the engine runs on its host. Only words made of option characters: the
 * engine passes them to ps as separate arguments, never through a shell.
 */
const psArgs = z
  .string()
  .trim()
  .max(200, 'ps options are at most 200 characters.')
  .regex(/^[a-zA-Z0-9 ,=%_:+-]*$/, 'ps options may only use letters, digits, spaces and , = % _ : + -')
  .transform((value) => value.replace(/\s+/g, ' ') || '-ef');

const portBinding = z.object({
  containerPort: z.number().int().min(1).max(65535),
  protocol: z.enum(['tcp', 'udp', 'sctp']).default('tcp'),
  /** Loopback unless the user asks otherwise: publishing on every interface is opt-in. */
  hostIp: ipAddress.default('127.0.0.1'),
  /** 0 or absent: the engine picks a free port. */
  hostPort: z.number().int().min(0).max(65535).optional(),
});

const bindMount = z.object({
  type: z.literal('bind'),
  source: noNul(z.string().min(1).max(4096), 'A bind source').refine(
    (p) => p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p),
    'A bind source must be an absolute host path.',
  ),
  target: absoluteContainerPath,
  readOnly: z.boolean().default(false),
});

const volumeMount = z
  .object({
    type: z.literal('volume'),
    /** A named volume; absent for an anonymous one. */
    source: z
      .string()
      .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'Not a valid volume name.')
      .optional(),
    target: absoluteContainerPath,
    readOnly: z.boolean().default(false),
  })
  // The engine refuses it ("must not set ReadOnly mode when using anonymous volumes").
  .refine((mount) => mount.source !== undefined || !mount.readOnly, { message: 'An anonymous volume cannot be read-only.', path: ['readOnly'] });

const restartPolicy = z.object({
  name: z.enum(['no', 'always', 'unless-stopped', 'on-failure']).default('no'),
  maximumRetryCount: z.number().int().min(0).max(1000).default(0),
});

/** json-file size strings as the CLI takes them: 10m, 512k, 1g or a byte count. */
const logSize = z
  .string()
  .trim()
  .regex(/^\d+[kmg]?$/i, 'A size such as 10m, 512k or 1g.');

/**
 * A Linux capability as the engine stores it: upper case with the `CAP_` prefix (`net_admin` and
 * `NET_ADMIN` become `CAP_NET_ADMIN`), or `ALL`.
 */
const capability = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'Not a capability name (for example NET_ADMIN or ALL).')
  .max(64)
  .transform(canonicalCapability);

/** Sorted and without repeats, as the docker CLI leaves them in the engine. */
const capabilities = z
  .array(capability)
  .max(64)
  .default([])
  .transform((list) => [...new Set(list)].sort());

/** `--tmpfs /run:rw,size=64m`: a target (no `:`) and the mount options the kernel takes. */
const tmpfsMount = z.object({
  target: absoluteContainerPath.refine((value) => !value.includes(':'), 'A tmpfs path cannot contain ":".'),
  options: noNul(z.string().max(1024).regex(/^\S*$/, 'Tmpfs options cannot contain spaces.'), 'Tmpfs options').optional(),
});

/** A Go duration in nanoseconds; the engine refuses a health check interval under 1 ms. */
const healthDuration = z.number().int().min(1_000_000, 'At least 1ms.').max(Number.MAX_SAFE_INTEGER);

/** `--health-cmd` and its timings; without a command the image's check keeps running with these timings. */
const healthcheck = z.object({
  command: noNul(z.string().min(1).max(65536), 'A health check command').optional(),
  intervalNs: healthDuration.optional(),
  timeoutNs: healthDuration.optional(),
  startPeriodNs: healthDuration.optional(),
  retries: z.number().int().min(1).max(1_000_000).optional(),
});

/** A network to connect to (`bridge`, `host`, `none`, a user-defined one) or `container:<name>`. */
const networkName = z
  .string()
  .trim()
  .max(256)
  .regex(/^(container:)?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'Not a valid network name.');

/** A host name as the kernel takes it (RFC 1123 labels). */
const hostname = z
  .string()
  .trim()
  .max(253)
  .regex(/^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/, 'Not a valid host name.');

export const createContainerSpec = z
  .object({
    image: imageRef,
    name: containerName.optional(),
    /** Command words, already split (the form splits them as a shell would). */
    command: z.array(commandWord).max(1024).optional(),
    entrypoint: z.array(commandWord).max(1024).optional(),
    workingDir: absoluteContainerPath.optional(),
    user: z
      .string()
      .max(256)
      .regex(/^[a-zA-Z0-9_.:-]*$/, 'Not a valid user.')
      .optional(),
    env: z.array(envVar).max(4096).default([]),
    ports: z.array(portBinding).max(1024).default([]),
    mounts: z
      .array(z.discriminatedUnion('type', [bindMount, volumeMount]))
      .max(256)
      .default([]),
    tty: z.boolean().default(false),
    openStdin: z.boolean().default(false),
    restartPolicy: restartPolicy.default({ name: 'no', maximumRetryCount: 0 }),
    resources: z
      .object({
        /** The engine refuses less than 6 MiB. */
        memoryBytes: z
          .number()
          .int()
          .min(6 * 1024 * 1024, 'Memory limit must be at least 6 MiB.')
          .optional(),
        nanoCpus: z.number().int().min(1_000_000, 'CPU limit must be at least 0.001.').optional(),
        pidsLimit: z.number().int().min(1).optional(),
      })
      .default({}),
    logConfig: z
      .object({ maxSize: logSize.optional(), maxFile: z.number().int().min(1).max(1000).optional() })
      .refine((v) => v.maxFile === undefined || v.maxFile === 1 || v.maxSize !== undefined, 'max-file needs max-size.')
      .default({}),
    labels: labelMap.default({}),
    /** `--pull`: pull the image first when it is missing (the CLI's default), always, or never. */
    pull: z.enum(['missing', 'always', 'never']).default('missing'),
    /** `--rm`: the engine removes the container (and its anonymous volumes) when it exits. */
    autoRemove: z.boolean().default(false),
    hostname: hostname.optional(),
    network: networkName.optional(),
    /** `--init`: a tiny init as PID 1 that forwards signals and reaps zombies. */
    init: z.boolean().default(false),
    /** `--read-only`: the root filesystem is mounted read-only. */
    readOnly: z.boolean().default(false),
    tmpfs: z.array(tmpfsMount).max(256).default([]),
    /** `--shm-size`: the size of /dev/shm (the engine's default is 64 MiB). */
    shmSizeBytes: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    capAdd: capabilities,
    capDrop: capabilities,
    /** `--privileged`: every capability, every host device, no seccomp or AppArmor confinement. */
    privileged: z.boolean().default(false),
    healthcheck: healthcheck.optional(),
  })
  .refine((spec) => !spec.autoRemove || spec.restartPolicy.name === 'no', {
    message: 'Remove on exit (--rm) cannot be combined with a restart policy.',
    path: ['autoRemove'],
  });

export type CreateContainerSpec = z.input<typeof createContainerSpec>;

const containerUpdate = byId
  .extend({
    memoryBytes: z
      .number()
      .int()
      .min(6 * 1024 * 1024, 'Memory limit must be at least 6 MiB.')
      .optional(),
    /** Memory plus swap; -1: unlimited swap. */
    memorySwapBytes: z.number().int().min(-1).optional(),
    /** 0: no CPU limit. */
    nanoCpus: z.number().int().min(0).optional(),
    /** Relative weight; 0: the default (1024). */
    cpuShares: z
      .number()
      .int()
      .min(0)
      .max(262_144)
      .refine((shares) => shares !== 1, 'CPU shares are at least 2 (0 keeps the default).')
      .optional(),
    /** 0 or -1: no limit. */
    pidsLimit: z.number().int().min(-1).optional(),
    restartPolicy: restartPolicy.optional(),
  })
  .strict()
  .refine((update) => Object.entries(update).some(([key, value]) => key !== 'id' && value !== undefined), 'Name at least one thing to update.')
  .refine(
    (update) =>
      update.memorySwapBytes === undefined || update.memoryBytes === undefined || update.memorySwapBytes === -1 || update.memorySwapBytes >= update.memoryBytes,
    {
      message: 'Memory plus swap must be at least the memory limit (or -1 for unlimited swap).',
      path: ['memorySwapBytes'],
    },
  );

const pruneFilters = pruneFilterSchema({
  /** `label!=…`: keeps the containers that have every one of these labels (the engine ANDs them). */
  labelNot: z.array(labelFilter).max(20).optional(),
  until: pruneUntil.optional(),
}).default({ label: [] });

/** Prune filters with `until` as an absolute Unix time, so a preview and the prune after it agree. */
export interface ResolvedPruneFilters {
  label: string[];
  labelNot?: string[];
  until?: string;
}

export type ParsedCreateContainerSpec = z.output<typeof createContainerSpec>;

/** `containers.parseRun`: what a pasted line asks for, in the form's terms, and what Berth cannot take. */
export interface ParsedRunLine {
  /** The create spec (defaults left out). */
  spec: CreateContainerSpec;
  /** Every flag of the line that the spec has no field for (or whose value it cannot take). */
  unsupported: UnsupportedFlag[];
  /** `run` or `create`, as the line said. */
  subcommand: 'run' | 'create';
  /** The line after a shell operator (`> conf`, `&& …`): not part of the container, shown apart. */
  shellRest?: string;
}

export const containerCommands = {
  /** `docker ps [-a] [--size]`: with `size`, each row's sizes too (the engine computes them, slowly). */
  'containers.list': command(z.object({ all: z.boolean().default(false), size: z.boolean().default(false) }), returns<ContainerSummary[]>()),
  /** `docker rename CONTAINER NEW_NAME`. */
  'containers.rename': command(byId.extend({ name: containerName }).strict(), returns<ContainerActionResult>()),
  /** `docker update`: new limits and restart policy for a container, running or not. */
  'containers.update': command(containerUpdate, returns<ContainerUpdateResult>()),
  /**
   * `docker wait`: answers once the container has stopped, with its exit code. Realtime, so browser
   * mode sends it over its WebSocket: a wait can take hours, and over HTTP each one would hold one
   * of the few connections a page gets to a host, until other commands queue behind them.
   */
  'containers.wait': command(byId.strict(), returns<ContainerExit>(), { realtime: true }),
  /** What `docker container prune --filter …` would remove now, and the filters resolved (a relative `until` as a time) to prune exactly that. */
  'containers.prunePreview': command(z.object({ filters: pruneFilters }).strict(), returns<ContainerPrunePreview & { filters: ResolvedPruneFilters }>()),
  /** `docker container prune --force --filter …`. */
  'containers.prune': command(z.object({ filters: pruneFilters }).strict(), returns<ContainerPruneResult>()),
  'containers.create': command(createContainerSpec, returns<CreatedContainer>()),
  'containers.run': command(createContainerSpec, returns<CreatedContainer>()),
  'containers.start': command(byId, returns<ContainerActionResult>()),
  'containers.stop': command(byId.extend({ timeout: timeoutSeconds.optional() }), returns<ContainerActionResult>()),
  'containers.restart': command(byId.extend({ timeout: timeoutSeconds.optional() }), returns<ContainerActionResult>()),
  'containers.kill': command(byId.extend({ signal: signalName.default('SIGKILL') }), returns<ContainerActionResult>()),
  'containers.pause': command(byId, returns<ContainerActionResult>()),
  'containers.unpause': command(byId, returns<ContainerActionResult>()),
  'containers.remove': command(byId.extend({ force: z.boolean().default(false), volumes: z.boolean().default(false) }), returns<ContainerActionResult>()),
  /** `docker inspect CONTAINER`: the engine's document, unchanged. */
  'containers.inspect': command(z.object({ id: containerRef }), returns<InspectDocument>()),
  /** How a container is isolated: namespaces, root filesystem and cgroup limits, from inspect. */
  'containers.isolation': command(z.object({ id: containerRef }), returns<ContainerIsolation>()),
  /** `docker port CONTAINER`, plus the requested bindings (applied when it starts). */
  'containers.ports': command(z.object({ id: containerRef }), returns<ContainerPorts>()),
  /**
   * Opens http://HOST:PORT of a published TCP port in the system browser. The URL is built in main
   * from the engine's binding; nothing in the input becomes part of it except through that lookup.
   */
  'containers.openPort': command(
    z
      .object({
        id: containerRef,
        containerPort: z.number().int().min(1).max(65535),
        protocol: z.literal('tcp', { error: 'Only TCP ports open in a browser.' }).default('tcp'),
      })
      .strict(),
    returns<OpenedPort>(),
  ),
  /** `docker top CONTAINER [ps OPTIONS]` (default -ef). Needs a running container. */
  'containers.top': command(z.object({ id: containerRef, psArgs: psArgs.default('-ef') }), returns<ContainerProcesses>()),
  /** `docker diff`. */
  'containers.diff': command(z.object({ id: containerRef }), returns<ContainerChange[]>()),
  /** `docker export`: a tar of the container's filesystem, saved by the desktop app or downloaded by the browser. */
  'containers.export': command(z.object({ id: containerRef }).strict(), returns<DownloadStart>()),
  /** `docker commit`. */
  'containers.commit': command(
    z
      .object({
        id: containerRef,
        ...imageTarget,
        message: imageMessage,
        author: noNul(z.string().max(1024), 'An author').optional(),
        changes: imageChanges,
        pause: z.boolean().default(true),
      })
      .strict()
      .refine(tagNeedsRepository, tagNeedsRepositoryMessage),
    returns<CommitResult>(),
  ),
  /** A container's config (CMD, ENV, …) as a change form, to give an exported filesystem its config back. */
  'containers.imageConfig': command(z.object({ id: containerRef }).strict(), returns<ImageChanges>()),
  /** A pasted `docker run` / `docker create` line read as the docker CLI reads it. */
  'containers.parseRun': command(
    z.object({
      commandLine: noNul(
        z
          .string()
          .min(1, 'Paste a docker run line.')
          .max(256 * 1024),
        'A command line',
      ),
    }),
    returns<ParsedRunLine>(),
  ),
  /** The `docker run` line that would make this container again (from inspect, like `runlike`). */
  'containers.runCommand': command(byId, returns<RunCommandLine>()),
} as const;
