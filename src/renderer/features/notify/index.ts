// The notify feature's public entry: what other features and the app shell use. Everything else is internal.
export { BrowserNotificationPermission } from './BrowserNotificationPermission';
export { useTaskNotifier } from './useTaskNotifier';
