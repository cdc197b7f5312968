// Crafted, hostile archives (made here with tar-stream) against the extraction of untrusted
// container archives: each must be refused as a whole, with nothing written outside the target.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pack, type Header } from 'tar-stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractToHost, STAGING_PREFIX } from '../../src/main/engine/files/copy-out';
import { ArchiveTree, entryRefusal, RefusedEntryError } from '../../src/main/engine/files/safe-extract';

type Item = Partial<Header> & { name: string; body?: string };

/** A tar of `items`, in order, as a stream (what the engine would send). */
function archiveOf(items: Item[]): Readable {
  const tar = pack();
  for (const { body, ...header } of items) {
    if (body !== undefined) tar.entry({ mode: 0o644, ...header, type: header.type ?? 'file' }, body);
    else tar.entry({ mode: 0o755, ...header });
  }
  tar.finalize();
  return Readable.from(tar as unknown as AsyncIterable<Buffer>);
}

/** Every path under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string, prefix: string): void => {
    for (const name of readdirSync(current).sort()) {
      const rel = prefix ? `${prefix}/${name}` : name;
      out.push(rel);
      const full = path.join(current, name);
      if (lstatSync(full).isDirectory()) walk(full, rel);
    }
  };
  walk(dir, '');
  return out;
}

let sandbox: string;
/** The folder the user chose: the copy lands at <target>/<item>. */
let target: string;

beforeEach(() => {
  sandbox = mkdtempSync(path.join(tmpdir(), 'berth-extract-'));
  target = path.join(sandbox, 'target');
  mkdirSync(target);
  writeFileSync(path.join(sandbox, 'outside.txt'), 'precious');
});

afterEach(() => rmSync(sandbox, { recursive: true, force: true }));

/** Runs a hostile archive through the real copy-out path and checks the aftermath. */
async function expectRefused(items: Item[], reason: RegExp): Promise<void> {
  const before = tree(sandbox);
  const outcome = extractToHost(archiveOf(items), 'item', path.join(target, 'item'), false);
  await expect(outcome).rejects.toBeInstanceOf(RefusedEntryError);
  await expect(outcome).rejects.toThrow(reason);
  // Nothing new anywhere: not outside, not in the target, no staging folder left behind.
  expect(tree(sandbox)).toEqual(before);
  expect(readFileSync(path.join(sandbox, 'outside.txt'), 'utf8')).toBe('precious');
}

