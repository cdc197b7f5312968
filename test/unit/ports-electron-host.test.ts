// The desktop app's openExternal: only http(s) URLs reach shell.openExternal.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.hoisted(() => vi.fn((_url: string) => Promise.resolve()));

vi.mock('electron', () => ({
  app: { isPackaged: true },
  session: { defaultSession: {} },
  shell: { openExternal },
}));

const { createElectronHost } = await import('../../src/main/electron/host');
const { createSettingsStore } = await import('../../src/main/settings/store');
const electronHost = createElectronHost('/tmp/berth-unused', createSettingsStore('/tmp/berth-unused'));

describe('electronHost.openExternal', () => {
  beforeEach(() => openExternal.mockClear());

  it('opens an http URL in the system browser, exactly as built', async () => {
    await electronHost.openExternal?.(new URL('http://127.0.0.1:8080/'));
    await electronHost.openExternal?.(new URL('https://[::1]:8443/'));
    expect(openExternal.mock.calls).toEqual([['http://127.0.0.1:8080/'], ['https://[::1]:8443/']]);
  });

  it('refuses every other scheme without calling the shell', async () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'berth://app/', 'data:text/html,hi']) {
      await expect(electronHost.openExternal?.(new URL(url))).rejects.toThrow(/Only http and https/);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});
