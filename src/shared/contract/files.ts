import { z } from 'zod';
import type {
  ContainerChange,
  CopyConflicts,
  DirectoryListing,
  FileContent,
  FileDiff,
  FileEntry,
  ListingUpdate,
} from '../types/files';
import { command, returns, stream } from './define';
import { absoluteContainerPath, containerRef } from './schemas';

/** A host path as the desktop's dialogs and drops give it: absolute, POSIX or Windows. */
export const absoluteHostPath = z
  .string()
  .min(1, 'A host path is required.')
  .max(4096)
  .refine((value) => !value.includes('\0'), 'A path cannot contain a NUL byte.')
  .refine((value) => value.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(value) || value.startsWith('\\\\'), 'A host path must be absolute.');

/** One name inside a folder: no separators, not `.` or `..`. */
export const entryName = z
  .string()
  .min(1, 'A name is required.')
  .max(255)
  .refine((value) => !/[/\0]/.test(value), 'A name cannot contain / or a NUL byte.')
  .refine((value) => value !== '.' && value !== '..', 'A name cannot be . or ..');

const onePath = z.object({ id: containerRef, path: absoluteContainerPath });

export const fileCommands = {
  /** A folder's direct children, read from the archive API (works on stopped, shell-less containers). */
  'files.list': command(onePath.extend({ full: z.boolean().default(false) }), returns<DirectoryListing>()),
  /** One path's metadata (`HEAD /containers/{id}/archive`). */
  'files.stat': command(onePath, returns<FileEntry>()),
  /** A file's content for the read-only viewer: capped, binary detected and not returned. */
  'files.read': command(
    onePath.extend({ maxBytes: z.number().int().min(1).max(8 * 1024 * 1024).default(1024 * 1024) }),
    returns<FileContent>(),
  ),
  /** Which of `names` already exist in the destination folder (asked before copying in). */
  'files.conflicts': command(
    z.object({ id: containerRef, destination: absoluteContainerPath, names: z.array(entryName).min(1).max(10_000) }),
    returns<CopyConflicts>(),
  ),
  /** `docker diff`. */
  'containers.diff': command(z.object({ id: containerRef }), returns<ContainerChange[]>()),
  /** A changed file against the image's version, read from a temporary never-started container. */
  'files.diffWithImage': command(onePath, returns<FileDiff>()),
} as const;

export const fileStreams = {
  /**
   * A folder's direct children in batches while its archive is read, then `done`. The engine
   * streams the folder's whole subtree: unsubscribing stops reading it.
   */
  'files.listing': stream(onePath, returns<ListingUpdate>()),
} as const;
