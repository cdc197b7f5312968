/** What a path in a container is, as its tar header (or the engine's stat) says. */
export type FileKind = 'file' | 'directory' | 'symlink' | 'other';

/** `docker diff` kinds. */
export type ChangeKind = 'added' | 'changed' | 'deleted';

export interface FileEntry {
  name: string;
  /** Absolute path in the container. */
  path: string;
  kind: FileKind;
  /** Bytes; for a hard link, the size of the file it links to when known. */
  size: number;
  /** Permission and special bits (0o7777). */
  mode: number;
  /** Epoch milliseconds. */
  modified: number;
  /** A symlink's target as stored in the link (may be relative). */
  linkTarget?: string;
  /** Another path of the same file (a hard link), relative to the listed folder's parent. */
  hardLinkTo?: string;
}

/**
 * How a folder was listed: `exec` ran find/stat in the running container (one level, reads no
 * file contents); `archive` read the folder's whole subtree through the archive API, because the
 * container is not running (`stopped`), is paused, or could not run the exec (`exec-failed`: no
 * find/sh/stat, or it failed), or it is a volume's folder (`volume`: read through a helper
 * container that is never started).
 */
export type ListingMethod = { kind: 'exec' } | { kind: 'archive'; reason: 'stopped' | 'paused' | 'exec-failed' | 'volume' };

export interface DirectoryListing {
  /** The folder listed, normalised (no trailing slash except `/`). */
  path: string;
  /** The folder's direct children, in archive order (the UI sorts). */
  entries: FileEntry[];
  /**
   * False when the scan stopped at its byte budget: the engine streams a folder's whole subtree,
   * so a huge subtree is not read to its end unless asked (`full`). Entries may then be missing.
   */
  complete: boolean;
  /** When not complete: the last child read; children after it (in lexical order) may be missing. */
  incompleteAfter?: string;
  /** Bytes read to list it (the cost of the listing): the archive's, or the exec's output. */
  scannedBytes: number;
  method: ListingMethod;
}

/** `files.listing`: children in batches while the folder's archive is read, then `done`. */
export type ListingUpdate =
  | { kind: 'entries'; path: string; entries: FileEntry[]; scannedBytes: number; method: ListingMethod }
  | { kind: 'done'; path: string; scannedBytes: number; method: ListingMethod };

export type FileContent = { path: string; size: number; kind: 'text'; text: string; truncated: boolean } | { path: string; size: number; kind: 'binary' };

export interface ContainerChange {
  path: string;
  kind: ChangeKind;
}

/** One side of a file diff: the image's version or the container's. */
export type DiffSide =
  | { state: 'missing' }
  | { state: 'directory' }
  | { state: 'symlink'; target: string }
  | { state: 'text'; size: number; text: string; truncated: boolean }
  | { state: 'binary'; size: number };

export interface FileDiff {
  path: string;
  image: DiffSide;
  container: DiffSide;
  /** Bytes read of each side at most; a larger text file is shown up to here. */
  limitBytes: number;
}

export interface CopyConflicts {
  /** The destination folder exists and is a folder. */
  destinationIsDirectory: boolean;
  /** Names that already exist in the destination folder. */
  existing: string[];
}

export interface CopyInResult {
  destination: string;
  /** Top-level names written into the destination. */
  names: string[];
  /** The bytes of the files copied (the user's bytes, not the tar's). */
  bytes: number;
}

export interface CopyOutResult {
  /** Where it was written on the host. */
  hostPath: string;
  bytes: number;
}

/** What a copy out did, for its `docker cp` line. */
export interface CopiedOut {
  /** The container path asked for, normalised. */
  path: string;
  /** The engine's archive as it is (a .tar), or the file or folder itself. */
  as: 'archive' | 'file' | 'folder';
  /** The path was a symlink and what it points to was copied (`docker cp -L`). */
  followedLink: boolean;
  /** A folder on the host was replaced (after the user confirmed). */
  replaced: boolean;
}

/** A host file or folder the user chose (dialog) or dropped: main keeps the path, the page a handle. */
export interface PickedItem {
  fileHandle: string;
  name: string;
  /** For display only. */
  path: string;
  /** A file's size; 0 for a folder (measured when copied). */
  sizeBytes: number;
  kind: 'file' | 'folder';
}
