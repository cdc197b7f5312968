// One browser-mode client for the load test: a real WebSocket (the `ws` package) speaking the app's
// stream protocol, acknowledging every data frame as src/renderer/api/web-transport.ts does.
import WebSocket from 'ws';
import type { WsClientFrame, WsServerFrame } from '../../src/shared/transport';

export interface ClientTally {
  /** Data frames received, per topic. */
  data: Map<string, number>;
  /** Log lines received (logs.follow batches hold many). */
  logLines: number;
  /** Error frames received (topic: message). */
  errors: string[];
  subscriptions: number;
  connections: number;
}

export class LoadClient {
  private ws: WebSocket | undefined;
  private nextId = 0;
  private readonly topics = new Map<string, string>();

  constructor(
    private readonly url: string,
    private readonly origin: string,
    readonly tally: ClientTally = { data: new Map(), logLines: 0, errors: [], subscriptions: 0, connections: 0 },
  ) {}

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url, { headers: { Origin: this.origin } });
      ws.once('open', () => {
        this.ws = ws;
        this.tally.connections += 1;
        resolve();
      });
      ws.once('error', reject);
      ws.on('message', (raw) => this.onMessage(ws, raw.toString()));
    });
  }

  subscribe(topic: string, input: unknown): string {
    const id = `s${this.nextId++}`;
    this.topics.set(id, topic);
    this.tally.subscriptions += 1;
    this.send({ type: 'subscribe', id, topic, input, acknowledges: true });
    return id;
  }

  unsubscribe(id: string): void {
    if (this.topics.delete(id)) this.send({ type: 'unsubscribe', id });
  }

  /** Clean: a close handshake. Abrupt: the TCP connection dropped, as when a tab is killed. */
  async close(abrupt: boolean): Promise<void> {
    const ws = this.ws;
    this.ws = undefined;
    this.topics.clear();
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    if (abrupt) ws.terminate();
    else ws.close();
    await closed;
  }

  private send(frame: WsClientFrame): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
  }

  private onMessage(ws: WebSocket, text: string): void {
    if (ws !== this.ws) return;
    const message = JSON.parse(text) as WsServerFrame | { type: string };
    if (message.type !== 'frame') return;
    const { id, frame } = message as WsServerFrame;
    const topic = this.topics.get(id);
    if (!topic) return;
    if (frame.kind === 'data') {
      this.tally.data.set(topic, (this.tally.data.get(topic) ?? 0) + 1);
      if (topic === 'logs.follow') this.tally.logLines += (frame.message as { lines?: unknown[] }).lines?.length ?? 0;
      this.send({ type: 'ack', id, count: 1 });
    } else {
      this.topics.delete(id);
      if (frame.kind === 'error') this.tally.errors.push(`${topic}: ${frame.error.message}`);
    }
  }
}
