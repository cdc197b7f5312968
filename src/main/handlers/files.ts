import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { BerthError } from '../../shared/errors';
import type { CopyOutStart } from '../../shared/contract/files';
import type { CopiedOut } from '../../shared/types/files';
import type { DownloadStart } from '../../shared/types/transfers';
import type { CommandHandlers, HandlerContext, StreamHandlers } from '../handler-types';
import type { HostServices } from '../host';
import { diffWithImage } from '../engine/containers/diff';
import { normalizeContainerPath, statPath } from '../engine/files/archive';
import { copyTarIn, findConflicts, hostItemsSource, planCopyIn, streamedTarSource } from '../engine/files/copy-in';
import { planContainerCopyOut, type CopyOutPlan } from '../engine/files/copy-out-plan';
import { listDirectory, readFile, watchListing } from '../engine/files/list';
import { planVolumeCopyOut } from '../engine/volumes/copy-out';
import { listVolumeFolder, readVolumeFile, statVolumePath, watchVolumeListing } from '../engine/volumes/files';
import { fileTarget } from '../engine/volumes/helper';
import { TAR_FILTERS } from '../transfers/dialogs';
import { startDownload } from '../transfers/download';
import type { TransferHub } from '../transfers/hub';
import { settleInBackground } from '../transfers/settle';
import { TicketBook } from '../transfers/tickets';
import { startUpload } from '../transfers/upload';

type FileCommands = Pick<
  CommandHandlers,
  'files.list' | 'files.stat' | 'files.read' | 'files.conflicts' | 'files.pickItems' | 'files.copyIn' | 'files.copyOut' | 'files.diffWithImage'
>;
type FileStreams = Pick<StreamHandlers, 'files.listing'>;

/** Host folders a folder download would replace, kept until the user confirms (the page only holds a token). */
type PendingReplacements = TicketBook<string>;

function itemsLabel(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `${names[0]} and ${names.length - 1} more`;
}

async function hostPathExists(target: string): Promise<boolean> {
  return lstat(target).then(
    () => true,
    () => false,
  );
}

/** A folder out to the desktop: a folder picker, then a safe extraction into `<picked>/<name>`. */
async function copyFolderOut(
  pendingReplacements: PendingReplacements,
  hub: TransferHub,
  host: HostServices,
  plan: CopyOutPlan,
  replace: string | undefined,
): Promise<DownloadStart | Extract<CopyOutStart, { status: 'exists' }>> {
  const name = path.posix.basename(plan.source.path);
  let target: string;
  if (replace) {
    const remembered = pendingReplacements.take(replace);
    if (!remembered) throw new BerthError('NOT_FOUND', 'That confirmation has expired: start the download again.');
    target = remembered;
  } else {
    const [folder] = await host.chooseOpenPaths!({ purpose: 'download', folders: true, multiple: false, title: `Choose where to copy ${name}` });
    if (!folder) return { status: 'dismissed' };
    target = path.join(folder, name);
    if (await hostPathExists(target)) {
      const replaceToken = pendingReplacements.issue(target, () => undefined, 10 * 60_000);
      return { status: 'exists', name, folder, replaceToken };
    }
  }
  const transfer = hub.registry.begin({ direction: 'download', name });
  void settleInBackground(transfer, host, { kind: 'copy', subject: name }, async () => {
    const result = await plan.toHost(target, replace !== undefined, {
      signal: transfer.signal,
      onBytes: (count) => transfer.addBytes(count),
    });
    return { result: { path: result.hostPath }, warnings: await plan.warningsAfter() };
  });
  return { status: 'started', delivery: 'file', transferId: transfer.id, filename: name, filePath: target };
}