describe('extracting an untrusted archive', () => {
  it('refuses ../ names', async () => {
    await expectRefused(
      [
        { name: 'item/', type: 'directory' },
        { name: '../outside.txt', body: 'pwned' },
      ],
      /climbs out/,
    );
    await expectRefused(
      [
        { name: 'item/', type: 'directory' },
        { name: 'item/../../outside.txt', body: 'pwned' },
      ],
      /climbs out/,
    );
  });

  it('refuses absolute names', async () => {
    const absolute = path.join(sandbox, 'abs-evil.txt');
    await expectRefused(
      [
        { name: 'item/', type: 'directory' },
        { name: absolute, body: 'pwned' },
      ],
      /absolute path/,
    );
    expect(existsSync(absolute)).toBe(false);
    expect(existsSync(path.join(target, absolute))).toBe(false);
  });

  it('refuses a symlink to /etc followed by a file through it', async () => {
    const marker = `berth-extract-test-${process.pid}`;
    await expectRefused(
      [
        { name: 'item/', type: 'directory' },
        { name: 'item/etc', type: 'symlink', linkname: '/etc' },
        { name: `item/etc/${marker}`, body: 'pwned' },
      ],
      /symbolic link to "\/etc"/,
    );
    expect(existsSync(path.join('/etc', marker))).toBe(false);
  });

  it('refuses a relative symlink that climbs out, and anything written through an in-tree symlink', async () => {
    await expectRefused(
      [
        { name: 'item/', type: 'directory' },
        { name: 'item/up', type: 'symlink', linkname: '../..' },
        { name: 'item/up/outside.txt', body: 'pwned' },
      ],
      /symbolic link to "\.\.\/\.\."/,
    );
    await expectRefused(
      [
        { name: 'item/', type: 'directory' },
        { name: 'item/real/', type: 'directory' },
        { name: 'item/alias', type: 'symlink', linkname: 'real' },
        { name: 'item/alias/file', body: 'through a link' },
      ],
      /written through the symbolic link "item\/alias"/,
    );
  });

  it('refuses hard links outside the item', async () => {
    await expectRefused(
      [
        { name: 'item/', type: 'directory' },
        { name: 'item/h', type: 'link', linkname: '../outside.txt' },
      ],
      /hard link/,
    );
    await expectRefused(
      [
        { name: 'item/', type: 'directory' },
        { name: 'item/passwd', type: 'link', linkname: '/etc/passwd' },
      ],
      /hard link/,
    );
    await expectRefused(
      [
        { name: 'item/', type: 'directory' },
        { name: 'item/other', type: 'link', linkname: 'elsewhere/file' },
      ],
      /hard link/,
    );
  });

  it('refuses device nodes and FIFOs', async () => {
    await expectRefused(
      [
        { name: 'item/', type: 'directory' },
        { name: 'item/null', type: 'character-device', devmajor: 1, devminor: 3 },
      ],
      /device file/,
    );
    await expectRefused(
      [
        { name: 'item/', type: 'directory' },
        { name: 'item/disk', type: 'block-device', devmajor: 8, devminor: 0 },
      ],
      /device file/,
    );
    await expectRefused(
      [
        { name: 'item/', type: 'directory' },
        { name: 'item/pipe', type: 'fifo' },
      ],
      /FIFO/,
    );
  });

  it('refuses entries that are not part of the copied item', async () => {
    await expectRefused(
      [
        { name: 'item', body: 'ok' },
        { name: 'sibling', body: 'stowaway' },
      ],
      /not part of "item"/,
    );
  });

  it('a refused entry late in the archive undoes what came before it', async () => {
    await expectRefused(
      [
        { name: 'item/', type: 'directory' },
        { name: 'item/good-1', body: 'x'.repeat(100_000) },
        { name: 'item/sub/', type: 'directory' },
        { name: 'item/sub/good-2', body: 'y' },
        { name: 'item/sub/dev', type: 'character-device', devmajor: 1, devminor: 3 },
      ],
      /device file/,
    );
  });

  it('extracts a safe archive: nested folders, in-tree links, unicode and spaces; no owners or setuid bits', async () => {
    const items: Item[] = [
      { name: 'item/', type: 'directory' },
      { name: 'item/a b/', type: 'directory' },
      { name: 'item/a b/ünïcødé 文件.txt', body: 'héllo\n', mode: 0o4755, uid: 4242, gid: 4242 },
      { name: 'item/empty/', type: 'directory' },
      { name: 'item/-leading-dash', body: 'dash' },
      { name: 'item/rel-link', type: 'symlink', linkname: 'a b/ünïcødé 文件.txt' },
      { name: 'item/hard', type: 'link', linkname: 'item/-leading-dash' },
    ];
    const result = await extractToHost(archiveOf(items), 'item', path.join(target, 'copied'), false);
    expect(result.bytes).toBeGreaterThan(0);
    const copied = path.join(target, 'copied');
    expect(tree(copied)).toEqual(['-leading-dash', 'a b', 'a b/ünïcødé 文件.txt', 'empty', 'hard', 'rel-link']);
    const file = path.join(copied, 'a b', 'ünïcødé 文件.txt');
    expect(readFileSync(file, 'utf8')).toBe('héllo\n');
    expect(statSync(file).mode & 0o7000).toBe(0);
    expect(statSync(file).uid).toBe(process.getuid?.() ?? statSync(file).uid);
    expect(readlinkSync(path.join(copied, 'rel-link'))).toBe('a b/ünïcødé 文件.txt');
    expect(statSync(path.join(copied, 'hard')).ino).toBe(statSync(path.join(copied, '-leading-dash')).ino);
    expect(readdirSync(target).filter((name) => name.startsWith(STAGING_PREFIX))).toEqual([]);
  });

  it('a truncated archive fails and leaves nothing', async () => {
    const whole = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      const stream = archiveOf([
        { name: 'item/', type: 'directory' },
        { name: 'item/big', body: 'z'.repeat(200_000) },
      ]);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
    const before = tree(sandbox);
    await expect(extractToHost(Readable.from([whole.subarray(0, 100_000)]), 'item', path.join(target, 'item'), false)).rejects.toThrow();
    expect(tree(sandbox)).toEqual(before);
  });

  it('replacing an existing destination keeps the old one when the new archive is refused', async () => {
    const destination = path.join(target, 'item');
    mkdirSync(destination);
    writeFileSync(path.join(destination, 'keep.txt'), 'old');
    const outcome = extractToHost(
      archiveOf([
        { name: 'item/', type: 'directory' },
        { name: 'item/p', type: 'fifo' },
      ]),
      'item',
      destination,
      true,
    );
    await expect(outcome).rejects.toBeInstanceOf(RefusedEntryError);
    expect(tree(destination)).toEqual(['keep.txt']);
    const ok = await extractToHost(
      archiveOf([
        { name: 'item/', type: 'directory' },
        { name: 'item/new.txt', body: 'new' },
      ]),
      'item',
      destination,
      true,
    );
    expect(ok.bytes).toBeGreaterThan(0);
    expect(tree(destination)).toEqual(['new.txt']);
    expect(readdirSync(target)).toEqual(['item']);
  });

  it('a cancelled extraction leaves nothing', async () => {
    const abort = new AbortController();
    const slow = new Readable({ read() {} });
    const tar = archiveOf([
      { name: 'item/', type: 'directory' },
      { name: 'item/f', body: 'q'.repeat(300_000) },
    ]);
    let sent = 0;
    tar.on('data', (chunk: Buffer) => {
      if (sent < 50_000) slow.push(chunk.subarray(0, 50_000 - sent));
      sent += chunk.length;
    });
    const before = tree(sandbox);
    const outcome = extractToHost(slow, 'item', path.join(target, 'item'), false, { signal: abort.signal });
    setTimeout(() => abort.abort(), 50);
    await expect(outcome).rejects.toThrow(/cancelled/);
    expect(tree(sandbox)).toEqual(before);
  });
});

