// docker commit with changes, the images list, remove/untag/prune, and a container's config as
// change lines — all through the real handlers, checked against the engine itself.
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/engine/core/engine';
import { changeLines } from '../../src/shared/images/change-lines';
import type { ImageChanges } from '../../src/shared/images/change-lines';
import type { CommitResult, ImagePruneResult, ImageRemoveResult, ImageSummary } from '../../src/shared/types/images';
import { docker, dockerCli, removeTestContainers, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { call, dispatcherFor, runImage, testRepository } from './images-support';

const dispatcher = dispatcherFor(createEngine());

afterAll(async () => {
  await removeTestContainers();
});

/** Now as the events API takes it: seconds.nanoseconds (the engine shares this machine's clock). */
const now = (): string => (Date.now() / 1000).toFixed(3);

/** The pause/unpause events the engine logged for a container between two times. */
async function pauseEvents(id: string, since: string, until: string): Promise<string[]> {
  const options = { since, until, filters: { container: [id], event: ['pause', 'unpause'] } };
  const stream = await docker().getEvents(options as unknown as Parameters<ReturnType<typeof docker>['getEvents']>[0]);
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { Action: string }).Action);
}

async function runningContainer(extra: Partial<Parameters<ReturnType<typeof docker>['createContainer']>[0]> = {}) {
  const container = await docker().createContainer({
    Image: testImage,
    name: uniqueName('commit'),
    Cmd: ['sh', '-c', 'echo made-in-container > /marker && sleep 300'],
    Labels: { ...TEST_LABELS },
    StopTimeout: 1,
    ...extra,
  });
  await container.start();
  return container;
}

