import net from 'node:net';
import path from 'node:path';

/**
 * A unix-socket relay in front of the real engine: closing it is, for Berth, the engine going
 * away (every connection drops, new ones are refused); reopening it is the engine coming back.
 */
export class EngineRelay {
  readonly socketPath: string;
  private server: net.Server | undefined;
  private readonly open = new Set<net.Socket>();

  constructor(
    private readonly target: string,
    dir: string,
  ) {
    this.socketPath = path.join(dir, 'relay.sock');
  }

  async up(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const socket of [client, upstream]) {
        this.open.add(socket);
        socket.on('close', () => this.open.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.socketPath, resolve));
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

export function engineSocket(): string {
  const host = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  if (!host.startsWith('unix://')) throw new Error(`This test needs a unix-socket engine, not ${host}`);
  return host.slice('unix://'.length);
}

