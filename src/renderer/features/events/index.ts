// The events feature's public entry: what other features and the app shell use. Everything else is internal.
export { ContainerEventsTab } from './ContainerEventsTab';
export { EventsView } from './EventsView';
