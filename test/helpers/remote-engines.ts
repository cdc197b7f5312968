// The test bed's remote engines for the several-engines tests: a dockerd that listens on
// tcp://127.0.0.1 with --tlsverify (a CA, server and client certificates made with openssl), and
// an sshd (Debian's openssh-server, run as root on a free loopback port with its own config and
// keys) whose sessions point `docker system dial-stdio` at a given engine.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startPrivateEngine, type PrivateEngine } from '../../scripts/test-engine.mjs';

const exec = promisify(execFile);

async function freeLoopbackPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves once something accepts connections on 127.0.0.1:port (polled, up to `timeoutMs`). */
async function waitForPort(port: number, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (!alive()) throw new Error(`the server for port ${port} exited`);
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const openssl = (dir: string, ...args: string[]) => exec('openssl', args, { cwd: dir });

/** A CA and a certificate signed by it (`extension`: serverAuth with SANs, or clientAuth). */
async function signedPair(dir: string, name: string, ca: string, extension: string): Promise<void> {
  await openssl(dir, 'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
  await writeFile(path.join(dir, `${name}.ext`), extension);
  await openssl(
    dir,
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.pem`,
    '-CAkey',
    `${ca}-key.pem`,
    '-CAcreateserial',
    '-out',
    `${name}.pem`,
    '-days',
    '2',
    '-extfile',
    `${name}.ext`,
  );
}

async function makeCa(dir: string, name: string): Promise<void> {
  await openssl(
    dir,
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${name}-key.pem`,
    '-out',
    `${name}.pem`,
    '-subj',
    `/CN=${name}`,
    '-days',
    '2',
  );
}

export interface TlsEngine {
  /** tcp://127.0.0.1:PORT */
  host: string;
  /** The engine's unix socket too, for setting things up with the CLI. */
  dockerHost: string;
  /** PEM texts: the right CA, a client certificate and key it signed, and a CA that signed nothing here. */
  pem: { ca: string; cert: string; key: string; otherCa: string };
  /** The same as files, for `docker context create` and DOCKER_CERT_PATH. */
  files: { ca: string; cert: string; key: string };
  stop(): Promise<void>;
}

/** A private dockerd that also listens on tcp://127.0.0.1:PORT and accepts only clients its CA signed. */
export async function startTlsEngine(): Promise<TlsEngine> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'berth-tls-'));
  await makeCa(dir, 'ca');
  await makeCa(dir, 'other-ca');
  await signedPair(dir, 'server', 'ca', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  await signedPair(dir, 'client', 'ca', 'extendedKeyUsage=clientAuth\n');
  const port = await freeLoopbackPort();
  const host = `tcp://127.0.0.1:${port}`;
  let engine: PrivateEngine;
  try {
    engine = await startPrivateEngine({
      extraArgs: ['--tlsverify', `--tlscacert=${dir}/ca.pem`, `--tlscert=${dir}/server.pem`, `--tlskey=${dir}/server-key.pem`, `-H=${host}`],
    });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const read = (file: string) => readFile(path.join(dir, file), 'utf8');
  return {
    host,
    dockerHost: engine.dockerHost,
    pem: { ca: await read('ca.pem'), cert: await read('client.pem'), key: await read('client-key.pem'), otherCa: await read('other-ca.pem') },
    files: { ca: path.join(dir, 'ca.pem'), cert: path.join(dir, 'client.pem'), key: path.join(dir, 'client-key.pem') },
    async stop() {
      await engine.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface SshServer {
  port: number;
  /** ssh://root@127.0.0.1:PORT */
  host: string;
  /** An ssh client config (`ssh -F`) with the test's key and its own known_hosts file. */
  clientConfig: string;
  knownHosts: string;
  /** The host key's SHA256 fingerprint, as `ssh-keygen -l` prints it. */
  fingerprint: string;
  stop(): Promise<void>;
}

/**
 * sshd on a free loopback port, root login by the test's key only; each session's DOCKER_HOST is
 * `dockerHost`, so `ssh … docker system dial-stdio` reaches that engine.
 */
export async function startSshServer(dockerHost: string): Promise<SshServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'berth-sshd-'));
  const keygen = (file: string) => exec('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, file)]);
  await keygen('host_key');
  await keygen('client_key');
  await writeFile(path.join(dir, 'authorized_keys'), await readFile(path.join(dir, 'client_key.pub')));
  await writeFile(path.join(dir, 'known_hosts'), '');
  const port = await freeLoopbackPort();
  const config = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${dir}/host_key`,
    `PidFile ${dir}/sshd.pid`,
    `AuthorizedKeysFile ${dir}/authorized_keys`,
    'PermitRootLogin prohibit-password',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'StrictModes no',
    `SetEnv DOCKER_HOST=${dockerHost}`,
  ].join('\n');
  await writeFile(path.join(dir, 'sshd_config'), `${config}\n`);
  const clientConfig = path.join(dir, 'ssh_config');
  await writeFile(
    clientConfig,
    [
      'Host 127.0.0.1',
      `  IdentityFile ${dir}/client_key`,
      '  IdentitiesOnly yes',
      `  UserKnownHostsFile ${dir}/known_hosts`,
      '  GlobalKnownHostsFile /dev/null',
      '  StrictHostKeyChecking yes',
      '',
    ].join('\n'),
  );
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 }); // sshd's privilege separation directory
  const daemon: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', path.join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  daemon.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  try {
    await waitForPort(port, 15_000, () => daemon.exitCode === null);
  } catch (err) {
    daemon.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`sshd did not start: ${(err as Error).message}\n${log}`);
  }
  const fingerprint = (await exec('ssh-keygen', ['-l', '-E', 'sha256', '-f', path.join(dir, 'host_key.pub')])).stdout.split(' ')[1]!;
  return {
    port,
    host: `ssh://root@127.0.0.1:${port}`,
    clientConfig,
    knownHosts: path.join(dir, 'known_hosts'),
    fingerprint,
    async stop() {
      const exited = new Promise((resolve) => daemon.once('exit', resolve));
      daemon.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
