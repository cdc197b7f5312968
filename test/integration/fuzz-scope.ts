// What the contract fuzz may touch (not a test file itself). Valid inputs really run against the test
// engine, so every generated value is confined to things the fuzz made: its own two containers and
// image tag (or names that exist nowhere), the test image, `berth-test/` repositories, the label
// berth.test=1, loopback ports, and temporary host folders for settings, saves and bind mounts.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import { containerRef, imageRef } from '../../src/shared/contract/schemas';
import type { HostServices } from '../../src/main/host';
import { webHost } from '../../src/main/host';
import { docker, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { contractHint } from '../helpers/contract-hints';
import type { Override, SchemaPath } from '../helpers/zod-arbitrary';

const FUZZ_SEED = Number(process.env.BERTH_FUZZ_SEED ?? 20_261_206);
/** Mutated inputs per channel and transport; valid ones are a share of it (see budgetFor). */
const FUZZ_RUNS = Number(process.env.BERTH_FUZZ_RUNS ?? 40);
/** `npm run fuzz`: long runs get long timeouts. */
const FUZZ_LONG = process.env.BERTH_FUZZ_LONG === '1';
export const fuzzTimeout = (ms: number): number => (FUZZ_LONG ? 24 * 3600_000 : ms);

/** A registry on loopback that nothing answers on (the discard port). */
const UNREACHABLE_REGISTRY = '127.0.0.1:9';

/** A name no container has: refs the fuzz may send to commands that change things. */
export const NONE_REF_PREFIX = 'berth-test-fuzz-none-';
/** Volumes the fuzz makes (and alone may remove): this prefix, and the test label. */
const FUZZ_VOLUME_PREFIX = 'berth-test-fuzz-vol-';
/** The volume whose files the fuzz browses (files.* with a volume target); made by ensureOwnObjects. */
const FUZZ_FILES_VOLUME = `${FUZZ_VOLUME_PREFIX}files`;
/** Networks the fuzz makes (and alone may remove, connect to or disconnect from): this prefix, and the test label. */
const FUZZ_NETWORK_PREFIX = 'berth-test-fuzz-net-';
/** The network the fuzz connects its containers to; made by ensureOwnObjects. */
const FUZZ_OWN_NETWORK = `${FUZZ_NETWORK_PREFIX}own`;
/**
 * Every private dockerd on this machine shares the host's routing table, so the fuzz's networks get
 * subnets in 10.240-249.x.0/24 (the test engines' own bridges use 10.200-249, but .0-.255 of the
 * third octet is random per engine): never one generated at random (0.0.0.0/1 would take the host's
 * routes), nor one the engine picks by itself.
 */
const fuzzSubnetPrefix = (): string => `10.${240 + (randomBytes(1)[0]! % 10)}.${randomBytes(1)[0]!}.`;
const noneRef = fc.stringMatching(/^[a-z0-9_.-]{1,8}$/).map((tail) => `${NONE_REF_PREFIX}${tail}`);

/** Channels whose valid inputs wait on the engine for long (stats waits for a second sample, run starts a container, …). */
const SLOW = new Set([
  'containers.stats',
  'containers.run',
  'containers.commit',
  'files.diffWithImage',
  'containers.restart',
  'containers.stop',
  'stats.watch',
  'exec.session',
  'attach.session',
]);

/** How many valid and mutated inputs one channel gets. */
export function budgetFor(channel: string, scale = 1): { valid: number; mutated: number } {
  const mutated = Math.max(1, Math.round(FUZZ_RUNS * scale));
  const valid = Math.max(2, Math.round((mutated / (SLOW.has(channel) ? 10 : 3)) * (FUZZ_LONG ? 0.25 : 1)));
  return { valid, mutated };
}

/** Stable per-channel seeds, so one channel's inputs do not depend on another's. */
export function seedFor(channel: string, salt = 0): number {
  let hash = FUZZ_SEED ^ salt;
  for (const char of channel) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619);
  return hash | 0;
}

