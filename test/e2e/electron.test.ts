import path from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, it } from 'vitest';
import { removeTestContainers, uniqueName } from '../helpers/engine';
import { createStartStopRemove } from './container-flow';
import { findElectronBinary } from './electron-binary';

const binary = findElectronBinary();
if ('missing' in binary) console.log(`Skipping the Electron end-to-end tests: ${binary.missing}.`);

describe.skipIf('missing' in binary)('Electron app', () => {
  let app: ElectronApplication | undefined;

  afterAll(async () => {
    await app?.close();
    await removeTestContainers();
  });

  it('launches on the engine and drives the create/start/stop/remove flow', async () => {
    if ('missing' in binary) return;
    app = await electron.launch({
      executablePath: binary.path,
      args: [path.resolve('out/main/index.js'), ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, ELECTRON_RENDERER_URL: '' } as Record<string, string>,
    });
    const page = await app.firstWindow();
    await page.getByRole('navigation').waitFor();
    await createStartStopRemove(page, uniqueName('electron'));
  });
});
