import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LogDecoder } from '../../src/main/engine/logs/decoder';
import { demuxTransform, FrameParser } from '../../src/main/engine/core/log-frames';
import type { LogLine } from '../../src/shared/types/logs';

function frame(stream: 1 | 2, payload: string | Buffer): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

function decodeChunks(chunks: Buffer[], options: ConstructorParameters<typeof LogDecoder>[0]): LogLine[] {
  const decoder = new LogDecoder(options);
  const lines: LogLine[] = [];
  for (const chunk of chunks) lines.push(...decoder.push(chunk));
  lines.push(...decoder.end());
  return lines;
}

const TS1 = '2024-05-01T12:00:00.000000001Z';
const TS2 = '2024-05-01T12:00:01.123456789Z';
const TS3 = '2024-05-01T12:00:02.5+09:00';

describe('log decoder: multiplexed frames', () => {
  const stream = Buffer.concat([
    frame(1, `${TS1} hello 한글 ✓ 😀\n`),
    frame(2, `${TS1} oops on stderr\r\n`),
    // One message the engine split in three (a long line): each continuation frame has its own timestamp.
    frame(1, `${TS2} first part, `),
    frame(2, `${TS2} interleaved error\n`),
    frame(1, `${TS2} second part, `),
    frame(1, `${TS3} last part\n`),
    frame(1, `${TS3} \n`),
    frame(2, `${TS3} no newline at the end`),
  ]);
  const expected: LogLine[] = [
    { stream: 'stdout', text: 'hello 한글 ✓ 😀', timestamp: TS1 },
    { stream: 'stderr', text: 'oops on stderr', timestamp: TS1 },
    { stream: 'stderr', text: 'interleaved error', timestamp: TS2 },
    { stream: 'stdout', text: 'first part, second part, last part', timestamp: TS2 },
    { stream: 'stdout', text: '', timestamp: TS3 },
    { stream: 'stderr', text: 'no newline at the end', timestamp: TS3 },
  ];

  it('tells stdout and stderr apart, strips timestamps and joins split messages', () => {
    expect(decodeChunks([stream], { tty: false, timestamps: true })).toEqual(expected);
  });

  it('gives the same lines when the bytes are split at every boundary', () => {
    for (let at = 1; at < stream.length; at++) {
      const lines = decodeChunks([stream.subarray(0, at), stream.subarray(at)], { tty: false, timestamps: true });
      expect(lines, `split at byte ${at}`).toEqual(expected);
    }
  });

  it('gives the same lines when fed one byte at a time', () => {
    const bytes = [...stream].map((b) => Buffer.from([b]));
    expect(decodeChunks(bytes, { tty: false, timestamps: true })).toEqual(expected);
  });

  it('keeps timestamp-looking text when timestamps were not asked for', () => {
    const lines = decodeChunks([frame(1, `${TS1} text\n`)], { tty: false, timestamps: false });
    expect(lines).toEqual([{ stream: 'stdout', text: `${TS1} text` }]);
  });

  it('treats a missing timestamp as text instead of losing bytes', () => {
    const lines = decodeChunks([frame(1, 'no-timestamp-here\n'), frame(1, 'x y\n')], { tty: false, timestamps: true });
    expect(lines.map((l) => l.text)).toEqual(['no-timestamp-here', 'x y']);
  });

  it('passes bytes that are not frames through as stdout', () => {
    const lines = decodeChunks([Buffer.from('plain text\nmore\n')], { tty: false, timestamps: false });
    expect(lines).toEqual([
      { stream: 'stdout', text: 'plain text' },
      { stream: 'stdout', text: 'more' },
    ]);
  });
});

describe('log decoder: invalid UTF-8', () => {
  it('shows invalid bytes as U+FFFD and keeps the rest of the line', () => {
    const payload = Buffer.concat([Buffer.from('ok '), Buffer.from([0xff, 0xfe]), Buffer.from(' end\n')]);
    const [line] = decodeChunks([frame(1, payload)], { tty: false, timestamps: false });
    expect(line?.text).toBe('ok \uFFFD\uFFFD end');
  });

  it('decodes a character split across chunks and frames of the same stream', () => {
    const smile = Buffer.from('😀');
    const stream = Buffer.concat([frame(1, smile.subarray(0, 2)), frame(2, 'e\n'), frame(1, Buffer.concat([smile.subarray(2), Buffer.from('\n')]))]);
    for (let at = 1; at < stream.length; at++) {
      const lines = decodeChunks([stream.subarray(0, at), stream.subarray(at)], { tty: false, timestamps: false });
      expect(lines).toEqual([
        { stream: 'stderr', text: 'e' },
        { stream: 'stdout', text: '😀' },
      ]);
    }
  });

  it('marks a truncated sequence at the end of a line', () => {
    const payload = Buffer.concat([Buffer.from('cut '), Buffer.from('한').subarray(0, 2), Buffer.from('\n')]);
    expect(decodeChunks([frame(1, payload)], { tty: false, timestamps: false })[0]?.text).toBe('cut \uFFFD');
  });
});