export interface FuzzWorld {
  idle: { id: string; name: string };
  busy: { id: string; name: string };
  /** `berth-test/fuzz-<hex>:a`, a tag of the test image the fuzz may remove. */
  ownTag: string;
  /** `10.A.B.`: the fuzz's own network's subnet is this prefix's /24. */
  netPrefix: string;
  settingsDir: string;
  hostDir: string;
  bindDir: string;
  /** Host paths the save dialog stand-in handed out (each one is a host file a command may write). */
  saves: string[];
  host: HostServices;
}

/** `electron`: a host that writes files itself (saves into the fuzz's folder); `web`: browser mode's host. */
export function createWorld(kind: 'electron' | 'web' = 'electron'): FuzzWorld {
  const root = mkdtempSync(path.join(os.tmpdir(), 'berth-fuzz-'));
  const settingsDir = path.join(root, 'settings');
  const hostDir = path.join(root, 'host');
  const bindDir = path.join(root, 'bind');
  for (const dir of [settingsDir, hostDir, bindDir, path.join(hostDir, 'folders'), path.join(hostDir, 'docker-config')]) mkdirSync(dir, { recursive: true });
  // Logins and logouts the fuzz sends write the docker CLI's config: this run's own, never the user's.
  process.env.DOCKER_CONFIG = path.join(hostDir, 'docker-config');
  const saves: string[] = [];
  // Like the headless host, plus a folder picker; no openExternal / openLinkFromContent, so
  // containers.openPort and terminal.openLink only answer the URL and never open it anywhere.
  const desktop: HostServices = {
    receivesPageUploads: false,
    settingsDir,
    onMenuCommand: webHost.onMenuCommand,
    taskFinished: () => undefined,
    chooseSavePath: async () => {
      const target = path.join(hostDir, `save-${saves.length}`);
      saves.push(target);
      return target;
    },
    chooseOpenPath: async () => null,
    chooseOpenPaths: async (request) => (request.purpose === 'download' ? [path.join(hostDir, 'folders')] : []),
  };
  const browser: HostServices = { receivesPageUploads: true, settingsDir, onMenuCommand: webHost.onMenuCommand, taskFinished: () => undefined };
  const host = kind === 'web' ? browser : desktop;
  return {
    idle: { id: '', name: '' },
    busy: { id: '', name: '' },
    ownTag: `berth-test/fuzz-${randomBytes(4).toString('hex')}:a`,
    netPrefix: fuzzSubnetPrefix(),
    settingsDir,
    hostDir,
    bindDir,
    saves,
    host,
  };
}

async function exists(id: string): Promise<boolean> {
  return docker()
    .getContainer(id)
    .inspect()
    .then(
      () => true,
      () => false,
    );
}

/** (Re)makes the fuzz's own containers and image tag; a fuzzed remove may have taken them. */
export async function ensureOwnObjects(world: FuzzWorld): Promise<void> {
  if (!world.idle.id || !(await exists(world.idle.id))) {
    const name = uniqueName('fuzz-idle');
    const made = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '3600'], Labels: { ...TEST_LABELS } });
    world.idle = { id: made.id, name };
  }
  const busyRunning =
    world.busy.id &&
    (await docker()
      .getContainer(world.busy.id)
      .inspect()
      .then(
        (info) => info.State.Running && !info.State.Paused,
        () => false,
      ));
  if (!busyRunning) {
    if (world.busy.id)
      await docker()
        .getContainer(world.busy.id)
        .remove({ force: true })
        .catch(() => undefined);
    const name = uniqueName('fuzz-busy');
    const made = await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '3600'], Labels: { ...TEST_LABELS } });
    await made.start();
    world.busy = { id: made.id, name };
  }
  await docker().createVolume({ Name: FUZZ_FILES_VOLUME, Labels: { ...TEST_LABELS, 'berth.test.fuzz': '1' } });
  const ownNetwork = await docker()
    .getNetwork(FUZZ_OWN_NETWORK)
    .inspect()
    .catch(() => undefined);
  if (!ownNetwork)
    await docker().createNetwork({
      Name: FUZZ_OWN_NETWORK,
      CheckDuplicate: true,
      Labels: { ...TEST_LABELS, 'berth.test.fuzz': '1' },
      IPAM: { Config: [{ Subnet: `${world.netPrefix}0/24` }] },
    });
  const [repo, tag] = world.ownTag.split(':') as [string, string];
  await docker().getImage(testImage).tag({ repo, tag });
}