describe('entryRefusal', () => {
  const fresh = (): ArchiveTree => new ArchiveTree('item', 'linux');

  it('accepts ordinary entries and in-tree links', () => {
    expect(entryRefusal({ path: 'item', type: 'Directory' }, fresh())).toBeUndefined();
    expect(entryRefusal({ path: 'item/./a', type: 'File' }, fresh())).toBeUndefined();
    expect(entryRefusal({ path: 'item/d/l', type: 'SymbolicLink', linkpath: '../x' }, fresh())).toBeUndefined();
  });

  it('refuses a link that leaves the item even to come back: once copied under another name, ../item/x is outside it', () => {
    expect(entryRefusal({ path: 'item/l', type: 'SymbolicLink', linkpath: '../item/x' }, fresh())).toMatch(/outside/);
  });

  it('refuses an empty symlink target and a file in place of a symlinked folder', () => {
    expect(entryRefusal({ path: 'item/l', type: 'SymbolicLink', linkpath: '' }, fresh())).toMatch(/symbolic link/);
    const withLink = fresh();
    withLink.accept({ path: 'item/l', type: 'SymbolicLink', linkpath: 'real' });
    expect(entryRefusal({ path: 'item/l/x', type: 'File' }, withLink)).toMatch(/through the symbolic link/);
    expect(entryRefusal({ path: 'item/l', type: 'File' }, withLink)).toMatch(/replace/);
  });

  it('does not let an in-tree symlink stand for the whole copied item', () => {
    expect(entryRefusal({ path: 'item/l', type: 'SymbolicLink', linkpath: '..' }, fresh())).toMatch(/outside/);
  });

  it('gives up on a link loop or a chain of more than 40 links', () => {
    const loop = fresh();
    loop.accept({ path: 'item/l1', type: 'SymbolicLink', linkpath: 'l2' });
    loop.accept({ path: 'item/l2', type: 'SymbolicLink', linkpath: 'l1' });
    expect(entryRefusal({ path: 'item/x', type: 'SymbolicLink', linkpath: 'l1/..' }, loop)).toMatch(/too many links/);
    const chain = fresh();
    for (let i = 0; i < 41; i++) chain.accept({ path: `item/l${i}`, type: 'SymbolicLink', linkpath: `l${i + 1}` });
    expect(entryRefusal({ path: 'item/far', type: 'SymbolicLink', linkpath: 'l1' }, chain)).toBeUndefined();
    expect(entryRefusal({ path: 'item/far', type: 'SymbolicLink', linkpath: 'l0' }, chain)).toMatch(/too many links/);
  });
});

