// volumes.backup and volumes.restore against the real engine: a backup restored into a new volume
// gives the same files (names, contents, modes, owners, links), the shown `docker run … tar` lines
// give the same, a hostile tar is refused and changes nothing, `replace` empties first (refused
// while a container uses the volume), and no helper container outlives a backup, also a cancelled one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/engine/core/engine';
import { headlessFileHost } from '../../src/main/transfers/headless-host';
import { volumeBackupCommand, volumeRestoreCommand } from '../../src/shared/cli/volumes';
import type { DownloadStart, PickedFile, UploadStart } from '../../src/shared/types/transfers';
import { engineSocket } from '../helpers/engine-relay';
import { docker, dockerCli, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { MeteredRelay } from '../helpers/metered-relay';
import { tarOf } from '../helpers/tar-fixture';
import { call, dispatcherFor, finalOf } from './images-support';

const MiB = 1024 * 1024;
let dir: string;
let savePath = '';
let openPath = '';
const host = headlessFileHost({ save: () => savePath, open: () => openPath });
let relay: MeteredRelay;
let relayEngine: ReturnType<typeof createEngine>;
let berth: ReturnType<typeof dispatcherFor>;
const source = uniqueName('backup-src');
const made: string[] = [];

const helpers = async (): Promise<string[]> => (await docker().listContainers({ all: true, filters: { label: ['berth.volume-helper'] } })).map((c) => c.Id);

async function newVolume(prefix: string, labels: Record<string, string> = {}): Promise<string> {
  const name = uniqueName(prefix);
  await docker().createVolume({ Name: name, Labels: { ...TEST_LABELS, ...labels } });
  made.push(name);
  return name;
}

/** Every path of a volume with its type, mode, owner, size and content hash (or link target), as a container sees it. */
async function contentsOf(volume: string): Promise<string[]> {
  const script =
    'cd /v && find . | sort | while read -r p; do ' +
    'if [ -L "$p" ]; then echo "$p link $(readlink "$p")"; ' +
    'elif [ -f "$p" ]; then echo "$p file $(stat -c "%a %u:%g %s %h" "$p") $(md5sum < "$p" | cut -c1-32)"; ' +
    'else echo "$p $(stat -c "%F %a %u:%g" "$p")"; fi; done';
  const run = await dockerCli(['run', '--rm', '--label', 'berth.test=1', '-v', `${volume}:/v`, testImage, 'sh', '-c', script]);
  return run.stdout.split('\n').filter(Boolean);
}

async function backup(volume: string, file: string): Promise<void> {
  savePath = file;
  const started = await call<DownloadStart>(berth, 'volumes.backup', { name: volume });
  if (started.status !== 'started') throw new Error('not started');
  expect(await finalOf(berth, started.transferId)).toMatchObject({ phase: 'done' });
}

async function restore(volume: string, file: string, mode: 'merge' | 'replace'): Promise<Awaited<ReturnType<typeof finalOf>>> {
  openPath = file;
  const picked = await call<PickedFile>(berth, 'transfers.pickFile', { purpose: 'import' });
  const started = await call<UploadStart>(berth, 'volumes.restore', { name: volume, mode, source: { kind: 'file', fileHandle: picked.fileHandle } });
  return finalOf(berth, started.transferId);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'berth-volume-backup-'));
  relay = new MeteredRelay(engineSocket(), dir);
  await relay.up();
  relayEngine = createEngine({ DOCKER_HOST: `unix://${relay.socketPath}` });
  berth = dispatcherFor(relayEngine, host);
  await docker().createVolume({ Name: source, Labels: { ...TEST_LABELS } });
  made.push(source);
  await dockerCli([
    'run',
    '--rm',
    '--label',
    'berth.test=1',
    '-v',
    `${source}:/v`,
    testImage,
    'sh',
    '-c',
    [
      'cd /v',
      'echo hello > a.txt && chmod 640 a.txt && chown 1234:5678 a.txt',
      'mkdir -p sub/deeper empty && echo deep > sub/deeper/b.txt && chmod 700 sub',
      'printf "#!/bin/sh\\necho run\\n" > run.sh && chmod 755 run.sh',
      'ln -s sub/deeper/b.txt link-to-b && ln a.txt hard-a.txt',
      "echo odd > 'name with spaces' && chmod 1777 empty",
    ].join(' && '),
  ]);
});

afterAll(async () => {
  relayEngine?.monitor.stop();
  await relay?.down();
  await removeTestContainers();
  rmSync(dir, { recursive: true, force: true });
  for (const name of made)
    await docker()
      .getVolume(name)
      .remove()
      .catch(() => undefined);
});

