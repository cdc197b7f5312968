// streamToFile: the download path's writer (one data listener, writev of what is queued). Real
// files in a temp folder; the sources are ordinary Readables.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWriteError, streamToFile } from '../../src/main/transfers/file-writer';

const dir = mkdtempSync(path.join(tmpdir(), 'berth-file-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
const file = (): string => path.join(dir, `f${counter++}`);

describe('streamToFile', () => {
  it('writes every chunk in order, counts them, and holds reading while 4 MiB wait', async () => {
    const chunks = Array.from({ length: 300 }, (_, i) => Buffer.alloc(64 * 1024 + (i % 7), i % 251));
    const expected = Buffer.concat(chunks);
    const target = file();
    const handle = await open(target, 'w');
    const input = Readable.from(chunks, { objectMode: false });
    let counted = 0;
    let pausedOnce = false;
    input.on('pause', () => (pausedOnce = true));
    await streamToFile(input, handle, new AbortController().signal, (count) => (counted += count));
    await handle.close();
    expect(counted).toBe(expected.length);
    expect(readFileSync(target).equals(expected)).toBe(true);
    expect(pausedOnce).toBe(true);
  });

  it('an empty source makes an empty file', async () => {
    const target = file();
    const handle = await open(target, 'w');
    await streamToFile(Readable.from([]), handle, new AbortController().signal, () => undefined);
    await handle.close();
    expect(readFileSync(target).length).toBe(0);
  });

  it('fails with the source error, and with the reason when aborted (destroying the source)', async () => {
    const handle = await open(file(), 'w');
    const failing = new Readable({ read() {} });
    const writing = streamToFile(failing, handle, new AbortController().signal, () => undefined);
    failing.push(Buffer.from('part'));
    failing.destroy(new Error('engine went away'));
    await expect(writing).rejects.toThrow('engine went away');

    const abort = new AbortController();
    const endless = new Readable({ read() {} });
    const aborted = streamToFile(endless, handle, abort.signal, () => undefined);
    endless.push(Buffer.from('part'));
    abort.abort(new Error('cancelled by the user'));
    await expect(aborted).rejects.toThrow('cancelled by the user');
    expect(endless.destroyed).toBe(true);
    await handle.close();
  });

  it('a source closed before its end is a failure, not a short file', async () => {
    const handle = await open(file(), 'w');
    const cut = new Readable({ read() {} });
    const writing = streamToFile(cut, handle, new AbortController().signal, () => undefined);
    cut.push(Buffer.from('part'));
    cut.destroy();
    await expect(writing).rejects.toThrow(/closed before its end/);
    await handle.close();
  });

  it("a write the disk refuses is a FileWriteError (the file's side)", async () => {
    const target = file();
    writeFileSync(target, '');
    const readOnly = await open(target, 'r');
    const writing = streamToFile(Readable.from([Buffer.from('data')]), readOnly, new AbortController().signal, () => undefined);
    await expect(writing).rejects.toBeInstanceOf(FileWriteError);
    await readOnly.close();
  });
});