describe('symbolic link chains (resolved through the links already accepted)', () => {
  const chainDirs: Item[] = [
    { name: 'item/', type: 'directory' },
    { name: 'item/d/', type: 'directory' },
    { name: 'item/d/e/', type: 'directory' },
  ];

  it('refuses a link that climbs out through an in-tree link accepted before it', async () => {
    await expectRefused(
      [...chainDirs, { name: 'item/d/e/s', type: 'symlink', linkname: '../..' }, { name: 'item/hostroot', type: 'symlink', linkname: 'd/e/s/../../..' }],
      /"item\/hostroot" is a symbolic link to "d\/e\/s\/\.\.\/\.\.\/\.\.", outside the copied item/,
    );
  });

  it('refuses the same chain in the other order: the dangling link first', async () => {
    await expectRefused(
      [...chainDirs, { name: 'item/hostroot', type: 'symlink', linkname: 'd/e/s/../../..' }, { name: 'item/d/e/s', type: 'symlink', linkname: '../..' }],
      /"item\/hostroot" is a symbolic link .*not a folder/,
    );
  });

  it('refuses a later link that would change where an accepted link leads', async () => {
    // a -> b/../.. is item itself while b is a folder; a symlink b -> .. in its place would make it climb out.
    await expectRefused(
      [
        { name: 'item/', type: 'directory' },
        { name: 'item/x/', type: 'directory' },
        { name: 'item/x/b/', type: 'directory' },
        { name: 'item/x/a', type: 'symlink', linkname: 'b/../..' },
        { name: 'item/x/b', type: 'symlink', linkname: '..' },
      ],
      /"item\/x\/b" .*replace/,
    );
    // a -> b/.. while b does not exist yet: b may later be a link, so `..` is only taken through folders.
    await expectRefused(
      [
        { name: 'item/', type: 'directory' },
        { name: 'item/x/', type: 'directory' },
        { name: 'item/x/a', type: 'symlink', linkname: 'b/..' },
        { name: 'item/x/b', type: 'symlink', linkname: 'y/z' },
      ],
      /"item\/x\/a" .*not a folder/,
    );
  });

  it('refuses a hard link to an in-tree symlink that would point outside from its new place', async () => {
    await expectRefused(
      [
        { name: 'item/', type: 'directory' },
        { name: 'item/d/', type: 'directory' },
        { name: 'item/d/up', type: 'symlink', linkname: '..' },
        { name: 'item/up', type: 'link', linkname: 'item/d/up' },
      ],
      /"item\/up" is a hard link/,
    );
  });

  it('extracts ordinary link farms, in the order the engine sends them: links before their targets, ../ to siblings', async () => {
    const items: Item[] = [
      { name: 'item/', type: 'directory' },
      { name: 'item/bin/', type: 'directory' },
      { name: 'item/bin/self', type: 'symlink', linkname: '../bin/./z' },
      { name: 'item/bin/z', type: 'symlink', linkname: '../lib/libz.so' },
      { name: 'item/lib/', type: 'directory' },
      { name: 'item/lib/libz.so', type: 'symlink', linkname: 'libz.so.1' },
      { name: 'item/lib/libz.so.1', type: 'symlink', linkname: 'libz.so.1.3' },
      { name: 'item/lib/libz.so.1.3', body: 'elf' },
      { name: 'item/lib/sub/', type: 'directory' },
      { name: 'item/lib/sub/up', type: 'symlink', linkname: '../../bin' },
    ];
    await extractToHost(archiveOf(items), 'item', path.join(target, 'item'), false);
    expect(readFileSync(path.join(target, 'item', 'bin', 'self'), 'utf8')).toBe('elf');
    expect(readFileSync(path.join(target, 'item', 'lib', 'sub', 'up', 'z'), 'utf8')).toBe('elf');
  });
});

