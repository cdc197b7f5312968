import { z } from 'zod';
import type { MenuMessage } from '../types/desktop';
import { returns, stream } from './define';

export const desktopStreams = {
  /** Commands chosen in the desktop app's menu (Help > Keyboard shortcuts, …). Browser mode sends none. */
  'menu.watch': stream(z.object({}).strict(), returns<MenuMessage>(), { resumable: true }),
} as const;
