// The transfers feature's public entry: what other features and the app shell use. Everything else is internal.
export { startBrowserDownload, uploadInBrowser } from './browser-transfers';
export { useTransfer } from './useTransfer';
export { TransfersSection } from './TransfersSection';
export { useActiveTransfers } from './useActiveTransfers';