describe('names Windows cannot hold (the platform is a parameter)', () => {
  const onWindows = (entry: { path: string; type: string; linkpath?: string }): string | undefined => entryRefusal(entry, new ArchiveTree('item', 'win32'));
  const onLinux = (entry: { path: string; type: string; linkpath?: string }): string | undefined => entryRefusal(entry, new ArchiveTree('item', 'linux'));

  it('refuses \\, :, reserved device names and trailing spaces or dots on Windows only', () => {
    const names = [
      'item/a\\b',
      'item/c:d',
      'item/CON',
      'item/nul.txt',
      'item/Com1',
      'item/lpt9.tar.gz',
      'item/aux',
      'item/PRN.log',
      'item/dir /x',
      'item/end.',
      'item/sub/name ',
    ];
    for (const name of names) {
      expect(onWindows({ path: name, type: 'File' }), name).toMatch(/Windows/);
      expect(onLinux({ path: name, type: 'File' }), name).toBeUndefined();
    }
    expect(onWindows({ path: 'item/console.txt', type: 'File' })).toBeUndefined();
    expect(onWindows({ path: 'item/com10', type: 'File' })).toBeUndefined();
    expect(onWindows({ path: 'item/.hidden', type: 'File' })).toBeUndefined();
    expect(onWindows({ path: 'item/l', type: 'SymbolicLink', linkpath: '..\\..\\x' })).toMatch(/Windows/);
    expect(onWindows({ path: 'item/l', type: 'SymbolicLink', linkpath: 'NUL' })).toMatch(/Windows/);
    expect(onLinux({ path: 'item/l', type: 'SymbolicLink', linkpath: 'NUL' })).toBeUndefined();
  });

  it('compares names as the file system does: D and d are one name on Windows and macOS', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const folded = new ArchiveTree('item', platform);
      folded.accept({ path: 'item/d/', type: 'Directory' });
      folded.accept({ path: 'item/L', type: 'SymbolicLink', linkpath: 'd' });
      expect(entryRefusal({ path: 'item/D', type: 'SymbolicLink', linkpath: '..' }, folded), platform).toMatch(/would replace the folder/);
      expect(entryRefusal({ path: 'item/l/x', type: 'File' }, folded), platform).toMatch(/through the symbolic link "item\/l"/);
    }
    const exact = new ArchiveTree('item', 'linux');
    exact.accept({ path: 'item/d/', type: 'Directory' });
    exact.accept({ path: 'item/L', type: 'SymbolicLink', linkpath: 'd' });
    expect(entryRefusal({ path: 'item/D', type: 'SymbolicLink', linkpath: 'd' }, exact)).toBeUndefined();
    expect(entryRefusal({ path: 'item/l/x', type: 'File' }, exact)).toBeUndefined();
  });

  it('a refused Windows name fails the whole extraction on Windows', async () => {
    const before = tree(sandbox);
    const outcome = extractToHost(
      archiveOf([
        { name: 'item/', type: 'directory' },
        { name: 'item/ok', body: 'ok' },
        { name: 'item/CON', body: 'x' },
      ]),
      'item',
      path.join(target, 'item'),
      false,
      {
        platform: 'win32',
      },
    );
    await expect(outcome).rejects.toThrow(/"item\/CON" has a name Windows cannot hold: "CON" is a name Windows reserves for a device/);
    expect(tree(sandbox)).toEqual(before);
  });
});