function ownRefs(world: FuzzWorld): string[] {
  return [world.idle.id, world.idle.name, world.busy.id, world.busy.name, world.busy.id.slice(0, 12), `/${world.idle.name}`];
}

const fuzzVolumeName = fc.stringMatching(/^[a-z0-9]{1,6}$/).map((tail) => `${FUZZ_VOLUME_PREFIX}${tail}`);

/** Removes the volumes the fuzz made (after its run). */
export async function removeFuzzVolumes(): Promise<void> {
  const { Volumes } = await docker().listVolumes({ filters: { label: ['berth.test=1'] } });
  for (const volume of Volumes ?? [])
    if (volume.Name.startsWith(FUZZ_VOLUME_PREFIX) || volume.Labels?.['berth.test.fuzz'] === '1')
      await docker()
        .getVolume(volume.Name)
        .remove()
        .catch(() => undefined);
}

const fuzzNetworkName = fc.stringMatching(/^[a-z0-9]{1,6}$/).map((tail) => `${FUZZ_NETWORK_PREFIX}${tail}`);

/** Removes the networks the fuzz made (after its run, once its containers are gone). */
export async function removeFuzzNetworks(): Promise<void> {
  for (const network of await docker().listNetworks({ filters: { label: ['berth.test=1'] } }))
    if (network.Name.startsWith(FUZZ_NETWORK_PREFIX))
      await docker()
        .getNetwork(network.Id)
        .remove()
        .catch(() => undefined);
}

/** Addresses in (and now and then outside) the fuzz's own subnet. */
const fuzzAddress = (world: FuzzWorld): fc.Arbitrary<string> =>
  fc.oneof(
    fc.integer({ min: 2, max: 254 }).map((host) => `${world.netPrefix}${host}`),
    fc.constantFrom(`${world.netPrefix}1`, '10.0.0.1', '192.0.2.7'),
  );

function networkHint(world: FuzzWorld, key: string | number | undefined): fc.Arbitrary<unknown> | undefined {
  if (key === 'name' || key === 'network') return fc.oneof({ weight: 3, arbitrary: fc.constant(FUZZ_OWN_NETWORK) }, fuzzNetworkName, noneRef);
  if (key === 'driver') return fc.constant('bridge');
  // Optional fields: the hint stands for the optional too, so it leaves them out now and then.
  if (key === 'subnet') return fc.option(fc.constantFrom(`${world.netPrefix}0/24`, '10.250.0.0/16'), { nil: undefined, freq: 4 });
  if (key === 'gateway') return fc.option(fc.constant(`${world.netPrefix}1`), { nil: undefined, freq: 2 });
  if (key === 'ipv4Address') return fc.option(fuzzAddress(world), { nil: undefined, freq: 3 });
  if (key === 'ipRange') return fc.option(fc.constant(`${world.netPrefix}128/25`), { nil: undefined, freq: 2 });
  if (key === 'driverOptions') return fc.constantFrom({}, { 'com.docker.network.driver.mtu': '1400' });
  return undefined;
}

