import { describe, expect, it } from 'vitest';
import { JsonLines, LayerTracker, type JsonMessage } from '../../../src/main/engine/registries/layer-progress';
import { referenceParts, withDefaultTag } from '../../../src/main/engine/registries/image-reference';
import { credentialKey, registryAuthHeader } from '../../../src/main/engine/registries/credentials';

const pullMessages: JsonMessage[] = [
  { status: 'Pulling from team/app', id: '1' },
  { status: 'Already exists', id: 'aaaaaaaaaaaa', progressDetail: {} },
  { status: 'Pulling fs layer', id: 'bbbbbbbbbbbb', progressDetail: {} },
  { status: 'Waiting', id: 'bbbbbbbbbbbb', progressDetail: {} },
  { status: 'Downloading', id: 'bbbbbbbbbbbb', progressDetail: { current: 100, total: 1000 } },
  { status: 'Downloading', id: 'bbbbbbbbbbbb', progressDetail: { current: 600, total: 1000 } },
  { status: 'Verifying Checksum', id: 'bbbbbbbbbbbb', progressDetail: {} },
  { status: 'Download complete', id: 'bbbbbbbbbbbb', progressDetail: {} },
  { status: 'Extracting', id: 'bbbbbbbbbbbb', progressDetail: { current: 500, total: 1000 } },
  { status: 'Pull complete', id: 'bbbbbbbbbbbb', progressDetail: {} },
  { status: `Digest: sha256:${'c'.repeat(64)}` },
  { status: 'Status: Downloaded newer image for 127.0.0.1:5000/team/app:1' },
];

describe('LayerTracker (pull)', () => {
  it('one row per layer with phase and bytes; the download counts in full once done', () => {
    const tracker = new LayerTracker('downloading');
    const seen: Array<{ bytes: number; totalBytes?: number }> = [];
    for (const message of pullMessages) {
      expect(tracker.apply(message)).toBeUndefined();
      seen.push(tracker.totals());
    }
    expect(seen[5]).toEqual({ bytes: 600, totalBytes: 1000 });
    expect(seen[8]).toEqual({ bytes: 1000, totalBytes: 1000 });
    expect(tracker.rows()).toEqual([
      { id: 'aaaaaaaaaaaa', phase: 'exists', currentBytes: 0 },
      { id: 'bbbbbbbbbbbb', phase: 'done', currentBytes: 1000, totalBytes: 1000 },
    ]);
    expect(tracker.digest).toBe(`sha256:${'c'.repeat(64)}`);
    expect(tracker.lastStatus).toBe('Status: Downloaded newer image for 127.0.0.1:5000/team/app:1');
  });

  it('returns the error of an error message', () => {
    const tracker = new LayerTracker('downloading');
    expect(tracker.apply({ errorDetail: { message: 'manifest unknown' }, error: 'manifest unknown' })).toBe('manifest unknown');
  });
});

describe('LayerTracker (push)', () => {
  it('counts upload bytes and takes the digest from aux', () => {
    const tracker = new LayerTracker('pushing');
    tracker.apply({ status: 'The push refers to repository [127.0.0.1:5000/a]' });
    tracker.apply({ status: 'Preparing', id: 'dddddddddddd' });
    tracker.apply({ status: 'Pushing', id: 'dddddddddddd', progressDetail: { current: 50, total: 200 } });
    expect(tracker.totals()).toEqual({ bytes: 50, totalBytes: 200 });
    tracker.apply({ status: 'Pushed', id: 'dddddddddddd' });
    tracker.apply({ status: 'Mounted from team/base', id: 'eeeeeeeeeeee' });
    tracker.apply({ aux: { Tag: '1', Digest: `sha256:${'f'.repeat(64)}`, Size: 527 } });
    expect(tracker.totals()).toEqual({ bytes: 200, totalBytes: 200 });
    expect(tracker.rows().map((r) => r.phase)).toEqual(['pushed', 'mounted']);
    expect(tracker.digest).toBe(`sha256:${'f'.repeat(64)}`);
  });
});

describe('JsonLines', () => {
  it('splits messages across chunks, including a multi-byte character cut in two', () => {
    const lines = new JsonLines();
    const got: JsonMessage[] = [];
    const text = Buffer.from('{"status":"a"}\r\n{"status":"한"}\n{"sta', 'utf8');
    const cut = text.indexOf(Buffer.from('한')) + 1;
    lines.push(text.subarray(0, cut), (m) => got.push(m));
    lines.push(text.subarray(cut), (m) => got.push(m));
    lines.push('tus":"b"}', (m) => got.push(m));
    lines.end((m) => got.push(m));
    expect(got).toEqual([{ status: 'a' }, { status: '한' }, { status: 'b' }]);
  });
});

describe('references and logins', () => {
  it('reads the registry and path as the engine does', () => {
    expect(referenceParts('nginx')).toEqual({ registry: 'docker.io', repository: 'nginx', path: 'library/nginx' });
    expect(referenceParts('me/app:1')).toMatchObject({ registry: 'docker.io', path: 'me/app', tag: '1' });
    expect(referenceParts('127.0.0.1:5000/team/app:2')).toMatchObject({ registry: '127.0.0.1:5000', path: 'team/app', tag: '2' });
    expect(referenceParts('localhost/app')).toMatchObject({ registry: 'localhost', path: 'app' });
    expect(withDefaultTag('nginx')).toBe('nginx:latest');
    expect(withDefaultTag(`a@sha256:${'0'.repeat(64)}`)).toBe(`a@sha256:${'0'.repeat(64)}`);
  });

  it('keys Docker Hub as the CLI does and sends X-Registry-Auth padded', () => {
    expect(credentialKey('docker.io')).toBe('https://index.docker.io/v1/');
    expect(credentialKey('https://index.docker.io/v1/')).toBe('https://index.docker.io/v1/');
    expect(credentialKey('https://Reg.Example.com/v2/')).toBe('reg.example.com');
    const header = registryAuthHeader('127.0.0.1:5000', { username: 'u', password: 'p?>' });
    expect(header).not.toMatch(/[+/]/);
    expect(header.length % 4).toBe(0);
    expect(JSON.parse(Buffer.from(header, 'base64url').toString('utf8'))).toEqual({ username: 'u', password: 'p?>', serveraddress: '127.0.0.1:5000' });
  });
});
