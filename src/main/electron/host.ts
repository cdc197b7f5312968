import type { HostServices } from '../host';
import { openExternalHttpUrl } from './security';

/** The desktop app's host services: native dialogs and the system browser. */
export const electronHost: HostServices = { kind: 'electron', openExternal: (url) => openExternalHttpUrl(url) };
