/** Telling text from binary in the first bytes of a file, and decoding a capped prefix of it. */

/** How much of the start is looked at for NUL bytes (what git and grep do). */
const SNIFF_BYTES = 8000;

export type Decoded = { kind: 'text'; text: string } | { kind: 'binary' };

/**
 * UTF-8 text or binary. `cutShort` says the bytes are a prefix of a longer file, so a multi-byte
 * character cut at the end is not a sign of binary. A NUL byte or invalid UTF-8 elsewhere is binary.
 */
export function decodeText(bytes: Buffer, cutShort: boolean): Decoded {
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  const body = cutShort ? bytes.subarray(0, completeUtf8Length(bytes)) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body);
    return { kind: 'text', text };
  } catch {
    return { kind: 'binary' };
  }
}

/** The length of `bytes` without a trailing, incomplete UTF-8 sequence (at most 3 bytes dropped). */
function completeUtf8Length(bytes: Buffer): number {
  const end = bytes.length;
  for (let back = 1; back <= Math.min(3, end); back++) {
    const byte = bytes[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? end - back : end;
  }
  return end;
}

/** Collects up to `limit` bytes of a stream's chunks, then says it has enough. */
export class CappedBuffer {
  private readonly chunks: Buffer[] = [];
  private length = 0;

  constructor(private readonly limit: number) {}

  /** Adds a chunk; true once the cap is reached (the rest can be dropped). */
  push(chunk: Buffer): boolean {
    const room = this.limit - this.length;
    if (room > 0) {
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      this.chunks.push(part);
      this.length += part.length;
    }
    return this.length >= this.limit;
  }

  get full(): boolean {
    return this.length >= this.limit;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}
