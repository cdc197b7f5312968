import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readImportResult } from '../../src/main/engine/images/import';
import { isTarHeader, tarStartProblem } from '../../src/main/engine/files/tar-checks';
import { EMPTY_CHANGES, changeLineProblem, changeLines, hasNoCommand, quoteDockerfileValue } from '../../src/shared/images/change-lines';
import { repositoryProblem, splitRepoTag, tagProblem } from '../../src/shared/images/reference';
import { tarHeaderBlock } from '../helpers/tar-fixture';

describe('--change lines', () => {
  it.each([
    'CMD ["/bin/echo","hello"]',
    'CMD echo hello',
    'CMD []',
    'ENTRYPOINT ["/bin/sh", "-c"]',
    'ENV A=1',
    'ENV A="x y" B=\'z\'',
    'ENV LEGACY some value',
    'EXPOSE 80 443/tcp 53/udp 8000-8010/sctp',
    'WORKDIR /app',
    'USER 1000:1000',
    'VOLUME /data',
    'VOLUME ["/a","/b"]',
    'LABEL "berth.test"="1" other=x',
    'ONBUILD RUN echo hi',
    'cmd lowercase works',
  ])('accepts %s', (line) => {
    expect(changeLineProblem(line)).toBeUndefined();
  });

  it.each([
    ['CMD ["/bin/echo",', /JSON array of strings/],
    ['CMD [1,2]', /JSON array of strings/],
    ['CMD', /needs a command/],
    ['ENV', /at least one KEY=value/],
    ['ENV A="open', /quote that is not closed/],
    ['ENV =value', /no key/],
    ['LABEL novalue', /KEY=value/],
    ['EXPOSE http', /not a port/],
    ['EXPOSE 0', /not a port/],
    ['EXPOSE 90-80', /not a port/],
    ['USER a b', /without spaces/],
    ['VOLUME []', /non-empty array/],
    ['ONBUILD FROM busybox', /cannot run FROM/],
    ['ONBUILD', /needs an instruction/],
    ['RUN ls', /not a change docker accepts/],
    ['CMD a\nRUN b', /one line/],
  ])('refuses %s', (line, message) => {
    expect(changeLineProblem(line)).toMatch(message);
  });

  it('writes the form as lines that pass their own check, quoting ENV and LABEL values exactly', () => {
    const lines = changeLines({
      ...EMPTY_CHANGES,
      cmd: '["/bin/echo","hello"]',
      env: [
        { key: 'GREETING', value: 'hello "world" $HOME \\n' },
        { key: '', value: 'ignored' },
      ],
      expose: ['80/tcp', ' '],
      volumes: ['/data'],
      labels: [{ key: 'berth.test', value: '1' }],
      onbuild: ['RUN echo hi'],
    });
    expect(lines).toEqual([
      'CMD ["/bin/echo","hello"]',
      'ENV GREETING="hello \\"world\\" \\$HOME \\\\n"',
      'EXPOSE 80/tcp',
      'VOLUME ["/data"]',
      'LABEL "berth.test"="1"',
      'ONBUILD RUN echo hi',
    ]);
    for (const line of lines) expect(changeLineProblem(line)).toBeUndefined();
    expect(quoteDockerfileValue('')).toBe('""');
  });

  it('notices an image without a command', () => {
    expect(hasNoCommand(EMPTY_CHANGES)).toBe(true);
    expect(hasNoCommand({ ...EMPTY_CHANGES, entrypoint: '["/bin/sh"]' })).toBe(false);
  });
});

describe('image names', () => {
  it.each(['berth-test/web', 'web', 'localhost:5000/a/b', 'registry.example.com/x_y/z__w', 'a.b-c'])('accepts the repository %s', (name) => {
    expect(repositoryProblem(name)).toBeUndefined();
  });
  it.each(['', 'Web', 'web/', '-web', 'web!', 'a//b', 'x'.repeat(256)])('refuses the repository %s', (name) => {
    expect(repositoryProblem(name)).toBeDefined();
  });
  it('checks tags and splits repo:tag at the right colon', () => {
    expect(tagProblem('v1.0_rc-2')).toBeUndefined();
    expect(tagProblem('.hidden')).toBeDefined();
    expect(tagProblem('x'.repeat(129))).toBeDefined();
    expect(splitRepoTag('localhost:5000/web:v1')).toEqual({ repository: 'localhost:5000/web', tag: 'v1' });
    expect(splitRepoTag('localhost:5000/web')).toEqual({ repository: 'localhost:5000/web' });
  });
});

const tarHeader = (name: string): Buffer => tarHeaderBlock(name);

describe('tar checks', () => {
  it('recognises a tar header, a compressed tar, and refuses the rest', () => {
    expect(isTarHeader(tarHeader('etc/passwd'))).toBe(true);
    expect(tarStartProblem(tarHeader('a'))).toBeUndefined();
    expect(tarStartProblem(Buffer.alloc(512))).toBeUndefined();
    expect(tarStartProblem(Buffer.from([0x1f, 0x8b, 8, 0]))).toBeUndefined();
    expect(tarStartProblem(Buffer.alloc(0))).toMatch(/empty/);
    expect(tarStartProblem(Buffer.from('hello world'.repeat(100)))).toMatch(/not a tar archive/);
    const corrupted = tarHeader('a');
    corrupted[0] = 0x41;
    expect(isTarHeader(corrupted)).toBe(false);
  });
});

describe("the import's progress stream", () => {
  const stream = (...lines: string[]) => Readable.from(lines.map((line) => Buffer.from(line)));
  it('resolves the new image id', async () => {
    const id = `sha256:${'ab'.repeat(32)}`;
    await expect(readImportResult(stream(`{"status":"${id}"}\r\n`))).resolves.toBe(id);
  });
  it('a failure inside a 200 response is an error, never a success', async () => {
    const id = `sha256:${'cd'.repeat(32)}`;
    await expect(
      readImportResult(
        stream(
          '{"status":"Importing"}\n{"errorDetail":{"message":"archive/tar: invalid tar header"},"error":"archive/tar: invalid tar header"}\n',
          `{"status":"${id}"}`,
        ),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/invalid tar header/) });
    await expect(readImportResult(stream('{"error":"no space left on device"}'))).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(readImportResult(stream('{"status":"Importing"}'))).rejects.toThrow(/without naming a new image/);
  });
});
