// The engines feature's public entry: what other features and the app shell use. Everything else is internal.
export { AllContainersView } from './AllContainersView';
export { AllImagesView } from './AllImagesView';
export { EngineSelectionProvider, useEngineSelection } from './EngineSelection';
export { EngineSwitcher } from './EngineSwitcher';
export { EngineTag, swatchStyle } from './EngineTag';
export { useEngineCommands } from './useEngineCommands';
