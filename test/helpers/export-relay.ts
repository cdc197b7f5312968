import net from 'node:net';
import path from 'node:path';

const EXPORT_REQUEST = /^GET \S*\/containers\/[^/\s]+\/export HTTP\/1\.[01]\r\n/;

/**
 * A unix-socket relay in front of the real engine that knows which connection carries an export
 * (`GET …/containers/ID/export`) and can hold that request until released, or pass the engine's
 * answer on up to a given number of body bytes and then close the connection cleanly, as an
 * engine that stops mid-answer may: with an unframed (HTTP/1.0) body nothing in HTTP tells that
 * from the end. Only a connection whose first request is the export counts (as with Berth's
 * socket reader).
 */
export class ExportRelay {
  readonly socketPath: string;
  /** The first request head of every connection, as sent. */
  readonly requestHeads: string[] = [];
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private holding = false;
  private readonly held: (() => void)[] = [];
  private exportRequested: (() => void) | undefined;
  private cutArmed: { bodyBytes: number; done: (forwarded: number) => void } | undefined;

  constructor(
    private readonly target: string,
    dir: string,
  ) {
    this.socketPath = path.join(dir, 'export-relay.sock');
  }

  async up(): Promise<void> {
    const server = net.createServer((client) => this.relay(client));
    await new Promise<void>((resolve) => server.listen(this.socketPath, resolve));
    this.server = server;
  }

  async down(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = undefined;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  /** Holds export requests (others pass) until release(); resolves when one arrived. */
  holdExports(): Promise<void> {
    this.holding = true;
    return new Promise((resolve) => (this.exportRequested = resolve));
  }

  release(): void {
    this.holding = false;
    for (const send of this.held.splice(0)) send();
  }

  /** The next export's answer ends cleanly after `bodyBytes` of its body; resolves how many body bytes were passed on. */
  cutAfterBody(bodyBytes: number): Promise<number> {
    return new Promise((done) => (this.cutArmed = { bodyBytes, done }));
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(this.target);
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        // An answer that ends with the connection (HTTP/1.0) is still being written to the client.
        if (!other.writableEnded) other.destroy();
      });
    }
    let head = '';
    let isExport = false;
    client.on('data', (chunk: Buffer) => {
      if (!head.includes('\r\n\r\n')) {
        head += chunk.toString('latin1');
        if (head.includes('\r\n\r\n')) {
          this.requestHeads.push(head);
          isExport = EXPORT_REQUEST.test(head);
          if (isExport) this.exportRequested?.();
          if (isExport) this.watchAnswer(upstream, client);
        }
      }
      if (isExport && this.holding) this.held.push(() => upstream.write(chunk));
      else upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!isExport || !this.cutting.has(upstream)) client.write(chunk);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  }

  private readonly cutting = new Set<net.Socket>();

  /** When a cut is armed: passes the head and the first body bytes on, then ends the connection. */
  private watchAnswer(upstream: net.Socket, client: net.Socket): void {
    const armed = this.cutArmed;
    if (!armed) return;
    this.cutArmed = undefined;
    this.cutting.add(upstream);
    let head: Buffer | undefined = Buffer.alloc(0);
    let bodySent = 0;
    let cut = false;
    upstream.on('data', (chunk: Buffer) => {
      if (cut) return;
      let body = chunk;
      if (head !== undefined) {
        const joined = Buffer.concat([head, chunk]);
        const end = joined.indexOf('\r\n\r\n');
        if (end < 0) {
          head = joined;
          return;
        }
        client.write(joined.subarray(0, end + 4));
        body = joined.subarray(end + 4);
        head = undefined;
      }
      const send = body.subarray(0, armed.bodyBytes - bodySent);
      bodySent += send.length;
      client.write(send);
      if (bodySent < armed.bodyBytes) return;
      cut = true;
      upstream.destroy();
      client.end(() => armed.done(bodySent));
    });
  }
}
