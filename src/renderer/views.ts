import type { ComponentType } from 'react';
import type { EngineState } from '../shared/types/engine';
import { ContainersView } from './features/containers/ContainersView';
import { EngineView } from './features/engine/EngineView';
import { EventsView } from './features/events/EventsView';
import { ImagesView } from './features/images/ImagesView';
import { SettingsView } from './features/settings/SettingsView';

export interface ViewProps {
  engineState: EngineState | undefined;
}

export interface AppView {
  id: string;
  /** Key in the `common` namespace. */
  labelKey: string;
  Component: ComponentType<ViewProps>;
}

/** The sidebar's views, in order. A feature with a top-level view adds it here. */
export const VIEWS: readonly AppView[] = [
  { id: 'containers', labelKey: 'nav.containers', Component: ContainersView },
  { id: 'images', labelKey: 'nav.images', Component: ImagesView },
  { id: 'events', labelKey: 'nav.events', Component: EventsView },
  { id: 'engine', labelKey: 'nav.engine', Component: EngineView },
  { id: 'settings', labelKey: 'nav.settings', Component: SettingsView },
];
