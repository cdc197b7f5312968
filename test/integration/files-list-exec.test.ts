// Listing one folder level with an exec (find/stat) in a running container: the same entries as
// the archive listing on a tree of odd names, links, a FIFO and nested folders, without reading
// the subtree; folder names that would run commands if pasted into a shell do not; stopped,
// paused and shell-less containers are listed through the archive and say why.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { archiveRootName } from '../../src/main/engine/files/archive';
import { scanDirectory } from '../../src/main/engine/files/list';
import { parseExecListing, toFileEntries } from '../../src/main/engine/files/list-parse';
import { listExecCliLine } from '../../src/shared/files/list-exec-command';
import type { DirectoryListing, FileEntry, ListingUpdate } from '../../src/shared/types/files';
import { docker, noShellImage, removeTestContainers, waitFor } from '../helpers/engine';
import { createHarness } from './dispatch-harness';
import { createdContainer, runningContainer, seed, type SeedItem } from './files-support';

const harness = createHarness();
const MiB = 1024 * 1024;
const mtime = new Date('2024-05-06T07:08:09Z');

/** Names and link targets that a line-based or quote-based parser would get wrong. */
const ODD: SeedItem[] = [
  { name: 'odd/', type: 'directory', mtime },
  { name: 'odd/with space.txt', body: 'one\ntwo\n', mode: 0o640, mtime },
  { name: 'odd/new\nline', body: 'nl', mtime },
  // A name that continues like the next stat line would.
  { name: "odd/quo'te\n81a4 0 0 1 1 'fake'", body: 'q', mtime },
  { name: 'odd/ünïcødé 文件.md', body: '# 제목\n', mtime },
  { name: 'odd/-leading-dash', body: 'dash\n', mtime },
  { name: 'odd/setuid', body: '#!/bin/sh\n', mode: 0o4755, mtime },
  { name: 'odd/link', type: 'symlink', linkname: "tar'get\nwith newline", mtime },
  { name: 'odd/crafted', type: 'symlink', linkname: "x'\n81a4 5 0 1 1 /odd/zz\n", mtime },
  { name: 'odd/abs-link', type: 'symlink', linkname: '/etc', mtime },
  { name: 'odd/dir-link', type: 'symlink', linkname: 'nested', mtime },
  { name: 'odd/fifo', type: 'fifo', mode: 0o600, mtime },
  { name: 'odd/empty/', type: 'directory', mtime },
  { name: 'odd/hard-a', body: 'same inode', mtime },
  { name: 'odd/hard-b', type: 'link', linkname: 'odd/hard-a', mtime },
  { name: 'odd/nested/', type: 'directory', mode: 0o750, mtime },
  { name: 'odd/nested/deeper/', type: 'directory', mtime },
  { name: 'odd/nested/deeper/leaf.txt', body: 'leaf', mtime },
  { name: 'odd/nested/big.bin', body: Buffer.alloc(8 * MiB, 1), mtime },
];

let box: { id: string; name: string };

beforeAll(async () => {
  box = await runningContainer('files-exec');
  await seed(box.id, '/', ODD);
});

afterEach(() => harness.closeAll());

afterAll(async () => {
  harness.stop();
  await removeTestContainers();
});

const sorted = (entries: FileEntry[]): FileEntry[] => [...entries].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));

