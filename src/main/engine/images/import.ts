import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import { BerthError } from '../../../shared/errors';
import { JsonLineDecoder } from '../events/events';
import { isEngineUnreachable, toBerthError } from '../core/errors';
import { midStreamError } from '../containers/export';
import { tarStartCheck } from '../files/tar-checks';

export interface ImportOptions {
  repository?: string;
  tag?: string;
  message?: string;
  changes: string[];
}

interface ImportMessage {
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
}

const IMAGE_ID = /^sha256:[0-9a-f]{64}$/;

function importRefusal(err: unknown): BerthError {
  if (err instanceof BerthError) return err;
  if (isEngineUnreachable(err)) return midStreamError(err, 'import');
  const mapped = toBerthError(err, { action: 'import the image' });
  if (/Error processing tar file|invalid tar header|unexpected EOF/i.test(mapped.message)) {
    return new BerthError(
      'INVALID_INPUT',
      `The file is not a complete tar archive (${mapped.message.replace(/^Could not import the image: (the engine said: )?/, '')}).`,
    );
  }
  return mapped;
}

/**
 * Reads the engine's progress stream to its end. The engine can answer 200 and then report a
 * failure inside the stream: that is an error, never a success. Resolves the new image's id.
 */
export function readImportResult(response: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    const decoder = new JsonLineDecoder();
    let imageId: string | undefined;
    let failure: BerthError | undefined;
    const take = (message: ImportMessage): void => {
      const problem = message.errorDetail?.message ?? message.error;
      if (problem) failure ??= importRefusal({ statusCode: 500, message: problem });
      else if (message.status && IMAGE_ID.test(message.status.trim())) imageId = message.status.trim();
    };
    response.on('data', (chunk: Buffer) => {
      try {
        for (const value of decoder.push(chunk)) take(value as ImportMessage);
      } catch {
        failure ??= new BerthError('INTERNAL', 'The engine answered the import with something that is not JSON.');
      }
    });
    response.on('error', (err) => reject(importRefusal(err)));
    response.on('end', () => {
      for (const value of decoder.push(new TextEncoder().encode('\n'))) take(value as ImportMessage);
      if (failure) reject(failure);
      else if (imageId) resolve(imageId);
      else reject(new BerthError('INTERNAL', 'The engine ended the import without naming a new image.'));
    });
  });
}

/**
 * `docker import`: streams `body` (a tar, possibly compressed) into the engine, which creates an
 * image from it with the `--change` lines applied. The first block is checked before the engine
 * sees anything, so "not a tar" and "empty" are refused plainly and nothing is created.
 */
export async function importImage(
  docker: Docker,
  body: Readable,
  options: ImportOptions,
  signal: AbortSignal,
): Promise<{ imageId: string; reference?: string }> {
  const checked = tarStartCheck();
  // The check can fail before the engine request exists (a browser upload's body is already
  // buffered): listen at once, or Node throws the error and ends the process. The failure then
  // aborts the engine request, which would otherwise wait for a body that never comes.
  const bodyFailure = new AbortController();
  checked.on('error', (err) => bodyFailure.abort(err));
  body.on('error', (err) => checked.destroy(err));
  body.pipe(checked);
  const failure = (err: unknown): BerthError => importRefusal(bodyFailure.signal.aborted ? bodyFailure.signal.reason : err);
  const query: Record<string, unknown> = { changes: options.changes };
  if (options.repository) query.repo = options.repository;
  if (options.repository) query.tag = options.tag ?? 'latest';
  if (options.message) query.message = options.message;
  let response: Readable;
  try {
    response = (await docker.importImage(checked, { ...query, abortSignal: AbortSignal.any([signal, bodyFailure.signal]) })) as Readable;
  } catch (err) {
    checked.destroy();
    throw failure(err);
  }
  const imageId = await readImportResult(response).catch((err: unknown) => {
    throw failure(err);
  });
  return { imageId, ...(options.repository ? { reference: `${options.repository}:${options.tag ?? 'latest'}` } : {}) };
}
