// The isolation feature's public entry: what other features and the app shell use. Everything else is internal.
export { IsolationTab } from './IsolationTab';
