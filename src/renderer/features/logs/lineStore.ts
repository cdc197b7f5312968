import type { LogLine } from '../../../shared/types/logs';
import { needsAnsiWork, plainText } from './ansi';

const DEFAULT_MAX_LINES = 1_000_000;
/** About 200 MB of one-byte text: what one log view may hold however long its lines are. */
const DEFAULT_MAX_CHARS = 200_000_000;

const STDERR = 1;
/** Escapes, control characters (not tab), or U+FFFD. */
const UNUSUAL = /[\x00-\x08\x0a-\x1f\x7f\uFFFD]/;
const PARTIAL = 2;

export interface LineStoreLimits {
  maxLines?: number;
  maxChars?: number;
}

/**
 * The log view's lines: a ring buffer with a cap on lines and on characters. When either is
 * exceeded the oldest lines leave (`dropped` counts them). Every line has a sequence number that
 * never changes (`firstSeq` .. `endSeq - 1`), so views and search results survive the ring moving.
 * Plain text (escapes removed: what search and copy see) is kept beside the raw text only for
 * lines that have escapes or control characters.
 */
export class LogLineStore {
  readonly maxLines: number;
  readonly maxChars: number;
  private plains: string[] = [];
  /** Raw text where it differs from the plain text, else undefined. */
  private raws: Array<string | undefined> = [];
  private timestamps: Array<string | undefined> = [];
  private flags: number[] = [];
  /** Visible width in columns, computed when wrapping first needs it. */
  private widths: Array<number | undefined> = [];
  private head = 0;
  private count = 0;
  private chars = 0;
  private droppedCount = 0;
  /** Where the current view began: the sequence number after the last clear (a new query). */
  private viewStartSeq = 0;
  /** Lines of the current view removed to stay within the limits (not those a clear removed). */
  private evictedCount = 0;
  private sawBinary = false;
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(limits: LineStoreLimits = {}) {
    this.maxLines = Math.max(1, limits.maxLines ?? DEFAULT_MAX_LINES);
    this.maxChars = Math.max(1, limits.maxChars ?? DEFAULT_MAX_CHARS);
  }

  get size(): number {
    return this.count;
  }

  /** Sequence number of the oldest line still held. */
  get firstSeq(): number {
    return this.droppedCount;
  }

  /** One past the newest line's sequence number: every line ever added. */
  get endSeq(): number {
    return this.droppedCount + this.count;
  }

  /** Lines of the current view that left the buffer (oldest first) to keep within the limits. */
  get dropped(): number {
    return this.evictedCount;
  }

  /** The line number the user sees for `seq`: 1 for the first line of the current view. */
  lineNumber(seq: number): number {
    return seq - this.viewStartSeq + 1;
  }

  get totalChars(): number {
    return this.chars;
  }

  /** Whether any line held invalid UTF-8 (U+FFFD) or control characters: the log may be binary. */
  get hasBinary(): boolean {
    return this.sawBinary;
  }

  /** Changes on every append and clear. */
  get changeCount(): number {
    return this.version;
  }

  has(seq: number): boolean {
    return seq >= this.droppedCount && seq < this.droppedCount + this.count;
  }

  private slot(seq: number): number {
    const offset = seq - this.droppedCount;
    const index = this.head + offset;
    return index >= this.maxLines ? index - this.maxLines : index;
  }

  /** The text as shown and searched (no escapes). */
  plain(seq: number): string {
    return this.plains[this.slot(seq)] ?? '';
  }

  /** The text with its escape sequences, for styling. */
  raw(seq: number): string {
    const slot = this.slot(seq);
    return this.raws[slot] ?? this.plains[slot] ?? '';
  }

  isStderr(seq: number): boolean {
    return ((this.flags[this.slot(seq)] ?? 0) & STDERR) !== 0;
  }

  /** The line was cut for length and continues on the next line. */
  isPartial(seq: number): boolean {
    return ((this.flags[this.slot(seq)] ?? 0) & PARTIAL) !== 0;
  }

  timestamp(seq: number): string | undefined {
    return this.timestamps[this.slot(seq)];
  }

