// The docker CLI's config file as Berth writes it: other fields kept, a symlink kept, hub keys.
import { lstat, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eraseCredentials, findCredentials, listLogins, storeCredentials } from '../../../src/main/engine/registries/credentials';

let dir = '';
const before = process.env.DOCKER_CONFIG;
const file = (): string => path.join(dir, 'config.json');

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'berth-cred-unit-'));
  process.env.DOCKER_CONFIG = dir;
});

afterEach(async () => {
  if (before === undefined) delete process.env.DOCKER_CONFIG;
  else process.env.DOCKER_CONFIG = before;
  await rm(dir, { recursive: true, force: true });
});

describe('file store', () => {
  it('stores, finds, lists and erases a login, keeping every other field', async () => {
    await writeFile(file(), JSON.stringify({ proxies: { default: { httpProxy: 'http://p:3128' } }, auths: { 'a.example.com': { auth: 'YTpi', email: 'x' } } }));
    expect(await storeCredentials('https://Reg.Example.com/v2/', { username: 'me', password: 'pw:with:colons' })).toBe('file');
    const written = JSON.parse(await readFile(file(), 'utf8')) as Record<string, unknown>;
    expect(written.proxies).toEqual({ default: { httpProxy: 'http://p:3128' } });
    expect(written.auths).toEqual({
      'a.example.com': { auth: 'YTpi', email: 'x' },
      'reg.example.com': { auth: Buffer.from('me:pw:with:colons').toString('base64') },
    });
    expect(await findCredentials('reg.example.com')).toEqual({ username: 'me', password: 'pw:with:colons' });
    expect(await listLogins()).toEqual([
      { server: 'a.example.com', username: 'a', store: 'file' },
      { server: 'reg.example.com', username: 'me', store: 'file' },
    ]);
    expect(await eraseCredentials('reg.example.com')).toBe(true);
    expect(await eraseCredentials('reg.example.com')).toBe(false);
    expect(await findCredentials('reg.example.com')).toBeUndefined();
  });

  it('finds an entry the CLI keyed as a URL, and keys Docker Hub by its URL', async () => {
    await writeFile(file(), JSON.stringify({ auths: { 'https://reg.example.com': { auth: Buffer.from('u:p').toString('base64') } } }));
    expect(await findCredentials('reg.example.com')).toEqual({ username: 'u', password: 'p' });
    await storeCredentials('docker.io', { username: 'hubuser', password: 'h' });
    const written = JSON.parse(await readFile(file(), 'utf8')) as { auths: Record<string, unknown> };
    expect(Object.keys(written.auths)).toContain('https://index.docker.io/v1/');
    expect(await findCredentials('index.docker.io')).toEqual({ username: 'hubuser', password: 'h' });
  });

  it('writes through a symlinked config instead of replacing the link', async () => {
    const real = path.join(dir, 'real-config.json');
    await writeFile(real, '{"keep":true}');
    await symlink(real, file());
    await storeCredentials('reg.example.com', { username: 'me', password: 'x' });
    expect((await lstat(file())).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await readFile(real, 'utf8'))).toMatchObject({ keep: true, auths: { 'reg.example.com': {} } });
  });

  it('an identity token is stored and used instead of the password', async () => {
    await storeCredentials('reg.example.com', { username: 'me', identityToken: 'tok' });
    expect(await findCredentials('reg.example.com')).toEqual({ username: 'me', identityToken: 'tok' });
  });
});
