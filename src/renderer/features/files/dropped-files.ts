/**
 * What the user dropped or picked, in the two shapes main takes it: in the desktop app, handles
 * from the preload (main learns the paths itself); in a browser, a tar the page builds as a Blob
 * of header blocks and the File objects themselves, so the browser streams the files from disk.
 */
import { tarParts, tarSize, type TarItem } from '../../../shared/files/tar-writer';
import type { PickedItem } from '../../../shared/types/files';

export interface BrowserUpload {
  /** Top-level names in the archive. */
  names: string[];
  tar: Blob;
  /** Files in it, for the message. */
  fileCount: number;
  /** The files' bytes (what the user chose; the tar adds headers and padding): progress counts these. */
  fileBytes: number;
}

export type CopySource = { kind: 'items'; items: PickedItem[] } | { kind: 'browser'; upload: BrowserUpload };

export function sourceNames(source: CopySource): string[] {
  return source.kind === 'items' ? source.items.map((item) => item.name) : source.upload.names;
}

/** A dropped or picked file, or a folder (maybe empty), at its path inside what was dropped. */
interface Collected {
  path: string;
  file?: File;
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, prefix: string, out: Collected[]): Promise<void> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    out.push({ path, file: await fileOf(entry as FileSystemFileEntry) });
    return;
  }
  if (!entry.isDirectory) return;
  out.push({ path });
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches until an empty one.
  for (;;) {
    const batch = await readEntries(reader);
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, path, out);
  }
}

/**
 * The entries of a drop. Must be called during the drop event: the browser empties the
 * DataTransfer when the handler returns, so the entries are taken synchronously first.
 */
export function collectDropped(dataTransfer: DataTransfer): Promise<Collected[]> {
  const roots = Array.from(dataTransfer.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  const files = Array.from(dataTransfer.files);
  return (async () => {
    const out: Collected[] = [];
    if (roots.length > 0 && roots.every((root) => root !== null)) {
      for (const root of roots) await walk(root!, '', out);
      return out;
    }
    return files.map((file) => ({ path: file.name, file }));
  })();
}

/** Files from an <input type="file"> (with `webkitdirectory`, paths keep their folders). */
export function collectPicked(files: FileList | readonly File[]): Collected[] {
  const out: Collected[] = [];
  const folders = new Set<string>();
  for (const file of Array.from(files)) {
    const path = file.webkitRelativePath || file.name;
    const parts = path.split('/');
    for (let depth = 1; depth < parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/');
      if (!folders.has(folder)) {
        folders.add(folder);
        out.push({ path: folder });
      }
    }
    out.push({ path, file });
  }
  return out;
}

/** The tar main will send to the engine, as a Blob made of header blocks and the files themselves. */
export function buildBrowserUpload(collected: readonly Collected[]): BrowserUpload {
  const items: TarItem<Blob>[] = collected.map(({ path, file }) =>
    file ? { path, kind: 'file', size: file.size, mtimeMs: file.lastModified, content: file } : { path, kind: 'directory', size: 0, mtimeMs: Date.now() },
  );
  const names = [...new Set(collected.map(({ path }) => path.split('/')[0]!).filter(Boolean))];
  const parts = tarParts(items).map((part) => (part instanceof Uint8Array ? new Uint8Array(part) : part));
  const tar = new Blob(parts, { type: 'application/x-tar' });
  if (tar.size !== tarSize(items)) throw new Error('The archive was built wrong.');
  const files = items.filter((item) => item.kind === 'file');
  return { names, tar, fileCount: files.length, fileBytes: files.reduce((sum, item) => sum + item.size, 0) };
}

/** Desktop app: handles for dropped files and folders (the preload asks main; the page never sees a path it could forge). */
export async function droppedItems(files: FileList | readonly File[]): Promise<PickedItem[]> {
  const bridge = window.berth;
  if (!bridge?.pathsForFiles) return [];
  return bridge.pathsForFiles(Array.from(files));
}