  /** Columns the plain text takes in a monospace font: tabs to the next multiple of 8, wide (CJK) characters 2. */
  width(seq: number): number {
    const slot = this.slot(seq);
    let width = this.widths[slot];
    if (width === undefined) {
      width = columnsOf(this.plains[slot] ?? '');
      this.widths[slot] = width;
    }
    return width;
  }

  /** The newest timestamp held (for resuming a stream after it), if any. */
  lastTimestamp(): string | undefined {
    for (let seq = this.endSeq - 1; seq >= this.firstSeq && seq >= this.endSeq - 1000; seq--) {
      const timestamp = this.timestamp(seq);
      if (timestamp) return timestamp;
    }
    return undefined;
  }

  /** Calls `onMatch` for each line in [fromSeq, toSeq) whose plain text `test` (a non-global regex) matches. */
  findLines(fromSeq: number, toSeq: number, test: RegExp, onMatch: (seq: number, text: string) => void): void {
    const from = Math.max(fromSeq, this.droppedCount);
    const to = Math.min(toSeq, this.endSeq);
    if (from >= to) return;
    const plains = this.plains;
    // The range is at most two runs of slots: up to the end of the ring, then from its start.
    let seq = from;
    while (seq < to) {
      const start = this.slot(seq);
      const run = Math.min(to - seq, this.maxLines - start);
      const base = seq - start;
      for (let slot = start, end = start + run; slot < end; slot++) {
        const text = plains[slot]!;
        if (test.test(text)) onMatch(base + slot, text);
      }
      seq += run;
    }
  }

  append(lines: readonly LogLine[]): void {
    if (lines.length === 0) return;
    for (const line of lines) this.appendOne(line);
    this.changed();
  }

  clear(): void {
    // Sequence numbers keep counting: anything that still names an old line sees it is gone. The
    // view starts again, though: its line numbers from 1 and nothing counted as removed for memory.
    this.droppedCount += this.count;
    this.viewStartSeq = this.droppedCount;
    this.evictedCount = 0;
    this.plains = [];
    this.raws = [];
    this.timestamps = [];
    this.flags = [];
    this.widths = [];
    this.head = 0;
    this.count = 0;
    this.chars = 0;
    this.sawBinary = false;
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private appendOne(line: LogLine): void {
    const raw = line.text;
    let plain = raw;
    let special = false;
    // One test for the common case: nothing to interpret, nothing binary.
    if (UNUSUAL.test(raw)) {
      special = needsAnsiWork(raw);
      if (special) plain = plainText(raw);
      if (!this.sawBinary && (plain.includes('\uFFFD') || (special && /[\u2400-\u2421]/.test(plain)))) this.sawBinary = true;
    }
    while (this.count > 0 && (this.count >= this.maxLines || this.chars + plain.length > this.maxChars)) this.dropOldest();
    const slot = this.slot(this.endSeq);
    this.plains[slot] = plain;
    this.raws[slot] = special ? raw : undefined;
    this.timestamps[slot] = line.timestamp;
    this.flags[slot] = (line.stream === 'stderr' ? STDERR : 0) | (line.partial ? PARTIAL : 0);
    this.widths[slot] = undefined;
    this.count += 1;
    this.chars += plain.length;
  }

  private dropOldest(): void {
    const slot = this.head;
    this.chars -= (this.plains[slot] ?? '').length;
    this.plains[slot] = '';
    this.raws[slot] = undefined;
    this.timestamps[slot] = undefined;
    this.head = this.head + 1 === this.maxLines ? 0 : this.head + 1;
    this.count -= 1;
    this.droppedCount += 1;
    this.evictedCount += 1;
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

/** East Asian wide and fullwidth ranges (approximate: enough for CJK, Hangul and emoji). */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\ud83c-\ud83e][\udc00-\udfff]/;
const NOT_SIMPLE = /[\t\u0300-\u036f\u1100-\uffff]/;

function columnsOf(text: string): number {
  if (!NOT_SIMPLE.test(text)) return text.length;
  let columns = 0;
  for (const char of text) {
    if (char === '\t') columns += 8 - (columns % 8);
    else if (WIDE.test(char)) columns += 2;
    else if (/[\u0300-\u036f\u200b-\u200f]/.test(char)) continue;
    else columns += 1;
  }
  return columns;
}
