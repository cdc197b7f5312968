// `npm start`: checks that the Electron binary is there before building, then runs
// `electron-vite build` and `electron-vite preview` (the desktop app on the local engine).
// Without the binary it says what is missing and how to get it, and exits 1 without building.
// The check never loads the `electron` package (its index.js downloads the binary when it is absent).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The executable's path inside an Electron dist folder, as node_modules/electron/install.js names it. */
function platformExecutable(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * Where the Electron binary is, found as electron-vite and the electron package find it:
 * ELECTRON_EXEC_PATH (electron-vite's own override), else ELECTRON_OVERRIDE_DIST_PATH (the electron
 * package's), else node_modules/electron/dist/<path.txt>. Returns `{ path }` or `{ missing, looked }`.
 */
export function findElectronBinary(env = process.env, projectRoot = root, platform = process.platform) {
  if (env.ELECTRON_EXEC_PATH) {
    return existsSync(env.ELECTRON_EXEC_PATH) ? { path: env.ELECTRON_EXEC_PATH } : { missing: 'exec-path', looked: env.ELECTRON_EXEC_PATH };
  }
  const packageDir = path.join(projectRoot, 'node_modules', 'electron');
  if (!existsSync(path.join(packageDir, 'package.json'))) return { missing: 'package', looked: packageDir };
  const pathFile = path.join(packageDir, 'path.txt');
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const executable = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, named || platformExecutable(platform));
    return existsSync(executable) ? { path: executable } : { missing: 'override', looked: executable };
  }
  if (!named) return { missing: 'binary', looked: path.join(packageDir, 'dist') };
  const executable = path.join(packageDir, 'dist', named);
  return existsSync(executable) ? { path: executable } : { missing: 'binary', looked: executable };
}

/** What to tell the user when the binary is missing: what, why it matters, and the ways to get it. */
export function missingElectronMessage(found) {
  const what = {
    'exec-path': `ELECTRON_EXEC_PATH names ${found.looked}, which does not exist.`,
    override: `ELECTRON_OVERRIDE_DIST_PATH is set, but there is no Electron executable at ${found.looked}.`,
    package: `The electron npm package is not installed (${found.looked} is missing). Run npm install first.`,
    binary: `The Electron binary is not installed: nothing at ${found.looked}. The electron npm package is installed, but it fetches its binary separately, and that has not happened (or failed).`,
  }[found.missing];
  return [
    'npm start cannot open the desktop app.',
    what,
    '',
    'To get it:',
    '  - with network access to github.com: node node_modules/electron/install.js',
    '    (through a mirror: ELECTRON_MIRROR=https://your.mirror/electron/ node node_modules/electron/install.js)',
    '  - or use an Electron binary you already have, of the version in node_modules/electron/package.json:',
    '    ELECTRON_EXEC_PATH=/path/to/electron npm start',
    '    (or ELECTRON_OVERRIDE_DIST_PATH=/folder/holding/it npm start)',
    '',
    'Browser mode needs no Electron: npm run web serves the same UI in your browser.',
  ].join('\n');
}

/** Runs electron-vite with `args`; resolves its exit code. */
function electronVite(args, env) {
  const cli = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.once('error', (err) => {
      process.stderr.write(`electron-vite: ${err.message}\n`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const found = findElectronBinary();
  if (!found.path) {
    process.stderr.write(`${missingElectronMessage(found)}\n`);
    process.exit(1);
  }
  // electron-vite reads only ELECTRON_EXEC_PATH and path.txt: hand it the binary that was found.
  const env = { ...process.env, ELECTRON_EXEC_PATH: found.path };
  const built = await electronVite(['build'], env);
  if (built !== 0) process.exit(built);
  process.exit(await electronVite(['preview', ...process.argv.slice(2)], env));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