/** Keeps a networks.* input to the fuzz's own networks and containers, and its subnets in the fuzz's range. */
function confineNetworks(channel: string, out: Plain, own: Set<string>): void {
  const isOwnNetwork = (value: unknown): boolean => typeof value === 'string' && value.trim().startsWith(FUZZ_NETWORK_PREFIX);
  if (channel === 'networks.remove' && !isOwnNetwork(out.name)) out.name = `${NONE_REF_PREFIX}net`;
  if ((channel === 'networks.connect' || channel === 'networks.disconnect') && !isOwnNetwork(out.network)) out.network = `${NONE_REF_PREFIX}net`;
  if ('container' in out && out.container !== undefined && !own.has(normalRef(out.container))) out.container = `${NONE_REF_PREFIX}id`;
  if (channel === 'networks.prune' || channel === 'networks.prunePreview') {
    const filters = isPlain(out.filters) ? out.filters : {};
    const labels = Array.isArray(filters.label) ? filters.label : [];
    out.filters = { ...filters, label: ['berth.test.fuzz-prune=none', ...labels].slice(0, 20) };
  }
  if (channel === 'networks.create') {
    out.name = `${FUZZ_NETWORK_PREFIX}${randomBytes(3).toString('hex')}`;
    out.labels = { ...(isPlain(out.labels) ? out.labels : {}), ...TEST_LABELS, 'berth.test.fuzz': '1' };
    // Another driver makes the engine look for a plugin for 15 s; bridge options could take a host
    // bridge by name; IPv6 would ask for pools this engine has none of.
    out.driver = 'bridge';
    out.driverOptions = {};
    out.ipv6 = false;
    // Always a subnet in the fuzz's range (the one given, moved there), so no route elsewhere is touched.
    const prefix = fuzzSubnetPrefix();
    out.subnet = `${prefix}0/24`;
    if (out.gateway !== undefined) out.gateway = `${prefix}1`;
    if (out.ipRange !== undefined) out.ipRange = `${prefix}128/25`;
  }
}

const lastKey = (at: SchemaPath): string | number | undefined => at[at.length - 1];

