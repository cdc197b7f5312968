// Actions that had no CLI line show one now (issue #11, item 18), and each line, run through the
// real docker CLI, gives what Berth used: the changes of `docker diff`, the address "Open in
// browser" opens (`docker port`), and the config "Import as image…" fills in (`docker inspect`).
// (Download log's line is run in test/e2e/cli-lines.test.ts, from the page, on the file the
// browser saved.)
// A changed file against its image: the three-line `docker create` / `docker cp` / `diff -u` shows
// the lines Berth's diff marks as added and removed.
import { afterAll, describe, expect, it } from 'vitest';
import { changesFromConfig, type ContainerConfigFields } from '../../src/main/engine/containers/image-config';
import { computeLineDiff } from '../../src/shared/files/line-diff';
import type { FileDiff } from '../../src/shared/types/files';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { joinShellWords } from '../../src/shared/cli/shell-quote';
import type { ContainerChange } from '../../src/shared/types/files';
import type { OpenedPort } from '../../src/shared/types/ports';
import { runShellLine } from '../helpers/cli-line';
import { docker, removeTestContainers, TEST_LABELS, testImage, uniqueName, waitFor } from '../helpers/engine';
import { createHarness } from './dispatch-harness';
import { containerConfigCommand, dockerPortLookupCommand } from '../../src/shared/cli/containers';
import { imageFileDiffCommand } from '../../src/shared/cli/files';

const harness = createHarness();

afterAll(async () => {
  harness.stop();
  await removeTestContainers();
});

async function cli(line: string): Promise<string> {
  const result = await runShellLine(line);
  expect(result.code, `${line}: ${result.stderr}`).toBe(0);
  return result.stdout.toString();
}

describe('Changes tab: docker diff', () => {
  it('prints the same set of changes Berth lists', async () => {
    const name = uniqueName('diff');
    const container = await docker().createContainer({
      Image: testImage,
      name,
      Cmd: ['sh', '-c', 'mkdir -p /added/deeper && echo a > /added/deeper/file && rm /bin/ls && echo x >> /etc/passwd; sleep 300'],
      Labels: { ...TEST_LABELS },
    });
    await container.start();
    const changes = await waitFor(async () => {
      const listed = await harness.invoke<ContainerChange[]>('containers.diff', { id: name });
      return listed.some((change) => change.path === '/added/deeper/file') && listed.some((change) => change.path === '/bin/ls') ? listed : undefined;
    });
    const letter = { added: 'A', changed: 'C', deleted: 'D' } as const;
    const berth = changes.map((change) => `${letter[change.kind]} ${change.path}`).sort();
    // The line ChangesTab shows (src/renderer/features/files/cli.ts diffCommand).
    const printed = (await cli(joinShellWords(['docker', 'diff', name]))).split('\n').filter(Boolean).sort();
    expect(printed).toEqual(berth);
    expect(berth).toEqual(expect.arrayContaining(['A /added', 'A /added/deeper/file', 'D /bin/ls']));
  });
});

describe('Changes tab: one file against its image', () => {
  it('the shown lines print, with diff -u, the lines Berth marks added and removed', async () => {
    const name = uniqueName('filediff');
    const container = await docker().createContainer({
      Image: testImage,
      name,
      Cmd: ['sh', '-c', "sed -i '1s/.*/a changed first line/' /etc/group && echo 'an added line' >> /etc/group; sleep 300"],
      Labels: { ...TEST_LABELS },
    });
    await container.start();
    const diff = await waitFor(async () => {
      const read = await harness.invoke<FileDiff>('files.diffWithImage', { id: name, path: '/etc/group' });
      return read.container.state === 'text' && read.container.text.includes('an added line') ? read : undefined;
    });
    if (diff.image.state !== 'text' || diff.container.state !== 'text') throw new Error('not text');
    const shown = await computeLineDiff(diff.image.text, diff.container.text);
    const berth = (shown?.lines ?? [])
      .filter((line) => line.kind !== 'same')
      .map((line) => `${line.kind === 'added' ? '+' : '-'}${line.text}`)
      .sort();
    const { Image: image } = await container.inspect();
    const dir = await mkdtemp(path.join(tmpdir(), 'berth-filediff-'));
    try {
      const line = imageFileDiffCommand(name, image, '/etc/group');
      const ran = await runShellLine(line, { cwd: dir });
      // diff exits 1: the files differ.
      expect(ran.code, ran.stderr).toBe(1);
      const printed = ran.stdout
        .toString()
        .split('\n')
        .filter((l) => /^[+-]/.test(l) && !/^(\+\+\+|---) /.test(l))
        .sort();
      expect(printed).toEqual(berth);
      expect(berth).toEqual(expect.arrayContaining(['+a changed first line', '+an added line']));
      // The temporary container is gone, as Berth's is.
      expect((await docker().listContainers({ all: true })).filter((c) => c.Command === '/berth-never-started')).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('Ports tab: Open in browser', () => {
  it('opens the address `docker port web 80/tcp` prints first (IPv4; 0.0.0.0 as 127.0.0.1)', async () => {
    for (const hostIp of ['0.0.0.0', '127.0.0.1']) {
      const name = uniqueName('port');
      await harness.invoke('containers.run', {
        image: testImage,
        name,
        command: ['sleep', '300'],
        ports: [{ containerPort: 80, hostIp }],
        labels: { ...TEST_LABELS },
      });
      const opened = await harness.invoke<OpenedPort>('containers.openPort', { id: name, containerPort: 80 });
      const line = dockerPortLookupCommand(name, 80);
      expect(line).toBe(`docker port ${name} 80/tcp`);
      const first = (await cli(line)).split('\n').find((address) => address && !address.startsWith('['));
      expect(first).toBeDefined();
      expect(opened.url).toBe(`http://${first!.replace(/^0\.0\.0\.0:/, '127.0.0.1:')}/`);
    }
  });
});

describe('Import as image…: the prefilled change lines', () => {
  it('come from what `docker inspect --format {{json .Config}}` prints', async () => {
    const name = uniqueName('config');
    await harness.invoke('containers.create', {
      image: testImage,
      name,
      command: ['sh', '-c', 'echo "a b"'],
      entrypoint: ['/bin/sh', '-e'],
      env: [{ key: 'A', value: 'one two' }],
      ports: [{ containerPort: 8080 }],
      mounts: [{ type: 'volume', target: '/data' }],
      workingDir: '/tmp',
      user: '1000:1000',
      labels: { ...TEST_LABELS, team: 'web' },
    });
    const prefilled = await harness.invoke('containers.imageConfig', { id: name });
    const printed = JSON.parse(await cli(containerConfigCommand(name))) as ContainerConfigFields;
    expect(changesFromConfig(printed)).toEqual(prefilled);
    expect(prefilled).toMatchObject({ workdir: '/tmp', user: '1000:1000', env: expect.arrayContaining([{ key: 'A', value: 'one two' }]) });
  });
});
