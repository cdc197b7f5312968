// Bad uploads to browser mode's `images.import`, against the real server process (`npm run web`'s
// entry point as a child process): whatever the page sends, the transfer fails with a plain message,
// nothing is created, and the process keeps serving. A crash here would not show in-process: the
// test runner's worker would die with it.
import { afterAll, describe, expect, it } from 'vitest';
import { pack } from 'tar-stream';
import type { UploadStart } from '../../src/shared/types/transfers';
import { finalTransferOver, invokeOver, send, type WebTarget } from '../helpers/web-client';
import { freshCliPerTest, type CliServer } from '../helpers/web-cli';
import { TEST_LABELS, docker, removeTestContainers, testImage } from '../helpers/engine';
import { imageIds, testRepository } from './images-support';

let cli: CliServer;
let target: WebTarget;

freshCliPerTest((server) => ({ cli, target } = server));

afterAll(async () => {
  await removeTestContainers();
});

/** A real tar with one file of `size` random-ish bytes. */
async function tarOf(size: number): Promise<Buffer> {
  const archive = pack();
  archive.entry({ name: 'payload.bin', size }, Buffer.alloc(size, 7));
  archive.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of archive) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function startImport(sizeBytes: number): Promise<UploadStart & { uploadUrl: string }> {
  const started = await invokeOver<UploadStart>(target, 'images.import', {
    source: { kind: 'upload', filename: 'upload.tar', sizeBytes },
    repository: testRepository('webfault'),
  });
  if (!started.uploadUrl) throw new Error('no upload URL');
  return { ...started, uploadUrl: started.uploadUrl };
}

/** The process is alive and still answers a command. */
async function expectServing(): Promise<void> {
  expect(cli.alive(), `the server process ended; stderr:\n${cli.stderr()}`).toBe(true);
  await expect(invokeOver(target, 'engine.ping', {})).resolves.toMatchObject({ ok: true });
}

describe('images.import with a bad browser upload', () => {
  it('a body that is not a tar: the upload answers 400 with the plain message, the server lives', async () => {
    const before = await imageIds();
    const body = Buffer.from('this is plain text, not an archive\n'.repeat(100));
    const started = await startImport(body.length);
    const reply = await send(target, started.uploadUrl, { headers: { 'Content-Length': body.length }, chunks: [body] });
    expect(reply.status).toBe(400);
    expect(reply.json().error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/not a tar archive/) });
    const final = await finalTransferOver(target, started.transferId);
    expect(final).toMatchObject({ phase: 'failed', error: { code: 'INVALID_INPUT', message: expect.stringMatching(/not a tar archive/) } });
    await expectServing();
    expect(await imageIds()).toEqual(before);
  });

  it('an empty body (chunked, so no length to refuse it by): the plain "empty" message, the server lives', async () => {
    const before = await imageIds();
    const started = await startImport(4096);
    const reply = await send(target, started.uploadUrl, { headers: { 'Transfer-Encoding': 'chunked' } });
    expect(reply.json().error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/empty/) });
    const final = await finalTransferOver(target, started.transferId);
    expect(final).toMatchObject({ phase: 'failed', error: { message: expect.stringMatching(/empty/) } });
    await expectServing();
    expect(await imageIds()).toEqual(before);
  });

  it.each([
    ['inside the first block (before the tar check decided)', 300],
    ['after the engine started reading', 64 * 1024],
  ])('a body cut %s: the transfer fails as interrupted, the server lives', async (_when, sentBytes) => {
    const before = await imageIds();
    const tar = await tarOf(1024 * 1024);
    const started = await startImport(tar.length);
    const cut = send(target, started.uploadUrl, {
      headers: { 'Content-Length': tar.length },
      chunks: [tar.subarray(0, sentBytes), new Error('cut by the test')],
    });
    await expect(cut).rejects.toThrow();
    const final = await finalTransferOver(target, started.transferId);
    expect(final).toMatchObject({ phase: 'failed', error: { code: 'CANCELLED', message: expect.stringMatching(/interrupted/) } });
    await expectServing();
    expect(await imageIds()).toEqual(before);
  });

  it('a whole tar still imports (the checks pass a good upload through)', async () => {
    const tar = await tarOf(64 * 1024);
    const started = await startImport(tar.length);
    const reply = await send(target, started.uploadUrl, { headers: { 'Content-Length': tar.length }, chunks: [tar] });
    expect(reply.status).toBe(200);
    const final = await finalTransferOver(target, started.transferId);
    expect(final).toMatchObject({ phase: 'done', result: { imageId: expect.stringMatching(/^sha256:/) } });
    await expectServing();
  });
});

describe('files.copyIn with a bad browser upload', () => {
  it.each([
    ['a body that is not a tar', (body: Buffer) => [body]],
    ['a body cut mid-way', (body: Buffer) => [body.subarray(0, 600), new Error('cut by the test')]],
  ])('%s: the transfer fails, the server lives', async (_what, chunksOf) => {
    const container = await docker().createContainer({ Image: testImage, Labels: { ...TEST_LABELS } });
    const body = Buffer.from('not a tar at all\n'.repeat(256));
    const started = await invokeOver<UploadStart>(target, 'files.copyIn', {
      id: container.id,
      destination: '/tmp',
      source: { kind: 'upload', names: ['notes.txt'], sizeBytes: body.length },
    });
    await send(target, started.uploadUrl!, { headers: { 'Content-Length': body.length }, chunks: chunksOf(body) }).catch(() => undefined);
    const final = await finalTransferOver(target, started.transferId);
    expect(final.phase).toBe('failed');
    await expectServing();
  });
});
