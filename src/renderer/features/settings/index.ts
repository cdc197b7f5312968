// The settings feature's public entry: what other features and the app shell use. Everything else is internal.
export { Preferences } from './Preferences';
export { SettingsView } from './SettingsView';
