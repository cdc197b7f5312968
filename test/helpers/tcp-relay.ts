import net from 'node:net';

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
  bytes: number;
  closed: boolean;
}

/**
 * A TCP relay on 127.0.0.1 in front of a registry: counts what each connection carries from the
 * registry and can hold everything once `afterBytes` came through (a pull stalled mid-way, without
 * racing a timer), then cut every connection and stop listening (the registry going away).
 */
export class TcpRelay {
  private server: net.Server | undefined;
  private readonly pairs: Pair[] = [];
  private holdAfter = Infinity;
  private total = 0;
  private held = false;
  private onHeld: (() => void) | undefined;
  port = 0;

  constructor(private readonly targetPort: number) {}

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, '127.0.0.1');
      const pair: Pair = { client, upstream, bytes: 0, closed: false };
      this.pairs.push(pair);
      for (const socket of [client, upstream]) socket.on('error', () => undefined);
      client.on('close', () => {
        pair.closed = true;
        upstream.destroy();
      });
      upstream.on('close', () => client.destroy());
      client.pipe(upstream);
      upstream.on('data', (chunk: Buffer) => {
        pair.bytes += chunk.length;
        this.total += chunk.length;
        if (!client.write(chunk)) upstream.pause();
        if (!this.held && this.total >= this.holdAfter) this.hold();
        if (this.held) upstream.pause();
      });
      client.on('drain', () => {
        if (!this.held) upstream.resume();
      });
      if (this.held) upstream.pause();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** Resolves once `afterBytes` came from the registry; from then on nothing more is passed on. */
  holdAfterBytes(afterBytes: number): Promise<void> {
    this.holdAfter = afterBytes;
    return new Promise((resolve) => {
      this.onHeld = resolve;
      if (this.total >= afterBytes) this.hold();
    });
  }

  /** The connection that carried the most bytes so far (a layer's download). */
  busiest(): { bytes: number; closed: boolean } | undefined {
    const top = [...this.pairs].sort((a, b) => b.bytes - a.bytes)[0];
    return top ? { bytes: top.bytes, closed: top.closed } : undefined;
  }

  /** Passes everything on again. */
  release(): void {
    this.held = false;
    this.holdAfter = Infinity;
    for (const { upstream } of this.pairs) upstream.resume();
  }

  /** Cuts every connection and stops listening. */
  async cut(): Promise<void> {
    const closing = new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.server = undefined;
    await closing;
  }

  private hold(): void {
    this.held = true;
    for (const { upstream } of this.pairs) upstream.pause();
    this.onHeld?.();
    this.onHeld = undefined;
  }
}