describe('containers.commit', () => {
  it('commits a running container (paused meanwhile) with CMD, ENV and LABEL changes', async () => {
    const container = await runningContainer();
    const repository = testRepository('commit');
    const since = now();
    const tricky = 'hello "world" $HOME \\ end';
    const committed = await call<CommitResult>(dispatcher, 'containers.commit', {
      id: container.id,
      repository,
      tag: 'v2',
      message: 'committed by a test',
      author: 'Berth Tester <t@example.invalid>',
      changes: [
        'CMD ["/bin/sh","-c","cat /marker; echo $GREETING"]',
        `ENV GREETING=${JSON.stringify(tricky).replace(/\$/g, '\\$')}`,
        'LABEL "berth.test"="1" "com.example.note"="two words"',
      ],
    });
    expect(committed).toMatchObject({ reference: `${repository}:v2` });
    const image = await docker().getImage(`${repository}:v2`).inspect();
    expect(image.Id).toBe(committed.imageId);
    expect(image.Config.Cmd).toEqual(['/bin/sh', '-c', 'cat /marker; echo $GREETING']);
    expect(image.Config.Env).toContain(`GREETING=${tricky}`);
    expect(image.Config.Labels).toMatchObject({ 'berth.test': '1', 'com.example.note': 'two words' });
    expect(image.Comment).toBe('committed by a test');
    expect(image.Author).toBe('Berth Tester <t@example.invalid>');
    expect((await container.inspect()).State.Running).toBe(true);
    expect(await runImage(`${repository}:v2`)).toBe(`made-in-container\n${tricky}\n`);

    const between = now();
    await call(dispatcher, 'containers.commit', { id: container.id, repository, tag: 'unpaused', pause: false });
    const until = now();
    expect(await pauseEvents(container.id, since, between)).toEqual(['pause', 'unpause']);
    expect(await pauseEvents(container.id, between, until)).toEqual([]);
  });

  it('gives an exported filesystem its config back: the container config as change lines round-trips', async () => {
    const container = await runningContainer({
      Env: ['PLAIN=1', 'SPACES=a b  c', 'QUOTES=say "hi" $USER'],
      WorkingDir: '/tmp',
      User: '1000:1000',
      ExposedPorts: { '8080/tcp': {}, '53/udp': {} },
      Labels: { ...TEST_LABELS, 'with space': 'x' },
    });
    const config = await call<ImageChanges>(dispatcher, 'containers.imageConfig', { id: container.id });
    expect(config.cmd).toBe('["sh","-c","echo made-in-container > /marker && sleep 300"]');
    expect(config.env).toContainEqual({ key: 'QUOTES', value: 'say "hi" $USER' });
    const repository = testRepository('config');
    // A container of a plain image: its config through the change lines, committed onto the same filesystem.
    const bare = await docker().createContainer({ Image: testImage, Cmd: ['true'], Labels: { ...TEST_LABELS } });
    const { imageId } = await call<CommitResult>(dispatcher, 'containers.commit', { id: bare.id, repository, changes: changeLines(config) });
    const committed = await docker().getImage(imageId).inspect();
    const original = (await container.inspect()).Config;
    expect(committed.Config.Cmd).toEqual(original.Cmd);
    expect([...committed.Config.Env].sort()).toEqual([...original.Env].sort());
    expect(committed.Config.WorkingDir).toBe('/tmp');
    expect(committed.Config.User).toBe('1000:1000');
    expect(Object.keys(committed.Config.ExposedPorts ?? {}).sort()).toEqual(['53/udp', '8080/tcp']);
    expect(committed.Config.Labels).toMatchObject({ 'berth.test': '1', 'with space': 'x' });
  });

  it('refuses bad input plainly and changes nothing', async () => {
    const container = await runningContainer();
    const before = (await docker().listImages()).length;
    for (const bad of [{ repository: 'NOPE' }, { changes: ['CMD ["x",'] }, { tag: 'only-a-tag' }, { repository: 'berth-test/x', tag: '-bad' }]) {
      const outcome = await dispatcher.invoke('containers.commit', { id: container.id, ...bad });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await dispatcher.invoke('containers.commit', { id: 'no-such-container-xyz' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await docker().listImages()).length).toBe(before);
  });
});

describe('images list, remove, untag, prune', () => {
  it('lists images with the containers using them, untags one name, removes with force', async () => {
    const repository = testRepository('list');
    await dockerCli(['tag', testImage, `${repository}:one`]);
    await dockerCli(['tag', testImage, `${repository}:two`]);
    const base = await docker().getImage(testImage).inspect();
    for (let i = 0; i < 2; i++) await docker().createContainer({ Image: `${repository}:one`, Labels: { ...TEST_LABELS } });
    const counted = (await docker().listContainers({ all: true, filters: { ancestor: [base.Id] } })).length;

    const list = await call<ImageSummary[]>(dispatcher, 'images.list', {});
    const row = list.find((image) => image.id === base.Id);
    expect(row).toMatchObject({ dangling: false, containers: counted });
    expect(row?.repoTags).toEqual(expect.arrayContaining([`${repository}:one`, `${repository}:two`, testImage]));

    const untagged = await call<ImageRemoveResult>(dispatcher, 'images.untag', { ref: `${repository}:two` });
    expect(untagged).toEqual({ untagged: [`${repository}:two`], deleted: [] });
    expect((await docker().getImage(testImage).inspect()).Id).toBe(base.Id);
    expect(await dispatcher.invoke('images.untag', { ref: repository })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    // A committed image used by a container: refused without force, removed with it.
    const source = await runningContainer();
    const { imageId } = await call<CommitResult>(dispatcher, 'containers.commit', { id: source.id, repository: testRepository('inuse') });
    const user = await docker().createContainer({ Image: imageId, Labels: { ...TEST_LABELS } });
    const refused = await dispatcher.invoke('images.remove', { ref: imageId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/being used|in use/);
    const removed = await call<ImageRemoveResult>(dispatcher, 'images.remove', { ref: imageId, force: true });
    expect(removed.untagged.length + removed.deleted.length).toBeGreaterThan(0);
    await user.remove({ force: true });
  });

  it('shows dangling images and prunes them (only those with the label asked for)', async () => {
    const source = await runningContainer();
    const { imageId } = await call<CommitResult>(dispatcher, 'containers.commit', { id: source.id, changes: ['LABEL "berth.test"="1"'] });
    const listed = await call<ImageSummary[]>(dispatcher, 'images.list', {});
    expect(listed.find((image) => image.id === imageId)).toMatchObject({ dangling: true, repoTags: [] });
    const pruned = await call<ImagePruneResult>(dispatcher, 'images.prune', { labels: ['berth.test=1'] });
    expect(pruned.deleted).toContain(imageId);
    expect((await call<ImageSummary[]>(dispatcher, 'images.list', {})).some((image) => image.id === imageId)).toBe(false);
    expect(await dispatcher.invoke('images.prune', { labels: ['bad label'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
