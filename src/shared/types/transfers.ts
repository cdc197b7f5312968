import type { BerthErrorShape } from '../errors';

const TRANSFER_PHASES = ['running', 'done', 'failed', 'cancelled'] as const;
export type TransferPhase = (typeof TRANSFER_PHASES)[number];

/** One streamed transfer (a download to a file or a browser, an upload into the engine), as `transfers.watch` reports it. */
export interface TransferProgress {
  transferId: string;
  direction: 'download' | 'upload';
  /** What is moving, for the user: "web.tar". */
  name: string;
  /** Bytes moved so far (written to the file / the browser, or read by the engine). */
  bytes: number;
  /** Known for uploads of a file; downloads from the engine usually have no length. */
  totalBytes?: number;
  /** The engine it moves to or from: an id from engines.list (so a transfer says where it runs after a switch). */
  engine?: string;
  bytesPerSecond: number;
  phase: TransferPhase;
  /** Set when failed or cancelled. */
  error?: BerthErrorShape;
  /** Set when done: what the operation produced (e.g. `imageId`, or the `path` written). */
  result?: Record<string, string>;
  /** Things the user should know although the transfer succeeded. */
  warnings?: string[];
}

/** What a command that produces a file returns. */
export type DownloadStart =
  /** The desktop app asked where to save (native dialog) and is writing the file itself. */
  | { status: 'started'; delivery: 'file'; transferId: string; filename: string; filePath: string }
  /** Browser mode: fetch `url` (a one-time ticket, no token needed) as a download within a minute. */
  | { status: 'started'; delivery: 'browser'; transferId: string; filename: string; url: string }
  /** The user closed the save dialog: nothing happens. */
  | { status: 'dismissed' };

/** What a command that consumes a file returns; progress and the final result come from `transfers.watch`. */
export interface UploadStart {
  transferId: string;
  /** Browser mode: POST the file's bytes here (same token as every request) within a minute. */
  uploadUrl?: string;
}

/** A host file the user chose in a native open dialog (or dropped on the window): main keeps its path. */
export interface PickedFile {
  /** Opaque: names the file in an upload source; the renderer never sends a path. */
  fileHandle: string;
  name: string;
  /** For display only. */
  path: string;
  sizeBytes: number;
}

export interface TransferCancelResult {
  transferId: string;
  /** The phase after the request: still `running` for a moment while it stops and cleans up. */
  phase: TransferPhase;
}
