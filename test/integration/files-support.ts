// Shared set-up for the files integration tests (not a test file itself).
import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { docker, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { tarOf, type SeedItem } from '../helpers/tar-fixture';

export { tarOf, type SeedItem } from '../helpers/tar-fixture';

export async function seed(id: string, folder: string, items: readonly SeedItem[]): Promise<void> {
  await docker()
    .getContainer(id)
    .putArchive(await tarOf(items), { path: folder });
}

/** A created (never started) container of `image`. */
export async function createdContainer(prefix: string, image = testImage, extra: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const name = uniqueName(prefix);
  const container = await docker().createContainer({ Image: image, name, Labels: { ...TEST_LABELS }, ...extra });
  return { id: container.id, name };
}

/** A running container of the test image (sleeps). */
export async function runningContainer(prefix: string, extra: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const made = await createdContainer(prefix, testImage, { Cmd: ['sleep', '3600'], ...extra });
  await docker().getContainer(made.id).start();
  return made;
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

export interface TreeFact {
  path: string;
  kind: 'file' | 'dir' | 'symlink';
  mode: number;
  detail: string;
}

/** What a host tree is made of: kinds, permission bits, link targets and file hashes, sorted. */
export async function describeTree(root: string): Promise<TreeFact[]> {
  const facts: TreeFact[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      const info = lstatSync(full);
      if (info.isSymbolicLink()) facts.push({ path: rel, kind: 'symlink', mode: 0, detail: readlinkSync(full) });
      else if (info.isDirectory()) {
        facts.push({ path: rel, kind: 'dir', mode: info.mode & 0o777, detail: '' });
        await walk(full, rel);
      } else facts.push({ path: rel, kind: 'file', mode: info.mode & 0o777, detail: await sha256File(full) });
    }
  };
  await walk(root, '');
  return facts;
}

/** `docker diff` of a container as sorted "K path" lines. */
export async function changesOf(id: string): Promise<string[]> {
  const changes = ((await docker().getContainer(id).changes()) ?? []) as Array<{ Path: string; Kind: number }>;
  return changes.map((change) => `${change.Kind} ${change.Path}`).sort();
}

/** Containers Berth made for itself (the diff's temporary ones). */
export async function temporaryContainers(): Promise<string[]> {
  const list = await docker().listContainers({ all: true, filters: { label: ['berth.temporary'] } });
  return list.map((c) => c.Id);
}
