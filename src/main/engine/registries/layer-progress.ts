import { StringDecoder } from 'node:string_decoder';
import type { LayerPhase, LayerProgress } from '../../../shared/types/registries';

/**
 * The engine's pull/push progress stream (the docker CLI's jsonmessage lines) folded into one row
 * per layer, as `docker pull` draws it: `{"status":"Downloading","id":"a1b2…","progressDetail":
 * {"current":…,"total":…}}`. Lines without a layer id carry the digest, the final status or an error.
 */

export interface JsonMessage {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
  aux?: { Digest?: string; Tag?: string; Size?: number };
}

const LAYER_STATUS: ReadonlyArray<[RegExp, LayerPhase]> = [
  [/^Pulling fs layer$/, 'waiting'],
  [/^Waiting$/, 'waiting'],
  [/^Retrying in /, 'waiting'],
  [/^Downloading$/, 'downloading'],
  [/^Verifying Checksum$/, 'verifying'],
  [/^Download complete$/, 'verifying'],
  [/^Extracting$/, 'extracting'],
  [/^Pull complete$/, 'done'],
  [/^Already exists$/, 'exists'],
  [/^Preparing$/, 'preparing'],
  [/^Pushing$/, 'pushing'],
  [/^Pushed$/, 'pushed'],
  [/^Layer already exists$/, 'exists'],
  [/^Mounted from /, 'mounted'],
];

function phaseOf(status: string): LayerPhase | undefined {
  for (const [pattern, phase] of LAYER_STATUS) if (pattern.test(status)) return phase;
  return undefined;
}

/** Phases after which a layer's transfer is complete (its bytes count in full). */
const TRANSFERRED = new Set<LayerPhase>(['verifying', 'extracting', 'done', 'pushed']);

interface LayerState {
  row: LayerProgress;
  /** Bytes of the transfer itself (download or upload), kept while the layer extracts. */
  moved: number;
  transferTotal?: number;
}

const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);

export class LayerTracker {
  private readonly layers = new Map<string, LayerState>();
  digest: string | undefined;
  /** The engine's last status line without a layer ("Status: Downloaded newer image for …"). */
  lastStatus: string | undefined;

  constructor(private readonly transferPhase: 'downloading' | 'pushing') {}

  /** Folds one message in; returns the error text when the message is an error. */
  apply(message: JsonMessage): string | undefined {
    const error = message.errorDetail?.message ?? message.error;
    if (typeof error === 'string' && error !== '') return error;
    if (message.aux?.Digest) this.digest = message.aux.Digest;
    const status = typeof message.status === 'string' ? message.status : '';
    const phase = message.id ? phaseOf(status) : undefined;
    if (!phase || !message.id) {
      const digest = /^Digest: (\S+)/.exec(status) ?? /digest: (sha256:[0-9a-f]{64})/.exec(status);
      if (digest) this.digest = digest[1];
      if (status) this.lastStatus = status;
      return undefined;
    }
    const state = this.layers.get(message.id) ?? { row: { id: message.id, phase, currentBytes: 0 }, moved: 0 };
    this.layers.set(message.id, state);
    const current = count(message.progressDetail?.current);
    const total = count(message.progressDetail?.total);
    state.row.phase = phase;
    state.row.currentBytes = current ?? (phase === 'done' || phase === 'pushed' ? (state.transferTotal ?? 0) : 0);
    if (total !== undefined && total > 0) state.row.totalBytes = total;
    if (phase === this.transferPhase) {
      if (total !== undefined && total > 0) state.transferTotal = total;
      if (current !== undefined) state.moved = Math.max(state.moved, current);
    } else if (TRANSFERRED.has(phase) && state.transferTotal !== undefined) {
      state.moved = state.transferTotal;
    }
    return undefined;
  }

  rows(): LayerProgress[] {
    return [...this.layers.values()].map(({ row }) => ({ ...row }));
  }

  /** Bytes moved and the total over the layers whose size is known (layers that exist move nothing). */
  totals(): { bytes: number; totalBytes?: number } {
    let bytes = 0;
    let totalBytes = 0;
    let known = false;
    for (const state of this.layers.values()) {
      if (state.row.phase === 'exists' || state.row.phase === 'mounted') continue;
      bytes += state.moved;
      if (state.transferTotal !== undefined) {
        totalBytes += state.transferTotal;
        known = true;
      }
    }
    return known ? { bytes, totalBytes: Math.max(totalBytes, bytes) } : { bytes };
  }
}

/** Splits a byte stream of newline-separated JSON messages; a bad line is skipped. */
export class JsonLines {
  private rest = '';
  private readonly decoder = new StringDecoder('utf8');

  push(chunk: Buffer | string, onMessage: (message: JsonMessage) => void): void {
    const text = this.rest + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    const lines = text.split('\n');
    this.rest = lines.pop() ?? '';
    if (this.rest.length > 1024 * 1024) this.rest = ''; // no line is that long: drop garbage, bounded memory
    for (const line of lines) this.parse(line, onMessage);
  }

  end(onMessage: (message: JsonMessage) => void): void {
    this.parse(this.rest + this.decoder.end(), onMessage);
    this.rest = '';
  }

  private parse(line: string, onMessage: (message: JsonMessage) => void): void {
    const trimmed = line.trim();
    if (trimmed === '') return;
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) onMessage(parsed as JsonMessage);
    } catch {
      // not a message
    }
  }
}
