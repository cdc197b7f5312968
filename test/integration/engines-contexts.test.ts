// The docker CLI's context store, read and written by Berth, checked against the real docker CLI in
// a temporary DOCKER_CONFIG: what the CLI creates Berth lists (with its TLS files), what Berth
// creates the CLI lists and inspects, and both agree on which context is current.
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, currentContextName, readContexts, readContextSync, removeContext, renameContext } from '../../src/main/engine/engines/context-store';

const exec = promisify(execFile);
let configDir: string;
let pemDir: string;

/** The docker CLI with only the temporary config (no DOCKER_HOST, which would override the context). */
async function dockerCli(...args: string[]): Promise<string> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_CONFIG: configDir };
  return (await exec('docker', args, { env })).stdout;
}

beforeAll(async () => {
  configDir = await mkdtemp(path.join(os.tmpdir(), 'berth-contexts-'));
  pemDir = path.join(configDir, 'pem');
  await mkdir(pemDir);
  // A real key pair: the CLI checks the TLS material it stores.
  await exec('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    path.join(pemDir, 'key.pem'),
    '-out',
    path.join(pemDir, 'cert.pem'),
    '-subj',
    '/CN=berth-test',
    '-days',
    '1',
  ]);
});

afterAll(async () => {
  await rm(configDir, { recursive: true, force: true });
});

