import type { HostServices } from '../host';

/** The desktop app's host services: native dialogs and the system browser. */
export const electronHost: HostServices = { kind: 'electron' };
