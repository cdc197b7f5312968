// A link from terminal output opens only after the user chose Open in main's own dialog.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  answer: 2,
  dialogs: [] as Array<{ detail: string; buttons: string[]; defaultId: number; cancelId: number }>,
  opened: [] as string[],
  clipboard: [] as string[],
}));

vi.mock('electron', () => ({
  app: { isPackaged: true },
  session: { defaultSession: {} },
  shell: { openExternal: async (url: string) => void electron.opened.push(url) },
  clipboard: { writeText: (text: string) => void electron.clipboard.push(text) },
  dialog: {
    showMessageBox: async (options: (typeof electron.dialogs)[number]) => {
      electron.dialogs.push(options);
      return { response: electron.answer };
    },
  },
  BrowserWindow: { getFocusedWindow: () => null, getAllWindows: () => [] },
}));

const { confirmAndOpenLink } = await import('../../../src/main/electron/link-confirm');
const { stringsFor } = await import('../../../src/main/electron/strings');
const strings = stringsFor('en', 'en-US');

describe('confirmAndOpenLink', () => {
  beforeEach(() => {
    electron.dialogs.length = 0;
    electron.opened.length = 0;
    electron.clipboard.length = 0;
  });

  it('shows the whole URL with Cancel as the default, and opens it only on Open', async () => {
    electron.answer = 0;
    expect(await confirmAndOpenLink(new URL('https://example.com/a?b=1#c'), strings)).toBe(true);
    expect(electron.dialogs).toEqual([
      expect.objectContaining({ detail: 'https://example.com/a?b=1#c', buttons: ['Open', 'Copy link', 'Cancel'], defaultId: 2, cancelId: 2 }),
    ]);
    expect(electron.opened).toEqual(['https://example.com/a?b=1#c']);
  });

  it('copies instead on Copy link, and does nothing on Cancel', async () => {
    electron.answer = 1;
    expect(await confirmAndOpenLink(new URL('http://127.0.0.1:8080/'), strings)).toBe(false);
    electron.answer = 2;
    expect(await confirmAndOpenLink(new URL('http://127.0.0.1:9090/'), strings)).toBe(false);
    expect(electron.clipboard).toEqual(['http://127.0.0.1:8080/']);
    expect(electron.opened).toEqual([]);
  });

  it('refuses anything but http(s) without asking', async () => {
    electron.answer = 0;
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share']) {
      await expect(confirmAndOpenLink(new URL(url), strings)).rejects.toThrow(/Only http and https/);
    }
    expect(electron.dialogs).toEqual([]);
    expect(electron.opened).toEqual([]);
  });

  it('speaks Korean when asked', () => {
    expect(stringsFor('ko', 'en-US').link.open).toBe('열기');
  });
});
