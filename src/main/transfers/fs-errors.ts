import path from 'node:path';
import { BerthError } from '../../shared/errors';

/** A host file-system failure in plain words, naming the file (never a stack or errno number). */
export function fileSystemError(err: unknown, filePath: string): BerthError {
  if (err instanceof BerthError) return err;
  const code = (err as { code?: string } | null)?.code;
  const name = path.basename(filePath) || filePath;
  const folder = path.dirname(filePath);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new BerthError('INTERNAL', `The disk is full: ${name} could not be written in ${folder}. Nothing was saved.`);
    case 'ENOENT':
      return new BerthError('NOT_FOUND', `${filePath} does not exist (was it moved or deleted?).`);
    case 'EACCES':
    case 'EPERM':
      return new BerthError('FORBIDDEN', `Permission denied: ${filePath}.`);
    case 'EROFS':
      return new BerthError('FORBIDDEN', `${folder} is on a read-only file system.`);
    case 'EISDIR':
      return new BerthError('INVALID_INPUT', `${filePath} is a folder, not a file.`);
    case 'EEXIST':
      return new BerthError('CONFLICT', `${filePath} already exists.`);
    default:
      return new BerthError('INTERNAL', `Could not use ${filePath}: ${(err as Error)?.message ?? String(err)}`);
  }
}
