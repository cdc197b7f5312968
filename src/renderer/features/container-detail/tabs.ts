import type { ComponentType } from 'react';
import type { ContainerSummary } from '../../../shared/types/containers';
import { OverviewTab } from './OverviewTab';
import { LogsTab } from '../logs/LogsTab';
import { ProcessesTab } from '../top/ProcessesTab';
import { PortsTab } from '../ports/PortsTab';
import { InspectTab } from '../inspect/InspectTab';
import { IsolationTab } from '../isolation/IsolationTab';
import { ContainerEventsTab } from '../events/ContainerEventsTab';
import { StatsTab } from '../stats/StatsTab';
import { TerminalTab } from '../terminal/TerminalTab';
import { ContainerImageTab } from '../images/ContainerImageTab';
import { FilesTab } from '../files/FilesTab';
import { ChangesTab } from '../changes/ChangesTab';

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

/** A container's detail view tabs, in order. A feature adds its tab here. */
export const DETAIL_TABS: readonly DetailTab[] = [
  { id: 'overview', labelKey: 'tabs.overview', Component: OverviewTab },
  { id: 'logs', labelKey: 'tabs.logs', Component: LogsTab, keepMounted: true },
  { id: 'stats', labelKey: 'tabs.stats', Component: StatsTab, keepMounted: true },
  { id: 'processes', labelKey: 'tabs.processes', Component: ProcessesTab, keepMounted: true },
  { id: 'ports', labelKey: 'tabs.ports', Component: PortsTab },
  { id: 'inspect', labelKey: 'tabs.inspect', Component: InspectTab },
  { id: 'isolation', labelKey: 'tabs.isolation', Component: IsolationTab },
  { id: 'events', labelKey: 'tabs.events', Component: ContainerEventsTab, keepMounted: true },
  { id: 'terminal', labelKey: 'tabs.terminal', Component: TerminalTab, keepMounted: true },
  { id: 'image', labelKey: 'tabs.image', Component: ContainerImageTab, keepMounted: true },
  { id: 'files', labelKey: 'tabs.files', Component: FilesTab, keepMounted: true },
  { id: 'changes', labelKey: 'tabs.changes', Component: ChangesTab },
];