describe('listing a running container with an exec', () => {
  it('gives the same entries as the archive, and reads no file contents', async () => {
    for (const folder of ['/odd', '/odd/nested', '/odd/empty', '/bin', '/etc']) {
      const viaExec = await harness.invoke<DirectoryListing>('files.list', { id: box.id, path: folder });
      const viaArchive = await scanDirectory(docker(), box.id, folder, { via: 'archive' });
      expect(viaExec.method, folder).toEqual({ kind: 'exec' });
      expect(viaArchive.method.kind).toBe('archive');
      expect(viaExec.complete).toBe(true);
      expect(sorted(viaExec.entries), folder).toEqual(sorted(viaArchive.entries));
    }
    const odd = await harness.invoke<DirectoryListing>('files.list', { id: box.id, path: '/odd' });
    expect(odd.entries).toHaveLength(ODD.filter((item) => /^odd\/[^/]+\/?$/.test(item.name)).length);
    expect(odd.entries.find((entry) => entry.name === 'link')).toMatchObject({ kind: 'symlink', linkTarget: "tar'get\nwith newline" });
    expect(odd.entries.find((entry) => entry.name === 'crafted')?.linkTarget).toBe("x'\n81a4 5 0 1 1 /odd/zz\n");
    expect(odd.entries.find((entry) => entry.name === 'fifo')).toMatchObject({ kind: 'other', mode: 0o600 });
    expect(odd.entries.find((entry) => entry.name === 'hard-b')).toMatchObject({ kind: 'file', hardLinkTo: 'odd/hard-a', size: 10 });
    // The 8 MiB file under nested/ is never read: the archive way reads it whole.
    const archive = await scanDirectory(docker(), box.id, '/odd', { via: 'archive' });
    expect(archive.scannedBytes).toBeGreaterThan(8 * MiB);
    expect(odd.scannedBytes).toBeLessThan(64 * 1024);
  });

  it('the docker exec line the Files tab shows prints what Berth parsed', async () => {
    for (const folder of ['/odd', '/inj-cli/it\'s "$(x)"']) {
      if (folder !== '/odd')
        await seed(box.id, '/', [
          { name: 'inj-cli/', type: 'directory' },
          { name: `${folder.slice(1)}/`, type: 'directory' },
          { name: `${folder.slice(1)}/in`, body: 'x' },
        ]);
      const line = listExecCliLine(box.name, folder);
      const stdout = await new Promise<Buffer>((resolve, reject) =>
        execFile('sh', ['-c', line], { env: process.env, encoding: 'buffer', maxBuffer: 16 * MiB }, (err, out, stderr) =>
          err ? reject(new Error(`${line}: ${stderr.toString()}`)) : resolve(out),
        ),
      );
      const listing = await harness.invoke<DirectoryListing>('files.list', { id: box.id, path: folder });
      expect(sorted(toFileEntries(parseExecListing(stdout), folder, archiveRootName(folder)))).toEqual(sorted(listing.entries));
    }
  });

  it('follows a symlinked folder to its target, as the archive listing does', async () => {
    const listing = await harness.invoke<DirectoryListing>('files.list', { id: box.id, path: '/odd/dir-link' });
    expect(listing).toMatchObject({ path: '/odd/nested', method: { kind: 'exec' } });
    expect(listing.entries.map((entry) => entry.name).sort()).toEqual(['big.bin', 'deeper']);
  });

  it('streams the listing once, then done, with the method', async () => {
    const { frames } = harness.subscribe('files.listing', { id: box.id, path: '/odd/nested' });
    await waitFor(() => frames.some((frame) => frame.kind === 'end'));
    const messages = frames.filter((frame) => frame.kind === 'data').map((frame) => (frame as { message: ListingUpdate }).message);
    expect(messages.map((message) => message.kind)).toEqual(['entries', 'done']);
    expect(messages.every((message) => message.method.kind === 'exec')).toBe(true);
    expect(harness.dispatcher.openStreamCount()).toBe(0);
  });

  it('passes the folder as an argument: names that are shell code run nothing', async () => {
    const names = ['$(touch pwned1)', '`touch pwned2`', 'a;touch pwned3;b', "x' ; touch pwned4 ; '", '"; touch pwned5; "'];
    await seed(box.id, '/', [
      { name: 'inj/', type: 'directory' },
      ...names.flatMap((name) => [
        { name: `inj/${name}/`, type: 'directory' as const },
        { name: `inj/${name}/inside`, body: 'x' },
      ]),
    ]);
    for (const name of names) {
      const listing = await harness.invoke<DirectoryListing>('files.list', { id: box.id, path: `/inj/${name}` });
      expect(listing.method, name).toEqual({ kind: 'exec' });
      expect(listing.entries.map((entry) => entry.name)).toEqual(['inside']);
    }
    const root = await harness.invoke<DirectoryListing>('files.list', { id: box.id, path: '/' });
    const inj = await harness.invoke<DirectoryListing>('files.list', { id: box.id, path: '/inj' });
    expect([...root.entries, ...inj.entries].filter((entry) => entry.name.startsWith('pwned'))).toEqual([]);
    expect(inj.entries).toHaveLength(names.length);
  });
});

describe('where an exec cannot list, the archive does, and the listing says why', () => {
  it('a stopped container', async () => {
    const stopped = await createdContainer('files-exec-stopped');
    const listing = await harness.invoke<DirectoryListing>('files.list', { id: stopped.id, path: '/bin' });
    expect(listing.method).toEqual({ kind: 'archive', reason: 'stopped' });
    expect(listing.entries.length).toBeGreaterThan(100);
  });

  it('a paused container', async () => {
    const paused = await runningContainer('files-exec-paused');
    await docker().getContainer(paused.id).pause();
    const listing = await harness.invoke<DirectoryListing>('files.list', { id: paused.id, path: '/etc' });
    expect(listing.method).toEqual({ kind: 'archive', reason: 'paused' });
    await docker().getContainer(paused.id).unpause();
  });

  it('a running container without a shell', async () => {
    const bare = await createdContainer('files-exec-noshell', noShellImage, { Cmd: ['sleep', '3600'] });
    await docker().getContainer(bare.id).start();
    const listing = await harness.invoke<DirectoryListing>('files.list', { id: bare.id, path: '/bin' });
    expect(listing.method).toEqual({ kind: 'archive', reason: 'exec-failed' });
    expect(listing.entries.find((entry) => entry.name === 'find')).toMatchObject({ kind: 'symlink' });
    expect(listing.entries.find((entry) => entry.name === 'sh')).toBeUndefined();
  });
});
