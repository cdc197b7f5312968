// The browser-upload check on its own (no engine): what comes out for the engine, what fails the
// stream, and what is left for the verdict once the engine took the archive.
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { extract } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { checkedUploadTar } from '../../src/main/engine/files/upload-tar';
import { tarOf, type SeedItem } from '../helpers/tar-fixture';

/** Runs `body` through the check; the names and contents the engine would get, the stream's error, and the verdict. */
async function check(body: Buffer, names: string[]): Promise<{ sent: string[]; error?: string; verdict?: string }> {
  const checked = checkedUploadTar(Readable.from([body]), names, new AbortController().signal);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of checked.stream) chunks.push(chunk as Buffer);
  } catch (err) {
    return { sent: [], error: (err as Error).message };
  }
  const sent: string[] = [];
  const reader = extract();
  reader.on('entry', (header, stream, next) => {
    const parts: Buffer[] = [];
    stream.on('data', (part) => parts.push(part as Buffer));
    stream.on('end', () => {
      sent.push(header.type === 'file' ? `${header.name}=${Buffer.concat(parts).toString()}` : `${header.name} (${header.type})`);
      next();
    });
  });
  await new Promise<void>((resolve, reject) =>
    reader
      .on('finish', () => resolve())
      .on('error', reject)
      .end(Buffer.concat(chunks)),
  );
  return { sent, verdict: checked.verdict()?.message };
}

describe('checking a browser upload as it streams', () => {
  it('passes the declared items through, normalized', async () => {
    const body = await tarOf([
      { name: './drop/', type: 'directory' },
      { name: 'drop//a.txt', body: 'a' },
      { name: 'one.txt', body: '1' },
    ]);
    expect(await check(body, ['drop', 'one.txt'])).toEqual({ sent: ['drop/ (directory)', 'drop/a.txt=a', 'one.txt=1'], verdict: undefined });
  });

  it('a gzip body is checked and sent as a plain tar', async () => {
    const body = gzipSync(await tarOf([{ name: 'one.txt', body: '1' }]));
    expect(await check(body, ['one.txt'])).toEqual({ sent: ['one.txt=1'], verdict: undefined });
  });

  it('stops at a refused entry: what came before is sent, the verdict says why', async () => {
    const cases: Array<[SeedItem[], RegExp]> = [
      [
        [
          { name: 'drop/', type: 'directory' },
          { name: '../x', body: 'x' },
        ],
        /climbs out/,
      ],
      [
        [
          { name: 'drop/', type: 'directory' },
          { name: '/etc/x', body: 'x' },
        ],
        /absolute path/,
      ],
      [
        [
          { name: 'drop/', type: 'directory' },
          { name: 'drop/h', type: 'link', linkname: 'drop' },
        ],
        /hard link: only files, folders and symbolic links/,
      ],
      [
        [
          { name: 'drop/', type: 'directory' },
          { name: 'drop/p', type: 'fifo' },
        ],
        /only files, folders and symbolic links/,
      ],
      [
        [
          { name: 'drop/', type: 'directory' },
          { name: 'drop/sub/x', body: 'x' },
        ],
        /not inside a folder sent before it in this upload \("drop\/sub" was not\)/,
      ],
      [
        [
          { name: 'drop/', type: 'directory' },
          { name: 'drop', body: 'x' },
        ],
        /was sent before as something else/,
      ],
    ];
    for (const [items, reason] of cases) {
      const result = await check(await tarOf(items), ['drop']);
      expect(result.sent, String(reason)).toEqual(['drop/ (directory)']);
      expect(result.verdict).toMatch(reason);
    }
  });

  it('a body without its end-of-archive marker, or without a declared item, is complete for the engine but refused', async () => {
    const whole = await tarOf([
      { name: 'a', body: 'a' },
      { name: 'b', body: 'b' },
    ]);
    expect(await check(whole.subarray(0, 1024), ['a', 'b'])).toEqual({
      sent: ['a=a'],
      verdict: expect.stringMatching(/cut short: the archive ended without its end-of-archive marker/),
    });
    expect(await check(whole, ['a', 'b', 'c'])).toEqual({ sent: ['a=a', 'b=b'], verdict: 'The upload did not contain c, though it was announced.' });
  });

  it('a body cut in the middle of a file fails the stream itself', async () => {
    const whole = await tarOf([{ name: 'a', body: 'x'.repeat(5000) }]);
    expect((await check(whole.subarray(0, 2048), ['a'])).error).toMatch(/cut short in the middle of a file/);
  });

  it('ignores what follows the end-of-archive marker, as the engine does', async () => {
    const body = Buffer.concat([await tarOf([{ name: 'a', body: 'a' }]), await tarOf([{ name: 'sneaky', body: 's' }])]);
    expect(await check(body, ['a'])).toEqual({ sent: ['a=a'], verdict: undefined });
  });
});
