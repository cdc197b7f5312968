// The volumes feature's public entry: what other features and the app shell use. Everything else is internal.
export { VolumesView } from './VolumesView';
export { PruneVolumesDialog } from './PruneVolumesDialog';
