import type { ComposeProjectState } from '../../../shared/types/compose';
import type { ContainerSummary } from '../../../shared/types/containers';

const PROJECT_LABEL = 'com.docker.compose.project';
const SERVICE_LABEL = 'com.docker.compose.service';

interface ProjectService {
  name: string;
  containers: ContainerSummary[];
}

/** A compose project as the containers list shows it: the listed containers carrying its label. */
export interface ProjectGroup {
  name: string;
  /** `com.docker.compose.project.working_dir`, where its compose file is. */
  workingDir?: string;
  services: ProjectService[];
  containers: ContainerSummary[];
  state: ComposeProjectState;
  running: number;
}

/** One row of the containers list: a container, or a compose project's group row (id `compose:NAME`). */
export type ListEntry =
  { kind: 'container'; id: string; container: ContainerSummary; project?: string } | { kind: 'project'; id: string; project: ProjectGroup; expanded: boolean };

export const projectRowId = (project: string): string => `compose:${project}`;

const serviceOf = (container: ContainerSummary): string => container.labels[SERVICE_LABEL] ?? container.name;

function stateOf(containers: readonly ContainerSummary[], running: number): ComposeProjectState {
  if (containers.every((c) => c.state === 'paused')) return 'paused';
  if (running === 0) return containers.some((c) => c.state === 'paused') ? 'partial' : 'stopped';
  return running === containers.length ? 'running' : 'partial';
}

function groupOf(name: string, containers: ContainerSummary[]): ProjectGroup {
  const services = new Map<string, ContainerSummary[]>();
  for (const container of containers) services.set(serviceOf(container), [...(services.get(serviceOf(container)) ?? []), container]);
  const running = containers.filter((c) => c.state === 'running' || c.state === 'restarting').length;
  const workingDir = containers[0]?.labels['com.docker.compose.project.working_dir'];
  return {
    name,
    ...(workingDir ? { workingDir } : {}),
    services: [...services].map(([service, list]) => ({ name: service, containers: list })).sort((a, b) => a.name.localeCompare(b.name)),
    containers,
    state: stateOf(containers, running),
    running,
  };
}

/**
 * The list's rows in the containers' order: a project's group row where its first container would
 * be, followed (when expanded) by its containers in their order; containers of no project as they are.
 */
export function groupEntries(containers: readonly ContainerSummary[], expanded: ReadonlySet<string>): ListEntry[] {
  const members = new Map<string, ContainerSummary[]>();
  for (const container of containers) {
    const project = container.labels[PROJECT_LABEL];
    if (project) members.set(project, [...(members.get(project) ?? []), container]);
  }
  const entries: ListEntry[] = [];
  const placed = new Set<string>();
  for (const container of containers) {
    const project = container.labels[PROJECT_LABEL];
    if (!project) {
      entries.push({ kind: 'container', id: container.id, container });
      continue;
    }
    if (placed.has(project)) continue;
    placed.add(project);
    const open = expanded.has(project);
    const list = members.get(project) ?? [];
    entries.push({ kind: 'project', id: projectRowId(project), project: groupOf(project, list), expanded: open });
    if (open) for (const member of list) entries.push({ kind: 'container', id: member.id, container: member, project });
  }
  return entries;
}
