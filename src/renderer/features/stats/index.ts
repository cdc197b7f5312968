// The stats feature's public entry: what other features and the app shell use. Everything else is internal.
export { CompareButton, ComparePanel } from './ComparePanel';
export { StatsColumnCells, StatsColumnHeaders } from './StatsColumns';
export { StatsOverview } from './StatsOverview';
export { StatsTab } from './StatsTab';
