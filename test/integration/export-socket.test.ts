// Export through the engine's unix socket read by Berth itself (engine-http-stream.ts), against
// the real engine: the file is byte-identical with `docker export -o`; the request is HTTP/1.0, so
// the body comes unframed and ends with the connection, and a connection that ends cleanly in the
// middle of a file's zeros (its last 1024 bytes zero, nothing in HTTP to tell) fails with a plain
// message and leaves no file, caught by the tar's own structure; and an export the engine refuses
// (the container removed after Berth looked it up) says so.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/engine/core/engine';
import { headlessFileHost } from '../../src/main/transfers/headless-host';
import type { DownloadStart } from '../../src/shared/types/transfers';
import { docker, dockerCli, removeTestContainers, TEST_LABELS, testImage } from '../helpers/engine';
import { engineSocket } from '../helpers/engine-relay';
import { ExportRelay } from '../helpers/export-relay';
import { call, containerWithData, dispatcherFor, finalOf, partFiles } from './images-support';

let dir: string;
let relay: ExportRelay;
let savePath = '';
const host = headlessFileHost({ save: () => savePath });
let relayed: ReturnType<typeof dispatcherFor>;
let source: { id: string; name: string };

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-export-socket-'));
  relay = new ExportRelay(engineSocket(), dir);
  await relay.up();
  relayed = dispatcherFor(createEngine({ DOCKER_HOST: `unix://${relay.socketPath}` }), host);
  source = await containerWithData('export-socket', 24 * 1024);
});

afterAll(async () => {
  await relay?.down();
  rmSync(dir, { recursive: true, force: true });
  await removeTestContainers();
});

async function exportThroughRelay(id: string, file: string): Promise<Awaited<ReturnType<typeof finalOf>>> {
  savePath = path.join(dir, file);
  const started = await call<DownloadStart>(relayed, 'containers.export', { id });
  if (started.status !== 'started') throw new Error('not started');
  return finalOf(relayed, started.transferId);
}

describe('export read from the unix socket', () => {
  it('writes the same bytes as docker export -o, read by Berth from the socket itself', async () => {
    const reference = path.join(dir, 'cli.tar');
    const cli = await dockerCli(['export', '-o', reference, source.name]);
    expect(cli.code, cli.stderr).toBe(0);
    const final = await exportThroughRelay(source.name, 'berth.tar');
    expect(final).toMatchObject({ phase: 'done', bytes: statSync(reference).size });
    expect(sha256(savePath)).toBe(sha256(reference));
    // The request came from Berth's own reader (dockerode sends no User-Agent and its own headers).
    const exportHead = relay.requestHeads.find((head) => head.includes(`/containers/${source.id}/export `));
    expect(exportHead).toMatch(/^GET \/containers\/[0-9a-f]{64}\/export HTTP\/1\.0\r\n/);
    expect(exportHead).toContain('User-Agent: Berth\r\n');
  });

  it('a connection ended cleanly inside a file of zeros: a failed export, not a complete-looking file', async () => {
    const zeros = await containerWithZeros();
    const reference = path.join(dir, 'zeros-cli.tar');
    expect((await dockerCli(['export', '-o', reference, zeros.name])).code).toBe(0);
    const cutAt = dataOffset(readFileSync(reference), 'data/zeros') + 8 * 1024 * 1024;
    const target = path.join(dir, 'cut.tar');
    writeFileSync(target, 'an earlier file that must survive\n');
    const cut = relay.cutAfterBody(cutAt);
    const final = await exportThroughRelay(zeros.name, 'cut.tar');
    expect(await cut).toBe(cutAt);
    // What arrived ends with zero blocks, as an archive's end marker does.
    expect(
      readFileSync(reference)
        .subarray(cutAt - 1024, cutAt)
        .every((byte) => byte === 0),
    ).toBe(true);
    expect(final).toMatchObject({ phase: 'failed', error: { code: 'ENGINE_UNAVAILABLE' } });
    expect(final.error?.message).toBe(`The connection to the Docker engine was lost during the export of ${zeros.name}.`);
    expect(partFiles(dir)).toEqual([]);
    expect(readFileSync(target, 'utf8')).toBe('an earlier file that must survive\n');
  });

  it('the container removed between the look-up and the export request: NOT_FOUND from the engine, nothing written', async () => {
    const doomed = await containerWithData('export-socket-gone', 1);
    const requested = relay.holdExports();
    savePath = path.join(dir, 'gone.tar');
    const started = await call<DownloadStart>(relayed, 'containers.export', { id: doomed.name });
    if (started.status !== 'started') throw new Error('not started');
    const settled = finalOf(relayed, started.transferId);
    await Promise.race([requested, settled.then(() => Promise.reject(new Error('the export request was never held')))]);
    await docker().getContainer(doomed.id).remove({ force: true });
    relay.release();
    const final = await settled;
    expect(final).toMatchObject({ phase: 'failed', error: { code: 'NOT_FOUND' } });
    expect(final.error?.message).toMatch(new RegExp(`^Could not export container ${doomed.name}: No such container: [0-9a-f]{12}`));
    expect(() => statSync(savePath)).toThrow();
    expect(partFiles(dir)).toEqual([]);
  });
});

/** A stopped container whose /data/zeros holds 16 MiB of zero bytes. */
async function containerWithZeros(): Promise<{ id: string; name: string }> {
  const name = `berth-test-export-zeros-${Math.random().toString(36).slice(2, 8)}`;
  const script = 'mkdir -p /data && dd if=/dev/zero of=/data/zeros bs=1048576 count=16 2>/dev/null';
  const container = await docker().createContainer({ Image: testImage, name, Cmd: ['sh', '-c', script], Labels: { ...TEST_LABELS } });
  await container.start();
  await container.wait();
  return { id: container.id, name };
}

/** Where the data of the entry `name` starts in a tar (walking its headers; pax headers are entries too). */
function dataOffset(tar: Buffer, name: string): number {
  for (let at = 0; at + 512 <= tar.length;) {
    const entryName = tar
      .subarray(at, at + 100)
      .toString('utf8')
      .replace(/\0.*$/s, '');
    const size = parseInt(
      tar
        .subarray(at + 124, at + 136)
        .toString('latin1')
        .replace(/\0.*$/s, '')
        .trim() || '0',
      8,
    );
    if (entryName === name) return at + 512;
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${name} is not in the archive`);
}
