// containers.inspect and images.inspect against the real engine: the same document as docker inspect.
import { afterAll, describe, expect, it } from 'vitest';
import type { InspectDocument } from '../../src/shared/types/inspect';
import { docker, dockerCli, removeTestContainers, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { goTemplate } from '../../src/shared/cli/go-template';
import type { JsonValue } from '../../src/shared/types/inspect';
import { createHarness } from './dispatch-harness';

const harness = createHarness();

afterAll(async () => {
  harness.stop();
  await removeTestContainers();
});

describe('containers.inspect', () => {
  it('the --format template the Inspect tab offers for a node prints that node through the real docker CLI', async () => {
    const name = uniqueName('inspect-format');
    await docker().createContainer({
      Image: testImage,
      name,
      Cmd: ['sleep', '5'],
      Env: ['FIRST=one', 'SECOND=two words'],
      Labels: { ...TEST_LABELS, 'com.example.key': 'dotted', plain: 'value' },
      HostConfig: { Memory: 32 * 1024 * 1024 },
    });
    const document = (await harness.invoke<InspectDocument>('containers.inspect', { id: name })) as unknown as JsonValue;
    const paths: Array<Array<string | number>> = [
      ['HostConfig', 'Memory'],
      ['Config', 'Env', 1],
      ['Config', 'Labels', 'com.example.key'],
      ['Config', 'Labels', 'plain'],
      ['Config', 'Cmd'],
      ['HostConfig'],
      ['Name'],
    ];
    for (const path of paths) {
      const value = path.reduce<JsonValue>((node, segment) => (node as Record<string | number, JsonValue>)[segment]!, document);
      const template = goTemplate(path, value);
      const printed = await dockerCli(['inspect', '--format', template, name]);
      expect(printed.code, `${template}: ${printed.stderr}`).toBe(0);
      if (value === null || typeof value !== 'object') expect(printed.stdout.trim(), template).toBe(String(value));
      else if (Array.isArray(value)) expect(JSON.parse(printed.stdout), template).toEqual(value);
      // The CLI re-encodes objects through its own types, which may know fewer fields than this engine sends.
      else expect(value, template).toMatchObject(JSON.parse(printed.stdout) as Record<string, unknown>);
    }
  });

  it('returns the document docker inspect shows', async () => {
    const name = uniqueName('inspect');
    await docker().createContainer({
      Image: testImage,
      name,
      Cmd: ['sleep', '5'],
      Labels: { ...TEST_LABELS, 'com.example.key': 'a "quoted" value' },
      HostConfig: { Memory: 32 * 1024 * 1024 },
    });
    const document = await harness.invoke<InspectDocument>('containers.inspect', { id: name });
    const cli = await dockerCli(['inspect', name]);
    expect(cli.code).toBe(0);
    const [fromCli] = JSON.parse(cli.stdout) as InspectDocument[];
    expect(document.Id).toBe(fromCli?.Id);
    expect(document.Name).toBe(`/${name}`);
    expect((document.HostConfig as InspectDocument).Memory).toBe(32 * 1024 * 1024);
    expect(((document.Config as InspectDocument).Labels as InspectDocument)['com.example.key']).toBe('a "quoted" value');
    expect(Object.keys(document).sort()).toEqual(Object.keys(fromCli ?? {}).sort());
    // By id prefix too, as the CLI allows.
    const byId = await harness.invoke<InspectDocument>('containers.inspect', { id: String(document.Id).slice(0, 12) });
    expect(byId.Id).toBe(document.Id);
  });

  it('says NOT_FOUND for a container that is gone', async () => {
    const name = uniqueName('gone');
    const container = await docker().createContainer({ Image: testImage, name, Labels: { ...TEST_LABELS } });
    await container.remove();
    const outcome = await harness.outcome('containers.inspect', { id: name });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(/no such container/i);
  });
});

describe('images.inspect', () => {
  it('returns the document docker image inspect shows, by name and by id', async () => {
    const document = await harness.invoke<InspectDocument>('images.inspect', { id: testImage });
    const cli = await dockerCli(['image', 'inspect', testImage]);
    const [fromCli] = JSON.parse(cli.stdout) as InspectDocument[];
    expect(document.Id).toBe(fromCli?.Id);
    expect(document.RepoTags).toContain(testImage);
    expect((document.Config as InspectDocument).Cmd).toEqual(['/bin/sh']);
    const byId = await harness.invoke<InspectDocument>('images.inspect', { id: String(document.Id) });
    expect(byId.Id).toBe(document.Id);
  });

  it('says NOT_FOUND for an image that is not there and INVALID_INPUT for a bad reference', async () => {
    const missing = await harness.outcome('images.inspect', { id: 'berth-test/no-such-image:latest' });
    expect(missing).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Image berth-test/no-such-image:latest is not on this engine.' } });
    expect(await harness.outcome('images.inspect', { id: '-rf' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await harness.outcome('images.inspect', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
