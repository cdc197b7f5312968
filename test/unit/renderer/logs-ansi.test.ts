import { describe, expect, it } from 'vitest';
import { applySgr, parseAnsi, plainText } from '../../../src/renderer/features/logs/ansi';

describe('ANSI SGR parsing', () => {
  it('leaves plain text alone', () => {
    expect(parseAnsi('hello\tworld')).toEqual([{ text: 'hello\tworld' }]);
  });

  it('styles the 16 colours, bold, underline, and resets', () => {
    expect(parseAnsi('\x1b[31mred\x1b[0m \x1b[1;4;92mbright\x1b[22m under\x1b[m end')).toEqual([
      { text: 'red', style: { fg: 1 } },
      { text: ' ' },
      { text: 'bright', style: { bold: true, underline: true, fg: 10 } },
      { text: ' under', style: { underline: true, fg: 10, bold: undefined, dim: undefined } },
      { text: ' end' },
    ]);
  });

  it('reads 256-colour and 24-bit colours, foreground and background', () => {
    expect(parseAnsi('\x1b[38;5;208mo\x1b[48;2;10;20;30mb')).toEqual([
      { text: 'o', style: { fg: 208 } },
      { text: 'b', style: { fg: 208, bg: 'rgb(10, 20, 30)' } },
    ]);
    expect(applySgr({}, [38, 2, 300, 0, 0])).toEqual({ fg: undefined });
  });

  it('drops cursor movement, OSC titles and other escapes, and shows control characters', () => {
    const raw = '\x1b]0;title\x07a\x1b[2Kb\x1b(Bc\x00d\x07e\x1b[?25l';
    expect(plainText(raw)).toBe('abc\u2400d\u2407e');
  });

  it('keeps what follows a carriage return, as a terminal overwrites the line', () => {
    expect(plainText('progress 10%\rprogress 55%\r\x1b[32mdone\x1b[0m')).toBe('done');
    expect(parseAnsi('\x1b[31mred\rover')).toEqual([{ text: 'over', style: { fg: 1 } }]);
  });

  it('survives a cut-off escape at the end of the line', () => {
    expect(plainText('text\x1b[31')).toBe('text');
    expect(plainText('text\x1b')).toBe('text');
  });

  it('has segments whose texts join to the plain text', () => {
    const raw = '\x1b[1mA\x1b[0m\tB\x1b[38;5;1mC\x01';
    expect(
      parseAnsi(raw)
        .map((s) => s.text)
        .join(''),
    ).toBe(plainText(raw));
  });
});
