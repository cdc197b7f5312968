import { describe, expect, it } from 'vitest';
import { fromBase64, splitText } from '../../../src/renderer/features/terminal/bytes';
import { INPUT_PIECE_CHARS, InputQueue, type InputPiece } from '../../../src/renderer/features/terminal/input-queue';
import { safeLink } from '../../../src/renderer/features/terminal/links';

describe('splitText', () => {
  it('keeps short text whole and never cuts a surrogate pair', () => {
    expect(splitText('abc', 10)).toEqual(['abc']);
    const text = `${'a'.repeat(4)}😀${'b'.repeat(4)}`; // the emoji is two UTF-16 units at 4 and 5
    const pieces = splitText(text, 5);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(5);
    expect(pieces.some((piece) => piece.includes('😀'))).toBe(true);
  });
});

describe('fromBase64', () => {
  it('decodes every byte value', () => {
    const all = Array.from({ length: 256 }, (_, i) => i);
    expect([...fromBase64(btoa(String.fromCharCode(...all)))]).toEqual(all);
  });
});

describe('InputQueue', () => {
  function queue() {
    const sent: InputPiece[] = [];
    const waiting: Array<() => void> = [];
    const errors: unknown[] = [];
    const q = new InputQueue(
      (piece) =>
        new Promise<void>((resolve) => {
          sent.push(piece);
          waiting.push(resolve);
        }),
      (error) => errors.push(error),
    );
    const settle = async (): Promise<void> => {
      while (waiting.length) {
        waiting.shift()!();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    };
    return { q, sent, settle, errors };
  }

  it('holds input until started, sends one piece at a time, and coalesces keys typed meanwhile', async () => {
    const { q, sent, settle } = queue();
    q.text('a');
    expect(sent).toEqual([]);
    q.start();
    expect(sent).toEqual([{ data: 'a', encoding: 'utf8' }]);
    q.text('b');
    q.text('c');
    expect(sent).toHaveLength(1); // 'a' is still in flight
    await settle();
    expect(sent).toEqual([
      { data: 'a', encoding: 'utf8' },
      { data: 'bc', encoding: 'utf8' },
    ]);
  });

  it('splits a 1 MB paste into pieces that reassemble exactly', async () => {
    const { q, sent, settle } = queue();
    q.start();
    const paste = 'x'.repeat(1024 * 1024 - 7) + 'tail😀';
    q.text(paste);
    await settle();
    expect(sent.every((piece) => piece.data.length <= INPUT_PIECE_CHARS)).toBe(true);
    expect(sent.map((piece) => piece.data).join('')).toBe(paste);
  });

  it('sends binary input as base64 and drops what waits when stopped', async () => {
    const { q, sent } = queue();
    q.start();
    q.binary('\x1b[M #!');
    expect(sent).toEqual([{ data: btoa('\x1b[M #!'), encoding: 'base64' }]);
    q.text('lost');
    q.stop();
    expect(q.backlog).toBe(0);
  });

  it('reports a failed send and drops the rest of that input', async () => {
    const errors: unknown[] = [];
    const q = new InputQueue(
      () => Promise.reject(new Error('not reading')),
      (error) => errors.push(error),
    );
    q.start();
    q.text('a'.repeat(INPUT_PIECE_CHARS * 3));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors).toHaveLength(1);
    expect(q.backlog).toBe(0);
  });
});

describe('safeLink', () => {
  it('opens only http and https', () => {
    expect(safeLink('https://example.com/a?b=1')?.toString()).toBe('https://example.com/a?b=1');
    expect(safeLink('http://127.0.0.1:8080/')?.protocol).toBe('http:');
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'not a url', 'ftp://x']) expect(safeLink(bad), bad).toBeNull();
  });
});
