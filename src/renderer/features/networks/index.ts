// The networks feature's public entry: what other features and the app shell use. Everything else is internal.
export { NetworksView } from './NetworksView';