describe('volumes.backup and volumes.restore', () => {
  it('a backup restored into a new volume gives the same files, modes, owners and links, and no helper is left', async () => {
    const file = path.join(dir, 'source.tar');
    await backup(source, file);
    const names = (await dockerCli(['run', '--rm', '-v', `${dir}:/h`, testImage, 'tar', '-tf', '/h/source.tar'])).stdout.split('\n').filter(Boolean);
    expect(names).toContain('./');
    expect(names).toContain('./sub/deeper/b.txt');
    const target = await newVolume('restored');
    expect(await restore(target, file, 'merge')).toMatchObject({ phase: 'done', result: { volume: target, mode: 'merge' } });
    const expected = await contentsOf(source);
    expect(expected.length).toBeGreaterThan(8);
    expect(await contentsOf(target)).toEqual(expected);
    expect(await helpers()).toEqual([]);
  });

  it('the shown docker run lines back up and restore the same files as Berth', async () => {
    const target = await newVolume('cli-restored');
    const backupLine = volumeBackupCommand(source, 'cli.tar');
    const restoreLine = volumeRestoreCommand(target, 'cli.tar', 'merge');
    const image = (line: string): string => line.replace(/ busybox /, ` ${testImage} `);
    for (const line of [backupLine, restoreLine]) {
      const result = spawnSync('sh', ['-c', image(line)], { cwd: dir, env: process.env, encoding: 'utf8' });
      expect(result.status, `${line}: ${result.stderr}`).toBe(0);
    }
    expect(await contentsOf(target)).toEqual(await contentsOf(source));
    // And Berth restores the CLI's backup.
    const again = await newVolume('from-cli');
    expect(await restore(again, path.join(dir, 'cli.tar'), 'merge')).toMatchObject({ phase: 'done' });
    expect(await contentsOf(again)).toEqual(await contentsOf(source));
  });

  it.each([
    [
      'climbs out with ..',
      [
        { name: './', type: 'directory' as const },
        { name: 'ok.txt', body: 'fine' },
        { name: '../evil.txt', body: 'x' },
      ],
      /"\.\.\/evil\.txt" climbs out/,
    ],
    [
      'an absolute name',
      [
        { name: 'ok.txt', body: 'fine' },
        { name: '/etc/evil', body: 'x' },
      ],
      /"\/etc\/evil" has an absolute path/,
    ],
    [
      'writes through a link',
      [
        { name: 'ok.txt', body: 'fine' },
        { name: 'out', type: 'symlink' as const, linkname: '/etc' },
        { name: 'out/evil', body: 'x' },
      ],
      /"out\/evil" is not inside a folder sent before it/,
    ],
    [
      'a device',
      [
        { name: 'ok.txt', body: 'fine' },
        { name: 'null', type: 'character-device' as const, devmajor: 1, devminor: 3 },
      ],
      /"null" is of type CharacterDevice/,
    ],
    [
      'a hard link out of the archive',
      [
        { name: 'ok.txt', body: 'fine' },
        { name: 'h', type: 'link' as const, linkname: '../../etc/passwd' },
      ],
      /hard link/,
    ],
  ])('a tar that %s is refused and changes nothing', async (_what, items, reason) => {
    const target = await newVolume('hostile');
    await dockerCli(['run', '--rm', '--label', 'berth.test=1', '-v', `${target}:/v`, testImage, 'sh', '-c', 'echo before > /v/kept.txt']);
    const before = await contentsOf(target);
    const file = path.join(dir, `hostile-${target}.tar`);
    writeFileSync(file, await tarOf(items));
    const final = await restore(target, file, 'merge');
    expect(final).toMatchObject({ phase: 'failed', error: { code: 'INVALID_INPUT' } });
    expect(final.error?.message).toMatch(reason);
    expect(final.error?.message).toMatch(/Nothing was restored; the volume is unchanged\./);
    expect(await contentsOf(target)).toEqual(before);
    expect(await helpers()).toEqual([]);
  });

  it('replace empties the volume first and keeps its labels; merge keeps what is there', async () => {
    const file = path.join(dir, 'source.tar');
    const merged = await newVolume('merged');
    const replaced = await newVolume('replaced', { keep: 'me' });
    for (const name of [merged, replaced]) {
      await dockerCli(['run', '--rm', '--label', 'berth.test=1', '-v', `${name}:/v`, testImage, 'sh', '-c', 'echo old > /v/extra.txt && echo old > /v/a.txt']);
    }
    expect(await restore(merged, file, 'merge')).toMatchObject({ phase: 'done' });
    expect(await restore(replaced, file, 'replace')).toMatchObject({ phase: 'done', result: { mode: 'replace' } });
    const original = await contentsOf(source);
    expect(await contentsOf(replaced)).toEqual(original);
    const mergedNow = await contentsOf(merged);
    expect(mergedNow.filter((line) => !line.startsWith('./extra.txt') && !line.startsWith('. '))).toEqual(original.filter((line) => !line.startsWith('. ')));
    expect(mergedNow.some((line) => line.startsWith('./extra.txt file'))).toBe(true);
    expect((await docker().getVolume(replaced).inspect()).Labels).toMatchObject({ keep: 'me', 'berth.test': '1' });
  });

  it('replace is refused, before anything is read, while a container uses the volume', async () => {
    const used = await newVolume('used');
    const user = uniqueName('user');
    await dockerCli(['create', '--name', user, '--label', 'berth.test=1', '-v', `${used}:/v`, testImage, 'true']);
    const outcome = await berth.invoke('volumes.restore', { name: used, mode: 'replace', source: { kind: 'file', fileHandle: 'a'.repeat(24) } });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!outcome.ok) expect(outcome.error.message).toContain(user);
    expect(await berth.invoke('volumes.backup', { name: 'no-such-volume-here' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a backup cancelled half-way leaves no file and no helper', async () => {
    const big = await newVolume('big');
    await dockerCli(['run', '--rm', '--label', 'berth.test=1', '-v', `${big}:/v`, testImage, 'sh', '-c', 'head -c 25165824 /dev/urandom > /v/big.bin']);
    savePath = path.join(dir, 'big-backup.tar');
    const reached = relay.when('fromEngine', 4 * MiB, 'pause');
    const started = await call<DownloadStart>(berth, 'volumes.backup', { name: big });
    if (started.status !== 'started') throw new Error('not started');
    await reached;
    expect(await helpers()).toHaveLength(1);
    await call(berth, 'transfers.cancel', { transferId: started.transferId });
    relay.resume();
    expect(await finalOf(berth, started.transferId)).toMatchObject({ phase: 'cancelled' });
    expect(readdirSync(dir).filter((name) => name.includes('big-backup'))).toEqual([]);
    await waitFor(async () => (await helpers()).length === 0, { message: 'the helper of a cancelled backup is removed' });
  });
});
