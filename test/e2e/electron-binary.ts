import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Electron executable if it is installed, without ever triggering the npm package's
 * download-on-first-use (requiring 'electron' from Node would try to download it).
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const packageDir = path.resolve('node_modules/electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile) && !override) {
    return {
      missing: 'the Electron binary is not installed (node_modules/electron/path.txt is absent; it downloads on first run, which this machine cannot do)',
    };
  }
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const executable = override ? path.join(override, relative) : path.join(packageDir, 'dist', relative);
  if (!existsSync(executable)) return { missing: `the Electron binary is not at ${executable}` };
  return { path: executable };
}
