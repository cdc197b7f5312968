// networks.* against the real engine: each action checked with the docker CLI, each refusal in
// plain words and changing nothing; the prune preview names exactly what the prune then removes.
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src/main/backend';
import { createEngine } from '../../src/main/engine/core/engine';
import { webHost } from '../../src/main/host';
import { networkConnectCommand, networkCreateCommand, networkDisconnectCommand, networkPruneCommand } from '../../src/shared/cli/networks';
import type { NetworkPrunePreview, NetworkPruneResult, NetworkSummary } from '../../src/shared/types/networks';
import { runShellLine } from '../helpers/cli-line';
import { docker, dockerCli, removeTestContainers, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { freeSubnet } from '../helpers/subnets';

const dispatcher = createBackend({ engine: createEngine(), host: webHost }).dispatcher;
// Other files make networks on the same engine: comparisons look only at this file's, which start with TAG.
const TAG = uniqueName('nettest');
let counter = 0;
const networkName = (what: string): string => `${TAG}-${what}-${++counter}`;

afterAll(async () => {
  await removeTestContainers();
  for (const network of await docker().listNetworks())
    if (network.Name.startsWith(TAG))
      await docker()
        .getNetwork(network.Id)
        .remove()
        .catch(() => undefined);
});

async function call<T>(channel: string, input: unknown): Promise<T> {
  const outcome = await dispatcher.invoke(channel, input);
  if (!outcome.ok) throw new Error(`${channel}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as T;
}

async function refused(channel: string, input: unknown): Promise<{ code: string; message: string }> {
  const outcome = await dispatcher.invoke(channel, input);
  if (outcome.ok) throw new Error(`${channel} was not refused: ${JSON.stringify(outcome.result)}`);
  return outcome.error;
}

async function network(labels: Record<string, string> = {}, withSubnet = true): Promise<{ name: string; prefix: string }> {
  const name = networkName('net');
  const { subnet, prefix } = freeSubnet();
  await docker().createNetwork({
    Name: name,
    CheckDuplicate: true,
    Labels: { ...TEST_LABELS, ...labels },
    ...(withSubnet ? { IPAM: { Config: [{ Subnet: subnet }] } } : {}),
  });
  return { name, prefix };
}

async function container(options: { network?: string; start?: boolean } = {}): Promise<string> {
  const name = uniqueName('netuser');
  const made = await docker().createContainer({
    Image: testImage,
    name,
    Cmd: ['sleep', '3600'],
    Labels: { ...TEST_LABELS },
    ...(options.network ? { HostConfig: { NetworkMode: options.network } } : {}),
  });
  if (options.start) await made.start();
  return name;
}

interface CliNetwork {
  Name: string;
  Driver: string;
  Internal: boolean;
  Attachable: boolean;
  Labels: Record<string, string>;
  Options: Record<string, string>;
  IPAM: { Config: Array<{ Subnet?: string; Gateway?: string; IPRange?: string }> };
  Containers: Record<string, { Name: string; IPv4Address: string }>;
}

const cliInspect = async (name: string): Promise<CliNetwork> => (JSON.parse((await dockerCli(['network', 'inspect', name])).stdout) as CliNetwork[])[0]!;
const cliNetworks = async (): Promise<string[]> =>
  (await dockerCli(['network', 'ls', '--format', '{{.Name}}'])).stdout.split('\n').filter((name) => name.startsWith(TAG));

describe('networks.create', () => {
  it('creates a bridge with subnet, gateway, IP range, internal, attachable, labels and options, as docker network inspect shows; its CLI line makes the same', async () => {
    const { subnet, prefix } = freeSubnet();
    const spec = {
      name: networkName('made'),
      subnet,
      gateway: `${prefix}254`,
      ipRange: `${prefix}128/25`,
      internal: true,
      attachable: true,
      labels: { ...TEST_LABELS, tier: 'a b' },
      driverOptions: { 'com.docker.network.driver.mtu': '1400' },
    };
    const made = await call<{ id: string; name: string }>('networks.create', spec);
    expect(made.name).toBe(spec.name);
    const inspected = await cliInspect(spec.name);
    expect(inspected).toMatchObject({ Driver: 'bridge', Internal: true, Attachable: true, Labels: spec.labels, Options: spec.driverOptions });
    expect(inspected.IPAM.Config).toEqual([{ Subnet: subnet, Gateway: `${prefix}254`, IPRange: `${prefix}128/25` }]);

    const twin = freeSubnet();
    const twinName = networkName('twin');
    const line = networkCreateCommand({ ...spec, name: twinName, subnet: twin.subnet, gateway: `${twin.prefix}254`, ipRange: `${twin.prefix}128/25` });
    expect(line).toContain(
      `--subnet ${twin.subnet} --gateway ${twin.prefix}254 --ip-range ${twin.prefix}128/25 --internal --attachable --label berth.test=1 --label 'tier=a b'`,
    );
    const shell = await runShellLine(line);
    expect(shell.code, shell.stderr).toBe(0);
    const twinInspect = await cliInspect(twinName);
    expect({ ...twinInspect, IPAM: undefined, Name: undefined, Id: undefined, Created: undefined }).toEqual({
      ...inspected,
      IPAM: undefined,
      Name: undefined,
      Id: undefined,
      Created: undefined,
    });
  });

  it('refuses a taken name, an overlapping subnet, a gateway outside the subnet and an unknown driver, in plain words, making nothing', async () => {
    const first = await network();
    const before = await cliNetworks();
    const again = await refused('networks.create', { name: first.name, labels: { ...TEST_LABELS } });
    expect(again).toEqual({ code: 'CONFLICT', message: `A network named ${first.name} already exists.` });

    const overlap = await refused('networks.create', { name: networkName('overlap'), subnet: `${first.prefix}0/25`, labels: { ...TEST_LABELS } });
    expect(overlap.code).toBe('CONFLICT');
    expect(overlap.message).toBe(`The subnet ${first.prefix}0/25 overlaps network ${first.name} (${first.prefix}0/24). Choose another subnet.`);

    const { subnet } = freeSubnet();
    const gateway = await refused('networks.create', { name: networkName('gw'), subnet, gateway: '192.0.2.9' });
    expect(gateway).toMatchObject({ code: 'INVALID_INPUT' });
    expect(gateway.message).toMatch(/gateway must be an address inside the subnet/);
    expect(await refused('networks.create', { name: networkName('gw'), gateway: '10.1.1.1' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await refused('networks.create', { name: 'no spaces here' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await refused('networks.create', { name: networkName('cidr'), subnet: '10.1.1.0/33' })).toMatchObject({ code: 'INVALID_INPUT' });

    const driver = await refused('networks.create', { name: networkName('nodriver'), driver: 'berth-no-such-driver' });
    expect(driver).toEqual({
      code: 'INVALID_INPUT',
      message: `Could not create network ${TAG}-nodriver-${counter}: there is no network driver named berth-no-such-driver on this engine.`,
    });
    expect((await cliNetworks()).sort()).toEqual(before.sort());
  }, 60_000);
});

describe('networks.list', () => {
  it('lists what docker network ls lists, with subnets, flags, labels and the containers naming each (running with their address)', async () => {
    const { name, prefix } = await network({ role: 'listed' });
    const running = await container({ network: name, start: true });
    const created = await container({ network: name });
    const list = await call<NetworkSummary[]>('networks.list', {});
    expect(
      list
        .map((n) => n.name)
        .filter((n) => n.startsWith(TAG))
        .sort(),
    ).toEqual((await cliNetworks()).sort());
    const row = list.find((n) => n.name === name);
    expect(row).toMatchObject({
      driver: 'bridge',
      scope: 'local',
      internal: false,
      attachable: false,
      predefined: false,
      labels: { ...TEST_LABELS, role: 'listed' },
      subnets: [{ subnet: `${prefix}0/24` }],
    });
    expect(Math.abs((row?.created ?? 0) - Date.now() / 1000)).toBeLessThan(600);
    const cli = await cliInspect(name);
    const address = Object.values(cli.Containers).find((endpoint) => endpoint.Name === running)?.IPv4Address;
    expect(row?.containers.map((member) => [member.name, member.state, member.ipv4Address])).toEqual(
      [
        [running, 'running', address],
        [created, 'created', ''],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    for (const own of ['bridge', 'host', 'none']) expect(list.find((n) => n.name === own)?.predefined).toBe(true);
  });
});

describe('networks.remove', () => {
  it('removes a network no container is connected to', async () => {
    const { name } = await network();
    expect(await call('networks.remove', { name })).toEqual({ name });
    expect(await cliNetworks()).not.toContain(name);
  });

  it('refuses a network with endpoints, naming the containers, and keeps it', async () => {
    const { name } = await network();
    const one = await container({ network: name, start: true });
    const two = await container({ network: name, start: true });
    const answer = await refused('networks.remove', { name });
    expect(answer).toEqual({
      code: 'CONFLICT',
      message: `Network ${name} has containers ${[one, two].sort().join(', ')} connected. Disconnect them (or stop them) first.`,
    });
    expect(await cliNetworks()).toContain(name);
  });

  it('refuses bridge, host and none, by name or id, and a missing network, in plain words', async () => {
    for (const own of ['bridge', 'host', 'none']) {
      expect(await refused('networks.remove', { name: own })).toEqual({
        code: 'CONFLICT',
        message: `${own} is one of the engine's own networks (bridge, host, none); it cannot be removed.`,
      });
    }
    const bridgeId = ((await cliInspect('bridge')) as unknown as { Id: string }).Id.slice(0, 12);
    expect(await refused('networks.remove', { name: bridgeId })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^bridge is one of the engine's own/),
    });
    expect(await refused('networks.remove', { name: `${TAG}-missing` })).toEqual({
      code: 'NOT_FOUND',
      message: `There is no network named ${TAG}-missing on this engine.`,
    });
    expect(await dockerCli(['network', 'inspect', 'bridge'])).toMatchObject({ code: 0 });
  });
});

