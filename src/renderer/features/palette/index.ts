// The palette feature's public entry: what other features and the app shell use. Everything else is internal.
export { PaletteHost } from './PaletteHost';
export { useViewCommands } from './useViewCommands';
