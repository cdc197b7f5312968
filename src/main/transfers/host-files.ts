import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { BerthError } from '../../shared/errors';
import type { PickedItem } from '../../shared/types/files';
import type { PickedFile } from '../../shared/types/transfers';
import { fileSystemError } from './fs-errors';

const MAX_HANDLES = 1000;

/**
 * Host files the user chose in the desktop app (open dialog, or dropped on the window), by opaque
 * handle. The renderer names a file to read only by a handle from here, so a compromised page
 * cannot make main read an arbitrary path: paths enter main only from the dialog or a real drop.
 */
export class HostFiles {
  private readonly files = new Map<string, { path: string }>();

  /** Registers a path the user chose; it must be a readable regular file. */
  async adopt(filePath: string): Promise<PickedFile> {
    if (!path.isAbsolute(filePath)) throw new BerthError('INVALID_INPUT', 'A chosen file must have an absolute path.');
    let size: number;
    try {
      const info = await stat(filePath);
      if (!info.isFile()) throw new BerthError('INVALID_INPUT', `${path.basename(filePath)} is not a file.`);
      size = info.size;
    } catch (err) {
      throw fileSystemError(err, filePath);
    }
    if (this.files.size >= MAX_HANDLES) this.files.delete(this.files.keys().next().value as string);
    const fileHandle = randomBytes(24).toString('base64url');
    this.files.set(fileHandle, { path: filePath });
    return { fileHandle, name: path.basename(filePath), path: filePath, sizeBytes: size };
  }

  /** The path behind a handle, with its size now. */
  async resolve(fileHandle: string): Promise<{ path: string; name: string; sizeBytes: number }> {
    const entry = this.files.get(fileHandle);
    if (!entry) throw new BerthError('NOT_FOUND', 'That file is no longer chosen: choose it again.');
    try {
      const info = await stat(entry.path);
      if (!info.isFile()) throw new BerthError('INVALID_INPUT', `${path.basename(entry.path)} is not a file.`);
      return { path: entry.path, name: path.basename(entry.path), sizeBytes: info.size };
    } catch (err) {
      throw fileSystemError(err, entry.path);
    }
  }

  /** Registers a file OR folder the user chose or dropped, for copying into a container (`files.copyIn`). */
  async adoptItem(itemPath: string): Promise<PickedItem> {
    if (!path.isAbsolute(itemPath)) throw new BerthError('INVALID_INPUT', 'A chosen item must have an absolute path.');
    const kind = await this.itemKind(itemPath);
    if (this.files.size >= MAX_HANDLES) this.files.delete(this.files.keys().next().value as string);
    const fileHandle = randomBytes(24).toString('base64url');
    this.files.set(fileHandle, { path: itemPath });
    return { fileHandle, name: path.basename(itemPath), path: itemPath, sizeBytes: kind.sizeBytes, kind: kind.kind };
  }

  /** The file or folder behind a handle (`resolve` stays files only, so a folder never reaches an import). */
  async resolveItem(fileHandle: string): Promise<{ path: string; name: string; kind: PickedItem['kind'] }> {
    const entry = this.files.get(fileHandle);
    if (!entry) throw new BerthError('NOT_FOUND', 'That file or folder is no longer chosen: choose it again.');
    const { kind } = await this.itemKind(entry.path);
    return { path: entry.path, name: path.basename(entry.path), kind };
  }

  private async itemKind(itemPath: string): Promise<{ kind: PickedItem['kind']; sizeBytes: number }> {
    try {
      const info = await stat(itemPath);
      if (info.isDirectory()) return { kind: 'folder', sizeBytes: 0 };
      if (info.isFile()) return { kind: 'file', sizeBytes: info.size };
    } catch (err) {
      throw fileSystemError(err, itemPath);
    }
    throw new BerthError('INVALID_INPUT', `${path.basename(itemPath)} is neither a file nor a folder.`);
  }
}
