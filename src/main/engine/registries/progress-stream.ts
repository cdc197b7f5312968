import type { IncomingMessage } from 'node:http';
import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import { toBerthError } from '../core/errors';
import { JsonLines } from './layer-progress';
import { registryError, type TaskContext } from './registry-errors';
import type { TaskWork } from './task-hub';

export interface ProgressRequest {
  path: string;
  options: Record<string, string>;
  /** X-Registry-Auth, already encoded. */
  registryAuth: string;
}

/**
 * Runs one engine request that answers with a jsonmessage progress stream (pull, push), folding
 * every message into the task's tracker. Aborting the task's signal aborts the request, which is
 * what stops the engine's own pull or push. Resolves when the engine ends the stream cleanly.
 */
export async function followProgress(docker: Docker, request: ProgressRequest, work: TaskWork, context: TaskContext): Promise<void> {
  const stream = await openStream(docker, request, work.signal, context);
  const lines = new JsonLines();
  await new Promise<void>((resolve, reject) => {
    let failure: BerthError | undefined;
    let ended = false;
    const take = (message: Parameters<typeof work.tracker.apply>[0]): void => {
      const error = work.tracker.apply(message);
      if (error !== undefined && !failure) failure = registryError(error, context);
    };
    stream.on('data', (chunk: Buffer) => {
      lines.push(chunk, take);
      work.changed();
    });
    stream.on('end', () => {
      ended = true;
      lines.end(take);
      work.changed();
      if (failure) reject(failure);
      else resolve();
    });
    stream.on('close', () => {
      if (ended) return;
      if (work.signal.aborted) reject(new BerthError('CANCELLED', `The ${context.kind} of ${context.reference} was cancelled.`));
      else reject(failure ?? engineGone(context));
    });
    stream.on('error', () => undefined); // 'close' follows and says what happened
  });
}

function engineGone(context: TaskContext): BerthError {
  return new BerthError('ENGINE_UNAVAILABLE', `The engine went away during the ${context.kind} of ${context.reference}; nothing was completed.`);
}

function openStream(docker: Docker, request: ProgressRequest, signal: AbortSignal, context: TaskContext): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: request.path,
        method: 'POST',
        options: request.options,
        authconfig: { base64: request.registryAuth },
        abortSignal: signal,
        isStream: true,
        statusCodes: { 200: true, 400: 'bad parameter', 401: 'unauthorized', 403: 'forbidden', 404: 'not found', 500: 'server error' },
      },
      (err, data) => {
        if (!err) {
          resolve(data as IncomingMessage);
          return;
        }
        if (signal.aborted) {
          reject(new BerthError('CANCELLED', `The ${context.kind} of ${context.reference} was cancelled.`));
          return;
        }
        const mapped = toBerthError(err);
        if (mapped.code === 'ENGINE_UNAVAILABLE') reject(mapped);
        else reject(registryError(mapped.message.replace(/^the engine said( \(\d+\))?: /, ''), context));
      },
    );
  });
}
