import type { BerthBridge } from '../../shared/transport';

/** What both transports provide: the preload's bridge in Electron, HTTP + WebSocket in a browser. */
export type Transport = Omit<BerthBridge, 'transport'> & { readonly transport: 'electron' | 'web' };