describe('networks.connect and networks.disconnect', () => {
  it('connects with aliases and a fixed IP, as inspect shows and the container resolves; the CLI line does the same; disconnect takes it off', async () => {
    const { name, prefix } = await network();
    const box = await container({ start: true });
    const spec = { network: name, container: box, aliases: ['db', 'db.internal'], ipv4Address: `${prefix}77` };
    expect(await call('networks.connect', spec)).toEqual({ network: name, container: box });

    const inspected = await call<{ Containers: Record<string, { Name: string; IPv4Address: string }> }>('networks.inspect', { name });
    expect(Object.values(inspected.Containers)).toEqual([expect.objectContaining({ Name: box, IPv4Address: `${prefix}77/24` })]);
    const settings = (await docker().getContainer(box).inspect()).NetworkSettings.Networks[name];
    expect(settings?.IPAMConfig).toMatchObject({ IPv4Address: `${prefix}77` });
    expect(settings?.Aliases).toEqual(expect.arrayContaining(['db', 'db.internal']));
    const row = (await call<NetworkSummary[]>('networks.list', {})).find((n) => n.name === name);
    expect(row?.containers).toEqual([expect.objectContaining({ name: box, state: 'running', ipv4Address: `${prefix}77/24` })]);
    // Another container on the network finds it by its alias, at that address (the engine's DNS).
    const peer = await container({ network: name, start: true });
    const lookup = await dockerCli(['exec', peer, 'nslookup', 'db']);
    expect(lookup.stdout).toContain(`${prefix}77`);

    expect(await call('networks.disconnect', { network: name, container: box })).toEqual({ network: name, container: box });
    expect(Object.keys((await cliInspect(name)).Containers).length).toBe(1);
    expect((await docker().getContainer(box).inspect()).NetworkSettings.Networks[name]).toBeUndefined();

    // The lines shown do the same through the CLI.
    const line = networkConnectCommand({ ...spec, ipv4Address: `${prefix}78` });
    expect(line).toBe(`docker network connect --alias db --alias db.internal --ip ${prefix}78 ${name} ${box}`);
    const connected = await runShellLine(line);
    expect(connected.code, connected.stderr).toBe(0);
    expect((await docker().getContainer(box).inspect()).NetworkSettings.Networks[name]?.IPAddress).toBe(`${prefix}78`);
    const disconnected = await runShellLine(networkDisconnectCommand(name, box));
    expect(disconnected.code, disconnected.stderr).toBe(0);
    expect((await docker().getContainer(box).inspect()).NetworkSettings.Networks[name]).toBeUndefined();
  });

  it('refuses what the engine refuses, in plain words: twice, not connected, a fixed IP without a subnet, the host network, missing ones', async () => {
    const { name } = await network();
    const box = await container({ network: name, start: true });
    expect(await refused('networks.connect', { network: name, container: box })).toEqual({
      code: 'CONFLICT',
      message: `Container ${box} is already connected to network ${name}.`,
    });
    const plain = await network({}, false);
    expect(await refused('networks.connect', { network: plain.name, container: box, ipv4Address: '10.9.9.9' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^A fixed IP address needs a network created with a subnet/),
    });
    expect(await refused('networks.disconnect', { network: plain.name, container: box })).toEqual({
      code: 'CONFLICT',
      message: `Container ${box} is not connected to network ${plain.name}.`,
    });
    expect(await refused('networks.connect', { network: 'host', container: box })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/host network/),
    });
    expect(await refused('networks.connect', { network: 'bridge', container: box, aliases: ['x'] })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^Aliases work only on networks you create/),
    });
    expect(await refused('networks.connect', { network: `${TAG}-none`, container: box })).toEqual({
      code: 'NOT_FOUND',
      message: `There is no network named ${TAG}-none on this engine.`,
    });
    expect(await refused('networks.connect', { network: name, container: `${TAG}-nobox` })).toEqual({
      code: 'NOT_FOUND',
      message: `There is no container named ${TAG}-nobox on this engine.`,
    });
    expect(await refused('networks.connect', { network: name, container: box, ipv4Address: '10.1.2.300' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(Object.keys((await cliInspect(plain.name)).Containers)).toEqual([]);
  });
});

