// The compose feature's public entry: what other features and the app shell use. Everything else is internal.
export { groupEntries, type ListEntry } from './grouping';
export { ProjectRow } from './ProjectRow';
export { useProjectActions, type ProjectActions } from './useProjectActions';
export { useExpandedProjects } from './useExpandedProjects';
export { projectGridKeys } from './grid-keys';
