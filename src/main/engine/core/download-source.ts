import type { Readable } from 'node:stream';

/** Something the user can save: a stream the engine produces on request. */
export interface DownloadSource {
  /** Suggested file name, e.g. `web.tar`. */
  filename: string;
  contentType: string;
  /**
   * Opens the byte stream (e.g. the engine request). Aborting `signal` must abort it. The stream
   * should fail (not end) when what it delivered is incomplete, so it is never saved as a success.
   */
  open(signal: AbortSignal): Promise<Readable>;
  /** A piece of the stream is on disk: the source may read into its memory again (see engine-http-stream.ts). */
  written?(piece: Buffer): void;
  /** After a complete stream, while the file is put in place: things the user should know. */
  warningsAfter?(): Promise<string[]>;
  /** After a complete stream: the mode and time the saved file gets (a file copied out keeps its own, as with `docker cp`). */
  attributesAfter?(): { mode: number; mtime: Date } | undefined;
}
