// The Files tab's reading side against the real engine: listing through the archive API (stopped
// and shell-less containers included), the streamed listing, the text viewer, and bad input.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryListing, FileContent, FileEntry, ListingUpdate } from '../../src/shared/types/files';
import { noShellImage, removeTestContainers, waitFor } from '../helpers/engine';
import { createHarness } from './dispatch-harness';
import { createdContainer, seed } from './files-support';

const harness = createHarness();
const MiB = 1024 * 1024;
let box: { id: string; name: string };

beforeAll(async () => {
  box = await createdContainer('files-browse');
  await seed(box.id, '/', [
    { name: 'data/', type: 'directory' },
    { name: 'data/with space.txt', body: 'one\ntwo\n', mode: 0o640, mtime: new Date('2024-05-06T07:08:09Z') },
    { name: 'data/ünïcødé 文件.md', body: '# 제목\n' },
    { name: 'data/-leading-dash', body: 'dash\n' },
    { name: 'data/nested/', type: 'directory' },
    { name: 'data/nested/deeper/', type: 'directory' },
    { name: 'data/nested/deeper/leaf.txt', body: 'leaf' },
    { name: 'data/link-to-nested', type: 'symlink', linkname: 'nested' },
    { name: 'data/long.txt', body: `${'é'.repeat(3000)}\n` },
  ]);
});

afterEach(() => harness.closeAll());

afterAll(async () => {
  harness.stop();
  await removeTestContainers();
});

const byName = (entries: FileEntry[], name: string): FileEntry | undefined => entries.find((entry) => entry.name === name);

describe('listing a folder through the archive API', () => {
  it('lists a stopped container of an image without a shell', async () => {
    const bare = await createdContainer('files-noshell', noShellImage);
    const root = await harness.invoke<DirectoryListing>('files.list', { id: bare.name, path: '/' });
    expect(root.complete).toBe(true);
    expect(root.path).toBe('/');
    for (const name of ['bin', 'etc', 'tmp']) expect(byName(root.entries, name)?.kind).toBe('directory');
    expect(byName(root.entries, 'tmp')?.mode).toBe(0o1777);

    const bin = await harness.invoke<DirectoryListing>('files.list', { id: bare.id, path: '/bin' });
    const busybox = byName(bin.entries, 'busybox');
    expect(busybox).toMatchObject({ kind: 'file', path: '/bin/busybox', mode: 0o755 });
    expect(busybox!.size).toBeGreaterThan(MiB);
    expect(byName(bin.entries, 'ls')).toMatchObject({ kind: 'symlink', linkTarget: 'busybox' });
    expect(byName(bin.entries, 'sh')).toBeUndefined();
    // Direct children only.
    expect(bin.entries.every((entry) => !entry.name.includes('/'))).toBe(true);
  });

  it('shows kind, size, mode, time and link targets; odd names included', async () => {
    const data = await harness.invoke<DirectoryListing>('files.list', { id: box.id, path: '/data/' });
    expect(data.entries.map((entry) => entry.name).sort()).toEqual(
      ['-leading-dash', 'link-to-nested', 'long.txt', 'nested', 'with space.txt', 'ünïcødé 文件.md'].sort(),
    );
    expect(byName(data.entries, 'with space.txt')).toMatchObject({
      kind: 'file',
      size: 8,
      mode: 0o640,
      modified: Date.parse('2024-05-06T07:08:09Z'),
      path: '/data/with space.txt',
    });
    expect(byName(data.entries, 'link-to-nested')).toMatchObject({ kind: 'symlink', linkTarget: 'nested' });
    // A symlinked folder is listed as its target.
    const viaLink = await harness.invoke<DirectoryListing>('files.list', { id: box.id, path: '/data/link-to-nested' });
    expect(viaLink.path).toBe('/data/nested');
    expect(viaLink.entries.map((entry) => entry.name)).toEqual(['deeper']);
  });

  it('streams a listing in batches that end with done, and leaves no stream open', async () => {
    const { frames } = harness.subscribe('files.listing', { id: box.id, path: '/data' });
    await waitFor(() => frames.some((frame) => frame.kind === 'end'));
    const messages = frames.filter((frame) => frame.kind === 'data').map((frame) => (frame as { message: ListingUpdate }).message);
    expect(messages.at(-1)).toMatchObject({ kind: 'done', path: '/data' });
    const names = messages.flatMap((message) => (message.kind === 'entries' ? message.entries.map((entry) => entry.name) : []));
    expect(names).toHaveLength(6);
    expect(harness.dispatcher.openStreamCount()).toBe(0);
  });

  it('stops at its byte budget and says after which entry, unless asked for everything', async () => {
    const big = await createdContainer('files-budget');
    await seed(big.id, '/', [
      { name: 'huge/', type: 'directory' },
      { name: 'huge/a-big.bin', body: Buffer.alloc(40 * MiB, 7) },
      { name: 'huge/z-last.txt', body: 'last' },
    ]);
    const partial = await harness.invoke<DirectoryListing>('files.list', { id: big.id, path: '/huge' });
    expect(partial.complete).toBe(false);
    expect(partial.incompleteAfter).toBe('a-big.bin');
    expect(byName(partial.entries, 'z-last.txt')).toBeUndefined();
    const full = await harness.invoke<DirectoryListing>('files.list', { id: big.id, path: '/huge', full: true });
    expect(full.complete).toBe(true);
    expect(full.entries.map((entry) => entry.name)).toEqual(['a-big.bin', 'z-last.txt']);
    expect(full.scannedBytes).toBeGreaterThan(40 * MiB);
  });

  it('a listing stream closed early stops reading', async () => {
    const { frames, close } = harness.subscribe('files.listing', { id: box.id, path: '/' });
    close();
    expect(harness.dispatcher.openStreamCount()).toBe(0);
    expect(frames.filter((frame) => frame.kind !== 'data')).toEqual([]);
  });
});