describe('the docker CLI context store', () => {
  it('lists the contexts the docker CLI created, with their hosts, descriptions and TLS files', async () => {
    const pem = (file: string): string => path.join(pemDir, file);
    await dockerCli(
      'context',
      'create',
      'tls-one',
      '--description',
      'build server',
      '--docker',
      `host=tcp://127.0.0.1:2376,ca=${pem('cert.pem')},cert=${pem('cert.pem')},key=${pem('key.pem')}`,
    );
    await dockerCli('context', 'create', 'ssh-one', '--docker', 'host=ssh://root@127.0.0.1:2222');
    await dockerCli('context', 'create', 'sock-one', '--docker', 'host=unix:///run/other.sock,skip-tls-verify=true');

    const { contexts, problems } = await readContexts(configDir);
    expect(problems).toEqual([]);
    expect(contexts.map((c) => [c.name, c.host, c.description, c.skipTlsVerify])).toEqual([
      ['sock-one', 'unix:///run/other.sock', '', true],
      ['ssh-one', 'ssh://root@127.0.0.1:2222', '', false],
      ['tls-one', 'tcp://127.0.0.1:2376', 'build server', false],
    ]);
    const tls = contexts.find((c) => c.name === 'tls-one')!.tls;
    expect(tls.ca).toBe(await readFile(pem('cert.pem'), 'utf8'));
    expect(tls.key).toBe(await readFile(pem('key.pem'), 'utf8'));
    expect(contexts.find((c) => c.name === 'ssh-one')!.tls).toEqual({});
  });

  it('agrees with the CLI on the current context: DOCKER_HOST, then DOCKER_CONTEXT, then config.json', async () => {
    expect(currentContextName({}, configDir)).toBe('default');
    await dockerCli('context', 'use', 'ssh-one');
    expect(currentContextName({}, configDir)).toBe('ssh-one');
    expect(currentContextName({ DOCKER_CONTEXT: 'tls-one' }, configDir)).toBe('tls-one');
    expect(currentContextName({ DOCKER_HOST: 'unix:///x.sock', DOCKER_CONTEXT: 'tls-one' }, configDir)).toBe('default');
    await dockerCli('context', 'use', 'default');
    expect(currentContextName({}, configDir)).toBe('default');
  });

  it('creates a context the docker CLI lists and inspects as its own, TLS files included', async () => {
    const ca = await readFile(path.join(pemDir, 'cert.pem'), 'utf8');
    const key = await readFile(path.join(pemDir, 'key.pem'), 'utf8');
    await createContext(configDir, { name: 'made-by-berth', description: 'staging', host: 'tcp://127.0.0.1:2376', tls: { ca, cert: ca, key } });

    const listed = (await dockerCli('context', 'ls', '--format', '{{.Name}}')).split('\n').map((line) => line.replace(/ \*$/, ''));
    expect(listed).toContain('made-by-berth');
    const [inspected] = JSON.parse(await dockerCli('context', 'inspect', 'made-by-berth')) as {
      Metadata: { Description: string };
      Endpoints: { docker: { Host: string; SkipTLSVerify: boolean } };
      TLSMaterial: { docker: string[] };
    }[];
    expect(inspected!.Endpoints.docker).toEqual({ Host: 'tcp://127.0.0.1:2376', SkipTLSVerify: false });
    expect(inspected!.Metadata.Description).toBe('staging');
    expect([...inspected!.TLSMaterial.docker].sort()).toEqual(['ca.pem', 'cert.pem', 'key.pem']);
    // The CLI can use it: `docker context use` accepts only a context it can load.
    await dockerCli('context', 'use', 'made-by-berth');
    expect(currentContextName({}, configDir)).toBe('made-by-berth');
    await dockerCli('context', 'use', 'default');
  });

  it('refuses invalid, reserved and taken names, and changes nothing', async () => {
    const before = await dockerCli('context', 'ls', '--format', '{{.Name}}');
    await expect(createContext(configDir, { name: 'default', host: 'unix:///x.sock' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(createContext(configDir, { name: '-bad', host: 'unix:///x.sock' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(createContext(configDir, { name: 'has space', host: 'unix:///x.sock' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(createContext(configDir, { name: 'tls-one', host: 'unix:///x.sock' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await dockerCli('context', 'ls', '--format', '{{.Name}}')).toBe(before);
    const tls = (await readContexts(configDir)).contexts.find((c) => c.name === 'tls-one')!;
    expect(tls.host).toBe('tcp://127.0.0.1:2376');
  });

  it('renames the current context: the CLI lists and uses it under the new name, TLS files and description kept', async () => {
    await dockerCli('context', 'create', 'to-rename', '--description', 'ci box', '--docker', `host=tcp://127.0.0.1:2377,ca=${path.join(pemDir, 'cert.pem')}`);
    await dockerCli('context', 'use', 'to-rename');
    await renameContext(configDir, 'to-rename', 'renamed');

    expect((await dockerCli('context', 'show')).trim()).toBe('renamed');
    const [inspected] = JSON.parse(await dockerCli('context', 'inspect', 'renamed')) as {
      Metadata: { Description: string };
      Endpoints: { docker: { Host: string } };
      TLSMaterial: { docker: string[] };
    }[];
    expect(inspected!.Metadata.Description).toBe('ci box');
    expect(inspected!.Endpoints.docker.Host).toBe('tcp://127.0.0.1:2377');
    expect(inspected!.TLSMaterial.docker).toEqual(['ca.pem']);
    expect(readContextSync(configDir, 'renamed')?.tls.ca).toBe(await readFile(path.join(pemDir, 'cert.pem'), 'utf8'));
    expect(await dockerCli('context', 'ls', '--format', '{{.Name}}')).not.toMatch(/to-rename/);
    await dockerCli('context', 'use', 'default');
  });

  it('refuses renaming to a taken or invalid name, the default context and unknown ones, and changes nothing', async () => {
    const before = await dockerCli('context', 'ls', '--format', '{{.Name}}');
    await expect(renameContext(configDir, 'renamed', 'tls-one')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(renameContext(configDir, 'renamed', 'has space')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(renameContext(configDir, 'default', 'other')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(renameContext(configDir, 'no-such', 'other')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await dockerCli('context', 'ls', '--format', '{{.Name}}')).toBe(before);
    await removeContext(configDir, 'renamed');
  });

  it('removes a context (created by either) so the CLI no longer lists it, and refuses the default and unknown ones', async () => {
    await removeContext(configDir, 'tls-one');
    await removeContext(configDir, 'made-by-berth');
    const listed = await dockerCli('context', 'ls', '--format', '{{.Name}}');
    expect(listed).not.toMatch(/tls-one|made-by-berth/);
    await expect(removeContext(configDir, 'default')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(removeContext(configDir, 'tls-one')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names a damaged context file as a problem and still lists the others', async () => {
    const broken = path.join(configDir, 'contexts', 'meta', 'f'.repeat(64));
    await mkdir(broken, { recursive: true });
    await writeFile(path.join(broken, 'meta.json'), '{ not json');
    const { contexts, problems } = await readContexts(configDir);
    expect(problems).toEqual([`${path.join(broken, 'meta.json')} is not a docker context's metadata.`]);
    expect(contexts.map((c) => c.name)).toEqual(['sock-one', 'ssh-one']);
  });
});
