// engines.list / add / remove / test through the real dispatcher: the test engine (DOCKER_HOST),
// contexts made by the docker CLI for a TLS engine and an ssh engine, a context whose engine is
// gone, and contexts added through Berth that the docker CLI then lists. Real parts: a second
// dockerd with --tlsverify, Debian's sshd, the docker CLI in a temporary DOCKER_CONFIG.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src/main/backend';
import { createEngine } from '../../src/main/engine/core/engine';
import type { Dispatcher } from '../../src/main/dispatch';
import { webHost } from '../../src/main/host';
import type { EngineEntry, EngineList, HostKey } from '../../src/shared/types/engines';
import { startSshServer, startTlsEngine, type SshServer, type TlsEngine } from '../helpers/remote-engines';

const exec = promisify(execFile);
let tls: TlsEngine;
let ssh: SshServer;
let configDir: string;
let dispatcher: Dispatcher;

const cliEnv = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_CONFIG: configDir });
const dockerCli = async (...args: string[]) => (await exec('docker', args, { env: cliEnv() })).stdout;

async function invoke<T>(channel: string, input: unknown): Promise<T> {
  const outcome = await dispatcher.invoke(channel, input);
  if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
  return outcome.result as T;
}

const byId = (list: EngineList, id: string): EngineEntry => {
  const entry = list.engines.find((engine) => engine.id === id);
  if (!entry) throw new Error(`${id} is not listed: ${list.engines.map((engine) => engine.id).join(', ')}`);
  return entry;
};

beforeAll(async () => {
  [tls, ssh] = await Promise.all([startTlsEngine(), startSshServer(process.env.DOCKER_HOST!)]);
  configDir = await mkdtemp(path.join(os.tmpdir(), 'berth-engines-'));
  await writeFile(ssh.knownHosts, (await exec('ssh-keyscan', ['-p', String(ssh.port), '-t', 'ed25519', '127.0.0.1'])).stdout);
  await dockerCli(
    'context',
    'create',
    'build-tls',
    '--description',
    'TLS build server',
    '--docker',
    `host=${tls.host},ca=${tls.files.ca},cert=${tls.files.cert},key=${tls.files.key}`,
  );
  await dockerCli('context', 'create', 'staging-ssh', '--docker', `host=${ssh.host}`);
  await dockerCli('context', 'create', 'gone', '--docker', 'host=unix:///tmp/berth-gone-engine.sock');
  const env = { DOCKER_HOST: process.env.DOCKER_HOST, DOCKER_CONFIG: configDir };
  dispatcher = createBackend({
    engine: createEngine(env),
    host: webHost,
    engines: { env, sshCommand: ['ssh', '-F', ssh.clientConfig], probeTimeoutMs: 15_000 },
  }).dispatcher;
}, 180_000);

afterAll(async () => {
  await Promise.allSettled([tls?.stop(), ssh?.stop(), configDir && rm(configDir, { recursive: true, force: true })]);
}, 60_000);

