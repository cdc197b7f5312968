import type { IncomingMessage } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import { engineTime, parseLogTime } from '../../../shared/logs/time';
import type { LogBatch, LogInfo, LogLine } from '../../../shared/types/logs';
import type { DownloadSource } from '../core/download-source';
import { engineCall, toBerthError } from '../core/errors';
import { logInfoFrom } from './info';
import { LogDecoder } from './decoder';
import { demuxTransform } from '../core/log-frames';
import type { StreamDisposer, StreamSink } from '../core/stream-sink';

export interface LogRange {
  since?: string;
  until?: string;
  timestamps: boolean;
}

export interface LogRequest extends LogRange {
  tail: number | 'all';
}

/** A batch is sent when it has this many lines, or this much text, or the engine paused. */
const BATCH_LINES = 4096;
const BATCH_CHARS = 2 * 1024 * 1024;

type LogParams = Record<string, string | boolean>;

function logParams({ since, until, timestamps }: LogRange, tail: number | 'all', follow: boolean): LogParams {
  const now = Date.now();
  const params: LogParams = { stdout: true, stderr: true, follow, timestamps, tail: String(tail) };
  // The contract has checked both values; they are read against one "now" here.
  const sinceNanos = since === undefined ? null : parseLogTime(since, now);
  const untilNanos = until === undefined ? null : parseLogTime(until, now);
  if (sinceNanos !== null) params.since = engineTime(sinceNanos);
  if (untilNanos !== null) params.until = engineTime(untilNanos);
  return params;
}

async function inspectForLogs(docker: Docker, ref: string): Promise<Docker.ContainerInspectInfo> {
  return engineCall(() => docker.getContainer(ref).inspect(), { action: `read the logs of ${ref}` });
}

/** The engine's 501: the log driver cannot be read back (e.g. "none"). Said plainly. */
function unreadable(info: LogInfo): BerthError {
  return new BerthError(
    'CONFLICT',
    `Container ${info.name} uses the "${info.driver}" log driver, which the engine cannot read back: there are no logs to show.`,
  );
}

/** GET /containers/{id}/logs as a byte stream (dockerode buffers the whole body unless following). */
function openLogStream(docker: Docker, id: string, params: LogParams): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: `/containers/${encodeURIComponent(id)}/logs?`,
        method: 'GET',
        options: params,
        isStream: true,
        statusCodes: { 200: true, 400: 'bad parameter', 404: 'no such container', 500: 'server error', 501: 'not implemented' },
      },
      (err, stream) => (err ? reject(err) : resolve(stream as IncomingMessage)),
    );
  });
}

async function openForLogs(docker: Docker, info: LogInfo, params: LogParams): Promise<IncomingMessage> {
  try {
    return await openLogStream(docker, info.id, params);
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 501) throw unreadable(info);
    throw toBerthError(err, { action: `read the logs of ${info.name}` });
  }
}

/** `docker inspect`'s LogConfig: driver, max-size/max-file, unbounded or not. */
export async function containerLogInfo(docker: Docker, ref: string): Promise<LogInfo> {
  return logInfoFrom(await inspectForLogs(docker, ref));
}

export interface StreamLogsOptions {
  follow: boolean;
  /** Called when the engine stopped answering, so the connection state is checked at once. */
  onUnreachable?: () => void;
}

/** Why a stream of logs stopped: the container stopped (end), was removed, or the engine went away. */
async function afterFollowEnded(docker: Docker, info: LogInfo): Promise<BerthError | null> {
  try {
    await docker.getContainer(info.id).inspect();
    return null;
  } catch (err) {
    const mapped = toBerthError(err);
    if (mapped.code === 'NOT_FOUND') return new BerthError('NOT_FOUND', `Container ${info.name} no longer exists.`);
    return mapped;
  }
}

/**
 * `docker logs [--follow]` as batches of decoded lines. Without follow the stream ends after the
 * last line; with follow it ends when the container stops, and fails when the container is
 * removed or the engine goes away. Disposing destroys the engine connection.
 */
