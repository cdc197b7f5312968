import { app, clipboard, dialog, type BrowserWindow } from 'electron';
import type { MainStrings } from './strings';

export interface AboutVersions {
  berth: string;
  electron: string;
  chromium: string;
  node: string;
  /** The engine's server version, or undefined when it does not answer. */
  engine: string | undefined;
}

/** The version lines of the About box, also what "Copy versions" puts on the clipboard. */
export function aboutDetail(strings: MainStrings, versions: AboutVersions): string {
  const a = strings.about;
  return [
    a.detail,
    '',
    `${a.berth}: ${versions.berth}`,
    `${a.electron}: ${versions.electron}`,
    `${a.chromium}: ${versions.chromium}`,
    `${a.node}: ${versions.node}`,
    `${a.engine}: ${versions.engine ?? a.engineUnavailable}`,
  ].join('\n');
}

/** The engine's version, waiting at most `timeoutMs` (the About box should not hang on a dead engine). */
export async function engineVersionWithin(read: () => Promise<string>, timeoutMs = 1500): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, timeoutMs, undefined);
  });
  try {
    return await Promise.race([read().catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function showAbout(window: BrowserWindow | undefined, strings: MainStrings, engineVersion: () => Promise<string>): Promise<void> {
  const versions: AboutVersions = {
    berth: app.getVersion(),
    electron: process.versions.electron ?? '',
    chromium: process.versions.chrome ?? '',
    node: process.versions.node,
    engine: await engineVersionWithin(engineVersion),
  };
  const detail = aboutDetail(strings, versions);
  const options = {
    type: 'info' as const,
    title: strings.about.title,
    message: strings.about.message.replace('{version}', versions.berth),
    detail,
    buttons: [strings.about.ok, strings.about.copy],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  if (response === 1) await clipboard.writeText(detail);
}
