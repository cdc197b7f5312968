import { describe, expect, it } from 'vitest';
import type { CopiedOut } from '../../../src/shared/types/files';
import { browserCopyInCommand, copyInCommand, copyOutCommand } from '../../../src/shared/cli/files';

const copied = (extra: Partial<CopiedOut>): CopiedOut => ({ path: '/data/report.tar', as: 'file', followedLink: false, replaced: false, ...extra });

describe('docker cp lines', () => {
  it('copy out follows what was done, not the name: a file named .tar is a file', () => {
    expect(copyOutCommand('web', copied({}), { kind: 'host', path: '/home/me/report.tar' })).toBe('docker cp web:/data/report.tar /home/me/report.tar');
    expect(copyOutCommand('web', copied({ as: 'archive', path: '/data' }), { kind: 'host', path: '/home/me/data.tar' })).toBe(
      'docker cp web:/data - > /home/me/data.tar',
    );
  });

  it('a followed link adds -L; a replaced folder is removed first; the browser writes in the current folder', () => {
    expect(copyOutCommand('web', copied({ as: 'folder', path: '/link', followedLink: true, replaced: true }), { kind: 'host', path: '/home/me/my data' })).toBe(
      "rm -rf -- '/home/me/my data' && docker cp -L web:/link '/home/me/my data'",
    );
    expect(copyOutCommand('web', copied({ as: 'archive', path: '/link', followedLink: true }), { kind: 'browser', filename: 'tree.tar' })).toBe(
      'docker cp -L web:/link - > ./tree.tar',
    );
    expect(copyOutCommand('web', copied({ path: '/-x' }), { kind: 'browser', filename: '-x' })).toBe('docker cp web:/-x ./-x');
  });

  it('copy in names absolute host paths (one line each); the browser line is a root-owned tar', () => {
    expect(copyInCommand('web', ['/home/me/a b', 'C:\\Users\\me\\x.txt'], '/tmp')).toBe(
      "docker cp '/home/me/a b' web:/tmp/\ndocker cp 'C:\\Users\\me\\x.txt' web:/tmp/",
    );
    expect(browserCopyInCommand('web', ['-dash', 'ü.txt'], '/srv/')).toBe(
      "tar -c --owner=0 --group=0 --numeric-owner -f - -- -dash 'ü.txt' | docker cp - web:/srv/",
    );
  });
});
