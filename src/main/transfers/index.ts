/**
 * Transfers: moving a file's worth of bytes between the engine and the user, streamed, with
 * progress and cancel, the same way in the desktop app and in browser mode. Reuse it; don't add a
 * second one.
 *
 * - A download (export, files out of a container): give `startDownload(hub, host, request)` a
 *   DownloadSource (a name, and `open(signal)` that starts the engine stream; make the stream fail
 *   rather than end when it is incomplete). Desktop: a native save dialog (HostServices.chooseSavePath,
 *   last folder remembered per purpose), then main writes a temporary file beside the target and
 *   renames it at the end; on failure or cancel it is removed and an existing file stays untouched.
 *   Browser mode: the command returns `{ delivery: 'browser', url }`, a one-time, unguessable ticket
 *   (expires after a minute) that the page opens as a plain download; `GET /api/download/<ticket>`
 *   streams it as an attachment (Host/Origin still checked; the ticket replaces the token).
 * - An upload (import, files into a container): `startUpload(hub, host, request)` with an
 *   UploadSourceRef from the command's input (contract/transfers.ts `uploadSource`) and a `consume(body,
 *   signal)` that reads the bytes (e.g. as an engine request body). Desktop: `{ kind: 'file', fileHandle }`
 *   from `transfers.pickFile` (native open dialog) or, for a drop, `backend.transfers.files.adopt(path)` with
 *   the path the preload got from webUtils.getPathForFile: the renderer never names a path itself.
 *   Browser mode: `{ kind: 'upload', filename, sizeBytes }`; the command returns `uploadUrl`, and the
 *   page POSTs the file there (with the token); the body streams into `consume`, never buffered whole.
 * - Both return a `transferId` at once. `transfers.watch { transferId }` streams TransferProgress
 *   ({ bytes, totalBytes?, bytesPerSecond, phase: running|done|failed|cancelled, error?, result?,
 *   warnings? }, at most ~10 a second); `transfers.cancel` aborts the engine request and cleans up.
 *   `transfers.active` lists every engine's transfers (running, and the last 20 ended) for the tray.
 *   The renderer shows it with components/TransferProgress.tsx; the desktop notifies on a long
 *   transfer's end (HostServices.taskFinished).
 * Tests and scripts use headlessFileHost (paths given up front instead of dialogs).
 */
export { startDownload } from './download';
