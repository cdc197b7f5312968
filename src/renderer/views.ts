import type { AppView } from './view-types';
import { ContainersView } from './features/containers';
import { EngineWithDiskUsage } from './features/disk-usage';
import { EventsView } from './features/events';
import { ImagesView } from './features/images';
import { SettingsView } from './features/settings';
import { VolumesView } from './features/volumes';

/** The sidebar's views, in order. A feature with a top-level view adds it here. */
export const VIEWS: readonly AppView[] = [
  { id: 'containers', labelKey: 'nav.containers', Component: ContainersView },
  { id: 'images', labelKey: 'nav.images', Component: ImagesView },
  { id: 'volumes', labelKey: 'nav.volumes', Component: VolumesView },
  { id: 'events', labelKey: 'nav.events', Component: EventsView },
  { id: 'engine', labelKey: 'nav.engine', Component: EngineWithDiskUsage },
  { id: 'settings', labelKey: 'nav.settings', Component: SettingsView },
];
