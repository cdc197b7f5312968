// A private registry for browser-mode tests: Debian's docker-registry on 127.0.0.1 (optionally with
// htpasswd auth), images pushed to it with the docker CLI, and a TCP relay in front of it that can
// hold a pull mid-way (deterministic, unlike racing a fast transfer with a timer).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from '../helpers/engine';

export interface TestRegistry {
  /** `127.0.0.1:PORT`, as image references and `docker login` name it. */
  host: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startRegistry(auth?: { username: string; password: string }): Promise<TestRegistry> {
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-e2e-registry-'));
  const port = await freePort();
  const lines = ['version: 0.1', 'log:', '  level: error', 'storage:', '  filesystem:', `    rootdirectory: ${dir}/data`, 'http:', `  addr: 127.0.0.1:${port}`];
  if (auth) {
    const hashed = spawnSync('htpasswd', ['-Bbn', auth.username, auth.password], { encoding: 'utf8' });
    if (hashed.status !== 0) throw new Error(`htpasswd failed: ${hashed.stderr}`);
    writeFileSync(path.join(dir, 'htpasswd'), hashed.stdout);
    lines.push('auth:', '  htpasswd:', '    realm: berth-test', `    path: ${dir}/htpasswd`);
  }
  writeFileSync(path.join(dir, 'config.yml'), `${lines.join('\n')}\n`);
  const child: ChildProcess = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' });
  const host = `127.0.0.1:${port}`;
  await waitFor(async () => {
    const response = await fetch(`http://${host}/v2/`).catch(() => undefined);
    return response !== undefined && (response.ok || response.status === 401);
  }, { timeout: 15_000, message: `docker-registry on ${host}` });
  return {
    host,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The docker CLI against the test engine (`DOCKER_HOST` from npm test), with its own config folder. */
export function dockerCli(args: string[], options: { dockerConfig: string; input?: string }): string {
  const result = spawnSync('docker', args, {
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, DOCKER_CONFIG: options.dockerConfig },
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`docker ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Tags `source` as `target`, pushes it, and removes the local name again (the engine keeps no copy by that name). */
export function pushAs(source: string, target: string, dockerConfig: string): void {
  dockerCli(['tag', source, target], { dockerConfig });
  dockerCli(['push', '--quiet', target], { dockerConfig });
  dockerCli(['image', 'rm', target], { dockerConfig });
}

/** An image one layer of `megabytes` MiB of random bytes bigger than `base` (incompressible: the pull takes its time). */
export function bigImage(base: string, megabytes: number, target: string, dockerConfig: string): void {
  const name = `berth-test-bigmaker-${process.pid}-${Date.now()}`;
  dockerCli(['run', '--name', name, '--label', 'berth.test=1', base, 'dd', 'if=/dev/urandom', 'of=/big', 'bs=1M', `count=${megabytes}`], { dockerConfig });
  dockerCli(['commit', name, target], { dockerConfig });
  dockerCli(['rm', name], { dockerConfig });
}

/**
 * A TCP relay to a registry. `holdAfter(n)` stops forwarding the registry's answers once n more bytes
 * went through, and resolves then; `release()` lets everything flow again.
 */
export class HoldingRelay {
  host = '';
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private readonly held = new Set<net.Socket>();
  private carried = 0;
  private hold: { at: number; fired: () => void } | undefined;
  private holding = false;

  constructor(private readonly target: string) {}

  async up(): Promise<void> {
    const [targetHost, targetPort] = this.target.split(':') as [string, string];
    const server = net.createServer((client) => {
      const upstream = net.connect(Number(targetPort), targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream);
      upstream.on('data', (chunk: Buffer) => {
        if (this.holding) {
          upstream.pause();
          this.held.add(upstream);
          upstream.unshift(chunk);
          return;
        }
        this.carried += chunk.length;
        client.write(chunk);
        if (this.hold && this.carried >= this.hold.at) {
          this.holding = true;
          const { fired } = this.hold;
          this.hold = undefined;
          fired();
        }
      });
      upstream.on('end', () => client.end());
      client.on('close', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  }

  holdAfter(bytes: number): Promise<void> {
    return new Promise((fired) => {
      this.hold = { at: this.carried + bytes, fired };
    });
  }

  release(): void {
    this.holding = false;
    for (const socket of this.held) socket.resume();
    this.held.clear();
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}
