import type { BerthErrorShape } from './errors';
import type { PickedItem } from './types/files';

/** What every invoke returns over every transport: never a thrown error. */
export type InvokeOutcome<R = unknown> = { ok: true; result: R } | { ok: false; error: BerthErrorShape };

/** One event on a stream, as both transports deliver it. */
export type StreamFrame<M = unknown> = { kind: 'data'; message: M } | { kind: 'error'; error: BerthErrorShape } | { kind: 'end' };

/**
 * Browser mode's WebSocket frames. A subscriber that sets `acknowledges` sends an `ack` once it has
 * taken in data frames (count: how many); the server then holds back pausable streams (logs) while
 * it is too far behind. The app's own transports (this and the preload) always acknowledge. With
 * or without acknowledgements, pausable streams also wait while the socket itself has too much
 * unsent (src/main/web/stream-socket.ts).
 */
export type WsClientFrame =
  | { type: 'subscribe'; id: string; topic: string; input: unknown; acknowledges?: boolean }
  | { type: 'ack'; id: string; count: number }
  | { type: 'unsubscribe'; id: string };
export type WsServerFrame = { type: 'frame'; id: string; frame: StreamFrame };
/**
 * A command sent over the stream socket instead of HTTP: browser mode does this for commands the
 * contract marks `realtime` (terminal keystrokes), as a request on an open WebSocket arrives in a
 * fraction of the time a new HTTP request takes. The answer is a WsResultFrame with the same id.
 */
export type WsInvokeFrame = { type: 'invoke'; id: string; channel: string; input: unknown };
export type WsResultFrame = { type: 'result'; id: string; outcome: InvokeOutcome };

/** Electron IPC channel names used by the preload (besides one `ipcMain.handle` per command channel). */
export const IPC_SUBSCRIBE = 'berth:subscribe';
export const IPC_UNSUBSCRIBE = 'berth:unsubscribe';
/** Preload -> main: `{ id, count }` data frames of a stream the renderer has taken in. */
export const IPC_STREAM_ACK = 'berth:stream-ack';
export const IPC_STREAM_FRAME = 'berth:stream-frame';

/** An acknowledgement's count as a transport receives it: a positive whole number, else ignored. */
export function isAckCount(count: unknown): count is number {
  return typeof count === 'number' && Number.isSafeInteger(count) && count > 0;
}
/** Preload -> main: the paths of files the user dropped, as webUtils.getPathForFile gave them (not a page-callable channel). */
export const IPC_ADOPT_DROPPED = 'berth:adopt-dropped';

/**
 * The whole surface the preload puts on `window.berth`. Untyped strings at this boundary: the
 * renderer's client (api/client.ts) wraps it with the contract's types, and main re-validates.
 */
export interface BerthBridge {
  readonly transport: 'electron';
  invoke(channel: string, input: unknown): Promise<InvokeOutcome>;
  /** Returns an unsubscribe function. */
  subscribe(topic: string, input: unknown, onFrame: (frame: StreamFrame) => void): () => void;
  /**
   * Files or folders the user dropped (or picked in an <input>): main learns their paths from the
   * preload and hands back opaque handles, so the page never names a host path. Fakes made by the
   * page have no path and are left out.
   */
  pathsForFiles?(files: readonly File[]): Promise<PickedItem[]>;
}
