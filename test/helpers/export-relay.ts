import net from 'node:net';
import path from 'node:path';

/** The end of a chunked body: the last chunk's CRLF, the 0-size chunk, the empty trailer. */
const CHUNKED_END = Buffer.from('\r\n0\r\n\r\n');
/** `0\r\n\r\n` */
const LAST_CHUNK_BYTES = 5;
const EXPORT_REQUEST = /^GET \S*\/containers\/[^/\s]+\/export HTTP\/1\.[01]\r\n/;

/**
 * A unix-socket relay in front of the real engine that knows which connection carries an export
 * (`GET …/containers/ID/export`) and can hold that request until released, or pass the engine's
 * answer on up to its very end and cut the connection just before the terminating 0-size chunk:
 * every byte of the archive delivered, only the 0-size chunk that ends the response missing.
 * Only a connection whose first request is the export counts (as with Berth's socket reader).
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
  private cutArmed: ((forwarded: number) => void) | undefined;

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

  /** The next export's answer is cut just before its end; resolves how many bytes were passed on. */
  cutBeforeEnd(): Promise<number> {
    return new Promise((resolve) => (this.cutArmed = resolve));
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(this.target);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
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

  /** When a cut is armed: passes the answer on less its last bytes, and cuts at the chunked end. */
  private watchAnswer(upstream: net.Socket, client: net.Socket): void {
    const armed = this.cutArmed;
    if (!armed) return;
    this.cutArmed = undefined;
    this.cutting.add(upstream);
    let tail = Buffer.alloc(0);
    let forwarded = 0;
    upstream.on('data', (chunk: Buffer) => {
      const joined = Buffer.concat([tail, chunk]);
      if (joined.subarray(-CHUNKED_END.length).equals(CHUNKED_END)) {
        // Everything up to the last data chunk's CRLF goes on; the 0-size chunk never does.
        const body = joined.subarray(0, joined.length - LAST_CHUNK_BYTES);
        client.write(body, () => {
          client.destroy();
          upstream.destroy();
          armed(forwarded + body.length);
        });
        return;
      }
      const keep = Math.min(joined.length, CHUNKED_END.length);
      const send = joined.subarray(0, joined.length - keep);
      forwarded += send.length;
      client.write(send);
      tail = Buffer.from(joined.subarray(joined.length - keep));
    });
  }
}
