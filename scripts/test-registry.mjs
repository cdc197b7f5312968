// Real registry for tests and benches: Debian's docker-registry (distribution 2.8) on a free
// 127.0.0.1 port with its own config and storage folder; optionally behind htpasswd -B auth.
// Engines reach 127.0.0.0/8 registries over plain HTTP by default, so no engine set-up is needed.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { docker, run } from './test-engine.mjs';

const REGISTRY_BIN = '/usr/bin/docker-registry';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function v2Status(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/v2/', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/**
 * Starts a registry; resolves { host: '127.0.0.1:PORT', port, dir, username?, password?, stop(),
 * kill() }. With { auth: true } it needs a login (a random user and password, htpasswd -B).
 */
export async function startRegistry({ auth = false } = {}) {
  if (!existsSync(REGISTRY_BIN)) throw new Error(`${REGISTRY_BIN} is missing (Debian: apt-get install docker-registry)`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'berth-registry-'));
  const port = await freePort();
  const username = auth ? `berth${randomBytes(3).toString('hex')}` : undefined;
  const password = auth ? `pw-${randomBytes(12).toString('hex')}` : undefined;
  let authBlock = '';
  if (auth) {
    const hashed = await run('htpasswd', ['-Bbn', username, password]);
    if (hashed.code !== 0) throw new Error(`htpasswd failed (Debian: apt-get install apache2-utils): ${hashed.stderr}`);
    await writeFile(path.join(dir, 'htpasswd'), hashed.stdout, { mode: 0o600 });
    authBlock = `auth:\n  htpasswd:\n    realm: berth-test\n    path: ${path.join(dir, 'htpasswd')}\n`;
  }
  const config = path.join(dir, 'config.yml');
  await writeFile(
    config,
    [
      'version: 0.1',
      'log:\n  level: warn\n  accesslog:\n    disabled: true',
      `storage:\n  filesystem:\n    rootdirectory: ${path.join(dir, 'data')}\n  delete:\n    enabled: true`,
      `http:\n  addr: 127.0.0.1:${port}\n  secret: ${randomBytes(16).toString('hex')}`,
      authBlock,
    ].join('\n'),
  );
  const logFile = createWriteStream(path.join(dir, 'registry.log'));
  const child = spawn(REGISTRY_BIN, ['serve', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(logFile);
  child.stderr.pipe(logFile);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let gone = false;
  exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (gone) throw new Error(`docker-registry exited during start-up (see ${dir}/registry.log)`);
    const status = await v2Status(port);
    if (status === 200 || status === 401) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('docker-registry did not answer on /v2/ within 20 s');
    }
    await sleep(100);
  }
  const halt = async (signal) => {
    if (!gone) {
      child.kill(signal);
      await exited;
    }
  };
  return {
    host: `127.0.0.1:${port}`,
    port,
    dir,
    username,
    password,
    /** Stops it at once, mid-transfer if one runs (the registry "going away"). */
    kill: () => halt('SIGKILL'),
    stop: async () => {
      await halt('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Pushes a one-layer image of `megabytes` of random bytes (plus a small file) to `ref` with the
 * docker CLI and removes it from the engine again, so a pull has to download it all.
 */
export async function pushRandomImage(dockerHost, ref, megabytes) {
  const work = await mkdtemp(path.join(os.tmpdir(), 'berth-rnd-'));
  try {
    const root = path.join(work, 'root');
    const made = await run('sh', [
      '-c',
      `mkdir -p "${root}" && head -c ${megabytes * 1024 * 1024} /dev/urandom > "${root}/blob" && echo berth > "${root}/hello" && tar -C "${root}" -cf "${work}/layer.tar" .`,
    ]);
    if (made.code !== 0) throw new Error(`making the ${megabytes} MB layer failed: ${made.stderr}`);
    await docker(dockerHost, ['import', '--change', 'LABEL berth.test=1', '--change', 'CMD ["/hello"]', path.join(work, 'layer.tar'), ref]);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  await docker(dockerHost, ['push', ref], { timeout: 300_000 });
  await docker(dockerHost, ['image', 'rm', ref]);
}

/** Tags a local image as `ref`, pushes it with the CLI and removes the tag again. */
export async function pushTaggedImage(dockerHost, source, ref) {
  await docker(dockerHost, ['tag', source, ref]);
  await docker(dockerHost, ['push', ref], { timeout: 120_000 });
  await docker(dockerHost, ['image', 'rm', ref]);
}
