// Generated create specs for the run-line round trips. `anyText` specs stress quoting and the
// parser; `engine` specs stay within what the test engine accepts and runs (a bind source that
// exists, capabilities the kernel has, a network the test made, a command that keeps running).
import fc from 'fast-check';
import type { CreateContainerSpec } from '../../src/shared/contract';

type Spec = CreateContainerSpec;

export interface EngineScope {
  image: string;
  bindSource: string;
  network: string;
  labels: Record<string, string>;
}

/** Text with spaces, quotes, `$`, backslashes, newlines and non-ASCII, never NUL. */
const text = fc.oneof(
  fc.string({ maxLength: 12 }).filter((value) => !value.includes('\0')),
  fc.constantFrom('a b', "it's", 'say "hi"', '$HOME', 'back\\slash', 'two\nlines', '한글', '-x', '--rm', '=', ''),
);
const path = fc.stringMatching(/^(\/[a-z0-9._-]{1,8}){1,3}$/);
const envKey = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/);
const labelKey = fc.stringMatching(/^[a-z][a-z0-9.-]{0,12}$/);
const mib = (min: number, max: number): fc.Arbitrary<number> => fc.integer({ min, max }).map((n) => n * 1024 * 1024);
const durationNs = fc.oneof(
  fc.integer({ min: 1, max: 600 }).map((s) => s * 1e9),
  fc.integer({ min: 1, max: 5000 }).map((ms) => ms * 1e6),
);
const capability = fc.constantFrom('NET_ADMIN', 'net_raw', 'CAP_SYS_TIME', 'SYS_PTRACE', 'MKNOD', 'chown', 'AUDIT_WRITE');

const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

/** Drops undefined fields so a spec reads as a user would write it. */
function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function options(mode: 'anyText' | 'engine', scope?: EngineScope) {
  const anyText = mode === 'anyText';
  const value = anyText ? text : fc.stringMatching(/^[a-z0-9 ._-]{0,10}$/);
  return {
    env: fc.array(fc.record({ key: envKey, value }), { maxLength: 3 }),
    ports: fc.array(
      fc
        .record({
          containerPort: fc.integer({ min: 1, max: 65535 }),
          protocol: fc.constantFrom('tcp' as const, 'udp' as const),
          hostIp: anyText ? fc.constantFrom('127.0.0.1', '0.0.0.0', '::1') : fc.constant('127.0.0.1'),
          // A fixed host port could be taken on the test machine: the engine picks one instead.
          hostPort: anyText ? optional(fc.integer({ min: 1, max: 65535 })) : fc.constant(undefined),
        })
        .map((port) => clean(port)),
      { maxLength: 2 },
    ),
    mounts: fc
      .array(
        fc.oneof(
          fc.record({ type: fc.constant('bind' as const), source: anyText ? path : fc.constant(scope!.bindSource), target: path, readOnly: fc.boolean() }),
          fc.record({ type: fc.constant('volume' as const), target: path, readOnly: fc.constant(false) }),
          fc.record({ type: fc.constant('volume' as const), source: fc.stringMatching(/^berth-test-[a-z0-9]{1,6}$/), target: path, readOnly: fc.boolean() }),
        ),
        { maxLength: 2 },
      )
      .filter((mounts) => new Set(mounts.map((mount) => mount.target)).size === mounts.length),
    tmpfs: fc
      .array(
        fc.record({ target: path, options: optional(fc.constantFrom('rw,size=64m', 'noexec', 'mode=1777')) }).map((t) => clean(t)),
        { maxLength: 2 },
      )
      .filter((mounts) => new Set(mounts.map((mount) => mount.target)).size === mounts.length),
    labels: fc.dictionary(labelKey, value, { maxKeys: 3 }),
  };
}

