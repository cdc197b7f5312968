/**
 * Listing one folder level with an exec in a running container (`find` and `stat`, busybox has
 * both), instead of reading the folder's whole subtree through the archive API. The folder is
 * an argument of a fixed script (see shared/files/list-exec-command.ts), never part of it.
 */
import { PassThrough, type Duplex } from 'node:stream';
import type Docker from 'dockerode';
import type { FileEntry } from '../../../shared/types/files';
import { listExecCommand } from '../../../shared/files/list-exec-command';
import { execExitState } from './exec-exit';
import { ExecListingFormatError, parseExecListing, toFileEntries } from './list-parse';

/** A folder whose listing prints more than this is listed through the archive instead. */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** How long an exec whose output has ended may still be reported as running. */
const EXIT_WAIT_MS = 2_000;

/** Why the exec way was not used (or did not work). */
export class ExecListingUnavailable extends Error {}

function collect(stream: PassThrough, limit: number): { done: Promise<Buffer>; size: () => number } {
  const chunks: Buffer[] = [];
  let size = 0;
  const done = new Promise<Buffer>((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) reject(new ExecListingUnavailable(`more than ${limit} bytes of output`));
      else chunks.push(chunk);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
  return { done, size: () => size };
}

/**
 * The folder's direct children, as the archive listing would give them. Throws
 * ExecListingUnavailable when the container cannot run it (not running, paused, no find/sh/stat,
 * a failure or an output that does not parse): the caller then reads the archive.
 */
export async function listWithExec(
  docker: Docker,
  id: string,
  folder: string,
  rootName: string,
  signal?: AbortSignal,
): Promise<{ entries: FileEntry[]; outputBytes: number }> {
  const container = docker.getContainer(id);
  let output: Buffer;
  let stderr: Buffer;
  try {
    const exec = await container.exec({
      Cmd: listExecCommand(folder),
      AttachStdout: true,
      AttachStderr: true,
      User: '0',
      abortSignal: signal,
    } as Docker.ExecCreateOptions);
    const stream = (await exec.start({ hijack: true, stdin: false, abortSignal: signal } as Docker.ExecStartOptions)) as unknown as Duplex;
    const out = new PassThrough();
    const err = new PassThrough();
    const stdout = collect(out, MAX_OUTPUT_BYTES);
    const stderrText = collect(err, 64 * 1024);
    const onAbort = (): void => {
      stream.destroy();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    docker.modem.demuxStream(stream, out, err);
    await new Promise<void>((resolve, reject) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', reject);
    }).finally(() => signal?.removeEventListener('abort', onAbort));
    out.end();
    err.end();
    [output, stderr] = await Promise.all([stdout.done, stderrText.done.catch(() => Buffer.alloc(0))]);
    const state = await execExitState(exec, { timeoutMs: EXIT_WAIT_MS, intervalMs: 10 });
    if (state.Running || state.ExitCode !== 0) {
      throw new ExecListingUnavailable(`exit code ${state.ExitCode ?? 'unknown'}: ${stderr.toString('utf8').trim().slice(0, 300)}`);
    }
  } catch (err) {
    if (signal?.aborted) throw err;
    if (err instanceof ExecListingUnavailable) throw err;
    throw new ExecListingUnavailable((err as Error)?.message ?? String(err));
  }
  try {
    return { entries: toFileEntries(parseExecListing(output), folder, rootName), outputBytes: output.length };
  } catch (err) {
    if (err instanceof ExecListingFormatError) throw new ExecListingUnavailable(`unexpected output: ${err.message}`);
    throw err;
  }
}
