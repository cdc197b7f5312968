import type { DetailTab } from '../../../tab-types';
import { OverviewTab } from './OverviewTab';
import { LogsTab } from '../../logs';
import { ProcessesTab } from '../../top';
import { PortsTab } from '../../ports';
import { InspectTab } from '../../inspect';
import { IsolationTab } from '../../isolation';
import { ContainerEventsTab } from '../../events';
import { StatsTab } from '../../stats';
import { TerminalTab } from '../../terminal';
import { ContainerImageTab } from '../../images';
import { FilesTab } from '../../files';
import { ChangesTab } from '../../changes';

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
