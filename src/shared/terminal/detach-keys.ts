/**
 * Detach keys as the docker CLI and engine spell them: comma-separated keys, each one character or
 * `ctrl-<key>` (ctrl-@, ctrl-a … ctrl-z, ctrl-[, ctrl-\, ctrl-], ctrl-^, ctrl-_). Pure code: used by
 * the contract's schema, by main (which also applies them to the input itself) and by the UI.
 */
export const DEFAULT_DETACH_KEYS = 'ctrl-p,ctrl-q';

const CTRL_KEYS = '@abcdefghijklmnopqrstuvwxyz[\\]^_';

/** The byte sequence, or null when a key is not one docker knows. */
export function parseDetachKeys(spec: string): number[] | null {
  if (spec === '') return null;
  const bytes: number[] = [];
  for (const key of spec.split(',')) {
    if (key.length === 1) {
      const code = key.charCodeAt(0);
      if (code > 0x7f) return null;
      bytes.push(code);
      continue;
    }
    const lower = key.toLowerCase();
    const index = lower.length === 6 && lower.startsWith('ctrl-') ? CTRL_KEYS.indexOf(lower[5]!) : -1;
    if (index < 0) return null;
    bytes.push(index);
  }
  return bytes;
}

/** `ctrl-p,ctrl-q` -> `Ctrl-P Ctrl-Q`, for hints. */
export function describeDetachKeys(spec: string): string {
  return spec
    .split(',')
    .map((key) => (key.length > 1 && key.toLowerCase().startsWith('ctrl-') ? `Ctrl-${key.slice(5).toUpperCase()}` : key))
    .join(' ');
}

export interface DetachScan {
  /** The input to pass on (a held partial match is released once it turns out not to be one). */
  forward: Uint8Array;
  /** True when the whole sequence was typed: detach, and drop whatever followed it. */
  detached: boolean;
}

/**
 * Watches input for the detach sequence across writes, as the engine does: the keys of a partial
 * match are held back until the next key shows whether the sequence completes.
 */
export class DetachKeyMatcher {
  private matched = 0;

  constructor(private readonly sequence: readonly number[]) {}

  push(input: Uint8Array): DetachScan {
    const out: number[] = [];
    for (const byte of input) {
      if (byte === this.sequence[this.matched]) {
        this.matched += 1;
        if (this.matched === this.sequence.length) {
          this.matched = 0;
          return { forward: Uint8Array.from(out), detached: true };
        }
        continue;
      }
      if (this.matched > 0) {
        out.push(...this.sequence.slice(0, this.matched));
        this.matched = 0;
      }
      if (byte === this.sequence[0]) {
        if (this.sequence.length === 1) return { forward: Uint8Array.from(out), detached: true };
        this.matched = 1;
      } else out.push(byte);
    }
    return { forward: Uint8Array.from(out), detached: false };
  }
}
