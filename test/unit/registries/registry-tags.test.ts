// The registry token flow for tag suggestions, against a tiny local registry + token service on
// 127.0.0.1: a Bearer challenge, a token endpoint that wants the stored login, and the tags list.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChallenge, registryTags } from '../../../src/main/engine/registries/registry-tags';

const TOKEN = 'tok-123';
let server: http.Server;
let host = '';
let configDir = '';
const configBefore = process.env.DOCKER_CONFIG;
const seen: Array<{ url: string; authorization?: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname === '/token') {
      const wanted = `Basic ${Buffer.from('me:secret').toString('base64')}`;
      const scope = url.searchParams.get('scope');
      if (req.headers.authorization !== wanted || url.searchParams.get('service') !== 'test-registry' || scope !== 'repository:team/app:pull') {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ access_token: TOKEN }));
      return;
    }
    if (url.pathname === '/v2/team/app/tags/list') {
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://${host}/token",service="test-registry",scope="repository:team/app:pull"` }).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ name: 'team/app', tags: ['1.0', '2.0', 'latest'] }));
      return;
    }
    if (url.pathname === '/v2/team/huge/tags/list') {
      res.writeHead(200);
      res.end(Buffer.alloc(2 * 1024 * 1024, 'a'));
      return;
    }
    if (url.pathname === '/v2/team/slow/tags/list') return; // never answers
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  configDir = await mkdtemp(path.join(os.tmpdir(), 'berth-tags-config-'));
  process.env.DOCKER_CONFIG = configDir;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (configBefore === undefined) delete process.env.DOCKER_CONFIG;
  else process.env.DOCKER_CONFIG = configBefore;
  await rm(configDir, { recursive: true, force: true });
});

describe('registryTags', () => {
  it('without a stored login the token service refuses, and the suggestions say so', async () => {
    await writeFile(path.join(configDir, 'config.json'), '{}');
    const result = await registryTags(`${host}/team/app`);
    expect(result.tags).toEqual([]);
    expect(result.unavailable).toBe('The registry did not answer: the token service answered 401.');
  });

  it('follows the Bearer challenge with the stored login and lists the tags', async () => {
    await writeFile(path.join(configDir, 'config.json'), JSON.stringify({ auths: { [host]: { auth: Buffer.from('me:secret').toString('base64') } } }));
    seen.length = 0;
    expect(await registryTags(`${host}/team/app`)).toEqual({ repository: `${host}/team/app`, tags: ['1.0', '2.0', 'latest'] });
    expect(seen.map((s) => s.url.split('?')[0])).toEqual(['/v2/team/app/tags/list', '/token', '/v2/team/app/tags/list']);
    // The password went only to the token service; the registry saw the token.
    expect(seen[2]?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('an unknown repository, an oversized answer and no answer are said, never thrown', async () => {
    expect((await registryTags(`${host}/team/none`)).unavailable).toBe('The registry does not know this repository.');
    expect((await registryTags(`${host}/team/huge`)).unavailable).toBe('The registry did not answer: the answer is too large.');
    expect((await registryTags(`${host}/team/slow`)).unavailable).toBe('The registry did not answer: no answer in time.');
  }, 20_000);
});

describe('parseChallenge', () => {
  it('reads the scheme and quoted parameters', () => {
    expect(parseChallenge('Bearer realm="https://auth.example.com/token",service="registry.example.com",scope="repository:a/b:pull"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.example.com/token', service: 'registry.example.com', scope: 'repository:a/b:pull' },
    });
    expect(parseChallenge('Basic realm="x"')).toEqual({ scheme: 'basic', params: { realm: 'x' } });
  });
});
