// The containers feature's public entry: what other features and the app shell use. Everything else is internal.
export { ContainersView } from './ContainersView';
export { PruneDialog as ContainerPruneDialog } from './prune/PruneDialog';