/** Generators for fields that must stay in scope, or whose valid values a random string almost never hits. */
export function scopedOverride(world: FuzzWorld, channel: string): Override {
  return (schema: z.ZodType, at: SchemaPath) => {
    if (schema === containerRef) return fc.oneof(fc.constantFrom(...ownRefs(world)), noneRef);
    if (schema === imageRef) {
      if (channel === 'containers.create' || channel === 'containers.run') return fc.constant(testImage);
      return fc.oneof(fc.constantFrom(world.ownTag, testImage), noneRef);
    }
    // A backup only reads: the fuzz's files volume (which exists) now and then, so some backups start.
    if (channel === 'volumes.backup' && lastKey(at) === 'name') return fc.oneof(fc.constant(FUZZ_FILES_VOLUME), fuzzVolumeName, noneRef);
    if (channel.startsWith('volumes.') && lastKey(at) === 'name') return fc.oneof(fuzzVolumeName, noneRef);
    if (channel.startsWith('networks.')) {
      const hint = networkHint(world, lastKey(at));
      if (hint) return hint;
    }
    if (channel.startsWith('compose.') && lastKey(at) === 'project') return noneRef;
    if (channel.startsWith('files.') && lastKey(at) === 'volume') return fc.oneof(fc.constant(FUZZ_FILES_VOLUME), noneRef);
    if (lastKey(at) === 'ref' && channel === 'images.untag') return fc.constantFrom(world.ownTag, `${NONE_REF_PREFIX}x:a`);
    return contractHint(at, schema);
  };
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);
const normalRef = (value: unknown): string => (typeof value === 'string' ? value.trim().replace(/^\//, '') : '');

/**
 * Makes an input the schema accepts safe to run: anything naming an object outside the fuzz's own
 * is pointed at a name that exists nowhere, created things get the test label or a `berth-test/`
 * repository, ports stay on loopback, binds read the fuzz's own folder, nothing restarts by itself
 * and stop timeouts stay short. Called on every accepted input, generated or mutated.
 */
export function confine(world: FuzzWorld, channel: string, input: unknown): unknown {
  if (!isPlain(input)) return input;
  const out: Plain = { ...input };
  const own = new Set(ownRefs(world).map(normalRef));
  if ('id' in out && out.id !== undefined && channel !== 'images.inspect' && !own.has(normalRef(out.id))) out.id = `${NONE_REF_PREFIX}id`;
  // files.* on a volume: only the fuzz's own (read through a helper container the handler removes).
  if (channel.startsWith('files.') && out.volume !== undefined && out.volume !== FUZZ_FILES_VOLUME) out.volume = `${NONE_REF_PREFIX}vol`;
  // The fuzz's containers run `sleep`, which ignores SIGTERM as PID 1: any stop timeout (default 10 s)
  // would be waited out in full.
  if (channel === 'containers.stop' || channel === 'containers.restart') out.timeout = 0;
  if (channel === 'images.remove' && normalRef(out.ref) !== world.ownTag) out.ref = `${NONE_REF_PREFIX}ref`;
  if (channel === 'images.untag' && normalRef(out.ref) !== world.ownTag) out.ref = `${NONE_REF_PREFIX}ref:a`;
  // Image prune: dangling images with the test label only (`all` would take the test images themselves).
  if (channel === 'images.prune') {
    out.labels = ['berth.test=1', ...(Array.isArray(out.labels) ? out.labels : [])].slice(0, 20);
    out.all = false;
  }
  // Build cache prune has no label filter: only records unused for ten years, which no test makes.
  if (channel === 'system.pruneBuildCache') out.until = '87600h';
  // Container prune takes every stopped container on the engine that matches: only a label no
  // container has (the engine ANDs label filters), so it removes nothing another test made.
  if (channel === 'containers.prune' || channel === 'containers.prunePreview') {
    const filters = isPlain(out.filters) ? out.filters : {};
    const labels = Array.isArray(filters.label) ? filters.label : [];
    out.filters = { ...filters, label: ['berth.test.fuzz-prune=none', ...labels].slice(0, 20) };
  }
  // Volumes: the fuzz creates its own (prefix and labels), removes only those, and prunes only a label no
  // volume has, so no other test's volume (running beside it on the engine) is ever touched.
  if (channel === 'volumes.create') {
    out.name = typeof out.name === 'string' ? `${FUZZ_VOLUME_PREFIX}${randomBytes(3).toString('hex')}` : undefined;
    out.labels = { ...(isPlain(out.labels) ? out.labels : {}), ...TEST_LABELS, 'berth.test.fuzz': '1' };
    // Any other driver makes the engine look for that plugin for about 15 s: local only.
    out.driver = 'local';
  }
  if (channel === 'volumes.remove' && !(typeof out.name === 'string' && out.name.trim().startsWith(FUZZ_VOLUME_PREFIX))) out.name = `${NONE_REF_PREFIX}vol`;
  // Backup reads and restore writes (replace removes and creates again) only the fuzz's own volumes.
  if ((channel === 'volumes.backup' || channel === 'volumes.restore') && !(typeof out.name === 'string' && out.name.trim().startsWith(FUZZ_VOLUME_PREFIX)))
    out.name = `${NONE_REF_PREFIX}vol`;
  // The files volume keeps its content for files.*: nothing is restored into it.
  if (channel === 'volumes.restore' && typeof out.name === 'string' && out.name.trim() === FUZZ_FILES_VOLUME) out.name = `${NONE_REF_PREFIX}vol`;
  if (channel === 'volumes.prune' || channel === 'volumes.prunePreview') {
    const filters = isPlain(out.filters) ? out.filters : {};
    const labels = Array.isArray(filters.label) ? filters.label : [];
    out.filters = { ...filters, label: ['berth.test.fuzz-prune=none', ...labels].slice(0, 20) };
  }
  if (channel.startsWith('networks.')) confineNetworks(channel, out, own);
  // Compose projects: the fuzz makes none, so every project action names one no container carries
  // (NOT_FOUND, nothing stopped or removed); listing and reading logs change nothing.
  if (channel === 'compose.start' || channel === 'compose.stop' || channel === 'compose.restart' || channel === 'compose.remove') {
    out.project = `${NONE_REF_PREFIX}project`;
    if (channel !== 'compose.start') out.timeout = 0;
  }
  // `docker wait` on the fuzz's running container would answer only when it stops: ask about none.
  if (channel === 'containers.wait') out.id = `${NONE_REF_PREFIX}id`;
  // Nothing restarts by itself (as for create).
  if (channel === 'containers.update' && isPlain(out.restartPolicy)) out.restartPolicy = { name: 'no', maximumRetryCount: 0 };
  // The engine takes memory limits on update that the kernel refuses when the container starts
  // again (a swap limit below the memory limit, or 4.4 PiB), and later channels restart the fuzz's
  // containers: their memory stays as it is (containers-maintenance tests memory updates).
  if (channel === 'containers.update') {
    delete out.memoryBytes;
    delete out.memorySwapBytes;
  }
  // Engine addresses: a socket that does not exist, so a probe reaches nothing (no ssh to anywhere,
  // no tcp off this machine); contexts land in this run's DOCKER_CONFIG (createWorld).
  if ((channel === 'engines.test' || channel === 'engines.add') && typeof out.host === 'string') out.host = `unix://${world.hostDir}/no-engine.sock`;
  // Host keys: a loopback port nothing listens on, so nothing is scanned and known_hosts is never written.
  if (channel === 'engines.hostKey' || channel === 'engines.trustHostKey') out.host = 'ssh://fuzz@127.0.0.1:9';
  if (channel === 'images.import' || channel === 'containers.commit' || channel === 'images.tag')
    out.repository = `berth-test/fuzz-${randomBytes(3).toString('hex')}`;
  // Registries: only a loopback port nothing listens on, so nothing is ever sent off this machine.
  if (channel === 'images.pull' || channel === 'images.push') out.reference = `${UNREACHABLE_REGISTRY}/berth-test/fuzz:${randomBytes(3).toString('hex')}`;
  if (channel === 'registries.tags') out.repository = `${UNREACHABLE_REGISTRY}/berth-test/fuzz`;
  if (channel === 'registries.login' || channel === 'registries.logout') out.server = UNREACHABLE_REGISTRY;
  if (channel === 'containers.create' || channel === 'containers.run') {
    out.image = testImage;
    out.name = typeof out.name === 'string' ? `berth-test-fuzz-${randomBytes(3).toString('hex')}` : undefined;
    out.labels = { ...(isPlain(out.labels) ? out.labels : {}), ...TEST_LABELS };
    out.restartPolicy = { name: 'no' };
    // Nothing beyond an ordinary container's powers, and no network other than the default.
    out.privileged = false;
    out.capAdd = [];
    out.network = undefined;
    // The test image is on the engine: `missing` pulls nothing, `always` would ask a registry.
    if (out.pull === 'always') out.pull = 'never';
    if (Array.isArray(out.ports)) out.ports = out.ports.map((port: unknown) => (isPlain(port) ? { ...port, hostIp: '127.0.0.1', hostPort: 0 } : port));
    // A volume (named or anonymous) would outlive a fuzzed remove; a bind source is a host path: only
    // the fuzz's own folder, read-only.
    if (Array.isArray(out.mounts))
      out.mounts = out.mounts.map((mount: unknown) => (isPlain(mount) ? { ...mount, type: 'bind', source: world.bindDir, readOnly: true } : mount));
  }
  return out;
}

export interface WorldSnapshot {
  containers: string[];
  images: string[];
  volumes: string[];
  networks: string[];
  files: string[];
  saves: number;
}

function listTree(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const info = statSync(full, { throwIfNoEntry: false });
      found.push(`${path.relative(root, full)} ${info?.size ?? '?'} ${info?.mtimeMs ?? '?'}`);
      if (info?.isDirectory()) walk(full);
    }
  };
  walk(root);
  return found.sort();
}

/** Everything a refused input must leave as it was: the engine's objects and the fuzz's host folders. */
export async function snapshot(world: FuzzWorld): Promise<WorldSnapshot> {
  const [containers, images, volumes, networks] = await Promise.all([
    docker().listContainers({ all: true }),
    docker().listImages({ all: true }),
    docker().listVolumes(),
    docker().listNetworks(),
  ]);
  return {
    containers: containers.map((c) => c.Id).sort(),
    images: images.map((i) => `${i.Id} ${(i.RepoTags ?? []).join(',')}`).sort(),
    volumes: (volumes.Volumes ?? []).map((v) => v.Name).sort(),
    networks: networks.map((n) => `${n.Id} ${n.Name}`).sort(),
    files: [...listTree(world.settingsDir).map((f) => `settings/${f}`), ...listTree(world.hostDir).map((f) => `host/${f}`)],
    saves: world.saves.length,
  };
}
