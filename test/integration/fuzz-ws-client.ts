// A browser-mode WebSocket client for the fuzz (not a test file itself): invoke and subscribe frames
// with their answers checked for shape, and raw frames for garbage.
import WebSocket from 'ws';
import type { StreamFrame } from '../../src/shared/transport';
import { toJson } from '../helpers/hostile-input';
import { frameProblem, preview } from './fuzz-oracle';

/** The server's limit on one frame (ws `maxPayload`): larger frames close the socket with 1009. */
export const WS_MAX_PAYLOAD = 1024 * 1024;
const HOLD_MS = 300;

type Waiter<T> = (value: T) => void;

export class WsClient {
  private socket: WebSocket | undefined;
  private next = 0;
  private readonly results = new Map<string, unknown>();
  private readonly resultWaiters = new Map<string, Waiter<unknown>>();
  private readonly frames = new Map<string, StreamFrame[]>();
  private readonly frameWaiters = new Map<string, Waiter<StreamFrame>>();
  /** Server frames that were not `result` or `frame` with a proper shape. */
  readonly problems: string[] = [];

  constructor(
    private readonly url: string,
    private readonly origin: string,
  ) {}

  async connect(): Promise<void> {
    const socket = new WebSocket(this.url, { headers: { Origin: this.origin } });
    socket.on('message', (raw) => this.receive(String(raw)));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    this.socket = socket;
  }

  private receive(text: string): void {
    const frame = JSON.parse(text) as { type?: unknown; id?: unknown; outcome?: unknown; frame?: unknown };
    const keys = Object.keys(frame).sort().join(',');
    if (frame.type === 'result' && typeof frame.id === 'string' && keys === 'id,outcome,type') {
      this.results.set(frame.id, frame.outcome);
      this.resultWaiters.get(frame.id)?.(frame.outcome);
      return;
    }
    if (frame.type === 'frame' && typeof frame.id === 'string' && keys === 'frame,id,type' && !frameProblem(frame.frame)) {
      const list = this.frames.get(frame.id) ?? [];
      list.push(frame.frame as StreamFrame);
      this.frames.set(frame.id, list);
      this.frameWaiters.get(frame.id)?.(frame.frame as StreamFrame);
      return;
    }
    this.problems.push(`unexpected server frame: ${preview(frame)}`);
  }

  isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  sendRaw(data: string | Buffer): void {
    if (!this.socket || !this.isOpen()) throw new Error(`the WebSocket is not open (problems: ${this.problems.join('; ')})`);
    this.socket.send(data);
  }

  /** The close code the server ends this socket with. */
  closed(): Promise<number> {
    return new Promise((resolve) => this.socket?.once('close', (code) => resolve(code)));
  }

  close(): void {
    this.socket?.terminate();
  }

  resultFor(id: string): Promise<unknown> {
    if (this.results.has(id)) return Promise.resolve(this.results.get(id));
    return new Promise((resolve) => this.resultWaiters.set(id, resolve));
  }

  firstFrameFor(id: string): Promise<StreamFrame> {
    const seen = this.frames.get(id);
    if (seen?.length) return Promise.resolve(seen[0]!);
    return new Promise((resolve) => this.frameWaiters.set(id, resolve));
  }

  /** An invoke frame; an input too big for one frame closes the socket (1009): then it reconnects and says so. */
  async invoke(channel: string, input: unknown): Promise<unknown> {
    const id = `i${(this.next += 1)}`;
    const text = toJson({ type: 'invoke', id, channel, input });
    if (Buffer.byteLength(text) > WS_MAX_PAYLOAD) return this.oversized(text);
    this.sendRaw(text);
    const outcome = await this.resultFor(id);
    this.results.delete(id);
    this.resultWaiters.delete(id);
    if (this.problems.length) throw new Error(this.problems.join('\n'));
    return outcome;
  }

  private async oversized(text: string): Promise<unknown> {
    const closed = this.closed();
    this.sendRaw(text);
    const code = await closed;
    if (code !== 1009) throw new Error(`an oversized frame closed the socket with ${code}, not 1009`);
    await this.connect();
    return { ok: false, error: { code: 'INVALID_INPUT', message: 'The frame is over the limit.' } };
  }

  /**
   * A subscribe frame. A refusal is sent at once, before the answer to an invoke sent after it, so
   * once that answer is in, no error frame means the stream is open. With `hold`, the first frame is
   * awaited (at most 300 ms) and acknowledged; then the stream is unsubscribed.
   */
  async subscribe(topic: string, input: unknown, hold: boolean): Promise<{ outcome: unknown; frames: unknown[] }> {
    const id = `s${(this.next += 1)}`;
    const text = toJson({ type: 'subscribe', id, topic, input, acknowledges: hold });
    if (Buffer.byteLength(text) > WS_MAX_PAYLOAD) return { outcome: await this.oversized(text), frames: [] };
    this.sendRaw(text);
    await this.invoke('engine.state', {});
    if (hold && !this.frames.get(id)?.length) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.firstFrameFor(id), new Promise<void>((resolve) => (timer = setTimeout(resolve, HOLD_MS)))]);
      clearTimeout(timer);
    }
    const frames = this.frames.get(id) ?? [];
    const data = frames.filter((frame) => frame.kind === 'data').length;
    if (hold && data > 0) this.sendRaw(JSON.stringify({ type: 'ack', id, count: data }));
    this.sendRaw(JSON.stringify({ type: 'unsubscribe', id }));
    this.frames.delete(id);
    this.frameWaiters.delete(id);
    const refusal = frames.find((frame) => frame.kind === 'error');
    const outcome = refusal && frames.length === 1 ? { ok: false, error: refusal.error } : { ok: true, result: null };
    return { outcome, frames };
  }
}
