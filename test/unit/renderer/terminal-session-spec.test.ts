import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, specFromDraft } from '../../../src/renderer/features/terminal/new-session';
import { interactiveRunCommand, sessionCliCommand } from '../../../src/shared/cli/terminal';

const container = { id: 'abc123', name: 'web' };

describe('specFromDraft', () => {
  it('a blank shell draft asks for the container shell', () => {
    expect(specFromDraft(EMPTY_DRAFT, container)).toEqual({ ok: true, spec: { kind: 'shell', containerId: 'abc123', containerName: 'web' } });
  });

  it('splits the command as sh would and reads options', () => {
    const result = specFromDraft(
      { ...EMPTY_DRAFT, kind: 'command', command: `sh -c 'echo "a b"'`, user: 'root', workingDir: '/tmp', env: 'A=1\n\nB=x=y\n' },
      container,
    );
    expect(result).toEqual({
      ok: true,
      spec: {
        kind: 'command',
        containerId: 'abc123',
        containerName: 'web',
        command: ['sh', '-c', 'echo "a b"'],
        user: 'root',
        workingDir: '/tmp',
        env: [
          { key: 'A', value: '1' },
          { key: 'B', value: 'x=y' },
        ],
      },
    });
  });

  it('names each problem', () => {
    const result = specFromDraft({ ...EMPTY_DRAFT, kind: 'command', command: '', user: 'a b', workingDir: 'tmp', env: 'NOEQUALS\n=v' }, container);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toEqual([
        { field: 'command', key: 'commandRequired' },
        { field: 'user', key: 'user' },
        { field: 'workingDir', key: 'workingDir' },
        { field: 'env', key: 'env', values: { line: 1 } },
        { field: 'env', key: 'env', values: { line: 2 } },
      ]);
    }
    expect(specFromDraft({ ...EMPTY_DRAFT, command: 'echo "open' }, container)).toMatchObject({ ok: false, issues: [{ key: 'commandQuotes' }] });
    expect(specFromDraft({ ...EMPTY_DRAFT, kind: 'attach', detachKeys: 'alt-x' }, container)).toMatchObject({ ok: false, issues: [{ key: 'detachKeys' }] });
  });

  it('attach keeps the detach keys and the replay choice', () => {
    expect(specFromDraft({ ...EMPTY_DRAFT, kind: 'attach', detachKeys: 'ctrl-a,x', logs: false }, container)).toEqual({
      ok: true,
      spec: { kind: 'attach', containerId: 'abc123', containerName: 'web', detachKeys: 'ctrl-a,x', logs: false },
    });
  });
});

describe('CLI equivalents', () => {
  it('exec -it, exec, attach, start -ai', () => {
    expect(sessionCliCommand({ kind: 'shell', containerId: 'x', containerName: 'web' }, '/bin/bash')).toBe('docker exec -it web /bin/bash');
    expect(
      sessionCliCommand({
        kind: 'command',
        containerId: 'x',
        containerName: 'web',
        command: ['sh', '-c', 'echo hi'],
        user: 'root',
        workingDir: '/tmp',
        env: [{ key: 'A', value: 'b c' }],
      }),
    ).toBe("docker exec -u root -w /tmp -e 'A=b c' web sh -c 'echo hi'");
    expect(sessionCliCommand({ kind: 'attach', containerId: 'x', containerName: 'web' })).toBe('docker attach web');
    expect(sessionCliCommand({ kind: 'attach', containerId: 'x', containerName: 'web', detachKeys: 'ctrl-a,x' })).toBe(
      'docker attach --detach-keys=ctrl-a,x web',
    );
    expect(sessionCliCommand({ kind: 'attach', containerId: 'x', containerName: 'web', start: true })).toBe('docker start -ai web');
    expect(sessionCliCommand({ kind: 'attach', containerId: 'x', containerName: 'web', start: true, detachKeys: 'ctrl-a,x' })).toBe(
      'docker start -ai --detach-keys=ctrl-a,x web',
    );
    expect(sessionCliCommand({ kind: 'attach', containerId: 'x', containerName: 'web', logs: true })).toBe('docker logs web; docker attach web');
  });

  it('run -it for the create form', () => {
    expect(interactiveRunCommand({ image: 'busybox', name: 'box', command: ['sh'] })).toBe('docker run -it --name box busybox sh');
  });
});
