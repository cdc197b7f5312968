import { describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { browserModeForFile } from './browser-mode';

const mode = browserModeForFile();

describe('browser mode: export from the containers list', () => {
  it("a row's Export button opens the Image tab and downloads the container's tar", async () => {
    const name = uniqueName('rowexport');
    await docker().createContainer({ Image: testImage, name, Cmd: ['true'], Labels: { ...TEST_LABELS } });
    const page = await mode.openPage();
    const row = page.locator(`[role=row][data-container-name="${name}"]`);
    await row.waitFor();
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('tab', { name: 'Image', selected: true }).waitFor();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${name}.tar`);
    expect(await file.failure()).toBeNull();
    await page.context().close();
  });
});
