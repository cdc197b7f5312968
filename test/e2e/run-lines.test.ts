// docker run lines in both directions, in Chromium: a pasted line fills the create form and the
// notice names the flags it could not take; "Copy docker run" gives the line that makes the
// container again (on the clipboard, or in a dialog where the page may not write it).
import { describe, expect, it } from 'vitest';
import { docker, TEST_LABELS, testImage, uniqueName } from '../helpers/engine';
import { browserModeForFile, openContainer } from './browser-mode';

const mode = browserModeForFile();

describe('browser mode: docker run lines', () => {
  it('paste a line: the fields fill, the notice names what is not taken, and the container is made as the line said', async () => {
    const page = await mode.openPage();
    const name = uniqueName('pasted');
    await page.getByRole('button', { name: 'New container' }).first().click();
    await page.getByRole('button', { name: 'Paste docker run…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Fill the form from a docker run line' });
    const line = [
      `docker run -dit --name ${name} \\`,
      '  -p 127.0.0.1::8080 -e "GREETING=hello world" --label berth.test=1 \\',
      '  --init --read-only --tmpfs /run:size=16m --cap-drop NET_RAW \\',
      '  --health-cmd "true" --health-interval 30s \\',
      '  --add-host db.local:10.0.0.5 --ulimit nofile=1024 -v $PWD/data:/data \\',
      `  ${testImage} sleep 300`,
    ].join('\n');
    await dialog.getByLabel('docker run or docker create line').fill(line);
    await dialog.getByRole('button', { name: 'Fill the form' }).click();
    await dialog.waitFor({ state: 'detached' });

    const notice = page.getByRole('status', { name: 'What the pasted line filled in' });
    await expect.poll(() => notice.textContent()).toContain('3 flags of the pasted line are not in the form');
    for (const flag of ['--add-host db.local:10.0.0.5', '--ulimit nofile=1024', '-v $PWD/data:/data']) {
      expect(await notice.getByText(flag, { exact: true }).count(), flag).toBe(1);
    }

    expect(await page.getByLabel('Image', { exact: true }).inputValue()).toBe(testImage);
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(name);
    expect(await page.getByLabel('Command', { exact: true }).inputValue()).toBe('sleep 300');
    expect(await page.getByLabel('Run an init process (--init)').isChecked()).toBe(true);
    expect(await page.getByLabel('Read-only root filesystem').isChecked()).toBe(true);
    expect(await page.getByLabel('Allocate a terminal (TTY)').isChecked()).toBe(true);
    expect(await page.getByLabel('Drop capabilities').inputValue()).toBe('NET_RAW');
    expect(await page.getByLabel('Check command').inputValue()).toBe('true');
    expect(await page.getByLabel('Interval').inputValue()).toBe('30s');
    expect(await page.getByRole('group', { name: 'Tmpfs 1' }).getByLabel('Options').inputValue()).toBe('size=16m');

    await page.getByRole('button', { name: 'Create and start', exact: true }).click();
    const row = page.locator(`[role=row][data-container-name="${name}"]`);
    await row.waitFor({ timeout: 15_000 });
    const info = await docker().getContainer(name).inspect();
    expect(info.Config.Env).toContain('GREETING=hello world');
    expect(info.HostConfig).toMatchObject({ Init: true, ReadonlyRootfs: true, Tmpfs: { '/run': 'size=16m' }, CapDrop: ['CAP_NET_RAW'] });
    expect(info.HostConfig.PortBindings).toEqual({ '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] });
    await page.context().close();
  });

  it('Copy docker run: on the clipboard where the page may write it, else in a dialog to copy', async () => {
    const name = uniqueName('copy-run');
    await docker().createContainer({ Image: testImage, name, Cmd: ['sleep', '300'], Labels: { ...TEST_LABELS, team: 'web' }, Env: ['MODE=test'] });
    const expected = `docker run -d --name ${name} -e MODE=test --label team=web ${testImage} sleep 300`;

    // Plain http on 127.0.0.1 is a secure context: with the permission, the page writes the clipboard.
    const page = await mode.openPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(mode.web.url).origin });
    await openContainer(page, name);
    await page.getByRole('button', { name: 'Copy docker run' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

    // From the list: select the row, then the command palette's "Copy docker run for <name>".
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByRole('button', { name: '← All containers' }).click();
    const row = page.locator(`[role=row][data-container-name="${name}"]`);
    await row.getByRole('checkbox').check();
    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('combobox', { name: 'Command' }).fill(`Copy docker run for ${name}`);
    await palette
      .getByRole('option')
      .filter({ hasText: `Copy docker run for ${name}` })
      .click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await page.context().close();

    // Where writing is refused, the line is shown, selected, to copy by hand.
    const refused = await mode.openPage();
    await refused.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    });
    await openContainer(refused, name);
    await refused.getByRole('button', { name: 'Copy docker run' }).click();
    const shown = refused.getByRole('dialog', { name: `docker run for ${name}` });
    expect(await shown.getByRole('textbox').inputValue()).toBe(expected);
    await refused.context().close();
  });
});
