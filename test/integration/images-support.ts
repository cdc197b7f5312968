// Shared set-up for the images/transfers integration tests (not a test file itself).
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import type { Dispatcher } from '../../src/main/dispatch';
import type { Engine } from '../../src/main/engine/core/engine';
import { createBackend, type Backend } from '../../src/main/backend';
import { webHost, type HostServices } from '../../src/main/host';
import type { TransferProgress } from '../../src/shared/types/transfers';
import { demux, docker, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';

/** A backend over `engine`; browser mode's host unless another is given. */
export function backendFor(engine: Engine, host: HostServices = webHost): Backend {
  return createBackend({ engine, host });
}

export function dispatcherFor(engine: Engine, host: HostServices = webHost): Dispatcher {
  return backendFor(engine, host).dispatcher;
}

/** Invokes a command and returns its result, failing the test with the error otherwise. */
export async function call<T = unknown>(dispatcher: Dispatcher, channel: string, input: unknown): Promise<T> {
  const outcome = await dispatcher.invoke(channel, input);
  if (!outcome.ok) throw new Error(`${channel} failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as T;
}

/** Follows `transfers.watch` to the final phase; resolves every message seen (the last is final). */
export function watchTransfer(dispatcher: Dispatcher, transferId: string): Promise<TransferProgress[]> {
  return new Promise((resolve, reject) => {
    const seen: TransferProgress[] = [];
    const outcome = dispatcher.subscribe('transfers.watch', { transferId }, (frame) => {
      if (frame.kind === 'data') seen.push(frame.message as TransferProgress);
      else if (frame.kind === 'end') resolve(seen);
      else reject(new Error(`transfers.watch: ${frame.error.code} ${frame.error.message}`));
    });
    if (!outcome.ok) reject(new Error(`transfers.watch: ${outcome.error.message}`));
  });
}

export async function finalOf(dispatcher: Dispatcher, transferId: string): Promise<TransferProgress> {
  const seen = await watchTransfer(dispatcher, transferId);
  return seen.at(-1)!;
}

export interface TarEntry {
  name: string;
  type: string;
  size: number;
  mode: number;
  linkname: string;
}

/** Every entry of a tar (name, type, size, mode, link target), sorted by name. */
export async function tarListing(tar: Buffer | string): Promise<TarEntry[]> {
  const bytes = typeof tar === 'string' ? await readFile(tar) : tar;
  const entries: TarEntry[] = [];
  const parser = extract();
  await new Promise<void>((resolve, reject) => {
    parser.on('entry', (header, stream, next) => {
      entries.push({ name: header.name, type: header.type ?? 'file', size: header.size ?? 0, mode: header.mode ?? 0, linkname: header.linkname ?? '' });
      stream.on('end', next);
      stream.resume();
    });
    parser.on('finish', resolve);
    parser.on('error', reject);
    Readable.from([bytes]).pipe(parser);
  });
  return entries.sort((a, b) => a.name.localeCompare(b.name));
}

/** `docker export` of a container through dockerode directly (the reference the handlers are compared with). */
export async function exportDirect(id: string): Promise<Buffer> {
  const stream = (await docker().getContainer(id).export()) as unknown as Readable;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A stopped container from the test image with some files of every kind in /data (a name with a
 * space and Korean letters, a symlink, a mode, `kib` KiB of random bytes).
 */
export async function containerWithData(prefix: string, kib = 256): Promise<{ id: string; name: string }> {
  const name = uniqueName(prefix);
  const script =
    'mkdir -p /data/sub && echo hello > "/data/a file 한글" && ln -s "a file 한글" /data/link && ' +
    `dd if=/dev/urandom of=/data/blob bs=1024 count=${kib} 2>/dev/null && chmod 750 /data/blob && touch /data/sub/empty`;
  const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sh', '-c', script], Labels: { ...TEST_LABELS } });
  await container.start();
  await container.wait();
  return { id: container.id, name };
}

/** `berth-test/<prefix>-<random>`: a repository nobody else uses (cleaned up by the test bed). */
export function testRepository(prefix: string): string {
  return `berth-test/${uniqueName(prefix).replace(/^berth-test-/, '')}`;
}

export async function imageIds(): Promise<string[]> {
  return (await docker().listImages({ all: true })).map((image) => image.Id).sort();
}

/** Files in `dir` whose name says they are a partial download. */
export function partFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.part'));
}

export async function runImage(image: string): Promise<string> {
  const container = await docker().createContainer({ Image: image, Labels: { ...TEST_LABELS } });
  await container.start();
  await waitFor(async () => !(await container.inspect()).State.Running, { timeout: 20_000 });
  const logs = await container.logs({ stdout: true, stderr: true });
  await container.remove({ force: true });
  return demux(logs).stdout;
}
