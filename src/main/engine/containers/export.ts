import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import { BerthError } from '../../../shared/errors';
import { engineUnixSocket } from '../core/connection';
import type { DownloadSource } from '../core/download-source';
import { engineGetStream, type EngineBody } from '../core/engine-http-stream';
import { engineCall, isEngineUnreachable, toBerthError } from '../core/errors';
import { tarCompletenessCheck } from '../files/tar-completeness';

/** An engine failure in the middle of a stream, in words that say when it happened. */
export function midStreamError(err: unknown, what: string): BerthError {
  if (isEngineUnreachable(err) || (err as { code?: string })?.code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return new BerthError('ENGINE_UNAVAILABLE', `The connection to the Docker engine was lost during the ${what}.`);
  }
  return toBerthError(err, { action: what });
}

/**
 * The export's body: read from the engine's unix socket directly where it is one (faster than
 * the CLI, see engine-http-stream.ts; unframed, its end proven by the tar's own structure), else
 * through dockerode (TCP, TLS, ssh). `unframed` says a body that stops short means the
 * connection was lost.
 */
async function exportBody(docker: Docker, id: string, name: string, signal: AbortSignal): Promise<{ body: Readable | EngineBody; unframed: boolean }> {
  const context = { action: `export container ${name}` };
  const socket = await engineUnixSocket(docker);
  if (socket) {
    const path = `${socket.pathPrefix}/containers/${encodeURIComponent(id)}/export`;
    return { body: await engineCall(() => engineGetStream({ socketPath: socket.socketPath, path, signal, unframed: true }), context), unframed: true };
  }
  return { body: (await engineCall(() => docker.getContainer(id).export({ abortSignal: signal }), context)) as Readable, unframed: false };
}

/**
 * `docker export`: the container's filesystem as a tar, streamed from the engine. The stream fails
 * (rather than ending) when the archive is cut short, so a partial tar is never saved as complete.
 */
export async function containerExportSource(docker: Docker, id: string): Promise<{ source: DownloadSource; name: string }> {
  const info = await engineCall(() => docker.getContainer(id).inspect(), { action: `export container ${id}` });
  const name = info.Name.replace(/^\//, '');
  const container = docker.getContainer(info.Id);
  let releasePiece: ((piece: Buffer) => void) | undefined;
  const source: DownloadSource = {
    filename: `${name}.tar`,
    contentType: 'application/x-tar',
    async open(signal) {
      const { body: response, unframed } = await exportBody(docker, info.Id, name, signal);
      releasePiece = 'releaseChunk' in response ? (piece) => response.releaseChunk(piece) : undefined;
      const checked = tarCompletenessCheck(() =>
        unframed
          ? midStreamError({ code: 'ECONNRESET' }, `export of ${name}`)
          : new BerthError('INTERNAL', `The export of ${name} ended early: the archive is incomplete. Was the container changed or removed meanwhile?`),
      );
      response.on('error', (err) => checked.destroy(midStreamError(err, `export of ${name}`)));
      // dockerode's response may close while received data still waits in the paused stream: only
      // one the engine did not finish (`complete` false) is cut short. (The socket reader fails instead.)
      response.on('close', () => {
        if ((response as Readable & { complete?: boolean }).complete === false) checked.destroy(midStreamError({ code: 'ECONNRESET' }, `export of ${name}`));
      });
      checked.on('close', () => response.destroy());
      return response.pipe(checked);
    },
    written(piece) {
      releasePiece?.(piece);
    },
    async warningsAfter() {
      try {
        await container.inspect();
        return [];
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode !== 404) return [];
        return [`The container ${name} was removed while it was being exported. The archive is complete: the engine finished reading its filesystem.`];
      }
    },
  };
  return { source, name };
}
