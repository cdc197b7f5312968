// The files feature's public entry: what other features and the app shell use. Everything else is internal.
export { ContainerDropZone } from './ContainerDropZone';
export { FileBrowser, FilesTab } from './FilesTab';
