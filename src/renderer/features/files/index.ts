// The files feature's public entry: what other features and the app shell use. Everything else is internal.
export { ContainerDropZone } from './ContainerDropZone';
export { FilesTab } from './FilesTab';