describe('engines', () => {
  it('lists DOCKER_HOST and every context with its state: a TLS engine, an ssh engine, and one that is gone', async () => {
    const list = await invoke<EngineList>('engines.list', {});
    expect(list.engines.map((engine) => engine.id)).toEqual(['default', 'build-tls', 'gone', 'staging-ssh']);
    const version = (await exec('docker', ['version', '--format', '{{.Server.Version}}'])).stdout.trim();
    expect(byId(list, 'default')).toMatchObject({
      source: 'env',
      current: true,
      endpoint: process.env.DOCKER_HOST,
      state: 'connected',
      identity: { serverVersion: version },
    });
    expect(byId(list, 'build-tls')).toMatchObject({
      source: 'context',
      description: 'TLS build server',
      tls: true,
      endpoint: tls.host,
      state: 'connected',
      current: false,
    });
    expect(byId(list, 'staging-ssh')).toMatchObject({ endpoint: ssh.host, state: 'connected', identity: { serverVersion: version } });
    expect(byId(list, 'gone')).toMatchObject({ state: 'unreachable', reason: 'There is no engine socket at /tmp/berth-gone-engine.sock.' });
  });

  it('tests an address before adding it: the engine it reaches, or why not', async () => {
    const identity = await invoke<{ serverVersion: string }>('engines.test', { host: tls.host, tls: { ca: tls.pem.ca, cert: tls.pem.cert, key: tls.pem.key } });
    expect(identity.serverVersion).toMatch(/^\d+\.\d+/);
    await expect(invoke('engines.test', { host: tls.host, tls: { ca: tls.pem.otherCa, cert: tls.pem.cert, key: tls.pem.key } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('not signed by the CA you gave'),
    });
  });

  it('adds a context the docker CLI lists and can use, marked as added in Berth', async () => {
    const added = await invoke<EngineEntry>('engines.add', {
      name: 'berth-tls',
      description: 'added here',
      host: tls.host,
      tls: { ca: tls.pem.ca, cert: tls.pem.cert, key: tls.pem.key },
    });
    expect(added).toMatchObject({ id: 'berth-tls', source: 'added', state: 'connected', tls: true });
    const viaContext = (await dockerCli('--context', 'berth-tls', 'version', '--format', '{{.Server.Version}}')).trim();
    expect(viaContext).toBe(added.identity!.serverVersion);
    expect(byId(await invoke<EngineList>('engines.list', {}), 'berth-tls').description).toBe('added here');
  });

  it('refuses bad input with a plain message and writes nothing', async () => {
    const before = await dockerCli('context', 'ls', '--format', '{{.Name}}');
    for (const input of [
      { name: 'default', host: 'unix:///x.sock' },
      { name: 'ok-name', host: 'http://example.invalid' },
      { name: 'ok-name', host: 'tcp://127.0.0.1:2376/path' },
      { name: 'ok-name', host: 'ssh://u:secret@127.0.0.1' },
      { name: 'ok-name', host: tls.host, tls: { cert: tls.pem.cert } },
      { name: 'ok-name', host: tls.host, tls: { ca: 'not a pem' } },
    ]) {
      await expect(invoke('engines.add', input), JSON.stringify(input)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    await expect(invoke('engines.add', { name: 'build-tls', host: 'unix:///x.sock' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await dockerCli('context', 'ls', '--format', '{{.Name}}')).toBe(before);
  });

  it('removes a context so the CLI no longer lists it, and refuses the one the CLI is using', async () => {
    await invoke('engines.remove', { id: 'gone' });
    expect(await dockerCli('context', 'ls', '--format', '{{.Name}}')).not.toContain('gone');
    await dockerCli('context', 'use', 'berth-tls');
    // DOCKER_HOST wins over the CLI's current context (as for the CLI): without it, berth-tls is current.
    const local = createBackend({
      engine: createEngine({ DOCKER_HOST: process.env.DOCKER_HOST }),
      host: webHost,
      engines: { env: { DOCKER_CONFIG: configDir } },
    }).dispatcher;
    const refused = await local.invoke('engines.remove', { id: 'berth-tls' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await dockerCli('context', 'use', 'default');
    await expect(invoke('engines.remove', { id: 'default' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(invoke('engines.remove', { id: 'gone' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows an unknown ssh host key, refuses to trust a fingerprint the host does not have, and connects once the right one is trusted', async () => {
    // Its own known_hosts, empty: the host is new to this user.
    const knownHosts = `${ssh.knownHosts}.fresh`;
    await writeFile(knownHosts, '');
    const config = `${ssh.clientConfig}.fresh`;
    await writeFile(config, (await readFile(ssh.clientConfig, 'utf8')).replace(ssh.knownHosts, knownHosts));
    const env = { DOCKER_HOST: process.env.DOCKER_HOST, DOCKER_CONFIG: configDir };
    const fresh = createBackend({
      engine: createEngine(env),
      host: webHost,
      engines: { env, sshCommand: ['ssh', '-F', config], probeTimeoutMs: 15_000 },
    }).dispatcher;
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const outcome = await fresh.invoke(channel, input);
      if (!outcome.ok) throw Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
      return outcome.result as T;
    };

    await expect(call('engines.test', { host: ssh.host })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('not known yet') });
    const key = await call<HostKey>('engines.hostKey', { host: ssh.host });
    expect(key).toEqual({ host: `[127.0.0.1]:${ssh.port}`, keyType: 'ssh-ed25519', fingerprint: ssh.fingerprint, known: false });

    const wrong = `SHA256:${'A'.repeat(43)}`;
    await expect(call('engines.trustHostKey', { host: ssh.host, fingerprint: wrong })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await readFile(knownHosts, 'utf8')).toBe('');

    expect(await call<HostKey>('engines.trustHostKey', { host: ssh.host, fingerprint: ssh.fingerprint })).toMatchObject({ known: true });
    // ssh itself now accepts the host: the real client, with nothing but that known_hosts line.
    await exec('ssh', ['-F', config, '-o', 'BatchMode=yes', '-p', String(ssh.port), 'root@127.0.0.1', 'true']);
    const identity = await call<{ serverVersion: string }>('engines.test', { host: ssh.host });
    expect(identity.serverVersion).toMatch(/^\d+\.\d+/);
    // Trusting again adds nothing.
    const lines = (await readFile(knownHosts, 'utf8')).split('\n').filter(Boolean).length;
    await call('engines.trustHostKey', { host: ssh.host, fingerprint: ssh.fingerprint });
    expect((await readFile(knownHosts, 'utf8')).split('\n').filter(Boolean)).toHaveLength(lines);
  });
});