export function specArbitrary(mode: 'anyText' | 'engine', scope?: EngineScope): fc.Arbitrary<Spec> {
  const anyText = mode === 'anyText';
  const lists = options(mode, scope);
  return fc
    .record({
      image: anyText ? fc.constantFrom('nginx', 'busybox:1.36', 'ghcr.io/a/b:c', 'registry:5000/x@sha256:' + 'a'.repeat(64)) : fc.constant(scope!.image),
      name: optional(fc.stringMatching(/^[a-z][a-z0-9_.-]{1,10}$/)),
      command: anyText ? optional(fc.array(text, { minLength: 1, maxLength: 3 })) : fc.constant<string[]>(['sleep', '300']),
      entrypoint: anyText ? optional(fc.array(text, { minLength: 1, maxLength: 1 })) : fc.constant(undefined),
      workingDir: optional(path),
      // The test image has no /etc/passwd: only numeric users start there.
      user: optional(anyText ? fc.constantFrom('1000', '1000:1000', 'nobody', 'root:root') : fc.constantFrom('1000', '1000:1000', '0')),
      env: lists.env,
      ports: lists.ports,
      mounts: lists.mounts,
      tty: fc.boolean(),
      openStdin: fc.boolean(),
      restart: fc.constantFrom('no', 'always', 'unless-stopped', 'on-failure'),
      retries: fc.integer({ min: 0, max: 10 }),
      memoryBytes: optional(mib(6, 2048)),
      // The engine refuses more CPUs than the machine has (CI has 2).
      nanoCpus: optional(fc.integer({ min: anyText ? 1 : 10, max: anyText ? 4000 : 1000 }).map((n) => n * 1_000_000)),
      pidsLimit: optional(fc.integer({ min: anyText ? 1 : 16, max: 10_000 })),
      maxSize: optional(fc.constantFrom('10m', '512k', '1g', '100')),
      maxFile: optional(fc.integer({ min: 1, max: 9 })),
      labels: lists.labels,
      autoRemove: fc.boolean(),
      hostname: optional(fc.stringMatching(/^[a-z]([a-z0-9-]{0,6}[a-z0-9])?(\.[a-z]{2,5})?$/)),
      network: anyText ? optional(fc.constantFrom('bridge', 'host', 'none', 'my-net', 'container:web')) : optional(fc.constant(scope!.network)),
      init: fc.boolean(),
      readOnly: fc.boolean(),
      tmpfs: lists.tmpfs,
      shmSizeBytes: optional(mib(1, 512)),
      capAdd: fc.uniqueArray(capability, { maxLength: 2 }),
      capDrop: fc.uniqueArray(capability, { maxLength: 2 }),
      privileged: fc.boolean(),
      health: optional(
        fc.record({
          command: optional(anyText ? text.filter((t) => t !== '') : fc.constant('true')),
          intervalNs: optional(durationNs),
          timeoutNs: optional(durationNs),
          startPeriodNs: optional(durationNs),
          retries: optional(fc.integer({ min: 1, max: 10 })),
        }),
      ),
      pull: anyText ? fc.constantFrom('missing' as const, 'always' as const, 'never' as const) : fc.constant('never' as const),
    })
    .map((g) => {
      const maxSize = g.maxFile !== undefined && g.maxFile > 1 ? (g.maxSize ?? '10m') : g.maxSize;
      const health = g.health ? clean(g.health) : undefined;
      return clean<Spec>({
        image: g.image,
        name: g.name,
        command: g.command,
        entrypoint: g.entrypoint,
        workingDir: g.workingDir,
        user: g.user,
        env: g.env,
        ports: g.ports,
        mounts: g.mounts,
        tty: g.tty,
        openStdin: g.openStdin,
        // --rm and a restart policy do not go together (the CLI refuses it too).
        restartPolicy: g.autoRemove ? undefined : { name: g.restart, maximumRetryCount: g.restart === 'on-failure' ? g.retries : 0 },
        resources: clean({ memoryBytes: g.memoryBytes, nanoCpus: g.nanoCpus, pidsLimit: g.pidsLimit }),
        logConfig: clean({ maxSize, maxFile: g.maxFile }),
        labels: scope ? { ...g.labels, ...scope.labels } : g.labels,
        autoRemove: g.autoRemove,
        hostname: g.network === 'host' || g.network?.startsWith('container:') ? undefined : g.hostname,
        network: g.network,
        init: g.init,
        readOnly: g.readOnly,
        tmpfs: g.tmpfs,
        shmSizeBytes: g.shmSizeBytes,
        capAdd: g.capAdd,
        capDrop: g.capDrop,
        privileged: g.privileged,
        healthcheck: health && Object.keys(health).length > 0 ? health : undefined,
        pull: g.pull,
      });
    });
}
