// Proves the real-engine test bed works: engine reachable, test images runnable, ports published on
// 127.0.0.1 reachable, cleanup by label.
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_LABELS, demux, docker, dockerCli, noShellImage, removeTestContainers, testImage, uniqueName, waitFor } from '../helpers/engine';

describe('test bed', () => {
  afterAll(async () => {
    await removeTestContainers();
  });

  it('reaches the engine named by DOCKER_HOST', async () => {
    const pong = await docker().ping();
    expect(String(pong)).toBe('OK');
    const cli = await dockerCli(['version', '--format', '{{.Server.Version}}']);
    expect(cli.code).toBe(0);
    expect(cli.stdout.trim()).not.toBe('');
  });

  it('runs the busybox test image', async () => {
    const container = await docker().createContainer({
      name: uniqueName('smoke'),
      Image: testImage,
      Cmd: ['echo', 'hi'],
      Labels: { ...TEST_LABELS },
    });
    try {
      await container.start();
      const { StatusCode } = await container.wait();
      expect(StatusCode).toBe(0);
      const logs = (await container.logs({ stdout: true, stderr: true })) as unknown as Buffer;
      expect(demux(logs).stdout).toBe('hi\n');
    } finally {
      await container.remove({ force: true });
    }
  });

  it('has no shell in the noshell image', async () => {
    const image = await docker().getImage(noShellImage).inspect();
    expect(image.Config.Labels).toMatchObject(TEST_LABELS);
    const ok = await dockerCli(['run', '--rm', '--label', 'berth.test=1', noShellImage, '/bin/busybox', 'echo', 'ok']);
    expect(ok.stdout.trim()).toBe('ok');
    const sh = await dockerCli(['run', '--rm', '--label', 'berth.test=1', noShellImage, 'sh', '-c', 'true']);
    expect(sh.code).not.toBe(0);
  });

  it('publishes ports on 127.0.0.1', async () => {
    const container = await docker().createContainer({
      name: uniqueName('http'),
      Image: testImage,
      Cmd: ['sh', '-c', 'echo hello > /tmp/index.html && exec httpd -f -p 80 -h /tmp'],
      Labels: { ...TEST_LABELS },
      ExposedPorts: { '80/tcp': {} },
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
    });
    await container.start();
    const info = await container.inspect();
    const port = info.NetworkSettings.Ports['80/tcp']?.[0]?.HostPort;
    expect(port).toMatch(/^\d+$/);
    const body = await waitFor(
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/index.html`);
        return res.ok ? res.text() : undefined;
      },
      { timeout: 10_000, message: 'httpd did not answer on the published port' },
    );
    expect(body).toBe('hello\n');
  });
});
