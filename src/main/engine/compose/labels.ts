// The labels compose (v1 and v2) writes on what it makes, and a project read from them.
import type Docker from 'dockerode';
import type { ComposeContainer, ComposeProject, ComposeProjectState, ComposeService } from '../../../shared/types/compose';
import type { ContainerState } from '../../../shared/types/containers';

export const PROJECT_LABEL = 'com.docker.compose.project';
const SERVICE_LABEL = 'com.docker.compose.service';
const NUMBER_LABEL = 'com.docker.compose.container-number';
const ONEOFF_LABEL = 'com.docker.compose.oneoff';
const WORKING_DIR_LABEL = 'com.docker.compose.project.working_dir';
const CONFIG_FILES_LABEL = 'com.docker.compose.project.config_files';
/** v2 only: `db:service_started:false,cache:service_healthy:true`. */
const DEPENDS_ON_LABEL = 'com.docker.compose.depends_on';

/** A container of a project, as an action needs it. */
export interface ProjectMember {
  id: string;
  name: string;
  service: string;
  state: ContainerState;
  status: string;
  labels: Record<string, string>;
}

export const projectFilter = (project: string): { label: string[] } => ({ label: [`${PROJECT_LABEL}=${project}`] });

export function memberOf(info: Docker.ContainerInfo): ProjectMember {
  const labels = info.Labels ?? {};
  return {
    id: info.Id,
    name: (info.Names?.[0] ?? info.Id.slice(0, 12)).replace(/^\//, ''),
    service: labels[SERVICE_LABEL] ?? '',
    state: info.State as ContainerState,
    status: info.Status ?? '',
    labels,
  };
}

/** The services a container's service waits for (v2's depends_on label; v1 writes none). */
export function dependenciesOf(member: ProjectMember): string[] {
  const text = member.labels[DEPENDS_ON_LABEL] ?? '';
  return text
    .split(',')
    .map((entry) => entry.split(':')[0]?.trim() ?? '')
    .filter(Boolean);
}

function stateOf(containers: readonly ComposeContainer[]): ComposeProjectState {
  const running = containers.filter((c) => c.state === 'running' || c.state === 'restarting').length;
  if (containers.length > 0 && containers.every((c) => c.state === 'paused')) return 'paused';
  if (running === 0) return containers.some((c) => c.state === 'paused') ? 'partial' : 'stopped';
  return running === containers.length ? 'running' : 'partial';
}

function containerOf(member: ProjectMember): ComposeContainer {
  const number = Number(member.labels[NUMBER_LABEL]);
  return {
    id: member.id,
    name: member.name,
    state: member.state,
    status: member.status,
    ...(Number.isInteger(number) && number > 0 ? { number } : {}),
    oneoff: (member.labels[ONEOFF_LABEL] ?? '').toLowerCase() === 'true',
  };
}

const byName = <T extends { name: string }>(a: T, b: T): number => a.name.localeCompare(b.name);

/** Containers grouped by project, then by service; each list sorted by name. */
export function projectsFrom(infos: readonly Docker.ContainerInfo[]): ComposeProject[] {
  const grouped = new Map<string, ProjectMember[]>();
  for (const info of infos) {
    const project = info.Labels?.[PROJECT_LABEL];
    if (!project) continue;
    grouped.set(project, [...(grouped.get(project) ?? []), memberOf(info)]);
  }
  return [...grouped]
    .map(([name, members]) => {
      const services = new Map<string, ComposeContainer[]>();
      for (const member of members) services.set(member.service, [...(services.get(member.service) ?? []), containerOf(member)]);
      const containers = members.map(containerOf);
      const first = members[0]?.labels ?? {};
      const configFiles = (first[CONFIG_FILES_LABEL] ?? '').split(',').filter(Boolean);
      const workingDir = first[WORKING_DIR_LABEL];
      return {
        name,
        ...(workingDir ? { workingDir } : {}),
        configFiles,
        services: [...services].map(([service, list]): ComposeService => ({ name: service, containers: list.sort(byName) })).sort(byName),
        state: stateOf(containers),
        running: containers.filter((c) => c.state === 'running').length,
        total: containers.length,
      };
    })
    .sort(byName);
}
