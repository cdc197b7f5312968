import { describe, expect, it } from 'vitest';
import { DetachKeyMatcher, describeDetachKeys, parseDetachKeys } from '../../src/shared/terminal/detach-keys';

const bytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const text = (data: Uint8Array): string => String.fromCharCode(...data);

describe('parseDetachKeys', () => {
  it('reads the forms docker takes', () => {
    expect(parseDetachKeys('ctrl-p,ctrl-q')).toEqual([16, 17]);
    expect(parseDetachKeys('ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_')).toEqual([0, 27, 28, 29, 30, 31]);
    expect(parseDetachKeys('CTRL-A,x')).toEqual([1, 120]);
    expect(parseDetachKeys('a')).toEqual([97]);
  });

  it('refuses what docker refuses', () => {
    for (const bad of ['', 'ctrl-', 'ctrl-1', 'alt-x', 'ab', ',', 'ctrl-p,', 'é']) expect(parseDetachKeys(bad), bad).toBeNull();
  });

  it('describes keys for people', () => {
    expect(describeDetachKeys('ctrl-p,ctrl-q')).toBe('Ctrl-P Ctrl-Q');
    expect(describeDetachKeys('ctrl-a,x')).toBe('Ctrl-A x');
  });
});

describe('DetachKeyMatcher', () => {
  it('detaches on the sequence and drops what follows it', () => {
    const matcher = new DetachKeyMatcher([16, 17]);
    const scan = matcher.push(bytes('ls\x10\x11rest'));
    expect(text(scan.forward)).toBe('ls');
    expect(scan.detached).toBe(true);
  });

  it('holds a partial match across writes, then releases it when the sequence breaks', () => {
    const matcher = new DetachKeyMatcher([16, 17]);
    expect(matcher.push(bytes('a\x10'))).toEqual({ forward: bytes('a'), detached: false });
    expect(matcher.push(bytes('b'))).toEqual({ forward: bytes('\x10b'), detached: false });
    expect(matcher.push(bytes('\x10'))).toEqual({ forward: bytes(''), detached: false });
    expect(matcher.push(bytes('\x11'))).toEqual({ forward: bytes(''), detached: true });
  });

  it('restarts a match on the first key right after a broken one', () => {
    const matcher = new DetachKeyMatcher([16, 17]);
    const scan = matcher.push(bytes('\x10\x10\x11'));
    expect(text(scan.forward)).toBe('\x10');
    expect(scan.detached).toBe(true);
  });

  it('works with a one-key sequence', () => {
    expect(new DetachKeyMatcher([29]).push(bytes('ab\x1dc'))).toEqual({ forward: bytes('ab'), detached: true });
  });
});
