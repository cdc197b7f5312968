// The logs feature's public entry: what other features and the app shell use. Everything else is internal.
export { LogsTab } from './LogsTab';
export { ParkedLogsSection, useParkedLogsLabel } from './ParkedLogsSection';
