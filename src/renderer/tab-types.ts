// What a detail tab is, apart from the list of tabs (tabs.ts): each tab's feature imports these
// types, and the list imports every tab.
import type { ComponentType } from 'react';
import type { ContainerSummary } from '../shared/types/containers';

/** Something the user asked for from outside the detail view (a row button, the palette). */
export type DetailIntent = 'export' | 'commit';

export interface DetailTabProps {
  /** Live: updated from the engine's events while the tab is open. */
  container: ContainerSummary;
  /** False while the tab is hidden (another tab chosen): stop refreshing, keep state. */
  active: boolean;
  /** Given once, to the tab the view opened on; the tab acts on it when it mounts. */
  intent?: DetailIntent;
}

export interface DetailTab {
  id: string;
  /** Key in the `detail` namespace. */
  labelKey: string;
  Component: ComponentType<DetailTabProps>;
  /** Keep the component mounted when another tab is chosen (terminals, log buffers). */
  keepMounted?: boolean;
}
