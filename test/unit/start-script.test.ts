// `npm start` (scripts/start.mjs) checks for the Electron binary before building, and without it
// says what is missing and how to get it instead of electron-vite's "Error: Electron uninstall".
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/start.mjs';

const scratch = mkdtempSync(path.join(tmpdir(), 'berth-start-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A project folder holding the start script and an electron package without its binary (as after an install that could not download it). */
function projectWithoutBinary(): string {
  const root = mkdtempSync(path.join(scratch, 'project-'));
  mkdirSync(path.join(root, 'scripts'));
  copyFileSync(path.resolve('scripts/start.mjs'), path.join(root, 'scripts/start.mjs'));
  mkdirSync(path.join(root, 'node_modules/electron'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules/electron/package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  return root;
}

function runStart(root: string, env: Record<string, string> = {}): { status: number | null; stderr: string; stdout: string } {
  const { ELECTRON_EXEC_PATH: _exec, ELECTRON_OVERRIDE_DIST_PATH: _override, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: { ...inherited, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe('npm start without the Electron binary', () => {
  it('says what is missing, how to get it and that npm run web works, and exits 1 without building', () => {
    const root = projectWithoutBinary();
    const { status, stderr, stdout } = runStart(root);
    expect(status).toBe(1);
    expect(stderr).not.toMatch(/Electron uninstall/);
    expect(stderr).toContain('The Electron binary is not installed');
    expect(stderr).toContain('node node_modules/electron/install.js');
    expect(stderr).toContain('ELECTRON_MIRROR=');
    expect(stderr).toContain('ELECTRON_EXEC_PATH=/path/to/electron npm start');
    expect(stderr).toContain('npm run web');
    expect(stdout).toBe('');
    // Nothing was built and nothing downloaded.
    expect(readdirSync(root).sort()).toEqual(['node_modules', 'scripts']);
    expect(readdirSync(path.join(root, 'node_modules/electron'))).toEqual(['package.json']);
  });

  it('names a wrong ELECTRON_EXEC_PATH or ELECTRON_OVERRIDE_DIST_PATH', () => {
    const root = projectWithoutBinary();
    const wrongExec = runStart(root, { ELECTRON_EXEC_PATH: path.join(scratch, 'no-such-electron') });
    expect(wrongExec.status).toBe(1);
    expect(wrongExec.stderr).toContain(`ELECTRON_EXEC_PATH names ${path.join(scratch, 'no-such-electron')}, which does not exist.`);
    const wrongDist = runStart(root, { ELECTRON_OVERRIDE_DIST_PATH: path.join(scratch, 'no-dist') });
    expect(wrongDist.status).toBe(1);
    expect(wrongDist.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH is set, but there is no Electron executable at');
  });

  it('this checkout: the message, or the binary that electron-vite will be given', () => {
    const found = findElectronBinary({});
    if (found.path) expect(found.path).toMatch(/electron/i);
    else expect(found.missing).toBe('binary');
  });
});

describe('finding the binary as electron-vite and the electron package do', () => {
  it('path.txt names the executable under dist/; the overrides win', () => {
    const root = projectWithoutBinary();
    const electronDir = path.join(root, 'node_modules/electron');
    expect(findElectronBinary({}, root, 'linux')).toEqual({ missing: 'binary', looked: path.join(electronDir, 'dist') });
    writeFileSync(path.join(electronDir, 'path.txt'), 'electron');
    expect(findElectronBinary({}, root, 'linux')).toEqual({ missing: 'binary', looked: path.join(electronDir, 'dist/electron') });
    mkdirSync(path.join(electronDir, 'dist'));
    writeFileSync(path.join(electronDir, 'dist/electron'), '');
    expect(findElectronBinary({}, root, 'linux')).toEqual({ path: path.join(electronDir, 'dist/electron') });

    const elsewhere = mkdtempSync(path.join(scratch, 'dist-'));
    writeFileSync(path.join(elsewhere, 'electron'), '');
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: elsewhere }, root, 'linux')).toEqual({ path: path.join(elsewhere, 'electron') });
    expect(findElectronBinary({ ELECTRON_EXEC_PATH: path.join(elsewhere, 'electron') }, root, 'linux')).toEqual({ path: path.join(elsewhere, 'electron') });
    expect(findElectronBinary({}, path.join(scratch, 'empty'), 'linux')).toMatchObject({ missing: 'package' });
  });
});
