/**
 * Line diffs for the Changes tab: the image's version of a file against the container's, as
 * numbered lines (inline view) or aligned pairs (side by side), with long unchanged runs folded.
 * Pure code (no DOM, no Node): the renderer computes it with `diff`'s async mode, off the UI's critical path.
 */
import { diffLines, type Change } from 'diff';

type LineKind = 'same' | 'added' | 'removed';

export interface DiffLine {
  kind: LineKind;
  /** 1-based line number in the image's version (absent for an added line). */
  oldNo?: number;
  /** 1-based line number in the container's version (absent for a removed line). */
  newNo?: number;
  text: string;
}

export interface LineDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
}

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Numbers the lines of `diff`'s change list. */
function toLineDiff(changes: readonly Change[]): LineDiff {
  const lines: DiffLine[] = [];
  let oldNo = 0;
  let newNo = 0;
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    for (const text of splitLines(change.value)) {
      if (change.added) {
        newNo += 1;
        added += 1;
        lines.push({ kind: 'added', newNo, text });
      } else if (change.removed) {
        oldNo += 1;
        removed += 1;
        lines.push({ kind: 'removed', oldNo, text });
      } else {
        oldNo += 1;
        newNo += 1;
        lines.push({ kind: 'same', oldNo, newNo, text });
      }
    }
  }
  return { lines, added, removed };
}

/** The diff without blocking the page; undefined when it is too costly (gave up after `timeoutMs`). */
export function computeLineDiff(before: string, after: string, timeoutMs = 3_000): Promise<LineDiff | undefined> {
  return new Promise((resolve) => {
    diffLines(before, after, { timeout: timeoutMs, callback: (changes) => resolve(changes ? toLineDiff(changes) : undefined) });
  });
}

/** The same, at once (tests, small inputs). */
export function lineDiffSync(before: string, after: string): LineDiff {
  return toLineDiff(diffLines(before, after));
}

export type Block = { kind: 'lines'; lines: DiffLine[] } | { kind: 'fold'; count: number; lines: DiffLine[] };

/** Folds runs of unchanged lines longer than twice `context`, keeping `context` lines around changes. */
export function foldUnchanged(lines: readonly DiffLine[], context = 3): Block[] {
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    if (lines[index]!.kind !== 'same') {
      const start = index;
      while (index < lines.length && lines[index]!.kind !== 'same') index += 1;
      blocks.push({ kind: 'lines', lines: lines.slice(start, index) });
      continue;
    }
    const start = index;
    while (index < lines.length && lines[index]!.kind === 'same') index += 1;
    const run = lines.slice(start, index);
    const keepBefore = start === 0 ? 0 : context;
    const keepAfter = index === lines.length ? 0 : context;
    if (run.length <= keepBefore + keepAfter + 1) {
      blocks.push({ kind: 'lines', lines: run });
      continue;
    }
    if (keepBefore) blocks.push({ kind: 'lines', lines: run.slice(0, keepBefore) });
    const hidden = run.slice(keepBefore, run.length - keepAfter);
    blocks.push({ kind: 'fold', count: hidden.length, lines: hidden });
    if (keepAfter) blocks.push({ kind: 'lines', lines: run.slice(run.length - keepAfter) });
  }
  return blocks;
}

export interface SideRow {
  left?: DiffLine;
  right?: DiffLine;
}

/** Pairs each run of removed lines with the added lines that follow it, row by row. */
export function toSideBySide(lines: readonly DiffLine[]): SideRow[] {
  const rows: SideRow[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.kind === 'same') {
      rows.push({ left: line, right: line });
      index += 1;
      continue;
    }
    const removed: DiffLine[] = [];
    const added: DiffLine[] = [];
    while (index < lines.length && lines[index]!.kind === 'removed') removed.push(lines[index++]!);
    while (index < lines.length && lines[index]!.kind === 'added') added.push(lines[index++]!);
    for (let row = 0; row < Math.max(removed.length, added.length); row++) {
      const left = removed[row];
      const right = added[row];
      rows.push({ ...(left ? { left } : {}), ...(right ? { right } : {}) });
    }
  }
  return rows;
}
