import type { DetailTab } from './tab-types';
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
