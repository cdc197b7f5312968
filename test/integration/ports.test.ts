// containers.ports and containers.openPort against the real engine. Bindings are on 127.0.0.1 only.
import { afterAll, describe, expect, it } from 'vitest';
import { webHost, type HostServices } from '../../src/main/host';
import type { ContainerPorts, OpenedPort } from '../../src/shared/types/ports';
import { docker, dockerCli, removeTestContainers, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { createHarness } from './dispatch-harness';

const opened: string[] = [];
const desktopLike: HostServices = {
  ...webHost,
  receivesPageUploads: false,
  openExternal: async (url) => {
    opened.push(url.toString());
  },
};
const desktop = createHarness(desktopLike);
const browser = createHarness();

afterAll(async () => {
  desktop.stop();
  browser.stop();
  await removeTestContainers();
});

async function createWithPorts(name: string): Promise<void> {
  await docker().createContainer({
    Image: testImage,
    name,
    Cmd: ['sleep', '1000'],
    Labels: { ...TEST_LABELS },
    ExposedPorts: { '80/tcp': {}, '81/udp': {}, '9000/tcp': {} },
    HostConfig: {
      PortBindings: {
        '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }],
        '81/udp': [{ HostIp: '127.0.0.1', HostPort: '' }],
      },
    },
  });
}

/** `docker port NAME` lines: "80/tcp -> 127.0.0.1:32768". */
function parseCliPorts(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .sort();
}

describe('containers.ports', () => {
  it('shows the requested bindings of a stopped container, then what docker port shows once it runs', async () => {
    const name = uniqueName('ports');
    await createWithPorts(name);
    const stopped = await browser.invoke<ContainerPorts>('containers.ports', { id: name });
    expect(stopped.running).toBe(false);
    expect(stopped.published).toEqual([]);
    expect(stopped.requested).toEqual([
      { containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1' },
      { containerPort: 81, protocol: 'udp', hostIp: '127.0.0.1' },
    ]);
    expect(stopped.exposedOnly).toEqual([{ containerPort: 9000, protocol: 'tcp' }]);

    await docker().getContainer(name).start();
    const live = await browser.invoke<ContainerPorts>('containers.ports', { id: name });
    expect(live.running).toBe(true);
    expect(live.name).toBe(name);
    expect(live.published.map((p) => [p.containerPort, p.protocol, p.hostIp])).toEqual([
      [80, 'tcp', '127.0.0.1'],
      [81, 'udp', '127.0.0.1'],
    ]);
    for (const port of live.published) expect(port.hostPort).toBeGreaterThan(0);
    const cli = await dockerCli(['port', name]);
    expect(cli.code).toBe(0);
    expect(live.published.map((p) => `${p.containerPort}/${p.protocol} -> ${p.hostIp}:${p.hostPort}`).sort()).toEqual(parseCliPorts(cli.stdout));
    // Requested bindings stay what the container asked for (an engine-chosen port).
    expect(live.requested.every((p) => p.hostPort === undefined)).toBe(true);
  });

  it('says NOT_FOUND for a missing container and INVALID_INPUT for a bad reference', async () => {
    expect(await browser.outcome('containers.ports', { id: uniqueName('none') })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await browser.outcome('containers.ports', { id: '../x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('containers.openPort', () => {
  it('opens exactly the URL of the binding in the desktop app, and returns it in browser mode', async () => {
    const name = uniqueName('open');
    await createWithPorts(name);
    await docker().getContainer(name).start();
    const live = await browser.invoke<ContainerPorts>('containers.ports', { id: name });
    const http = live.published.find((p) => p.containerPort === 80);
    const expected = `http://127.0.0.1:${http?.hostPort}/`;

    opened.length = 0;
    const fromDesktop = await desktop.invoke<OpenedPort>('containers.openPort', { id: name, containerPort: 80, protocol: 'tcp' });
    expect(fromDesktop).toEqual({ url: expected, opened: true });
    expect(opened).toEqual([expected]);

    const fromBrowser = await browser.invoke<OpenedPort>('containers.openPort', { id: name, containerPort: 80 });
    expect(fromBrowser).toEqual({ url: expected, opened: false });
  });

  it('opens nothing for crafted input, unpublished ports, UDP or a stopped container', async () => {
    const name = uniqueName('craft');
    await createWithPorts(name);
    opened.length = 0;
    const stopped = await desktop.outcome('containers.openPort', { id: name, containerPort: 80, protocol: 'tcp' });
    expect(stopped).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await docker().getContainer(name).start();

    const crafted: Array<[unknown, string]> = [
      [{ id: name, containerPort: 80, url: 'https://evil.example/' }, 'INVALID_INPUT'],
      [{ id: name, containerPort: 80, hostIp: 'evil.example' }, 'INVALID_INPUT'],
      [{ id: name, containerPort: 80, protocol: 'javascript' }, 'INVALID_INPUT'],
      [{ id: name, containerPort: 81, protocol: 'udp' }, 'INVALID_INPUT'],
      [{ id: name, containerPort: '80@evil.example' }, 'INVALID_INPUT'],
      [{ id: `${name}/../../x`, containerPort: 80 }, 'INVALID_INPUT'],
      [{ id: name, containerPort: 9000 }, 'NOT_FOUND'],
      [{ id: name, containerPort: 443 }, 'NOT_FOUND'],
      [{ id: uniqueName('none'), containerPort: 80 }, 'NOT_FOUND'],
    ];
    for (const [input, code] of crafted) {
      const outcome = await desktop.outcome('containers.openPort', input);
      expect(outcome, JSON.stringify(input)).toMatchObject({ ok: false, error: { code } });
    }
    expect(opened).toEqual([]);
  });
});