describe('log decoder: long lines', () => {
  it('cuts an overlong line into partial pieces at character boundaries', () => {
    const text = 'abc한글def😀ghijklmnopqrstuvwxyz'.repeat(20);
    const lines = decodeChunks([frame(1, `${text}\n`)], { tty: false, timestamps: false, maxLineBytes: 16 });
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.slice(0, -1).every((l) => l.partial === true)).toBe(true);
    expect(lines.at(-1)?.partial).toBeUndefined();
    expect(lines.map((l) => l.text).join('')).toBe(text);
    expect(lines.every((l) => Buffer.byteLength(l.text) <= 16 && !l.text.includes('\uFFFD'))).toBe(true);
  });

  it('cuts a line of a million bytes into pieces of at most 64 KiB (the default limit)', () => {
    const text = 'x'.repeat(1_000_000);
    const chunks: Buffer[] = [];
    const whole = frame(1, `${text}\n`);
    for (let at = 0; at < whole.length; at += 65_536) chunks.push(whole.subarray(at, at + 65_536));
    const lines = decodeChunks(chunks, { tty: false, timestamps: false });
    expect(lines.map((l) => l.text).join('')).toBe(text);
    expect(Math.max(...lines.map((l) => l.text.length))).toBeLessThanOrEqual(64 * 1024);
  });

  it('keeps the first timestamp on every piece of a cut line', () => {
    const lines = decodeChunks([frame(1, `${TS1} ${'y'.repeat(50)}\n`)], { tty: false, timestamps: true, maxLineBytes: 20 });
    expect(lines.every((l) => l.timestamp === TS1)).toBe(true);
    expect(lines.map((l) => l.text).join('')).toBe('y'.repeat(50));
  });
});

describe('log decoder: TTY containers', () => {
  const raw = Buffer.from(`${TS1} \x1b[31mred\x1b[0m\r\n${TS2} second 한글\r\n${TS3} last`);

  it('reads raw bytes as stdout, a timestamp at the start of every line, \\r\\n endings', () => {
    const expected: LogLine[] = [
      { stream: 'stdout', text: '\x1b[31mred\x1b[0m', timestamp: TS1 },
      { stream: 'stdout', text: 'second 한글', timestamp: TS2 },
      { stream: 'stdout', text: 'last', timestamp: TS3 },
    ];
    for (let at = 1; at < raw.length; at++) {
      expect(decodeChunks([raw.subarray(0, at), raw.subarray(at)], { tty: true, timestamps: true }), `split at ${at}`).toEqual(expected);
    }
  });

  it('reads frame-like bytes of a TTY container as text', () => {
    const lines = decodeChunks([Buffer.from('\x01\x00\x00\x00\x00\x00\x00\x03abc\n')], { tty: true, timestamps: false });
    expect(lines).toEqual([{ stream: 'stdout', text: '\x01\x00\x00\x00\x00\x00\x00\x03abc' }]);
  });
});

describe('frame parser', () => {
  it('demultiplexes to the payload bytes in order (2>&1)', async () => {
    const input = Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n'), frame(1, Buffer.from([0xff, 0x0a]))]);
    const demux = demuxTransform();
    const source = new PassThrough();
    source.pipe(demux);
    const collected: Buffer[] = [];
    demux.on('data', (chunk: Buffer) => collected.push(chunk));
    const done = new Promise((resolve) => demux.on('end', resolve));
    for (const byte of input) source.write(Buffer.from([byte]));
    source.end();
    await done;
    expect(Buffer.concat(collected)).toEqual(Buffer.concat([Buffer.from('out\nerr\n'), Buffer.from([0xff, 0x0a])]));
  });

  it('reports zero-length frames and stream 3 as stderr', () => {
    const seen: number[] = [];
    const parser = new FrameParser({ frameStart: (s) => seen.push(s), payload: () => undefined });
    const empty = Buffer.alloc(8);
    empty[0] = 3;
    parser.push(Buffer.concat([empty, frame(1, 'x')]));
    expect(seen).toEqual([2, 1]);
    expect(parser.midFrame).toBe(false);
  });
});
