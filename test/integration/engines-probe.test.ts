// Reaching an engine at an address, as `engines.test` does: a unix socket, a tcp engine with TLS
// (right CA and client certificate, a wrong CA, no client certificate, no TLS at all) and an ssh
// engine through the system's ssh (unknown host key, trusted host key, a key the server refuses).
// Real parts: a second dockerd with --tlsverify, Debian's sshd, certificates from openssl.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeEndpoint } from '../../src/main/engine/engines/endpoint';
import { startSshServer, startTlsEngine, type SshServer, type TlsEngine } from '../helpers/remote-engines';

const exec = promisify(execFile);
const TIMEOUT = 20_000;
let tls: TlsEngine;
let ssh: SshServer;

async function serverVersion(...hostArgs: string[]): Promise<string> {
  return (await exec('docker', [...hostArgs, 'version', '--format', '{{.Server.Version}}'])).stdout.trim();
}

beforeAll(async () => {
  [tls, ssh] = await Promise.all([startTlsEngine(), startSshServer(process.env.DOCKER_HOST!)]);
}, 180_000);

afterAll(async () => {
  await Promise.allSettled([tls?.stop(), ssh?.stop()]);
}, 60_000);

describe('probing an engine address', () => {
  it('reaches the unix socket engine and says its version, as docker version does', async () => {
    const identity = await probeEndpoint({ host: process.env.DOCKER_HOST! }, { timeoutMs: TIMEOUT });
    expect(identity.serverVersion).toBe(await serverVersion());
    expect(identity.os).toBe('linux');
  });

  it('says there is no socket at a path nothing listens on', async () => {
    await expect(probeEndpoint({ host: 'unix:///tmp/berth-no-such.sock' }, { timeoutMs: TIMEOUT })).rejects.toMatchObject({
      code: 'ENGINE_UNAVAILABLE',
      message: 'There is no engine socket at /tmp/berth-no-such.sock.',
    });
  });

  it('reaches a TLS engine with its CA and a client certificate it signed', async () => {
    const identity = await probeEndpoint({ host: tls.host, tls: { ca: tls.pem.ca, cert: tls.pem.cert, key: tls.pem.key } }, { timeoutMs: TIMEOUT });
    const cli = await serverVersion('-H', tls.host, '--tlsverify', `--tlscacert=${tls.files.ca}`, `--tlscert=${tls.files.cert}`, `--tlskey=${tls.files.key}`);
    expect(identity.serverVersion).toBe(cli);
  });

  it('says the certificate is not trusted when the CA given did not sign it', async () => {
    const probe = probeEndpoint({ host: tls.host, tls: { ca: tls.pem.otherCa, cert: tls.pem.cert, key: tls.pem.key } }, { timeoutMs: TIMEOUT });
    await expect(probe).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: `The engine at ${tls.host} is not trusted: its certificate is not signed by the CA you gave.`,
    });
  });

  it('says the engine wants a client certificate when none is given', async () => {
    const probe = probeEndpoint({ host: tls.host, tls: { ca: tls.pem.ca } }, { timeoutMs: TIMEOUT });
    await expect(probe).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('wants a client certificate') });
  });

  it('says the engine speaks TLS when no TLS material is given', async () => {
    const probe = probeEndpoint({ host: tls.host }, { timeoutMs: TIMEOUT });
    await expect(probe).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `The engine at ${tls.host} speaks TLS: give its CA, and your certificate and key.`,
    });
  });

  it('says a plain tcp engine closed the connection, without blaming certificates it never asked for', async () => {
    // A listener that resets every connection: what a crashing or filtering plain-HTTP endpoint does.
    const resetter = net.createServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((resolve) => resetter.listen(0, '127.0.0.1', resolve));
    const { port } = resetter.address() as net.AddressInfo;
    try {
      const probe = probeEndpoint({ host: `tcp://127.0.0.1:${port}` }, { timeoutMs: TIMEOUT });
      await expect(probe).rejects.toMatchObject({
        code: 'ENGINE_UNAVAILABLE',
        message: `The engine at tcp://127.0.0.1:${port} closed the connection before answering.`,
      });
    } finally {
      await new Promise((resolve) => resetter.close(resolve));
    }
  });

  it('refuses an ssh host whose key is not known yet, before any login', async () => {
    const probe = probeEndpoint({ host: ssh.host }, { timeoutMs: TIMEOUT, sshCommand: ['ssh', '-F', ssh.clientConfig] });
    await expect(probe).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('is not known yet') });
  });

  it('reaches the engine behind ssh once its host key is trusted (docker system dial-stdio)', async () => {
    const { stdout } = await exec('ssh-keyscan', ['-p', String(ssh.port), '-t', 'ed25519', '127.0.0.1']);
    await writeFile(ssh.knownHosts, stdout);
    const identity = await probeEndpoint({ host: ssh.host }, { timeoutMs: TIMEOUT, sshCommand: ['ssh', '-F', ssh.clientConfig] });
    expect(identity.serverVersion).toBe(await serverVersion());
  });

  it('says ssh refused the login when the server accepts none of the keys', async () => {
    const otherKey = `${ssh.clientConfig}.other-key`;
    await exec('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', otherKey]);
    const config = `${ssh.clientConfig}.other`;
    await writeFile(
      config,
      `Host 127.0.0.1\n  IdentityFile ${otherKey}\n  IdentitiesOnly yes\n  UserKnownHostsFile ${ssh.knownHosts}\n  GlobalKnownHostsFile /dev/null\n  StrictHostKeyChecking yes\n`,
    );
    const probe = probeEndpoint({ host: ssh.host }, { timeoutMs: TIMEOUT, sshCommand: ['ssh', '-F', config] });
    await expect(probe).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('ssh refused the login') });
  });
});