/** The Files and Changes tabs: browsing, reading, `docker cp` both ways (as transfers), a changed file against the image. */
export function fileCommandHandlers({ engine: { docker }, host, transfers: hub }: HandlerContext): FileCommands {
  const pendingReplacements: PendingReplacements = new TicketBook<string>();
  return {
    'files.list': ({ id, volume, path: folder, full }) =>
      id !== undefined ? listDirectory(docker, id, folder, full) : listVolumeFolder(docker, volume!, folder, full),
    'files.stat': async ({ id, volume, path: target }) => {
      if (id === undefined) return statVolumePath(docker, volume!, target);
      const { resolvedTarget: _resolved, ...entry } = await statPath(docker, id, target);
      return entry;
    },
    'files.read': ({ id, volume, path: file, maxBytes }) =>
      id !== undefined ? readFile(docker, id, file, maxBytes) : readVolumeFile(docker, volume!, file, maxBytes),
    'files.conflicts': async ({ id, volume, destination, names }) => {
      const target = fileTarget(docker, { id, volume });
      const { folder: _folder, ...conflicts } = await target.within((cid) => findConflicts(docker, cid, target.inside(destination), names));
      return conflicts;
    },
    'files.pickItems': async ({ folders }) => {
      if (!host.chooseOpenPaths) throw new BerthError('INVALID_INPUT', 'Browser mode has no file dialog: choose the files in the page, they are uploaded.');
      const chosen = await host.chooseOpenPaths({ purpose: 'upload', folders, multiple: true });
      return Promise.all(chosen.map((item) => hub.files.adoptItem(item)));
    },
    'files.copyIn': async ({ id, volume, destination, overwrite, source }) => {
      // A volume's helper lives for the planning, then again for the copy itself (removed even when it fails or is cancelled).
      const target = fileTarget(docker, { id, volume });
      if (source.kind === 'upload') {
        const plan = await target.within((cid) => planCopyIn(docker, cid, target.inside(destination), source.names, overwrite));
        return startUpload(hub, host, {
          source: { kind: 'upload', filename: itemsLabel(source.names), sizeBytes: source.sizeBytes },
          // The page's tar wraps the user's files: progress is in their bytes, as the engine takes them.
          countsContent: { contentBytes: source.fileBytes },
          consume: async (body, signal, onBytes) => {
            const result = await target.within((cid) =>
              copyTarIn(docker, cid, plan, streamedTarSource(body, source.names, source.fileBytes), { signal, onBytes }),
            );
            return { result: { destination: target.outside(result.destination), items: String(result.names.length) } };
          },
          task: { kind: 'copy', subject: itemsLabel(source.names) },
        });
      }
      const items = await Promise.all(source.handles.map((handle) => hub.files.resolveItem(handle)));
      const tar = await hostItemsSource(items.map((item) => item.path));
      const plan = await target.within((cid) => planCopyIn(docker, cid, target.inside(destination), tar.names, overwrite));
      const transfer = hub.registry.begin({
        direction: 'upload',
        name: itemsLabel(tar.names),
        ...(tar.fileBytes !== undefined ? { totalBytes: tar.fileBytes } : {}),
      });
      void settleInBackground(transfer, host, { kind: 'copy', subject: itemsLabel(tar.names) }, async () => {
        const result = await target.within((cid) =>
          copyTarIn(docker, cid, plan, tar, { signal: transfer.signal, onBytes: (count) => transfer.addBytes(count) }),
        );
        const skipped = tar.skipped();
        return {
          result: { destination: target.outside(result.destination), items: String(result.names.length) },
          warnings: skipped.length ? [`Not copied (only files, folders, links and FIFOs can be): ${skipped.join(', ')}.`] : [],
        };
      });
      return { transferId: transfer.id };
    },
    'files.copyOut': async ({ id, volume, path: target, format, replace }) => {
      const plan = id !== undefined ? await planContainerCopyOut(docker, id, target) : await planVolumeCopyOut(docker, volume!, target);
      const { source } = plan;
      const task = { kind: 'copy', subject: path.posix.basename(source.path) } as const;
      const copied = (as: CopiedOut['as'], replaced = false): CopiedOut => ({
        path: normalizeContainerPath(target),
        as,
        followedLink: source.followedLink,
        replaced,
      });
      if (format === 'tar' || (source.kind === 'directory' && !host.chooseOpenPaths)) {
        const started = await startDownload(hub, host, { source: plan.archive(), dialog: { purpose: 'download', filters: TAR_FILTERS }, task });
        return started.status === 'started' ? { ...started, copied: copied('archive') } : started;
      }
      if (source.kind === 'file') {
        const started = await startDownload(hub, host, { source: plan.fileContent(), dialog: { purpose: 'download' }, task });
        return started.status === 'started' ? { ...started, copied: copied('file') } : started;
      }
      const started = await copyFolderOut(pendingReplacements, hub, host, plan, replace);
      return started.status === 'started' ? { ...started, copied: copied('folder', replace !== undefined) } : started;
    },
    'files.diffWithImage': ({ id, path: file }) => diffWithImage(docker, id, file),
  };
}

export function fileStreamHandlers({ engine: { docker } }: HandlerContext): FileStreams {
  return {
    'files.listing': ({ id, volume, path: folder }, sink) =>
      id !== undefined ? watchListing(docker, id, folder, sink) : watchVolumeListing(docker, volume!, folder, sink),
  };
}
