import type { Readable } from 'node:stream';
import { HostFiles } from './host-files';
import type { DownloadSource } from '../engine/core/download-source';
import { TransferRegistry, type Transfer } from './registry';
import { TicketBook } from './tickets';

interface PendingDownload {
  source: DownloadSource;
  transfer: Transfer;
}

interface PendingUpload {
  transfer: Transfer;
  /** The size the page announced; the request body must be exactly this long. */
  sizeBytes: number;
  /** Feeds the request body to the upload's consumer; resolves once the transfer has settled. */
  receive(body: Readable): Promise<void>;
}

/** Everything transfers share in one process: the registry, the browser-mode tickets, the chosen host files. */
export interface TransferHub {
  registry: TransferRegistry;
  downloads: TicketBook<PendingDownload>;
  uploads: TicketBook<PendingUpload>;
  files: HostFiles;
}

export function createTransferHub(): TransferHub {
  return { registry: new TransferRegistry(), downloads: new TicketBook(), uploads: new TicketBook(), files: new HostFiles() };
}