export function streamLogs(docker: Docker, ref: string, request: LogRequest, sink: StreamSink<LogBatch>, options: StreamLogsOptions): StreamDisposer {
  let disposed = false;
  let response: IncomingMessage | undefined;
  let batch: LogLine[] = [];
  let batchChars = 0;
  let flushScheduled: NodeJS.Immediate | undefined;
  /** The subscriber is behind: the engine response is paused and lines wait here until it drains. */
  let held = false;

  /** Sends the waiting lines; while held, only the end or an error sends them (`evenIfHeld`). */
  const flush = (evenIfHeld = false): void => {
    flushScheduled = undefined;
    if (disposed || batch.length === 0 || (held && !evenIfHeld)) return;
    const lines = batch;
    batch = [];
    batchChars = 0;
    if (!sink.data({ lines }) && !held) {
      held = true;
      response?.pause();
    }
  };

  sink.onDrain(() => {
    if (disposed || !held) return;
    held = false;
    flush();
    if (!held) response?.resume();
  });

  const add = (lines: LogLine[]): void => {
    for (const line of lines) {
      batch.push(line);
      batchChars += line.text.length;
      if (batch.length >= BATCH_LINES || batchChars >= BATCH_CHARS) flush();
    }
    // Chunks already read are coalesced into one batch; a trickle (follow) goes out at once.
    if (batch.length && !flushScheduled) flushScheduled = setImmediate(flush);
  };

  const fail = (error: BerthError): void => {
    if (disposed) return;
    if (error.code === 'ENGINE_UNAVAILABLE') options.onUnreachable?.();
    flush(true);
    disposed = true;
    sink.error(error.toShape());
  };

  const run = async (): Promise<void> => {
    const info = logInfoFrom(await inspectForLogs(docker, ref));
    if (disposed) return;
    if (!info.readable) throw unreadable(info);
    const stream = await openForLogs(docker, info, logParams(request, request.tail, options.follow));
    if (disposed) return void stream.destroy();
    response = stream;
    sink.data({ lines: [], first: true });
    const decoder = new LogDecoder({ tty: info.tty, timestamps: request.timestamps });
    let ended = false;
    stream.on('data', (chunk: Buffer) => {
      if (!disposed) add(decoder.push(chunk));
    });
    stream.on('end', () => {
      ended = true;
      if (disposed) return;
      add(decoder.end());
      flush(true);
      if (!options.follow) {
        disposed = true;
        return sink.end();
      }
      void afterFollowEnded(docker, info).then((problem) => {
        if (problem) return fail(problem);
        if (disposed) return;
        disposed = true;
        sink.end();
      });
    });
    const lost = (): void => {
      if (ended || disposed) return;
      add(decoder.end());
      fail(new BerthError('ENGINE_UNAVAILABLE', `The connection to the Docker engine was lost while reading the logs of ${info.name}.`));
    };
    stream.on('error', lost);
    stream.on('close', lost);
  };

  run().catch((err: unknown) => fail(toBerthError(err, { action: `read the logs of ${ref}` })));

  return () => {
    disposed = true;
    if (flushScheduled) clearImmediate(flushScheduled);
    batch = [];
    response?.destroy();
  };
}

function fileStamp(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/**
 * The whole log (or since/until) as a file to save: stdout and stderr in order, bytes as the
 * engine stored them (`docker logs ... > file 2>&1`). The container is checked now, so a missing
 * container fails the command rather than the download; the engine is read when the file is.
 */
export async function openLogDownload(docker: Docker, ref: string, range: LogRange): Promise<DownloadSource> {
  const info = logInfoFrom(await inspectForLogs(docker, ref));
  if (!info.readable) throw unreadable(info);
  const params = logParams(range, 'all', false);
  return {
    filename: `${info.name}-${fileStamp(new Date())}.log`,
    contentType: 'text/plain; charset=utf-8',
    async open(signal: AbortSignal): Promise<Readable> {
      const response = await openForLogs(docker, info, params);
      const abort = (): void => void response.destroy(new BerthError('CANCELLED', 'The download was cancelled.'));
      if (signal.aborted) abort();
      else signal.addEventListener('abort', abort, { once: true });
      if (info.tty) return response;
      const demux = demuxTransform();
      pipeline(response, demux, () => undefined);
      return demux;
    },
  };
}
