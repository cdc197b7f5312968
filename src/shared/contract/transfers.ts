import { z } from 'zod';
import type { PickedFile, TransferCancelResult, TransferProgress } from '../types/transfers';
import { command, returns, stream } from './define';

const transferId = z.string().regex(/^t[0-9a-f]{24}$/, 'Not a transfer id.');

const fileHandle = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'Not a file handle (choose the file again).');

/**
 * Where an upload's bytes come from: a host file the desktop app was given (open dialog or drop),
 * or, in browser mode, the body of a `POST` to the `uploadUrl` the command returns.
 */
export const uploadSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), fileHandle }).strict(),
  z
    .object({
      kind: z.literal('upload'),
      filename: z
        .string()
        .trim()
        .min(1)
        .max(255)
        .refine((name) => !/[\0/\\]/.test(name), 'A file name cannot contain / \\ or NUL.'),
      sizeBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    })
    .strict(),
]);
export type UploadSourceRef = z.output<typeof uploadSource>;

const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'An extension without the dot, or *.'))
    .min(1)
    .max(20),
});

export const transferCommands = {
  /** Stops a transfer: aborts the engine request, removes any partial file. */
  'transfers.cancel': command(z.object({ transferId }).strict(), returns<TransferCancelResult>()),
  /** Desktop app: a native open dialog (remembers the last folder). Null when dismissed. */
  'transfers.pickFile': command(
    z.object({ purpose: z.enum(['import', 'upload']).default('import'), filters: z.array(fileFilter).max(10).default([]) }).strict(),
    returns<PickedFile | null>(),
  ),
} as const;

export const transferStreams = {
  /** Progress of one transfer: its state at once, then changes (at most ~10 a second), ending after the final phase. */
  'transfers.watch': stream(z.object({ transferId }).strict(), returns<TransferProgress>(), { resumable: true }),
  /**
   * Every transfer of every engine, wherever it was started: the running ones, then the last 20
   * that ended. The whole list at once, then again after changes (at most every 250 ms).
   */
  'transfers.active': stream(z.object({}).strict(), returns<TransferProgress[]>(), { resumable: true }),
} as const;
