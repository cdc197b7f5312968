/**
 * A tar archive as a list of parts: header blocks (bytes) around the files' contents (left as
 * they are, e.g. browser File objects). In browser mode the page turns the parts into one Blob and
 * uploads it: the browser streams each file from disk, nothing is read into memory. USTAR headers,
 * with a PAX record for a name that is not ASCII or longer than 100 bytes, or a size over 8 GiB.
 * Pure code: no DOM, no Node.
 */

const BLOCK = 512;
const encoder = new TextEncoder();

export interface TarItem<Content> {
  /** `/`-separated path inside the archive, without a leading `/`. */
  path: string;
  kind: 'file' | 'directory';
  /** A file's size in bytes (a directory: 0). */
  size: number;
  mode?: number;
  /** Epoch milliseconds. */
  mtimeMs?: number;
  /** A file's content; it must be exactly `size` bytes. */
  content?: Content;
}

function writeString(block: Uint8Array, offset: number, length: number, value: string): void {
  const bytes = encoder.encode(value);
  block.set(bytes.subarray(0, length), offset);
}

/** An octal field: digits padded with zeros, then a NUL. */
function writeOctal(block: Uint8Array, offset: number, length: number, value: number): void {
  writeString(
    block,
    offset,
    length - 1,
    Math.floor(value)
      .toString(8)
      .padStart(length - 1, '0'),
  );
}

const MAX_OCTAL_SIZE = 0o77777777777;

/** One PAX record: `<length> <key>=<value>\n`, where the length counts itself. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bodyLength = encoder.encode(body).length;
  // The length's own digits count: two rounds settle it (adding digits adds at most one more).
  const guess = bodyLength + String(bodyLength).length;
  return `${bodyLength + String(guess).length}${body}`;
}

function header(name: string, size: number, mode: number, mtimeMs: number, type: string): Uint8Array {
  const block = new Uint8Array(BLOCK);
  writeString(block, 0, 100, name);
  writeOctal(block, 100, 8, mode);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, Math.min(size, MAX_OCTAL_SIZE));
  writeOctal(block, 136, 12, Math.max(0, Math.floor(mtimeMs / 1000)));
  block.fill(0x20, 148, 156);
  writeString(block, 156, 1, type);
  writeString(block, 257, 6, 'ustar');
  writeString(block, 263, 2, '00');
  let sum = 0;
  for (const byte of block) sum += byte;
  writeString(block, 148, 7, sum.toString(8).padStart(6, '0'));
  block[154] = 0;
  block[155] = 0x20;
  return block;
}

function padding(size: number): Uint8Array | undefined {
  const rest = size % BLOCK;
  return rest === 0 ? undefined : new Uint8Array(BLOCK - rest);
}

function isPlainName(name: string): boolean {
  return /^[\x20-\x7e]*$/.test(name) && name.length <= 100;
}

/** The header blocks of one item (a PAX header first when needed). */
function headersFor(item: TarItem<unknown>): Uint8Array[] {
  const name = item.kind === 'directory' && !item.path.endsWith('/') ? `${item.path}/` : item.path;
  const mode = item.mode ?? (item.kind === 'directory' ? 0o755 : 0o644);
  const mtimeMs = item.mtimeMs ?? 0;
  const records: string[] = [];
  if (!isPlainName(name)) records.push(paxRecord('path', name));
  if (item.size > MAX_OCTAL_SIZE) records.push(paxRecord('size', String(item.size)));
  const blocks: Uint8Array[] = [];
  if (records.length > 0) {
    const pax = encoder.encode(records.join(''));
    blocks.push(header('././@PaxHeader', pax.length, 0o644, mtimeMs, 'x'), pax);
    const pad = padding(pax.length);
    if (pad) blocks.push(pad);
  }
  const shortName = isPlainName(name) ? name : name.replace(/[^\x20-\x7e]/g, '_').slice(-99);
  blocks.push(header(shortName, item.kind === 'file' ? item.size : 0, mode, mtimeMs, item.kind === 'directory' ? '5' : '0'));
  return blocks;
}

/** The archive of `items`, in order, as parts to concatenate; ends with the two end blocks. */
export function tarParts<Content>(items: readonly TarItem<Content>[]): Array<Uint8Array | Content> {
  const parts: Array<Uint8Array | Content> = [];
  for (const item of items) {
    parts.push(...headersFor(item));
    if (item.kind === 'file' && item.size > 0) {
      if (item.content === undefined) throw new Error(`No content for ${item.path}.`);
      parts.push(item.content);
      const pad = padding(item.size);
      if (pad) parts.push(pad);
    }
  }
  parts.push(new Uint8Array(2 * BLOCK));
  return parts;
}

/** The archive's size in bytes, without building it. */
export function tarSize(items: readonly TarItem<unknown>[]): number {
  let total = 2 * BLOCK;
  for (const item of items) {
    for (const block of headersFor(item)) total += block.length;
    if (item.kind === 'file') total += Math.ceil(item.size / BLOCK) * BLOCK;
  }
  return total;
}