describe('the text viewer', () => {
  it('reads a text file', async () => {
    const content = await harness.invoke<FileContent>('files.read', { id: box.id, path: '/data/with space.txt' });
    expect(content).toEqual({ path: '/data/with space.txt', size: 8, kind: 'text', text: 'one\ntwo\n', truncated: false });
  });

  it('caps a large file without cutting a character in half', async () => {
    const content = await harness.invoke<FileContent>('files.read', { id: box.id, path: '/data/long.txt', maxBytes: 1001 });
    expect(content.kind).toBe('text');
    if (content.kind !== 'text') return;
    expect(content.truncated).toBe(true);
    expect(content.size).toBe(6001);
    expect(content.text).toBe('é'.repeat(500));
  });

  it('detects a binary file and does not send it', async () => {
    const content = await harness.invoke<FileContent>('files.read', { id: box.id, path: '/bin/busybox' });
    expect(content).toMatchObject({ kind: 'binary', path: '/bin/busybox' });
    expect(content).not.toHaveProperty('text');
  });

  it('follows a symlink to its file', async () => {
    const content = await harness.invoke<FileContent>('files.read', { id: box.id, path: '/bin/sh' });
    expect(content).toMatchObject({ kind: 'binary', path: '/bin/busybox' });
  });
});

describe('bad input', () => {
  it('says plainly what is missing or wrong, for every channel', async () => {
    const cases: Array<[string, unknown, string, RegExp]> = [
      ['files.list', { id: box.id, path: '/nope' }, 'NOT_FOUND', /\/nope does not exist in container/],
      ['files.list', { id: box.id, path: '/data/with space.txt' }, 'INVALID_INPUT', /is not a folder/],
      ['files.list', { id: 'berth-test-no-such-container', path: '/' }, 'NOT_FOUND', /No such container/],
      ['files.list', { id: box.id, path: 'relative/path' }, 'INVALID_INPUT', /must be absolute/],
      ['files.list', { id: box.id, path: '/a\0b' }, 'INVALID_INPUT', /NUL/],
      ['files.list', { id: '-rf', path: '/' }, 'INVALID_INPUT', /container id or name/],
      ['files.read', { id: box.id, path: '/data' }, 'INVALID_INPUT', /is a folder/],
      ['files.read', { id: box.id, path: '/data/with space.txt/x' }, 'INVALID_INPUT', /is a file, not a folder/],
      ['files.read', { id: box.id, path: '/etc/passwd', maxBytes: 0 }, 'INVALID_INPUT', /maxBytes/],
      ['files.stat', { id: box.id, path: '/data/missing' }, 'NOT_FOUND', /does not exist/],
      ['files.listing', { id: box.id, path: 'x' }, 'INVALID_INPUT', /must be absolute/],
    ];
    for (const [channel, input, code, message] of cases) {
      if (channel === 'files.listing') {
        const outcome = harness.dispatcher.subscribe(channel, input, () => undefined);
        expect(outcome).toMatchObject({ ok: false, error: { code } });
        if (!outcome.ok) expect(outcome.error.message).toMatch(message);
        continue;
      }
      const outcome = await harness.outcome(channel, input);
      expect(outcome, `${channel} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code } });
      if (!outcome.ok) expect(outcome.error.message).toMatch(message);
    }
  });

  it('a missing folder streamed ends with a plain error', async () => {
    const { frames } = harness.subscribe('files.listing', { id: box.id, path: '/nope' });
    await waitFor(() => frames.length > 0);
    expect(frames[0]).toMatchObject({ kind: 'error', error: { code: 'NOT_FOUND' } });
  });
});
