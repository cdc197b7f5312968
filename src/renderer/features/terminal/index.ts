// The terminal feature's public entry: what other features and the app shell use. Everything else is internal.
export { TerminalTab } from './TerminalTab';
export { createInteractively } from './run-interactive';
