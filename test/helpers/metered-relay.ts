import net from 'node:net';
import path from 'node:path';

export type RelayDirection = 'fromEngine' | 'toEngine';
/** cut: every connection; pause: every connection held; stall: only the connection that crossed the count is held. */
export type RelayAction = 'cut' | 'pause' | 'stall';

interface Trigger {
  direction: RelayDirection;
  afterBytes: number;
  action: RelayAction;
  fired: () => void;
}

/**
 * A unix-socket relay in front of the real engine that counts the bytes it carries and, once a
 * direction has carried `afterBytes`, either cuts every connection and stops listening (the engine
 * going away mid-transfer) or stops forwarding until resume() (the engine stalled mid-transfer):
 * deterministic, unlike racing a fast transfer with a timer.
 */
export class MeteredRelay {
  readonly socketPath: string;
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private readonly paused = new Set<net.Socket>();
  private readonly carried: Record<RelayDirection, number> = { fromEngine: 0, toEngine: 0 };
  private trigger: Trigger | undefined;
  private holding = false;

  constructor(
    private readonly target: string,
    dir: string,
  ) {
    this.socketPath = path.join(dir, 'metered.sock');
  }

  get listening(): boolean {
    return this.server !== undefined;
  }

  bytes(direction: RelayDirection): number {
    return this.carried[direction];
  }

  async up(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      for (const [socket, other] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        this.sockets.add(socket);
        socket.on('close', () => {
          this.sockets.delete(socket);
          // Closed without an end (the engine killed, a write to it failed): so is the other side.
          if (!other.writableEnded) other.destroy();
        });
        socket.on('error', () => undefined);
      }
      this.forward(upstream, client, 'fromEngine');
      this.forward(client, upstream, 'toEngine');
    });
    await new Promise<void>((resolve) => server.listen(this.socketPath, resolve));
    this.server = server;
  }

  /** Resolves once `direction` has carried `afterBytes` more bytes and the action was taken. */
  when(direction: RelayDirection, afterBytes: number, action: RelayAction): Promise<void> {
    return new Promise((fired) => {
      this.trigger = { direction, afterBytes: this.carried[direction] + afterBytes, action, fired };
    });
  }

  resume(): void {
    this.holding = false;
    for (const socket of this.paused) socket.resume();
    this.paused.clear();
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  private forward(from: net.Socket, to: net.Socket, direction: RelayDirection): void {
    from.on('data', (chunk: Buffer) => {
      if (!this.server) return;
      // The reader went away (it closed after a clean end, so the other side was only ended, not
      // destroyed): nothing more can reach it, and a sender left paused would block forever, as
      // an engine blocked writing an archive holds its container's lock.
      if (to.destroyed) {
        from.destroy();
        return;
      }
      this.carried[direction] += chunk.length;
      const trigger = this.trigger;
      if (trigger && trigger.direction === direction && this.carried[direction] >= trigger.afterBytes) {
        this.trigger = undefined;
        if (trigger.action === 'cut') {
          void this.down().then(trigger.fired);
          return;
        }
        if (trigger.action === 'stall') {
          to.write(chunk);
          from.pause();
          this.paused.add(from);
          trigger.fired();
          return;
        }
        this.holding = true;
        trigger.fired();
      }
      if (!to.write(chunk) || this.holding) {
        from.pause();
        if (this.holding) this.paused.add(from);
        else {
          const abandoned = (): void => void from.destroy();
          to.once('close', abandoned);
          to.once('drain', () => {
            to.off('close', abandoned);
            if (this.holding) this.paused.add(from);
            else from.resume();
          });
        }
      }
    });
    from.on('end', () => to.end());
  }
}
