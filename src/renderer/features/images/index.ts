// The images feature's public entry: what other features and the app shell use. Everything else is internal.
export { ContainerImageTab } from './ContainerImageTab';
export { ImagesView } from './ImagesView';
export { ImagePruneDialog } from './ImagePruneDialog';
