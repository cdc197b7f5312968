// The create-container feature's public entry: what other features and the app shell use. Everything else is internal.
export { CreateContainerForm } from './CreateContainerForm';
