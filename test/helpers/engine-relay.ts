import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEngine, type Engine } from '../../src/main/engine/core/engine';

/**
 * A unix-socket relay in front of the real engine: closing it is, for Berth, the engine going
 * away (every connection drops, new ones are refused); reopening it is the engine coming back.
 */
export interface RelayedConnection {
  /** Request lines the client sent on it, e.g. `GET /v1.41/events?filters=… HTTP/1.1`. */
  requests: string[];
  /** The request asked the engine to hijack the connection (exec/attach start, `Upgrade: tcp`). */
  hijacked: boolean;
  closed: boolean;
}

const REQUEST_LINE = /^(GET|POST|PUT|DELETE|HEAD) \S+ HTTP\/1\.[01]$/gm;
const HIJACK_HEADER = /\r\nupgrade: tcp\r\n/i;

export class EngineRelay {
  readonly socketPath: string;
  /** Every connection made through the relay, in order: tests check what was asked and released. */
  readonly connections: RelayedConnection[] = [];
  private server: net.Server | undefined;
  private readonly open = new Set<net.Socket>();
  private readonly pipes = new Map<RelayedConnection, { client: net.Socket; upstream: net.Socket }>();
  private readonly stalled = new Set<RelayedConnection>();

  constructor(
    private readonly target: string,
    dir: string,
  ) {
    this.socketPath = path.join(dir, 'relay.sock');
  }

  /** Connections that carried a request whose line matches, e.g. /\/events\?/. */
  connectionsFor(pattern: RegExp): RelayedConnection[] {
    return this.connections.filter((connection) => connection.requests.some((line) => pattern.test(line)));
  }

  /** Hijacked (exec/attach) connections still open: a test sees the engine's side of a session close. */
  get hijackedConnections(): number {
    return this.connections.filter((connection) => connection.hijacked && !connection.closed).length;
  }

  /**
   * Holds what the engine sends on the open connections whose requests match (the engine stalled
   * on them; every other connection flows); resolves how many were held.
   */
  stall(pattern: RegExp): number {
    let held = 0;
    for (const connection of this.connectionsFor(pattern)) {
      const pipe = this.pipes.get(connection);
      if (!pipe || connection.closed || this.stalled.has(connection)) continue;
      pipe.upstream.unpipe(pipe.client);
      pipe.upstream.pause();
      this.stalled.add(connection);
      held += 1;
    }
    return held;
  }

  /** Lets every stalled connection flow again. */
  release(): void {
    for (const connection of this.stalled) {
      const pipe = this.pipes.get(connection);
      if (pipe && !connection.closed) pipe.upstream.pipe(pipe.client);
    }
    this.stalled.clear();
  }

  /** How many requests matched, over all connections. */
  countRequests(pattern: RegExp): number {
    return this.connections.reduce((sum, c) => sum + c.requests.filter((line) => pattern.test(line)).length, 0);
  }

  async up(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      const connection: RelayedConnection = { requests: [], hijacked: false, closed: false };
      this.connections.push(connection);
      client.on('data', (chunk: Buffer) => {
        const text = chunk.toString('latin1');
        connection.requests.push(...(text.match(REQUEST_LINE) ?? []));
        if (HIJACK_HEADER.test(text)) connection.hijacked = true;
      });
      client.on('close', () => {
        connection.closed = true;
        this.pipes.delete(connection);
      });
      this.pipes.set(connection, { client, upstream });
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

export interface RelayedEngine {
  relay: EngineRelay;
  /** Berth's engine, connected through the relay, its monitor running. */
  engine: Engine;
  /** Stops the monitor and the relay and removes the relay's folder. */
  stop(): Promise<void>;
}

/** The test engine behind a fresh relay, with Berth connected to it through the relay. */
export async function startRelayedEngine(prefix: string): Promise<RelayedEngine> {
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  const relay = new EngineRelay(engineSocket(), dir);
  await relay.up();
  const engine = createEngine({ DOCKER_HOST: `unix://${relay.socketPath}` });
  engine.monitor.start();
  await engine.monitor.whenConnected(10_000);
  return {
    relay,
    engine,
    async stop() {
      engine.monitor.stop();
      await relay.down();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
