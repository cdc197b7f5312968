/**
 * `volumes.restore`: a tar the user chose (a backup: `./a`, `./sub/b`, or `a`, `sub/b`), into a
 * volume. Nothing changes until the whole archive was read and checked (upload-tar.ts: nothing
 * absolute, no `..`, nothing through a link, no devices): it is written, as checked and rewritten,
 * to a file in this computer's temporary folder first, so a refused entry anywhere in it leaves the
 * volume as it was. Then the engine extracts it into the volume through a helper container.
 *
 * `merge` adds the backup to what is there (its files replace those with the same name; a file
 * never replaces a folder or the other way round). `replace` empties the volume first, by removing
 * it and creating it again with the same driver, options and labels, which only an unused `local`
 * volume without driver options allows (a bind or NFS volume keeps its data elsewhere).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { BerthError } from '../../../shared/errors';
import { engineCall, toBerthError } from '../core/errors';
import { putArchive } from '../files/archive';
import { checkedRestoreTar } from '../files/upload-tar';
import { helperPath, withVolumeHelper } from './helper';
import { volumeUsers } from './usage';
import { existingVolume } from './volumes';

export type RestoreMode = 'merge' | 'replace';

/** Refuses `replace` before anything moves: what emptying by re-creating could not do. */
export async function checkReplaceable(docker: Docker, volume: string): Promise<void> {
  const info = await existingVolume(docker, volume);
  if (info.Driver !== 'local' || Object.keys(info.Options ?? {}).length > 0) {
    throw new BerthError(
      'CONFLICT',
      `Volume ${volume} cannot be emptied first: Berth empties a volume by creating it again, which does not remove the data of a volume whose driver keeps it elsewhere (driver ${info.Driver}${Object.keys(info.Options ?? {}).length ? ', with driver options' : ''}). Restore it merged instead.`,
    );
  }
  const users = (await volumeUsers(docker, { volume: [volume] })).get(volume) ?? [];
  if (users.length > 0) {
    throw new BerthError(
      'CONFLICT',
      `Volume ${volume} cannot be emptied first while ${users.length === 1 ? 'container' : 'containers'} ${users.join(', ')} ${users.length === 1 ? 'uses' : 'use'} it. Remove ${users.length === 1 ? 'it' : 'them'}, or restore merged.`,
    );
  }
}

/** Reads the whole backup, checked, into a temporary file; refused or cut short: nothing was changed. */
async function spoolChecked(body: Readable, folder: string, signal: AbortSignal): Promise<string> {
  const file = path.join(folder, 'backup.tar');
  const checked = checkedRestoreTar(body, signal);
  await pipeline(checked.stream, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  const refused = checked.verdict();
  if (refused) throw new BerthError(refused.code, `${refused.message} Nothing was restored; the volume is unchanged.`);
  if (signal.aborted) throw new BerthError('CANCELLED', 'The restore was cancelled; the volume is unchanged.');
  return file;
}

async function recreate(docker: Docker, volume: string): Promise<void> {
  const info = await existingVolume(docker, volume);
  await engineCall(() => docker.getVolume(volume).remove(), { action: `empty volume ${volume}` });
  await engineCall(() => docker.createVolume({ Name: volume, Driver: info.Driver, DriverOpts: info.Options ?? {}, Labels: info.Labels ?? {} }), {
    action: `create volume ${volume} again (it was removed to empty it)`,
  });
}

export async function restoreVolume(docker: Docker, volume: string, mode: RestoreMode, body: Readable, signal: AbortSignal): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'berth-restore-'));
  try {
    const file = await spoolChecked(body, folder, signal);
    if (mode === 'replace') {
      await checkReplaceable(docker, volume);
      await recreate(docker, volume);
    }
    await withVolumeHelper(docker, volume, (id) => putArchive(docker, id, helperPath('/'), createReadStream(file), signal)).catch((err: unknown) => {
      const mapped = signal.aborted ? new BerthError('CANCELLED', 'The restore was cancelled.') : toBerthError(err);
      const state =
        mode === 'replace'
          ? `Volume ${volume} had been emptied and holds only the part of the backup that arrived.`
          : `What had arrived before is in volume ${volume}.`;
      throw new BerthError(mapped.code, `${mapped.message} ${state}`);
    });
  } finally {
    await rm(folder, { recursive: true, force: true }).catch(() => undefined);
  }
}
