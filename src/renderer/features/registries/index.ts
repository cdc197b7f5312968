// The registries feature's public entry: what other features and the app shell use. Everything else is internal.
export { RegistriesList } from './RegistriesList';
export { RegistryDialogsProvider, useRegistryDialogs } from './RegistryDialogs';
export { RegistryTasksProvider, useRegistryTasks } from './RegistryTasksProvider';
export { TaskView } from './TaskView';
export { orderTasks, runTaskFor } from './task-model';