describe('networks.prunePreview and networks.prune', () => {
  it('previews exactly what the prune removes: unused ones and ones only stopped containers name (those named), never ones with endpoints', async () => {
    const mark = uniqueName('netprune');
    const labels = { 'berth.test.prune': mark };
    const unused = await network(labels);
    const stoppedOnly = await network(labels);
    const stopped = await container({ network: stoppedOnly.name });
    const busy = await network(labels);
    await container({ network: busy.name, start: true });
    const other = await network();
    const filters = { label: [`berth.test.prune=${mark}`] };

    const preview = await call<NetworkPrunePreview>('networks.prunePreview', { filters });
    expect(preview.networks.map((n) => n.name).sort()).toEqual([unused.name, stoppedOnly.name].sort());
    expect(preview.networks.find((n) => n.name === stoppedOnly.name)?.stoppedMembers).toEqual([stopped]);
    expect(preview.filters).toEqual(filters);

    const pruned = await call<NetworkPruneResult>('networks.prune', { filters: preview.filters });
    expect(pruned.removed.sort()).toEqual(preview.networks.map((n) => n.name).sort());
    const left = await cliNetworks();
    expect(left).toContain(busy.name);
    expect(left).toContain(other.name);
    expect(left).not.toContain(unused.name);
    expect(networkPruneCommand(filters)).toBe(`docker network prune --force --filter label=berth.test.prune=${mark}`);
  });

  it('resolves a relative until once, and the CLI line prunes the same networks', async () => {
    const mark = uniqueName('netprune');
    const old = await network({ 'berth.test.prune': mark });
    const filters = { label: [`berth.test.prune=${mark}`], until: '1h' };
    const preview = await call<NetworkPrunePreview>('networks.prunePreview', { filters });
    expect(preview.networks).toEqual([]);
    expect(Number(preview.filters.until)).toBeCloseTo(Date.now() / 1000 - 3600, -2);
    const line = await runShellLine(networkPruneCommand({ label: filters.label }));
    expect(line.code, line.stderr).toBe(0);
    expect(line.stdout.toString()).toContain(old.name);
    expect(await cliNetworks()).not.toContain(old.name);
  });
});

describe('networks.inspect', () => {
  it('answers the document docker network inspect prints, and NOT_FOUND in words', async () => {
    const { name } = await network();
    const doc = await call<{ Name: string; Id: string }>('networks.inspect', { name });
    const cli = (await cliInspect(name)) as unknown as { Id: string };
    expect(doc).toMatchObject({ Name: name, Id: cli.Id });
    expect(await refused('networks.inspect', { name: `${TAG}-gone` })).toEqual({
      code: 'NOT_FOUND',
      message: `There is no network named ${TAG}-gone on this engine.`,
    });
  });
});
